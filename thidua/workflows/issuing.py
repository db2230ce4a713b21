"""Signing and issuing a batch of drafts: each signed by its unit's leader, issued by its records office, verified."""
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from dispatch.record import IssuedDocument, Verification
from dispatch.register import open_register
from generators.core.config import load_province
from generators.core.errors import ThiduaError
from generators.core.files import sha256
from generators.documents.draft import Draft
from signing.keys import Pkcs12Key, load_pkcs12
from signing.testpki.layout import PkiLayout
from signing.verify import Expected, verify
from thidua.workflows.office import expected_of, issue_as_office, sign_as_leader


@dataclass(frozen=True)
class Job:
    data_dir: Path
    draft: Draft
    pki: Path
    register: str | Path
    tsa_url: str | None = None


@lru_cache(maxsize=4)
def _province(data_dir: Path):
    """Once per worker process, not once per document."""
    return load_province(data_dir)


@lru_cache(maxsize=4)
def _register(target: str | Path):
    """Opened once per worker process: opening takes the register's lock, which the other worker's issuance holds."""
    return open_register(target)


def verified(doc: IssuedDocument, trust_roots: list[Path], expected: Expected | None = None) -> IssuedDocument:
    report = verify(doc.files.issued_pdf, trust_roots, expected)
    return doc.verified(Verification(report.indication, tuple(s.signer for s in report.signatures)))


def with_draft(doc: IssuedDocument, draft: Draft) -> IssuedDocument:
    """The record completed with the draft's files, title and checksums."""
    return replace(doc, title=draft.title).with_files(docx=draft.docx, draft_pdf=draft.pdf,
                                                       docx_sha256=sha256(draft.docx), draft_sha256=sha256(draft.pdf))


def _run(job: Job, password: bytes) -> IssuedDocument:
    province = _province(job.data_dir)
    unit = province.unit(job.draft.unit)
    sealing = province.unit(unit.issuer_code)  # a cluster's or bloc's lead unit seals for it
    layout = PkiLayout(job.pki)
    leader = load_pkcs12(Pkcs12Key(layout.leader_p12(unit.code)), password)
    org = load_pkcs12(Pkcs12Key(layout.org_p12(sealing.code)), password)
    draft = job.draft
    sign_as_leader(unit, draft.pdf, draft.signed_pdf, leader, layout.signature_image(unit.code), job.tsa_url,
                   kind=draft.kind, sealing=sealing)
    doc = issue_as_office(unit, draft.signed_pdf, draft.issued_pdf, _register(job.register), org,
                          layout.seal_image(sealing.code), draft.created.date(), job.tsa_url, kind=draft.kind,
                          sealing_unit=sealing)
    return with_draft(verified(doc, [layout.root], expected_of(unit, sealing)), draft)


def sign_and_issue(data_dir: Path, drafts: list[Draft], password: bytes, layout: PkiLayout, register: str | Path,
                   workers: int = 2, tsa_url: str | None = None) -> list[IssuedDocument]:
    """Every draft signed and issued on its drafting date; the records in the drafts' order. A draft that is not
    final (a finding without a recorded decision) is refused before anything is signed."""
    held = [d for d in drafts if d.undecided]
    if held:
        raise ThiduaError("Văn bản chưa hoàn chỉnh, không trình ký: " + "; ".join(
            f"{d.pdf.name}: {', '.join(d.undecided)}" for d in held) + ".")
    jobs = [Job(Path(data_dir), d, layout.folder, register, tsa_url) for d in drafts]
    with ProcessPoolExecutor(max_workers=max(1, workers)) as pool:
        return list(pool.map(_run, jobs, [password] * len(jobs)))
