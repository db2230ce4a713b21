"""A register (Book) as XLSX: the cover facts above the table, text cells never read as formulas."""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from generators.core.book import Book
from generators.core.files import atomic_path
from generators.workbooks.cells import put


def write_book_xlsx(book: Book, target: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = f"Năm {book.year}"
    lines = [*book.agency, book.title, f"Năm {book.year}", *book.cover_lines]
    for r, line in enumerate(lines, start=1):
        put(ws, r, 1, line).font = Font(name="Times New Roman", bold=line == book.title)
    head = len(lines) + 2
    for c, (heading, width) in enumerate(zip(book.columns, book.widths_mm), start=1):
        cell = put(ws, head, c, heading)
        cell.font, cell.alignment = Font(name="Times New Roman", bold=True), Alignment(wrap_text=True)
        put(ws, head + 1, c, f"({c})").alignment = Alignment(horizontal="center")
        ws.column_dimensions[cell.column_letter].width = max(8, width / 2.2)
    for r, values in enumerate(book.rows, start=head + 2):
        for c, value in enumerate(values, start=1):
            put(ws, r, c, value).alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = ws.cell(head + 2, 1)
    with atomic_path(Path(target)) as tmp:
        wb.save(str(tmp))
    return Path(target)
