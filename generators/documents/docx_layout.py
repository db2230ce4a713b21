"""Decree 30 layout constants and low-level DOCX helpers shared by templates and checks."""
from __future__ import annotations

from functools import lru_cache

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips

from generators.core.fonts import serif

FONT = "Times New Roman"
A4 = (Mm(210), Mm(297))
# In whole twips as Word stores them, each inside the decree's range (Mm(15) would store 14.99 mm).
MARGINS = {"top": Twips(1134), "bottom": Twips(1134), "left": Twips(1701), "right": Twips(851)}
# The heading's left column (agency name, Số): a share of the text width, and the width a line may use in it
# (the column less the cell's own margins, 1.9 mm a side).
AGENCY_COLUMN_SHARE = 0.41
AGENCY_LINE_MM = (210 - 30 - 15) * AGENCY_COLUMN_SHARE - 2 * 1.9

# Chosen sizes (the decree's worked example) within the ranges of spec 02.
SIZE = {
    "national": 12, "motto": 13, "agency": 12, "number": 13, "date": 13, "type": 14, "summary": 14,
    "body": 14, "signature": 14, "recipients_title": 12, "recipients": 11, "page_number": 14,
    "annex_label": 14, "annex_title": 14, "table": 12, "letter_subject": 12,
}
NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
RULE_STYLE = "TD Rule"  # paragraphs drawing the short solid lines under components
RULE_RATIO = 0.4  # agency and summary lines: 1/3 to 1/2 of the text, here 40 %
# Data tables' cell margins (twips): text 1 mm clear of the rules above and below, 1.5 mm of the sides.
CELL_MARGINS = {"top": 57, "bottom": 57, "left": 85, "right": 85}
MIN_CELL_MARGIN = 40  # top and bottom, twips (0.7 mm): less and the text touches the rules
WORD_CELL_MARGIN = 108  # Word's default left and right margin of a cell (1.9 mm)

@lru_cache(maxsize=None)
def _font(bold: bool, italic: bool, size: float):
    from PIL import ImageFont

    return ImageFont.truetype(str(serif(bold, italic)), size=int(size * 20))


def text_width_pt(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    """Width of a line in points, measured with Times New Roman's metric twin."""
    return _font(bold, italic, size).getlength(text) / 20


def widest_line_pt(runs) -> float:
    """The widest line of a paragraph given as (text, size, bold, italic) runs; lines end at breaks ("\n")."""
    widths = [0.0]
    for text, size, bold, italic in runs:
        for i, piece in enumerate(text.split("\n")):
            if i:
                widths.append(0.0)
            widths[-1] += text_width_pt(piece, size, bold=bold, italic=italic)
    return max(widths)


def set_run_fonts(rpr, name: str = FONT) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), name)
    # Word prefers theme fonts over named ones: drop them.
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)


def set_bottom_border(paragraph, size_eighths: int = 6) -> None:
    """Bottom border on a paragraph or a paragraph style."""
    element = paragraph._p if hasattr(paragraph, "_p") else paragraph.element
    ppr = element.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", str(size_eighths)), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(k), v)
    borders.append(bottom)
    ppr.append(borders)


def has_bottom_border(paragraph) -> bool:
    ppr = paragraph._p.pPr
    if ppr is not None and ppr.find(qn("w:pBdr")) is not None:
        bottom = ppr.find(qn("w:pBdr")).find(qn("w:bottom"))
        return bottom is not None and bottom.get(qn("w:val")) not in (None, "nil", "none")
    style = paragraph.style
    while style is not None:
        ppr = style.element.pPr
        if ppr is not None and ppr.find(qn("w:pBdr")) is not None:
            bottom = ppr.find(qn("w:pBdr")).find(qn("w:bottom"))
            return bottom is not None and bottom.get(qn("w:val")) not in (None, "nil", "none")
        style = style.base_style
    return False


def set_cell_margins(table, margins: dict[str, int] = CELL_MARGINS) -> None:
    tblpr = table._tbl.tblPr
    old = tblpr.find(qn("w:tblCellMar"))
    if old is not None:
        tblpr.remove(old)
    mar = OxmlElement("w:tblCellMar")
    for edge in ("top", "left", "bottom", "right"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), str(margins[edge]))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    tblpr.append(mar)


def cell_margins(tbl, styles_element=None) -> dict[str, int]:
    """A table's cell margins in twips: its own, else its style's, else Word's defaults."""
    found = {"top": 0, "bottom": 0, "left": WORD_CELL_MARGIN, "right": WORD_CELL_MARGIN}
    sources = []
    tblpr = tbl.find(qn("w:tblPr"))
    if styles_element is not None and tblpr is not None and tblpr.find(qn("w:tblStyle")) is not None:
        style_id = tblpr.find(qn("w:tblStyle")).get(qn("w:val"))
        for st in styles_element.iterchildren(qn("w:style")):
            if st.get(qn("w:styleId")) == style_id and st.find(qn("w:tblPr")) is not None:
                sources.append(st.find(qn("w:tblPr")))
    if tblpr is not None:
        sources.append(tblpr)
    for src in sources:
        mar = src.find(qn("w:tblCellMar"))
        for edge in found if mar is not None else ():
            el = mar.find(qn(f"w:{edge}"))
            if el is None and edge in ("left", "right"):
                el = mar.find(qn("w:start" if edge == "left" else "w:end"))
            if el is not None and el.get(qn("w:type"), "dxa") == "dxa":
                found[edge] = int(el.get(qn("w:w"), "0"))
    return found


def side_padding_pt(tbl) -> float:
    """What a cell's own margins take from its width, in points (left plus right)."""
    m = cell_margins(tbl)
    return (m["left"] + m["right"]) / 20


def cell_width(cell):
    """A table cell's width (EMU) from its tcW, or None."""
    tcpr = cell._tc.tcPr
    if tcpr is None or tcpr.find(qn("w:tcW")) is None:
        return None
    tcw = tcpr.find(qn("w:tcW"))
    if tcw.get(qn("w:type")) != "dxa":
        return None
    return Pt(int(tcw.get(qn("w:w"))) / 20)
