"""Checking a received package before anything is registered: schema, XML signature, sender, attachments.

Every check that fails raises PackageRefused with the reason in Vietnamese; the caller registers nothing
and answers with a refusal status. What is read after the signature check is the signed content only.
"""
from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.x509.oid import NameOID

from dispatch.edxml import envelope, signature, status, xmlfile
from dispatch.edxml.config import EdxmlConfig
from dispatch.edxml.envelope import PDF, Attachment, Header
from dispatch.errors import PackageRefused
from signing.fields import NUMBER
from signing.names import same_name
from signing.verify import PASSED, Expected, verify


@dataclass(frozen=True)
class CheckedPackage:
    header: Header | None
    """None for a status package."""
    attachments: tuple[Attachment, ...]
    signer: str
    """The organisation that signed the package (its certificate's O, else CN)."""
    status: status.StatusRead | None = None


def _organisation(cert: x509.Certificate) -> str:
    for oid in (NameOID.ORGANIZATION_NAME, NameOID.COMMON_NAME):
        values = cert.subject.get_attributes_for_oid(oid)
        if values:
            return str(values[0].value)
    return ""


def _check_attachment(att: Attachment, header: Header, trust_roots: list[Path], name: str) -> None:
    if att.content_type != PDF or not att.content.startswith(b"%PDF-"):
        raise PackageRefused(f"{name}: tệp đính kèm «{att.name}» không phải PDF.", "Tệp đính kèm không phải PDF.")
    with tempfile.TemporaryDirectory(prefix="thidua-nhan-") as work:
        pdf = Path(work) / "van-ban.pdf"
        pdf.write_bytes(att.content)
        report = verify(pdf, trust_roots, Expected((header.full_name,), header.sender.name))
    if report.indication != PASSED:
        why = "; ".join(report.problems) or report.sub_indication or report.indication
        raise PackageRefused(f"{name}: văn bản đính kèm «{att.name}» không hợp lệ về chữ ký số ({why}).",
                             f"Chữ ký số của văn bản đính kèm không hợp lệ ({report.indication}).")
    printed = report.fields.get(NUMBER)
    if printed and printed.replace(" ", "") != header.notation:
        raise PackageRefused(f"{name}: số, ký hiệu trên văn bản đính kèm ({printed}) khác với tiêu đề gói tin "
                             f"({header.notation}).", "Số, ký hiệu của văn bản khác với tiêu đề gói tin.")


def check(data: bytes, name: str, trust_roots: list[Path], config: EdxmlConfig, today: dt.date) -> CheckedPackage:
    root = xmlfile.parse(data, name)
    xmlfile.check_schema(root, name)
    cert, content = signature.verify(root, trust_roots, name)
    signer = _organisation(cert)
    try:
        answered = status.read(content, config)
        header, attachments = envelope.read(content, config) if answered is None else (None, [])
    except (ValueError, TypeError) as exc:  # a date like 2024/13/45 has the schema's shape, not a date's
        raise PackageRefused(f"{name}: gói tin có giá trị không đọc được ({exc}).", "Gói tin có ngày hoặc số không "
                             "hợp lệ.") from None
    if answered is not None:
        if not same_name(signer, answered.sender.name):
            raise PackageRefused(f"{name}: gói trạng thái ký bởi «{signer}», không phải «{answered.sender.name}».")
        return CheckedPackage(None, (), signer, answered)
    if not same_name(signer, header.sender.name):
        raise PackageRefused(f"{name}: gói tin ký bởi chứng thư của «{signer}», không phải của cơ quan gửi "
                             f"«{header.sender.name}».", "Chứng thư ký gói tin không phải của cơ quan gửi.")
    if header.promulgation_date > today:
        raise PackageRefused(f"{name}: ngày ban hành {header.promulgation_date:%d/%m/%Y} ở tương lai.",
                             "Ngày ban hành ở tương lai.")
    if header.business.doc_type != 1 and not attachments:
        raise PackageRefused(f"{name}: gói tin không có văn bản đính kèm.", "Gói tin không có văn bản đính kèm.")
    if header.business.doc_type and not header.business.document_id:
        raise PackageRefused(f"{name}: gói tin {envelope.BUSINESS_TYPES[header.business.doc_type]} văn bản nhưng "
                             f"không nêu văn bản nào (Bussiness/DocumentId).", "Thiếu mã văn bản bị thay đổi.")
    for att in attachments:
        _check_attachment(att, header, trust_roots, name)
    return CheckedPackage(header, tuple(attachments), signer)
