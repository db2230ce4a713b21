"""Whether a signed draft is final enough to receive a number: no drafting note may reach an issued document."""
from __future__ import annotations

import io
import re

from pypdf import PdfReader

# What a drafter leaves for a reviewer, never for the public: notes, unconfirmed figures, unrendered placeholders.
DRAFTING_MARKS = {
    r"\bDỰ THẢO\b": "dấu «DỰ THẢO»",
    r"trước khi trình ký": "ghi chú cho người soát văn bản («… trước khi trình ký»)",
    r"chưa được xác nhận": "số liệu chưa được xác nhận",
    r"chưa đối chiếu": "số liệu chưa được đối chiếu",
    r"\{\{|\}\}|\{%|%\}": "chỗ trống của mẫu chưa được điền ({{ … }})",
}


def drafting_marks(pdf: bytes) -> list[str]:
    """Each drafting mark found in the document's text, with its page."""
    found = []
    try:
        pages = PdfReader(io.BytesIO(pdf), strict=False).pages
        texts = [re.sub(r"\s+", " ", page.extract_text() or "") for page in pages]
    except Exception:
        return ["không đọc được nội dung văn bản để kiểm tra ghi chú dự thảo."]
    for n, text in enumerate(texts, 1):
        for pattern, what in DRAFTING_MARKS.items():
            if re.search(pattern, text):
                found.append(f"trang {n}: {what}")
    return found
