"""A register (Book) as DOCX: a portrait cover, then the table on landscape A4 with its heading row repeated
on every page; Times New Roman, the decree's margins and a centred page number from the table's second page."""
from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from generators.core.book import Book
from generators.core.files import atomic_path
from generators.documents.docx_layout import A4, FONT, MARGINS, set_run_fonts
from generators.documents.page_numbers import page_field

TABLE_PT = 11
COVER_PT = 14


def _defaults(doc) -> None:
    style = doc.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(13)
    set_run_fonts(style.element.get_or_add_rPr())
    style.paragraph_format.space_after = Pt(0)


def _page(section, landscape: bool) -> None:
    width, height = A4
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
    section.different_first_page_header_footer = True


def _line(container, text: str, size: float, bold: bool = False, italic: bool = False, before: float = 0,
          align=WD_ALIGN_PARAGRAPH.CENTER):
    p = container.add_paragraph()
    p.alignment = align
    p.paragraph_format.space_before = Pt(before)
    run = p.add_run(text)
    run.font.size, run.bold, run.italic = Pt(size), bold, italic
    run.font.name = FONT
    set_run_fonts(run._r.get_or_add_rPr())
    return p


def _repeat_heading(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    mark = OxmlElement("w:tblHeader")
    mark.set(qn("w:val"), "true")
    trpr.append(mark)


def _cell(cell, text: str, width_mm: float, bold: bool = False, centred: bool = False) -> None:
    cell.width = Mm(width_mm)
    first = True
    for part in (text.split("\n") if text else [""]):
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT
        run = p.add_run(part)
        run.font.size, run.bold = Pt(TABLE_PT), bold
        run.font.name = FONT
        set_run_fonts(run._r.get_or_add_rPr())


def write_book_docx(book: Book, target: Path) -> Path:
    doc = Document()
    _defaults(doc)
    cover = doc.sections[0]
    _page(cover, landscape=False)
    page_field(cover.header.paragraphs[0])  # never shown (the cover is a first page) but the rule asks each section
    cover.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for i, line in enumerate(book.agency):
        _line(doc, line, 13, bold=i == len(book.agency) - 1, before=0)
    _line(doc, book.title, 24, bold=True, before=200)
    _line(doc, f"Năm {book.year}", COVER_PT, bold=True, before=12)
    for i, line in enumerate(book.cover_lines):
        _line(doc, line, COVER_PT, before=36 if i == 0 else 6)
    if book.place:
        _line(doc, book.place, COVER_PT, italic=True, before=200)

    table_section = doc.add_section(WD_SECTION.NEW_PAGE)
    _page(table_section, landscape=True)
    table_section.header.is_linked_to_previous = False
    table_section.first_page_header.is_linked_to_previous = False
    number = table_section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    page_field(number)
    _line(doc, book.title, COVER_PT, bold=True)
    _line(doc, f"Năm {book.year}", 13, before=0)
    table = doc.add_table(rows=2, cols=len(book.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, book.widths_mm):
        column.width = Mm(width)  # the grid LibreOffice lays out by
    for i, (heading, width) in enumerate(zip(book.columns, book.widths_mm)):
        _cell(table.rows[0].cells[i], heading, width, bold=True, centred=True)
        _cell(table.rows[1].cells[i], f"({i + 1})", width, centred=True)
    _repeat_heading(table.rows[0])
    _repeat_heading(table.rows[1])
    for values in book.rows:
        cells = table.add_row().cells
        for i, (value, width) in enumerate(zip(values, book.widths_mm)):
            _cell(cells[i], value, width, centred=i in (1, 6, 7))
    if not book.rows:
        merged = table.add_row().cells
        row = merged[0].merge(merged[-1])
        _cell(row, book.empty_text, sum(book.widths_mm), centred=True)
    with atomic_path(Path(target)) as tmp:
        doc.save(str(tmp))
    return Path(target)
