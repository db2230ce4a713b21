"""Which certificate may sign which field: document-signing key usage, a person for a signature, an
organisation for the seal, and the names the document prints (policy, kept apart from the signing mechanism)."""
from __future__ import annotations

from signing.errors import KeyAccessError
from signing.fields import LEADER_FIELD, ORG_FIELD, SECRETARY_FIELD
from signing.names import same_name

# Extended key usages fit for signing documents; a certificate without the extension is not restricted.
DOCUMENT_EKUS = {"email_protection", "client_auth", "any_extended_key_usage", "1.3.6.1.5.5.7.3.36",
                 "1.2.840.113583.1.1.5", "1.3.6.1.4.1.311.10.3.12"}


def _is_organisation(cert) -> bool:
    """An organisation's certificate names the organisation as its subject: CN equals O (spec 03)."""
    subject = cert.subject.native
    return bool(subject.get("common_name")) and subject.get("common_name") == subject.get("organization_name")


def certificate_problems(cert, field_name: str) -> list[str]:
    """The certificate's fitness for signing documents, and for the role of the field it signs."""
    problems = []
    try:
        ekus = cert.extended_key_usage_value
    except Exception:
        ekus = None
    if ekus is not None and not ({str(e.native) for e in ekus} & DOCUMENT_EKUS):
        problems.append("chứng thư số chỉ dùng cho " + ", ".join(str(e.native) for e in ekus)
                        + ", không dùng để ký văn bản.")
    if field_name == ORG_FIELD and not _is_organisation(cert):
        problems.append("chữ ký của cơ quan, tổ chức (kèm hình dấu) được ký bằng chứng thư số cá nhân.")
    if field_name in (LEADER_FIELD, SECRETARY_FIELD) and _is_organisation(cert):
        problems.append("chữ ký của người có thẩm quyền được ký bằng chứng thư số của cơ quan, tổ chức.")
    return problems


def check_signer(signer, field_name: str, printed_name: str) -> None:
    """Refuse, before anything is signed, a key unfit for this field or naming someone else."""
    cert = signer.signing_cert
    problems = certificate_problems(cert, field_name)
    name = cert.subject.native.get("common_name", "")
    if not same_name(name, printed_name):
        who = "cơ quan, tổ chức" if field_name == ORG_FIELD else "người ký"
        problems.append(f"chứng thư số là của «{name}», không phải {who} «{printed_name}» ghi trên văn bản.")
    if problems:
        raise KeyAccessError("Không dùng được khóa này: " + " ".join(problems))
