"""Validate every signature of a PDF and report in the terms archivists know (EU DSS indications).

pyHanko judges integrity, the CMS signature, the chain to the given trust roots,
and what changed after each signature. The report adds the e-office reading:
a document the leader signed but the records office never issued is not passed.
Any exception while validating counts as a failure (spec 06).
"""
from __future__ import annotations

import io
import logging
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
from pyhanko_certvalidator import ValidationContext

from generators.core.clock import VN
from signing.errors import SigningError
from signing.fields import LEADER_FIELD, ORG_FIELD, SECRETARY_FIELD, existing_fields
from signing.names import same_name
from signing.roles import certificate_problems
from signing.structure import SignatureSpan, post_issuance_problems, structure_problems

# pyHanko logs each rejected modification or chain with a traceback; the report already says it.
logging.getLogger("pyhanko").setLevel(logging.CRITICAL)

PASSED, FAILED, INDETERMINATE = "TOTAL_PASSED", "TOTAL_FAILED", "INDETERMINATE"
EXIT = {PASSED: 0, FAILED: 1, INDETERMINATE: 2}
ALLOWED_AFTER = {"NONE", "LTA_UPDATES", "FORM_FILLING"}

SUB_TEXT = {
    "HASH_FAILURE": "nội dung đã bị thay đổi sau khi ký (sai giá trị băm)",
    "SIG_CRYPTO_FAILURE": "chữ ký số không đúng về mật mã",
    "FORMAT_FAILURE": "tệp có thay đổi không được phép sau chữ ký",
    "NO_CERTIFICATE_CHAIN_FOUND": "chứng thư số không chuỗi được tới gốc tin cậy",
    "CERTIFICATE_CHAIN_GENERAL_FAILURE": "chuỗi chứng thư số không dẫn tới gốc tin cậy đã khai báo",
    "OUT_OF_BOUNDS_NO_POE": "chứng thư số đã hết hạn hoặc chưa có hiệu lực",
    "OUT_OF_BOUNDS_NOT_REVOKED": "chứng thư số đã hết hạn hoặc chưa có hiệu lực",
    "REVOKED_NO_POE": "chứng thư số đã bị thu hồi",
    "NOT_ISSUED": "đã có chữ ký của người có thẩm quyền nhưng chưa có chữ ký của cơ quan, tổ chức: văn bản chưa ban hành",
    "NO_SIGNATURE": "tệp không có chữ ký số",
    "VALIDATION_ERROR": "không kiểm tra được chữ ký",
    "STRUCTURE_FAILURE": "cấu trúc chữ ký hoặc các trường của văn bản không đúng quy định",
    "CERTIFICATE_NOT_FIT": "chứng thư số không dùng được cho việc ký văn bản hoặc không đúng vai trò người ký",
    "NOT_A_FILE": "không phải tệp PDF đọc được",
}

@dataclass
class SignatureReport:
    field: str
    role: str  # "lãnh đạo", "cơ quan, tổ chức" or "khác"
    signer: str = ""
    organisation: str = ""
    signing_time: str | None = None
    timestamp: str | None = None
    integrity: bool = False
    cryptographic: bool = False
    chain_trusted: bool = False
    certificate_valid_at_signing_time: bool | None = None
    revocation: str = "không kiểm tra (không có dữ liệu thu hồi)"
    modifications_after: str | None = None
    coverage: str | None = None
    indication: str = FAILED
    sub_indication: str | None = None
    problems: list[str] = field(default_factory=list)


@dataclass
class Report:
    file: str
    indication: str
    sub_indication: str | None
    issued: bool
    signatures: list[SignatureReport] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return EXIT[self.indication]

    def as_dict(self) -> dict:
        return asdict(self)

    def text(self) -> str:
        head = {PASSED: "HỢP LỆ", FAILED: "KHÔNG HỢP LỆ", INDETERMINATE: "CHƯA XÁC ĐỊNH ĐƯỢC"}[self.indication]
        lines = [f"Tệp: {self.file}", f"Kết luận: {head} ({self.indication}"
                 + (f" / {self.sub_indication}" if self.sub_indication else "") + ")"]
        if self.sub_indication in SUB_TEXT:
            lines.append(f"  {SUB_TEXT[self.sub_indication]}")
        for p in self.problems:
            lines.append(f"  - {p}")
        if self.fields:
            lines.append("Số, ngày ban hành: " + ", ".join(f"{k} = {v}" for k, v in self.fields.items()))
        for i, s in enumerate(self.signatures, start=1):
            yes = lambda b: "đạt" if b else ("không rõ" if b is None else "KHÔNG ĐẠT")  # noqa: E731
            lines += [
                f"Chữ ký {i}: trường «{s.field}» ({s.role})",
                f"  Người ký: {s.signer}" + (f" - {s.organisation}" if s.organisation else ""),
                f"  Thời điểm ký (do người ký khai): {s.signing_time or 'không có'}",
                f"  Dấu thời gian: {s.timestamp or 'không có'}",
                f"  Toàn vẹn nội dung: {yes(s.integrity)}; chữ ký mật mã: {yes(s.cryptographic)}; "
                f"chuỗi tin cậy: {yes(s.chain_trusted)}",
                f"  Chứng thư còn hiệu lực lúc ký: {yes(s.certificate_valid_at_signing_time)}; thu hồi: {s.revocation}",
                f"  Thay đổi sau chữ ký: {s.modifications_after or 'không rõ'}; phạm vi: {s.coverage or 'không rõ'}",
                f"  Kết quả: {s.indication}" + (f" / {s.sub_indication}" if s.sub_indication else ""),
            ] + [f"  - {p}" for p in s.problems]
        return "\n".join(lines)


