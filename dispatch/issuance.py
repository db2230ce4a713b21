"""Issuance by the records office: number and date from the register, then the organisation's signature.

Order (Decree 30/2020 Art. 13-18, spec 03): the leader has signed; under the
register's write lock the next number is allocated, the number and date fields
are filled (one incremental update), the organisation signs (a further one,
locking every field), and the register entry is recorded. The lock is released
by the commit; the issued file is renamed into place only then, so a failure or
a kill at any point before leaves no entry, consumes no number and writes no file.
"""
from __future__ import annotations

import datetime as dt
import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader

from dispatch.finality import pdf_drafting_marks
from dispatch.record import DocumentFiles, IssuedDocument, SignerInfo, format_number
from dispatch.register.api import Register
from generators.core.clock import now_vn
from generators.core.files import remove_stale, sha256
from generators.core.text import month_text, vn_date
from signing import fields
from signing.errors import DocumentStateError
from signing.pades import SignatureRequest, sign_writer
from signing.placement import fill_reference
from signing.roles import check_signer
from signing.verify import pre_issue_problems


@dataclass
class IssueRequest:
    pdf: Path  # signed by the leader
    out: Path  # the issued file
    issuer: str  # agency code: numbers run per issuer
    notation_suffix: str  # e.g. "KH-UBND": the ký hiệu after "<number>/"
    issued_date: dt.date
    type_and_subject: str
    signer: str  # the leader's name (register column 4)
    organisation: str  # the organisation's name, in its signature
    location: str
    seal: Path | None  # red seal PNG; None for an annex in a separate file (text-only)
    recipients: list[str] = field(default_factory=list)
    file_copy: str = ""
    sequence: str = ""
    tsa_url: str | None = None
    printed_year: int | None = None  # the year printed in the date line, when the caller read it
    kind: str = ""  # KH, DS, TTr, BB, QĐ
    signer_position: str = ""  # the signature block's authority and title lines


def field_values(reader, number: str, day: dt.date, notation_suffix: str) -> dict[str, str]:
    """Page 1 as whole runs ("02/TTr-SNV", "ngày 05 tháng 6 năm 2024"); each line of an annex's reference
    whole from its template ("(Kèm theo Tờ trình số 02/TTr-SNV ngày 05 tháng 6 năm 2024 của …)")."""
    values = {}
    for name, spec in fields.existing_fields(reader).items():
        if name == fields.NUMBER:
            values[name] = f"{number}/{notation_suffix}"
        elif name == fields.DAY:
            values[name] = vn_date(day)
        elif fields.REFERENCE_FIELD.fullmatch(name):
            values[name] = fill_reference(str(spec.get("/DV", "")),
                                          {"so": number, "ngay": f"{day.day:02d}", "thang": month_text(day.month)})
        elif name.endswith(fields.NUMBER):  # a document prepared before references were set whole
            values[name] = number
        elif name.endswith(fields.DAY):
            values[name] = f"{day.day:02d}"
        elif name.endswith(fields.MONTH):
            values[name] = month_text(day.month)
    return values


def _check_state(reader, path: Path) -> None:
    names = [s.field_name for s in reader.embedded_signatures]
    if fields.ORG_FIELD in names:
        raise DocumentStateError(f"{path.name}: văn bản đã được phát hành (đã có chữ ký của cơ quan, tổ chức).")
    if fields.LEADER_FIELD not in names:
        raise DocumentStateError(f"{path.name}: chưa có chữ ký của người có thẩm quyền; không thể cấp số, phát hành.")
    unsigned = [n for n in fields.signature_field_names(reader) if n != fields.ORG_FIELD and n not in names]
    if unsigned:
        raise DocumentStateError(f"{path.name}: còn thiếu chữ ký ở trường {', '.join(unsigned)}; chưa thể phát hành.")


def _pages(reader) -> int:
    return int(reader.root["/Pages"]["/Count"])


