"""Long-term signatures before archiving (PAdES B-LT, B-LTA; spec 03, issue 11 item 4).

Extension fetches, for every signature, the certificates and revocation data (CRLs) that prove it valid now
and embeds them in the document security store, one incremental update per signature; with a TSA, a document
timestamp then covers it all (B-LTA), with the TSA's own validation data added after it. Long-term validation
reads only what is embedded: no network, revocation required.
"""
from __future__ import annotations

import asyncio
import io
from dataclasses import dataclass, field
from pathlib import Path

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers, timestamps
from pyhanko.sign.diff_analysis import (FormUpdatingRule, GenericFieldModificationRule, SigFieldCreationRule,
                                        SigFieldModificationRule)
from pyhanko.sign.diff_analysis.policies import DEFAULT_DIFF_POLICY, StandardDiffPolicy
from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
from pyhanko.sign.validation.dss import DocumentSecurityStore, async_add_validation_info
from pyhanko.sign.validation.errors import NoDSSFoundError
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.fetchers.aiohttp_fetchers import AIOHttpFetcherBackend

from generators.core.files import atomic_path
from signing.errors import SigningError
from signing.timestamping import next_timestamp_field
from signing.verify import load_roots

B_LT, B_LTA = "B-LT", "B-LTA"
FETCH_TIMEOUT = 10  # seconds per CRL, certificate or OCSP request


def _context(roots, backend=None) -> ValidationContext:
    """Revocation required; fetching only through `backend` (extension), never in validation."""
    return ValidationContext(trust_roots=roots, allow_fetching=backend is not None, revocation_mode="require",
                             fetcher_backend=backend)


async def _extend(data: bytes, roots, tsa_url: str | None) -> tuple[bytes, str]:
    backend = AIOHttpFetcherBackend(per_request_timeout=FETCH_TIMEOUT)
    try:
        count = len(PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures)
        for i in range(count):  # one DSS update per signature, each read from the file as it now is
            sig = PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures[i]
            data = (await async_add_validation_info(sig, _context(roots, backend), output=io.BytesIO())).getvalue()
        if not tsa_url:
            return data, B_LT
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
        stamper = signers.PdfTimeStamper(timestamps.HTTPTimeStamper(tsa_url),
                                         field_name=next_timestamp_field(writer.prev))
        out = await stamper.async_timestamp_pdf(writer, "sha256", validation_context=_context(roots, backend),
                                                output=io.BytesIO())
        return out.getvalue(), B_LTA
    finally:
        await backend.close()


def extend_long_term(src: Path, dst: Path, trust_roots: list[Path], tsa_url: str | None = None) -> str:
    """`src` extended into `dst` (written only if every step succeeds); returns the level reached."""
    roots = load_roots(trust_roots)
    try:
        data, level = asyncio.run(_extend(Path(src).read_bytes(), roots, tsa_url))
    except SigningError:
        raise
    except Exception as exc:  # fetching, path building, a revoked certificate, a CRL that does not parse
        raise SigningError(f"Không bổ sung được dữ liệu kiểm tra hiệu lực dài hạn cho {Path(src).name} "
                           f"({_reason(exc)}); chưa ghi tệp {dst}.") from None
    with atomic_path(Path(dst)) as tmp:
        tmp.write_bytes(data)
    return level


def _reason(exc: Exception) -> str:
    text = str(exc)
    if "revoked" in text.lower():
        return "chứng thư số đã bị thu hồi: " + text[:200]
    return f"{type(exc).__name__}: {text[:200]}"


@dataclass
class LongTermReport:
    level: str | None
    """B-LTA, B-LT, or None when the embedded data does not prove every signature."""
    signatures: list[tuple[str, str]] = field(default_factory=list)
    """(field, verdict) per signature: "valid", "revoked", "no revocation data", …"""

    @property
    def ok(self) -> bool:
        return self.level is not None


# pyHanko's default diff policy offers every filled field's appearance stream as a candidate in-place update,
# and so judges any later revision (a DSS, a document timestamp) a change to a field the organisation's FieldMDP
# locked, whatever that revision touches. With in-place appearance updates not allowed at all (stricter), the
# same analysis sees what the revision really changes.
STRICT_APPEARANCES = StandardDiffPolicy(
    global_rules=DEFAULT_DIFF_POLICY.global_rules,
    form_rule=FormUpdatingRule(field_rules=[
        SigFieldCreationRule(), SigFieldModificationRule(allow_in_place_appearance_stream_changes=False),
        GenericFieldModificationRule(allow_in_place_appearance_stream_changes=False)]))


def _verdict(status) -> str:
    if getattr(status, "revoked", False):
        return "revoked"
    if not (status.intact and status.valid):
        return "not intact"
    if not status.trusted:
        return str(getattr(status, "trust_problem_indic", None) or "untrusted")
    if getattr(status, "docmdp_ok", True) is False:
        return "modified after signing"
    return "valid" if getattr(status, "bottom_line", True) else "invalid"  # a timestamp's status has none


def validate_long_term(path: Path, trust_roots: list[Path]) -> LongTermReport:
    """Every signature (and document timestamp) validated by pyHanko with the data embedded in the document
    security store only (no network, revocation checking required), its diff analysis included."""
    roots = load_roots(trust_roots)
    reader = PdfFileReader(io.BytesIO(Path(path).read_bytes()), strict=False)
    report = LongTermReport(None)
    try:
        dss = DocumentSecurityStore.read_dss(reader)
    except NoDSSFoundError:
        return LongTermReport(None, [("".join(s.field_name), "no validation data") for s in reader.embedded_signatures])
    options = {"trust_roots": roots, "allow_fetching": False, "revocation_mode": "require"}  # embedded data only
    timestamped = False
    for sig in reader.embedded_signatures:
        try:
            if sig.sig_object_type == "/DocTimeStamp":
                timestamped = True
                status = validate_pdf_timestamp(sig, validation_context=dss.as_validation_context(options))
            else:
                status = validate_pdf_signature(sig, signer_validation_context=dss.as_validation_context(options),
                                                diff_policy=STRICT_APPEARANCES)
            verdict = _verdict(status)
        except Exception as exc:  # a broken signature: reported, never raised to the archivist
            verdict = f"{type(exc).__name__}: {str(exc)[:200]}"
        report.signatures.append(("".join(sig.field_name), verdict))
    if report.signatures and all(v == "valid" for _, v in report.signatures):
        report.level = B_LTA if timestamped else B_LT
    return report
