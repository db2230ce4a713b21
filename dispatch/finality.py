"""Whether a signed draft is final enough to receive a number: no drafting note may reach an issued document."""
from __future__ import annotations

from generators.core.drafting import drafting_marks, stream_pages


def pdf_drafting_marks(pdf: bytes) -> list[str]:
    """Each drafting mark found in the document's text, with its page."""
    try:
        pages = stream_pages(pdf)
    except Exception:
        return ["không đọc được nội dung văn bản để kiểm tra ghi chú dự thảo."]
    return drafting_marks(pages)