TIMESTAMP_ROLE = "dấu thời gian lưu trữ"


def _role(name: str) -> str:
    return {LEADER_FIELD: "lãnh đạo", ORG_FIELD: "cơ quan, tổ chức", SECRETARY_FIELD: "thư ký"}.get(name, "khác")


def _one(sig, context: ValidationContext) -> SignatureReport:
    """One signature, or one archive document timestamp (the TSA's token over the file so far; pyHanko checks
    the TSA's timeStamping EKU), as pyHanko judges it, with thidua's certificate rules for signatures."""
    stamp = sig.sig_object.get("/Type") == "/DocTimeStamp"
    name = "".join(sig.field_name)  # a plain str, not the reader's
    report = SignatureReport(name, TIMESTAMP_ROLE if stamp else _role(name))
    try:
        cert = sig.signer_cert
        subject = cert.subject.native
        report.signer = subject.get("common_name", "")
        report.organisation = subject.get("organization_name", "")
        status = (validate_pdf_timestamp(sig, validation_context=context) if stamp
                  else validate_pdf_signature(sig, signer_validation_context=context))
    except Exception as exc:  # a malformed signature is an invalid one
        report.sub_indication = "VALIDATION_ERROR"
        report.revocation = f"lỗi: {type(exc).__name__}"
        return report
    report.integrity, report.cryptographic = bool(status.intact), bool(status.valid)
    report.chain_trusted = bool(status.trusted)
    level = status.modification_level
    report.modifications_after = level.name if level is not None else None
    report.coverage = status.coverage.name if status.coverage is not None else None
    modified = level is not None and level.name not in ALLOWED_AFTER
    if stamp:
        report.timestamp = status.timestamp.astimezone(VN).isoformat()
        _conclude(report, modified)
        return report
    when = status.signer_reported_dt
    if when is not None:
        report.signing_time = when.astimezone(VN).isoformat()
        report.certificate_valid_at_signing_time = cert.not_valid_before <= when <= cert.not_valid_after
    report.problems = certificate_problems(cert, report.field)
    if status.timestamp_validity is not None:
        report.timestamp = status.timestamp_validity.timestamp.astimezone(VN).isoformat()
    modified = modified or status.docmdp_ok is False
    problem = status.trust_problem_indic
    _conclude(report, modified, problem.name if problem is not None else None)
    return report


def _conclude(report: SignatureReport, modified: bool, trust_problem: str | None = None) -> None:
    """The signature's indication from what was found, the gravest first."""
    if not report.integrity:
        report.indication, report.sub_indication = FAILED, "HASH_FAILURE"
    elif not report.cryptographic:
        report.indication, report.sub_indication = FAILED, "SIG_CRYPTO_FAILURE"
    elif modified:
        report.indication, report.sub_indication = FAILED, "FORMAT_FAILURE"
    elif report.problems:
        report.indication, report.sub_indication = FAILED, "CERTIFICATE_NOT_FIT"
    elif report.certificate_valid_at_signing_time is False:  # the claimed time is no proof (EU DSS)
        report.indication, report.sub_indication = INDETERMINATE, "OUT_OF_BOUNDS_NO_POE"
    elif not report.chain_trusted:
        report.indication, report.sub_indication = INDETERMINATE, trust_problem or "NO_CERTIFICATE_CHAIN_FOUND"
    else:
        report.indication, report.sub_indication = PASSED, None


@dataclass(frozen=True)
class Expected:
    """Who may sign a document of this unit: from the data, not from the file."""

    leaders: tuple[str, ...]
    """Names that may sign the leader's field (the leader or a deputy named in the signature block)."""
    organisation: str
    """The issuing agency, as its organisation certificate names it."""