def issue(register: Register, request: IssueRequest, org_signer) -> IssuedDocument:
    src = Path(request.pdf)
    data = src.read_bytes()
    reader = PdfFileReader(io.BytesIO(data), strict=False)
    _check_state(reader, src)
    problems = pre_issue_problems(data, reader)
    if problems:
        raise DocumentStateError(f"{src.name}: chưa thể phát hành: " + " ".join(problems))
    marks = pdf_drafting_marks(data)
    if marks:
        raise DocumentStateError(f"{src.name}: văn bản chưa hoàn chỉnh, chưa thể cấp số và phát hành: còn "
                                 + "; ".join(marks) + ". Sửa dự thảo, trình ký lại.")
    check_signer(org_signer, fields.ORG_FIELD, request.organisation)
    year = request.issued_date.year
    printed = request.printed_year
    if printed is not None and printed != year:
        raise DocumentStateError(f"{src.name}: dòng ngày tháng in sẵn năm {printed}, không thể ban hành ngày "
                                 f"{request.issued_date:%d/%m/%Y}.")
    out = Path(request.out)
    remove_stale(out.parent, rf"\.{re.escape(out.name)}\.(?P<pid>\d+)\.issuing")  # left by a killed issuance
    tmp = out.with_name(f".{out.name}.{os.getpid()}.issuing")
    try:
        with register.allocation(request.issuer, year, request.sequence) as allocation:
            number = format_number(allocation.number)
            notation = f"{number}/{request.notation_suffix}"
            # Update 1: the number and date fields.
            writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
            fields.fill(writer, field_values(reader, number, request.issued_date, request.notation_suffix))
            filled = io.BytesIO()
            writer.write(filled)
            filled.seek(0)
            # Update 2: the organisation's signature, which locks every field.
            sign_writer(IncrementalPdfFileWriter(filled, strict=False), tmp,
                        SignatureRequest(fields.ORG_FIELD, "Phát hành", request.location, request.organisation,
                                         request.seal, request.tsa_url), org_signer)
            entry = IssuedDocument(
                kind=request.kind, issuer=request.issuer, organ_name=request.organisation,
                subject=request.type_and_subject, number=allocation.number, notation=notation,
                issued_date=request.issued_date, signer=SignerInfo(request.signer, request.signer_position),
                recipients=tuple(request.recipients), file_copy=request.file_copy, pages=_pages(reader),
                sequence=request.sequence, issued_at=now_vn().isoformat(timespec="seconds"),
                title=request.type_and_subject,
                files=DocumentFiles(signed_pdf=src, issued_pdf=out, issued_sha256=sha256(tmp)))
            allocation.record(entry)
        os.replace(tmp, out)
        return entry
    finally:
        tmp.unlink(missing_ok=True)


MM = 72 / 25.4


def issue_annex(src: Path, dst: Path, parent_notation: str, organisation: str, location: str, org_signer,
                tsa_url: str | None = None) -> None:
    """An annex issued as a separate file: the organisation's text-only signature at the top right of page 1."""
    from pyhanko.sign.fields import SigFieldSpec, append_signature_field

    from signing.pades import TextOnlyStyle

    src, dst = Path(src), Path(dst)
    data = src.read_bytes()
    reader = PdfFileReader(io.BytesIO(data), strict=False)
    if list(reader.embedded_signatures):
        raise DocumentStateError(f"{src.name}: phụ lục đã có chữ ký; phụ lục tách tệp chỉ có chữ ký của cơ quan, tổ chức.")
    check_signer(org_signer, fields.ORG_FIELD, organisation)
    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    page = writer.find_page_for_modification(0)[0].get_object()
    x0, y0, x1, y1 = (float(v) for v in page["/MediaBox"])
    right, top = x1 - 15 * MM, y1 - 5 * MM  # inside the top margin, flush with the right margin
    box = (round(right - 62 * MM, 2), round(top - 26, 2), round(right, 2), round(top, 2))
    append_signature_field(writer, SigFieldSpec(fields.ORG_FIELD, on_page=0, box=box))
    sign_writer(writer, dst, SignatureRequest(fields.ORG_FIELD, "Phát hành", location, organisation,
                                              tsa_url=tsa_url, style=TextOnlyStyle(parent_notation,
                                                                                   fields.font_path(False))),
                org_signer)
