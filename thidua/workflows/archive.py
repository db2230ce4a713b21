"""Archive work on issued documents: today, the document timestamp that proves when a file was kept."""
from __future__ import annotations

from pathlib import Path

from generators.core.errors import ThiduaError
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