def _expected_problems(reports: list[SignatureReport], expected: Expected) -> list[str]:
    out = []
    for r in reports:
        if r.field == LEADER_FIELD and not any(same_name(r.signer, n) for n in expected.leaders):
            out.append(f"người ký «{r.signer}» không phải người có thẩm quyền của đơn vị "
                       f"({', '.join(expected.leaders)}).")
        if r.field == ORG_FIELD and not same_name(r.signer, expected.organisation):
            out.append(f"chữ ký của cơ quan, tổ chức là của «{r.signer}», không phải «{expected.organisation}».")
    return out


def _permit_validation_data(report: SignatureReport) -> None:
    """Only validation data (DSS) and archive timestamps follow the last signature, checked above: pyHanko's
    'forbidden change' (it judges any update after a FieldMDP lock so) is overruled for exactly that case."""
    if report.sub_indication != "FORMAT_FAILURE" or not (report.integrity and report.cryptographic):
        return
    report.modifications_after = "LTA_UPDATES"
    _conclude(report, modified=False)


def load_roots(trust_roots: list[Path]):
    roots = []
    for p in trust_roots:
        try:
            roots.append(load_cert_from_pemder(str(p)))
        except Exception:
            raise SigningError(f"Tệp gốc tin cậy {p} không phải chứng thư số (PEM hoặc DER) đọc được.") from None
    return roots


def verify(path: Path, trust_roots: list[Path], expected: Expected | None = None) -> Report:
    path = Path(path)
    if not path.is_file():
        raise SigningError(f"Không tìm thấy tệp {path}" + (" (đây là một thư mục)." if path.is_dir() else "."))
    roots = load_roots(trust_roots)
    context = ValidationContext(trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail")
    data = path.read_bytes()
    if not data.lstrip()[:5] == b"%PDF-":
        return Report(str(path), FAILED, "NOT_A_FILE", False)
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        sigs = list(reader.embedded_signatures)
        spans = [SignatureSpan.of(s) for s in sigs]
        # "".join: pyHanko's string objects are str subclasses holding the reader.
        values = {name: "".join(str(f.get("/V"))) for name, f in existing_fields(reader).items()
                  if f.get("/FT") == "/Tx" and f.get("/V") is not None}
        reports = [_one(s, context) for s in sigs]
    except Exception:
        return Report(str(path), FAILED, "FORMAT_FAILURE", False)
    if not reports:
        return Report(str(path), FAILED, "NO_SIGNATURE", False, [], values)
    structural = structure_problems(data, spans)
    signers = _expected_problems(reports, expected) if expected else []
    signatures = [sp for sp in spans if not sp.timestamp]
    if not structural and not signers and signatures:
        last = max(signatures, key=lambda sp: sp.end)
        structural = post_issuance_problems(data, last.end)
        if not structural and last.end < len(data):
            _permit_validation_data(next(r for r in reports if r.field == last.field))
    if structural or signers:  # the stricter verdict wins over pyHanko's
        sub = "STRUCTURE_FAILURE" if structural else "CERTIFICATE_NOT_FIT"
        return Report(str(path), FAILED, sub, False, reports, values, structural + signers)
    issued = any(r.field == ORG_FIELD and r.indication == PASSED for r in reports)
    order = {FAILED: 0, INDETERMINATE: 1, PASSED: 2}
    worst = min(reports, key=lambda r: order[r.indication])
    if worst.indication != PASSED:
        return Report(str(path), worst.indication, worst.sub_indication, issued, reports, values)
    if not any(r.field == ORG_FIELD for r in reports):
        return Report(str(path), INDETERMINATE, "NOT_ISSUED", False, reports, values)
    return Report(str(path), PASSED, None, issued, reports, values)


def pre_issue_problems(data: bytes, reader) -> list[str]:
    """Before a number is allocated: every signature so far intact and cryptographically valid, and the
    document's fields and annotations exactly those placed before the first signature."""
    problems, spans = [], []
    context = ValidationContext(trust_roots=[], allow_fetching=False, revocation_mode="soft-fail")
    for sig in reader.embedded_signatures:
        spans.append(SignatureSpan.of(sig))
        name = spans[-1].field
        try:
            status = validate_pdf_signature(sig, signer_validation_context=context)
            ok = bool(status.intact and status.valid)
        except Exception:
            ok = False
        if not ok:
            problems.append(f"chữ ký ở trường «{name}» không còn nguyên vẹn hoặc không đúng về mật mã.")
    return problems + structure_problems(data, spans)
