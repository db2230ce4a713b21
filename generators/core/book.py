"""A printed register (sổ): a cover, then one wide table; the records office's registers are printed and
bound at year end (Decree 30/2020, Art. 15-16, Appendix IV). Written as DOCX and XLSX by `generators`."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Book:
    agency: tuple[str, ...]
    """The keeping agency's header lines, upper case (the parent body first when there is one)."""
    title: str
    """E.g. "SỔ ĐĂNG KÝ VĂN BẢN ĐI"."""
    year: int
    cover_lines: tuple[str, ...]
    """Under the title: "Từ ngày … đến ngày …", "Từ số … đến số …"."""
    columns: tuple[str, ...]
    """Column headings; printed with their numbers (1), (2), …"""
    widths_mm: tuple[float, ...]
    rows: tuple[tuple[str, ...], ...]
    place: str = ""
    """The agency's place, under the cover (e.g. "Bạc Liêu")."""
    empty_text: str = "Không có văn bản nào trong năm."
