"""The year's archive: each agency's issued documents extended for the long term and packaged as one dossier
(E-ARK CSIP, Circular 05/2025 metadata), and the verification an archivist runs on a package."""
from __future__ import annotations

import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from dispatch.archive.dossier import ArchivedDocument, Dossier
from dispatch.archive.package import write_package
from dispatch.archive.verify import ArchiveReport, verify_package
from dispatch.record import IssuedDocument
from dispatch.register import open_register
from generators.core.clock import now_vn
from generators.core.config import load_province
from generators.core.errors import ThiduaError
from signing.errors import SigningError
from signing.ltv import extend_long_term
from thidua.settings import Settings
from thidua.workflows.archive import trust_roots
from thidua.workflows.office import sealing_unit_of

HEADING = "TĐKT"  # the dossier list's heading: thi đua, khen thưởng


@dataclass(frozen=True)
class ArchivedPackage:
    path: Path
    dossier: Dossier


def archive_year(settings: Settings, folder: Path, roots: list[Path] | None = None,
                 tsa_url: str | None = None) -> list[ArchivedPackage]:
    """One package per agency's dossier of the year in `folder`; a document that cannot be extended (a revoked
    certificate, revocation data out of reach) stops the run before any package is written."""
    roots = trust_roots(settings, roots)
    province = load_province(settings.data)
    with open_register(settings.register_target) as register:
        issued = register.entries(year=settings.year)
    if not issued:
        raise ThiduaError(f"Sổ đăng ký năm {settings.year} chưa có văn bản nào ({settings.register_target}).")
    by_agency: dict[str, list[IssuedDocument]] = {}
    for doc in issued:
        by_agency.setdefault(sealing_unit_of(province, doc).code, []).append(doc)
    plan = []
    for code, docs in sorted(by_agency.items()):
        unit = province.unit(code)
        if not unit.organ_id:
            raise ThiduaError(f"Đơn vị «{code}» chưa có mã định danh (organ_id): không lập được mã hồ sơ.")
        for doc in docs:
            if doc.files.issued_pdf is None or not Path(doc.files.issued_pdf).is_file():
                raise ThiduaError(f"Không tìm thấy tệp đã phát hành của văn bản {doc.notation} ({doc.issuer}).")
        plan.append((unit, sorted(docs, key=lambda d: (d.issued_date, d.issuer, d.number))))
    with tempfile.TemporaryDirectory(prefix="thidua-luu-tru-") as work:
        jobs = [(Path(doc.files.issued_pdf), Path(work) / f"{i}-{j}.pdf", roots, tsa_url or settings.tsa_url)
                for i, (_, docs) in enumerate(plan) for j, doc in enumerate(docs)]
        with ProcessPoolExecutor(max_workers=max(1, settings.workers)) as pool:
            outcomes = iter(list(pool.map(_extended, jobs)))
        dossiers = []
        for unit, docs in plan:
            kept = []
            for doc in docs:
                level, data, at = next(outcomes)
                if data is None:
                    raise ThiduaError(f"Văn bản {doc.notation} ({doc.issuer}): {level} Chưa lập gói lưu trữ nào.")
                kept.append(ArchivedDocument(doc, data, level, at))
            dossiers.append(Dossier(unit.organ_id, unit.name, settings.year, 1, HEADING,
                                    f"Hồ sơ thi đua, khen thưởng năm {settings.year} của {unit.name}", tuple(kept)))
    at = now_vn()
    return [ArchivedPackage(write_package(d, Path(folder), at), d) for d in dossiers]


def _extended(job) -> tuple[str, bytes | None, object]:
    """(level, the extended file's bytes, when) or (the refusal, None, None): run in a worker process."""
    src, dst, roots, tsa_url = job
    try:
        level = extend_long_term(src, dst, roots, tsa_url)
    except SigningError as exc:
        return str(exc), None, None
    return level, dst.read_bytes(), now_vn()


def verify_archive(settings: Settings, package: Path, roots: list[Path] | None = None) -> ArchiveReport:
    return verify_archives(settings, [package], roots, workers=1)[0]


def verify_archives(settings: Settings, packages: list[Path], roots: list[Path] | None = None,
                    workers: int = 1) -> list[ArchiveReport]:
    """Each package verified (in `workers` processes), reports in the packages' order."""
    for package in packages:
        if not Path(package).is_file():
            raise ThiduaError(f"Không tìm thấy gói lưu trữ {package}.")
    roots = trust_roots(settings, roots)
    if workers <= 1 or len(packages) == 1:
        return [verify_package(Path(p), roots) for p in packages]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(verify_package, [Path(p) for p in packages], [roots] * len(packages)))
