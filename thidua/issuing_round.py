"""The demo's second half: every generated document signed by its unit's leader and issued by its office."""
from __future__ import annotations

import datetime as dt
import os
import secrets
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dispatch.register import Register
from generators.core.config import load_province
from signing.keys import Pkcs12Key, load_pkcs12
from signing.verify import verify
from thidua.office import PASSWORD_ENV, PkiLayout, init_pki, issue_as_office, sign_as_leader


@dataclass(frozen=True)
class Job:
    data_dir: Path
    unit: str
    draft: Path
    signed: Path
    issued: Path
    issued_date: dt.date
    pki: Path
    register: Path


@lru_cache(maxsize=4)
def _province(data_dir: Path):
    """Once per worker process, not once per document."""
    return load_province(data_dir)


def _run(job: Job, password: bytes) -> dict:
    province = _province(job.data_dir)
    unit = province.unit(job.unit)
    layout = PkiLayout(job.pki)
    leader = load_pkcs12(Pkcs12Key(layout.leader_p12(unit.code)), password)
    org = load_pkcs12(Pkcs12Key(layout.org_p12(unit.code)), password)
    sign_as_leader(unit, job.draft, job.signed, leader, layout.signature_image(unit.code))
    register = Register(job.register)
    try:
        entry = issue_as_office(unit, job.signed, job.issued, register, org, layout.seal_image(unit.code),
                                job.issued_date)
    finally:
        register.close()
    report = verify(job.issued, [layout.root])
    return {"number": f"{entry.number:02d}", "notation": entry.notation, "issued_date": entry.issued_date.isoformat(),
            "signers": [s.signer for s in report.signatures], "verify": report.indication}


def password_for_demo() -> tuple[bytes, bool]:
    """The environment's password if set; else a random one that lives only in this process."""
    value = os.environ.get(PASSWORD_ENV)
    if value:
        return value.encode("utf-8"), True
    return secrets.token_urlsafe(24).encode(), False


def register_path(out_dir: Path, year: int, fresh: bool = False) -> Path:
    register = Path(out_dir) / str(year) / "so-dang-ky-van-ban-di.sqlite"
    if fresh:
        for suffix in ("", "-wal", "-shm"):  # the demo replays the year into a fresh register
            Path(f"{register}{suffix}").unlink(missing_ok=True)
    return register


def make_pki(data_dir: Path, out_dir: Path, units: list[str], password: bytes, people=()) -> PkiLayout:
    return init_pki(load_province(data_dir), Path(out_dir) / "pki", password, sorted(set(units)), list(people))


def sign_and_issue(data_dir: Path, out_dir: Path, year: int, documents, password: bytes, layout: PkiLayout,
                   workers: int = 2):
    """Sign and issue every document with the given PKI; return the jobs and per-document manifest fields."""
    register = register_path(out_dir, year, fresh=True)
    jobs = [Job(Path(data_dir), d.unit, d.pdf, d.pdf.with_name(d.pdf.stem + ".signed.pdf"),
                d.pdf.with_name(d.pdf.stem + ".issued.pdf"), d.created.date(), layout.folder, register)
            for d in documents]
    with ProcessPoolExecutor(max_workers=max(1, workers)) as pool:
        results = list(pool.map(_run, jobs, [password] * len(jobs)))
    return jobs, results
