"""Page numbers as Decree 30/2020 sets them (centred at the top, Arabic, 13-14 pt, none on the first page of the
document nor of an annex that restarts the count), restored where an editor dropped them.

LibreOffice, saving a template whose first section fits on one page, keeps only that page's empty header as the
section's header and drops "different first page": the generated document would lose its page numbers. What is
restored is said, with how to fix the template by hand."""
from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from generators.documents.docx_layout import FONT, set_run_fonts

PAGE_NUMBER_PT = 14
HOW_TO_FIX = ("Sửa trong Word: nhấp đúp vào đầu trang, chọn «Different First Page» (Trang đầu khác) và chèn số "
              "trang ở giữa đầu trang (Insert → Page Number → Top of Page). Trong LibreOffice: Format → Title Page… "
              "(Trang tiêu đề) hoặc Format → Page Style → Header, bỏ chọn «Same content on first page», rồi Insert → "
              "Field → Page Number ở đầu trang các trang sau.")


def restore_page_numbers(doc) -> list[str]:
    """Turn "different first page" back on in every section, empty the first-page header, and put a centred PAGE
    field back in a header that lost it. Returns what was restored, one line per fix."""
    restored = []
    sections = list(doc.sections)
    for i, section in enumerate(sections, 1):
        where = f"phần (section) {i}"
        if not section.different_first_page_header_footer:
            section.different_first_page_header_footer = True
            restored.append(f"{where}: bật lại «trang đầu khác» (trang đầu không đánh số)")
        first = section.first_page_header
        if i == 1 and first.is_linked_to_previous:
            first.is_linked_to_previous = False  # an empty first-page header of its own
        if not first.is_linked_to_previous and "PAGE" in first._element.xml:
            _clear(first)
            restored.append(f"{where}: bỏ số trang ở trang đầu")
        header = section.header if (i == 1 or not section.header.is_linked_to_previous) else sections[0].header
        if "PAGE" not in header._element.xml:
            header.is_linked_to_previous = False
            _clear(header)
            paragraph = header.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            page_field(paragraph)
            restored.append(f"{where}: đặt lại số trang ở giữa đầu trang từ trang thứ hai")
    return restored


def _clear(header) -> None:
    for paragraph in header.paragraphs:
        for child in list(paragraph._p):
            if child.tag != qn("w:pPr"):
                paragraph._p.remove(child)


def page_field(paragraph) -> None:
    """A PAGE field (shown as 2) in Times New Roman 14, as the bundled templates have it."""
    for part in ("begin", "instr", "separate", "text", "end"):
        run = paragraph.add_run()
        run.font.size = Pt(PAGE_NUMBER_PT)
        run.font.name = FONT
        set_run_fonts(run._r.get_or_add_rPr())
        if part == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = " PAGE "
            run._r.append(instr)
        elif part == "text":
            run.text = "2"
        else:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), part)
            run._r.append(field)
