"""Archive work on issued documents: the document timestamp that proves when a file was kept, and the
long-term extension (validation data, then a timestamp) that keeps its signatures provable for decades."""
from __future__ import annotations

from pathlib import Path

from generators.core.errors import ThiduaError
from signing.ltv import LongTermReport, extend_long_term, validate_long_term
from signing.timestamping import timestamp_document
from thidua.settings import Settings


def add_archive_timestamp(settings: Settings, src: Path, dst: Path, tsa_url: str | None = None) -> str:
    """Timestamp an issued PDF (a new revision; the signatures stay valid); returns the new field's name."""
    url = tsa_url or settings.tsa_url
    if not url:
        raise ThiduaError("Cần địa chỉ máy chủ dấu thời gian: --tsa URL hoặc biến THIDUA_TSA.")
    if not Path(src).is_file():
        raise ThiduaError(f"Không tìm thấy tệp {src}.")
    return timestamp_document(Path(src), Path(dst), url)


def trust_roots(settings: Settings, given: list[Path] | None = None) -> list[Path]:
    roots = list(given or [p for p in [settings.pki_folder / "root.pem"] if p.exists()])
    if not roots:
        raise ThiduaError("Cần chứng thư gốc tin cậy: --trust ROOT.pem (hoặc thư mục PKI có root.pem).")
    return roots


def extend_for_archive(settings: Settings, src: Path, dst: Path, roots: list[Path] | None = None,
                       tsa_url: str | None = None) -> str:
    """Validation data of every signature embedded (B-LT), then a document timestamp when a TSA is configured
    (B-LTA); returns the level. A certificate revoked, or revocation data out of reach, writes nothing."""
    if not Path(src).is_file():
        raise ThiduaError(f"Không tìm thấy tệp {src}.")
    return extend_long_term(Path(src), Path(dst), trust_roots(settings, roots), tsa_url or settings.tsa_url)


def long_term_report(settings: Settings, path: Path, roots: list[Path] | None = None) -> LongTermReport:
    if not Path(path).is_file():
        raise ThiduaError(f"Không tìm thấy tệp {path}.")
    return validate_long_term(Path(path), trust_roots(settings, roots))
