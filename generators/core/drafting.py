"""What a drafter leaves for a reviewer, never for the public: notes, unconfirmed figures, unfilled placeholders."""
from __future__ import annotations

import io
import re

DRAFTING_MARKS = {
    r"\bDỰ THẢO\b": "dấu «DỰ THẢO»",
    r"trước khi trình ký": "ghi chú cho người soát văn bản («… trước khi trình ký»)",
    r"chưa được xác nhận": "số liệu chưa được xác nhận",
    r"chưa đối chiếu": "số liệu chưa được đối chiếu",
    r"\{\{|\}\}|\{%|%\}": "chỗ trống của mẫu chưa được điền ({{ … }})",
}


def stream_pages(pdf: bytes) -> list[str]:
    """Each page's text in content-stream order (pypdf), which keeps a table cell whole. Raises on a file that
    cannot be read."""
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf), strict=False).pages]


def drafting_marks(pages: list[str]) -> list[str]:
    """Each drafting mark found in the pages' text, with its page ("trang 2: dấu «DỰ THẢO»")."""
    found = []
    for n, text in enumerate(pages, 1):
        flat = re.sub(r"\s+", " ", text)
        found += [f"trang {n}: {what}" for pattern, what in DRAFTING_MARKS.items() if re.search(pattern, flat)]
    return found
