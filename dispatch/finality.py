"""Whether a signed draft is final enough to receive a number: no drafting note may reach an issued document."""
from __future__ import annotations

import io

from pypdf import PdfReader

from generators.core.drafting import drafting_marks


def pdf_drafting_marks(pdf: bytes) -> list[str]:
    """Each drafting mark found in the document's text, with its page."""
    try:
        pages = [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf), strict=False).pages]
    except Exception:
        return ["không đọc được nội dung văn bản để kiểm tra ghi chú dự thảo."]
    return drafting_marks(pages)
