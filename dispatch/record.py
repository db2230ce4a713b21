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
    dispatched_date: dt.date | None = None
    """Ngày chuyển (register column 8): when it was sent by edXML."""
    dispatched_to: tuple[str, ...] = ()
    """The OrganIds it was sent to."""
    receipts: tuple[str, ...] = ()
    """Ký nhận (register column 9): the recipients' status answers, one line each."""

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


@dataclass(frozen=True)
class ReceivedDocument:
    """One row of the incoming register (sổ đăng ký văn bản đến), written from a checked edXML package."""

    receiver: str
    """The receiving unit's code: incoming numbers run per receiver and year."""
    year: int
    number: int
    """Số đến, 1-based, allocated under the register's lock."""
    received_at: str
    """ISO 8601 with +07:00."""
    sender_id: str
    sender_name: str
    code_number: str
    code_notation: str
    issued_date: dt.date
    type_name: str
    subject: str
    signer: str
    document_id: str
    business_type: int = 0
    """0 new, 1 revocation, 2 update, 3 replacement (QCVN 102 BussinessDocType)."""
    document: Path | None = None
    """The stored attachment."""
    sha256: str = ""
    note: str = ""

    @property
    def notation(self) -> str:
        return f"{self.code_number}/{self.code_notation}"
