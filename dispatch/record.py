"""IssuedDocument: one typed record of an issued document (Decree 30/2020, Appendix VI; spec 05 §2).

The register row, the manifest, and later the edXML header, the archival
metadata and the web pages are all written from this record.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

# TypeName of Appendix VI for the short codes thidua uses in notations and the manifest.
TYPE_NAMES = {"KH": "Kế hoạch", "TTr": "Tờ trình", "BB": "Biên bản", "QĐ": "Quyết định",
              "BC": "Báo cáo", "CV": "Công văn"}


@dataclass(frozen=True)
class SignerInfo:
    """Appendix VI SignerInfo: who signed for the issuing body."""

    full_name: str
    """FullName (50): the leader's name as printed under the signature."""
    position: str = ""
    """Position (100): the authority and title lines of the signature block, e.g. "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"."""


@dataclass(frozen=True)
class DocumentFiles:
    """Where each stage of the document lies, and its SHA-256."""

    docx: Path | None = None
    draft_pdf: Path | None = None
    signed_pdf: Path | None = None
    issued_pdf: Path | None = None
    docx_sha256: str = ""
    draft_sha256: str = ""
    issued_sha256: str = ""


@dataclass(frozen=True)
class Verification:
    """The verdict of `signing.verify` on the issued file."""

    indication: str
    """TOTAL_PASSED, TOTAL_FAILED or INDETERMINATE."""
    signers: tuple[str, ...] = ()


@dataclass(frozen=True)
class IssuedDocument:
    kind: str
    """Short type code used in the notation: KH, BC, TTr, BB, QĐ."""
    issuer: str
    """The issuing unit's code in province.yaml (register numbers run per issuer)."""
    organ_name: str
    """OrganName (200): the issuing agency."""
    subject: str
    """Subject (500): tên loại và trích yếu as the register prints it."""
    number: int
    """CodeNumber (11): the register's number, 1-based; printed padded by `code_number`."""
    notation: str
    """Số, ký hiệu as printed: "05/KH-UBND" (CodeNotation is the part after the slash)."""
    issued_date: dt.date
    """IssuedDate."""
    signer: SignerInfo
    recipients: tuple[str, ...] = ()
    """To / Nơi nhận: one line each, as printed."""
    file_copy: str = ""
    """Đơn vị, người nhận bản lưu (register column 6)."""
    pages: int = 0
    """PageAmount."""
    copies: int = 1
    """IssuedAmount: số lượng bản."""
    language: str = "vi"
    priority: int = 0
    """Priority: 0 normal; 1-4 urgency levels (QCVN 102)."""
    due_date: dt.date | None = None
    description: str = ""
    sequence: str = ""
    """The agency's numbering sequence ('' = its one sequence)."""
    issued_at: str = ""
    """When the records office issued it, ISO 8601 with +07:00."""
    title: str = ""
    """The document's own title (its PDF metadata), for the manifest."""
    files: DocumentFiles = field(default_factory=DocumentFiles)
    verification: Verification | None = None

    @property
    def year(self) -> int:
        return self.issued_date.year

    @property
    def type_name(self) -> str:
        return TYPE_NAMES.get(self.kind, self.kind)

    @property
    def code_number(self) -> str:
        """1-9 are written 01-09; 10 and above have no padding (spec 02)."""
        return format_number(self.number)

    @property
    def code_notation(self) -> str:
        return self.notation.split("/", 1)[1] if "/" in self.notation else self.notation

    def with_files(self, **changes) -> "IssuedDocument":
        return replace(self, files=replace(self.files, **changes))

    def verified(self, verification: Verification) -> "IssuedDocument":
        return replace(self, verification=verification)


def format_number(number: int) -> str:
    return f"{number:02d}"
