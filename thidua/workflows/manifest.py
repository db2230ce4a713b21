"""out/<year>/manifest.json: every document of the round, written from the drafts or the issued records."""
from __future__ import annotations

import json
from pathlib import Path

from pypdf import PdfReader

from dispatch.record import IssuedDocument
from generators.core.files import sha256, write_text
from generators.documents.draft import Draft


def _pages(pdf: Path) -> int:
    return len(PdfReader(str(pdf)).pages)


def _write(out_dir: Path, year: int, body: dict) -> Path:
    path = Path(out_dir) / str(year) / "manifest.json"
    write_text(path, json.dumps(body, ensure_ascii=False, indent=2) + "\n")
    return path


def draft_entry(d: Draft, out_dir: Path) -> dict:
    rel = lambda p: Path(p).relative_to(out_dir).as_posix()  # noqa: E731
    return {"kind": d.kind, "unit": d.unit, "title": d.title, "docx": rel(d.docx), "pdf": rel(d.pdf),
            "sha256": sha256(d.pdf), "docx_sha256": sha256(d.docx), "pages": _pages(d.pdf)}


def issued_entry(doc: IssuedDocument, out_dir: Path) -> dict:
    """The draft's fields, then `pdf`/`sha256` of the issued file, then the register's and the verifier's."""
    rel = lambda p: Path(p).relative_to(out_dir).as_posix()  # noqa: E731
    f = doc.files
    return {
        "kind": doc.kind, "unit": doc.issuer, "title": doc.title, "docx": rel(f.docx), "pdf": rel(f.issued_pdf),
        "sha256": f.issued_sha256, "docx_sha256": f.docx_sha256, "pages": doc.pages,
        "draft_pdf": rel(f.draft_pdf), "draft_sha256": f.draft_sha256, "signed_pdf": rel(f.signed_pdf),
        "number": doc.code_number, "notation": doc.notation, "issued_date": doc.issued_date.isoformat(),
        "signers": list(doc.verification.signers) if doc.verification else [],
        "verify": doc.verification.indication if doc.verification else "",
        "type_name": doc.type_name, "organ_name": doc.organ_name, "subject": doc.subject,
        "signer": {"full_name": doc.signer.full_name, "position": doc.signer.position},
        "recipients": list(doc.recipients), "file_copy": doc.file_copy, "copies": doc.copies,
        "issued_at": doc.issued_at,
    }


def write_drafts_manifest(out_dir: Path, year: int, drafts: list[Draft]) -> Path:
    return _write(out_dir, year, {"year": year, "documents": [draft_entry(d, Path(out_dir)) for d in drafts]})


def write_issued_manifest(out_dir: Path, year: int, documents: list[IssuedDocument], trust_roots: list[Path]) -> Path:
    out_dir = Path(out_dir)
    return _write(out_dir, year, {"year": year, "documents": [issued_entry(d, out_dir) for d in documents],
                                  "trust_roots": [Path(p).relative_to(out_dir).as_posix() for p in trust_roots]})
