"""Check a DOCX (a template or a generated document) against the Decree 30 layout (spec 02).

Components are found by their text, not by our own style names, so a template a
clerk edited in Word is judged like ours. Formatting is read as Word resolves it:
run, then character style, paragraph style chain, document defaults.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table
from docx.text.paragraph import Paragraph

from generators.documents.docx_layout import (
    FONT,
    MIN_CELL_MARGIN,
    MOTTO,
    NATIONAL,
    cell_margins,
    cell_width,
    has_bottom_border,
    side_padding_pt,
    widest_line_pt,
)

JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
TAGS_ONLY = re.compile(r"(\s*\{%.*?%\}\s*)+")  # a {%p %} paragraph: gone once rendered


@dataclass(frozen=True)
class Violation:
    rule: str  # short code, e.g. "le-trang"
    message: str  # Vietnamese, for the clerk who edits the template
    where: str = ""

    def __str__(self) -> str:
        return f"[{self.rule}] {self.where + ': ' if self.where else ''}{self.message}"


# ------------------------------------------------------------------ effective formatting

class Resolver:
    def __init__(self, doc):
        self.doc = doc
        defaults = doc.styles.element.find(qn("w:docDefaults"))
        rpr = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
        self.default_rpr = rpr.find(qn("w:rPr")) if rpr is not None else None
        self._styles: dict = {}

    def _chain(self, style):
        while style is not None:
            yield style
            style = style.base_style

    def para_style(self, paragraph):
        """The paragraph's style, cached by id (python-docx scans every style per lookup)."""
        sid = paragraph._p.style
        if sid not in self._styles:
            self._styles[sid] = paragraph.style
        return self._styles[sid]

    def _rpr_value(self, rpr, tag, attr="w:val"):
        if rpr is None:
            return None
        el = rpr.find(qn(tag))
        if el is None:
            return None
        return el.get(qn(attr), "true") if attr else el

    def run_prop(self, paragraph, run, tag):
        """Raw value of a run property: the run, its character style, the paragraph style chain, defaults."""
        sources = [run._r.rPr] if run is not None else []
        if run is not None and run._r.style is not None:  # only a named character style
            sources += [s.element.rPr for s in self._chain(run.style)]
        sources += [s.element.rPr for s in self._chain(self.para_style(paragraph))]
        sources.append(self.default_rpr)
        for rpr in sources:
            value = self._rpr_value(rpr, tag)
            if value is not None:
                return value
        return None

    def size(self, paragraph, run=None) -> float | None:
        value = self.run_prop(paragraph, run, "w:sz")
        return int(value) / 2 if value else None

    def flag(self, paragraph, run, tag) -> bool:
        value = self.run_prop(paragraph, run, tag)
        return value is not None and value not in ("0", "false", "off")

    def font(self, paragraph, run) -> str | None:
        sources = [run._r.rPr]
        if run._r.style is not None:
            sources += [s.element.rPr for s in self._chain(run.style)]
        sources += [s.element.rPr for s in self._chain(self.para_style(paragraph))]
        sources.append(self.default_rpr)
        for rpr in sources:
            if rpr is None:
                continue
            fonts = rpr.find(qn("w:rFonts"))
            if fonts is None:
                continue
            if fonts.get(qn("w:asciiTheme")) or fonts.get(qn("w:hAnsiTheme")):
                return "(phông chủ đề)"
            name = fonts.get(qn("w:ascii")) or fonts.get(qn("w:hAnsi"))
            if name:
                return name
        return None

    def para_format(self, paragraph, attr):
        value = getattr(paragraph.paragraph_format, attr)
        if value is not None:
            return value
        for style in self._chain(self.para_style(paragraph)):
            value = getattr(style.paragraph_format, attr)
            if value is not None:
                return value
        return None

    def text_runs(self, paragraph):
        return [r for r in paragraph.runs if r.text.strip()]

    def all(self, paragraph, test) -> bool:
        runs = self.text_runs(paragraph)
        return bool(runs) and all(test(r) for r in runs)


# ------------------------------------------------------------------ walking the document

@dataclass
class Block:
    paragraph: Paragraph
    table: int | None  # index of the top-level table, None for body paragraphs
    cell: tuple[int, int] | None
    section: int
    container_pt: float

    @property
    def text(self) -> str:
        return self.paragraph.text.strip()


def _blocks(doc) -> list[Block]:
    sections = list(doc.sections)
    out, sec, tindex = [], 0, -1
    for child in doc.element.body.iterchildren():
        s = sections[min(sec, len(sections) - 1)]
        width = (s.page_width - s.left_margin - s.right_margin) / 12700
        if child.tag == qn("w:p"):
            p = Paragraph(child, doc._body)
            if not TAGS_ONLY.fullmatch(p.text):
                out.append(Block(p, None, None, sec, width))
            ppr = child.find(qn("w:pPr"))
            if ppr is not None and ppr.find(qn("w:sectPr")) is not None:
                sec += 1
        elif child.tag == qn("w:tbl"):
            tindex += 1
            table = Table(child, doc._body)
            padding = side_padding_pt(child)
            seen = set()
            for r, row in enumerate(table.rows):
                for c, cell in enumerate(row.cells):
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    w = cell_width(cell)
                    for p in cell.paragraphs:
                        if not TAGS_ONLY.fullmatch(p.text):
                            out.append(Block(p, tindex, (r, c), sec, (w.pt if w is not None else width) - padding))
    return out


def _plain(text: str) -> str:
    return JINJA.sub("", text)


def _is_upper(text: str) -> bool:
    plain = _plain(text)
    return plain == plain.upper()


# ------------------------------------------------------------------ the rules

def _read(path):
    doc = Document(path if hasattr(path, "read") else str(path))
    return doc, Resolver(doc), _blocks(doc)


def _paper_and_fonts(doc, res, blocks) -> list[Violation]:
    v: list[Violation] = []
    _check_pages(doc, blocks, v)
    _check_fonts(res, blocks, v)
    return v


def check_docx(path) -> list[Violation]:
    doc, res, blocks = _read(path)
    v = _paper_and_fonts(doc, res, blocks)
    _check_header(res, blocks, v)
    _check_title_and_body(res, blocks, v)
    _check_signature(res, doc, blocks, v)
    _check_annexes(res, doc, blocks, v)
    _check_tables(doc, v)
    return v


def _bordered(tbl) -> bool:
    tblpr = tbl.find(qn("w:tblPr"))
    if tblpr is None:
        return False
    style = tblpr.find(qn("w:tblStyle"))
    borders = tblpr.find(qn("w:tblBorders"))
    drawn = borders is not None and any(el.get(qn("w:val")) not in ("nil", "none") for el in borders)
    return drawn or (borders is None and style is not None and "Grid" in style.get(qn("w:val"), ""))


def _check_tables(doc, v):
    """Data tables (bordered): a header row repeated on every page, and text clear of the rules."""
    styles = doc.styles.element
    n = 0
    for tbl in doc.element.body.iterchildren(qn("w:tbl")):
        if not _bordered(tbl):
            continue
        n += 1
        rows = tbl.findall(qn("w:tr"))
        trpr = rows[0].find(qn("w:trPr")) if rows else None
        if len(rows) > 1 and (trpr is None or trpr.find(qn("w:tblHeader")) is None):
            v.append(Violation("bang", f"bảng thứ {n}: dòng tiêu đề phải lặp lại ở đầu mỗi trang (Word: Table "
                                       "Properties › Row › Repeat as header row; LibreOffice: Table Properties › "
                                       "Text Flow › Repeat heading)."))
        m = cell_margins(tbl, styles)
        if min(m["top"], m["bottom"]) < MIN_CELL_MARGIN:
            v.append(Violation("bang", f"bảng thứ {n}: lề trên, dưới của ô chỉ {min(m['top'], m['bottom']) / 56.7:.1f} "
                                       f"mm, chữ sát đường kẻ; cần ít nhất {MIN_CELL_MARGIN / 56.7:.1f} mm (Word: "
                                       "Table Properties › Options › Default cell margins; LibreOffice: Table "
                                       "Properties › Borders › Padding)."))


def check_book_docx(path) -> list[Violation]:
    """The rules a printed register follows: paper, margins, orientation, page numbers, font. (It has no
    heading, title or signature block: a register is bound, not issued.)"""
    return _paper_and_fonts(*_read(path))


def _size_in(res, v, block, lo, hi, what):
    for run in res.text_runs(block.paragraph) or [None]:
        size = res.size(block.paragraph, run)
        if size is None or not lo <= size <= hi:
            v.append(Violation("co-chu", f"{what} phải cỡ chữ {lo}-{hi}, đang là {size}.", _where(block)))
            return


def _style(res, v, block, what, *, bold=None, italic=None):
    p = block.paragraph
    if bold is not None and not res.all(p, lambda r: res.flag(p, r, "w:b") == bold):
        v.append(Violation("kieu-chu", f"{what} phải {'in đậm' if bold else 'không in đậm'}.", _where(block)))
    if italic is not None and not res.all(p, lambda r: res.flag(p, r, "w:i") == italic):
        v.append(Violation("kieu-chu", f"{what} phải {'in nghiêng' if italic else 'không in nghiêng'}.", _where(block)))


def _centred(res, v, block, what):
    if res.para_format(block.paragraph, "alignment") != WD_ALIGN_PARAGRAPH.CENTER:
        v.append(Violation("canh-le", f"{what} phải canh giữa.", _where(block)))


def _where(block) -> str:
    text = block.text
    return f"«{text[:50]}{'…' if len(text) > 50 else ''}»"


def _check_pages(doc, blocks, v):
    for i, s in enumerate(doc.sections, start=1):
        where = f"phần (section) {i}"
        dims = sorted([round(s.page_width / 36000), round(s.page_height / 36000)])
        if dims != [210, 297]:
            v.append(Violation("kho-giay", f"khổ giấy phải A4 (210 × 297 mm), đang là {dims[0]} × {dims[1]} mm.", where))
        landscape = s.page_width > s.page_height
        if landscape and not any(b.section == i - 1 and b.table is not None for b in blocks):
            v.append(Violation("kho-giay", "chỉ trình bày khổ ngang cho bảng rộng (phụ lục).", where))
        for name, lo, hi in (("top_margin", 20, 25), ("bottom_margin", 20, 25), ("left_margin", 30, 35),
                             ("right_margin", 15, 20)):
            mm = getattr(s, name) / 36000
            if not lo <= mm <= hi:
                label = {"top_margin": "trên", "bottom_margin": "dưới", "left_margin": "trái", "right_margin": "phải"}[name]
                v.append(Violation("le-trang", f"lề {label} phải {lo}-{hi} mm, đang là {mm:.1f} mm.", where))
        if not s.different_first_page_header_footer:
            v.append(Violation("so-trang", "số trang không hiển thị ở trang đầu: cần bật «trang đầu khác» (titlePg).", where))
        header_xml = s.header._element.xml if not s.header.is_linked_to_previous or i == 1 else None
        if header_xml is None:
            header_xml = doc.sections[0].header._element.xml
        if "PAGE" not in header_xml:
            v.append(Violation("so-trang", "đầu trang phải có trường số trang (PAGE), canh giữa.", where))
        else:
            header = s.header if not s.header.is_linked_to_previous else doc.sections[0].header
            for p in header.paragraphs:
                if "PAGE" in p._p.xml:
                    if p.alignment != WD_ALIGN_PARAGRAPH.CENTER:
                        v.append(Violation("so-trang", "số trang phải canh giữa ở lề trên.", where))
                    sizes = {r.font.size.pt for r in p.runs if r.font.size is not None}
                    if not sizes or not all(13 <= x <= 14 for x in sizes):
                        v.append(Violation("so-trang", f"số trang phải cỡ chữ 13-14, đang là {sizes or 'không đặt'}.", where))
        if s.different_first_page_header_footer and "PAGE" in s.first_page_header._element.xml:
            v.append(Violation("so-trang", "trang đầu không được hiển thị số trang.", where))


def _check_fonts(res, blocks, v):
    bad = set()
    for b in blocks:
        for run in res.text_runs(b.paragraph):
            name = res.font(b.paragraph, run)
            if name != FONT:
                bad.add(name)
    if bad:
        v.append(Violation("phong-chu", f"phông chữ phải là {FONT}, đang có: {', '.join(sorted(map(str, bad)))}."))


def _rule_after(blocks, i):
    """The paragraph drawing a line under blocks[i]: itself if bordered, or the next empty bordered one."""
    if has_bottom_border(blocks[i].paragraph):
        return blocks[i]
    if i + 1 < len(blocks) and not blocks[i + 1].text and has_bottom_border(blocks[i + 1].paragraph) \
            and blocks[i + 1].cell == blocks[i].cell and blocks[i + 1].table == blocks[i].table:
        return blocks[i + 1]
    return None


def _line_length(res, block) -> float:
    fmt = block.paragraph.paragraph_format
    left = (fmt.left_indent or 0) / 12700
    right = (fmt.right_indent or 0) / 12700
    return block.container_pt - left - right


def _text_width(res, block) -> float:
    p = block.paragraph
    return widest_line_pt((r.text, res.size(p, r) or 14, res.flag(p, r, "w:b"), res.flag(p, r, "w:i")) for r in p.runs)


def _check_line(res, v, blocks, i, lo, hi, what, widest=None):
    rule = _rule_after(blocks, i)
    if rule is None:
        v.append(Violation("duong-ke", f"dưới {what} phải có đường kẻ liền.", _where(blocks[i])))
        return
    if _plain(blocks[i].text) != blocks[i].text:
        return  # a template: the text, so the line, is known only when rendered
    text = min(widest if widest is not None else _text_width(res, blocks[i]), blocks[i].container_pt)
    ratio = _line_length(res, rule) / text if text else 0
    if not lo <= ratio <= hi:
        v.append(Violation("duong-ke", f"đường kẻ dưới {what} phải dài {lo:.0%}-{hi:.0%} độ dài chữ, đang là {ratio:.0%}.",
                           _where(blocks[i])))


def _find(blocks, test):
    return next((i for i, b in enumerate(blocks) if test(b)), None)


def _check_header(res, blocks, v):
    i = _find(blocks, lambda b: b.text == NATIONAL)
    if i is None:
        v.append(Violation("quoc-hieu", f"thiếu Quốc hiệu «{NATIONAL}»."))
    else:
        b = blocks[i]
        _size_in(res, v, b, 12, 13, "Quốc hiệu")
        _style(res, v, b, "Quốc hiệu", bold=True)
        if b.cell is None or b.cell[1] != 1:
            v.append(Violation("quoc-hieu", "Quốc hiệu phải ở ô trên cùng bên phải (cột phải của bảng đầu văn bản).",
                               _where(b)))
    j = _find(blocks, lambda b: b.text == MOTTO)
    if j is None:
        loose = _find(blocks, lambda b: b.text.replace("–", "-").replace(" ", "") == MOTTO.replace(" ", ""))
        v.append(Violation("tieu-ngu", f"thiếu Tiêu ngữ «{MOTTO}» (gạch nối có cách trống hai bên)."
                           + (" Đang viết sai dấu gạch nối hoặc khoảng trắng." if loose is not None else "")))
    else:
        b = blocks[j]
        _size_in(res, v, b, 13, 14, "Tiêu ngữ")
        _style(res, v, b, "Tiêu ngữ", bold=True)
        _centred(res, v, b, "Tiêu ngữ")
        _check_line(res, v, blocks, j, 0.9, 1.1, "Tiêu ngữ")
    k = _find(blocks, lambda b: b.text.startswith("Số:") and b.table is not None)
    if k is None:
        v.append(Violation("so-ky-hieu", "thiếu dòng «Số: …/…» dưới tên cơ quan."))
    else:
        b = blocks[k]
        _size_in(res, v, b, 13, 13, "Số, ký hiệu")
        _style(res, v, b, "Số, ký hiệu", bold=False)
        notation = b.text.split("/", 1)[1].strip() if "/" in b.text else ""
        kind, _, agency = notation.partition("-")
        typed_ok = kind in TYPE_ABBREVIATIONS and _is_upper(agency)
        if not notation or not (typed_ok or _is_upper(notation)):
            v.append(Violation("so-ky-hieu", "ký hiệu sau dấu «/» phải viết hoa, ví dụ «05/KH-UBND».", _where(b)))
        # The issuing agency: bold lines of the same cell above the number, and the parent line above them.
        agency = [x for x in range(k) if blocks[x].table == b.table and blocks[x].cell is not None
                  and blocks[x].cell[1] == b.cell[1] and blocks[x].text]
        bold_lines = [x for x in agency if res.all(blocks[x].paragraph, lambda r, p=blocks[x].paragraph: res.flag(p, r, "w:b"))]
        if not bold_lines:
            v.append(Violation("co-quan", "thiếu tên cơ quan ban hành (in hoa, in đậm) phía trên dòng «Số:».", _where(b)))
        for x in agency:
            _size_in(res, v, blocks[x], 12, 13, "Tên cơ quan")
            if not _is_upper(blocks[x].text):
                v.append(Violation("co-quan", "tên cơ quan phải viết in hoa.", _where(blocks[x])))
        if bold_lines:
            widest = max(_text_width(res, blocks[x]) for x in bold_lines)
            _check_line(res, v, blocks, bold_lines[-1], 0.3, 0.52, "tên cơ quan ban hành", widest=widest)
    d = _find(blocks, lambda b: b.table is not None and re.search(r",\s*(ngày\b.*\btháng\b.*\bnăm\b|\{\{)", b.text))
    if d is None:
        v.append(Violation("ngay-thang", "thiếu dòng địa danh, ngày tháng năm ban hành."))
    else:
        b = blocks[d]
        _size_in(res, v, b, 13, 14, "Địa danh, ngày tháng")
        _style(res, v, b, "Địa danh, ngày tháng", italic=True)
        m = re.search(r"ngày\s+(\d+)\s+tháng\s+(\d+)\s+năm\s+(\d{4})", b.text)
        if m:
            day, month = m.group(1), m.group(2)
            if len(day) != 2:
                v.append(Violation("ngay-thang", f"ngày phải ghi hai chữ số (01-09), đang là «{day}».", _where(b)))
            if int(month) < 3 and len(month) != 2 or int(month) >= 3 and month.startswith("0"):
                v.append(Violation("ngay-thang", f"tháng 1, 2 ghi «01», «02»; từ tháng 3 không thêm số 0, đang là «{month}».",
                                   _where(b)))


def _centred_heading(res, b) -> bool:
    """An authority line or "QUYẾT ĐỊNH:" (upper case, bold, centred): not body text."""
    p = b.paragraph
    return (_plain(b.text) == _plain(b.text).upper() and not re.match(r"^[IVX]+\.\s", b.text)
            and res.para_format(p, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
            and res.all(p, lambda r: res.flag(p, r, "w:b")))


CAPTION = re.compile(r"^(Biểu đồ|Hình)\s+\d+\.\s")


def _figures(res, blocks) -> list:
    """A chart's caption («Biểu đồ 1. …», centred) and, in a template, the centred placeholder of the picture just
    above it: not body text (a rendered picture has no text at all)."""
    out = []
    for i, b in enumerate(blocks):
        if CAPTION.match(b.text) and res.para_format(b.paragraph, "alignment") == WD_ALIGN_PARAGRAPH.CENTER:
            out.append(b)
            above = blocks[i - 1] if i else None
            if above is not None and re.fullmatch(r"\{\{\s*\w+\s*\}\}", above.text) and \
                    res.para_format(above.paragraph, "alignment") == WD_ALIGN_PARAGRAPH.CENTER:
                out.append(above)
    return out


def _body_blocks(blocks):
    """Body-level paragraphs between the header table and the signature table."""
    sig = _find(blocks, lambda b: b.text == "Nơi nhận:")
    end_table = blocks[sig].table if sig is not None else None
    out = []
    for b in blocks:
        if b.table is not None and b.table == end_table:
            break
        if b.table is None and b.text:
            out.append(b)
    return out


def _check_title_and_body(res, blocks, v):
    body = _body_blocks(blocks)
    if not body:
        v.append(Violation("ten-loai", "thiếu tên loại và nội dung văn bản."))
        return
    vv = _find(blocks, lambda b: b.table is not None and b.text.startswith("V/v "))
    if vv is not None:  # a letter (công văn): no type line; its subject is ô 5b, under the number
        _size_in(res, v, blocks[vv], 12, 13, "Trích yếu công văn («V/v …»)")
        _style(res, v, blocks[vv], "Trích yếu công văn («V/v …»)", bold=False)
        text_blocks = body
    else:
        text_blocks = _check_title(res, blocks, body, v)
    grounds = [b for b in text_blocks if b.text.startswith(GROUND_START)]
    for n, b in enumerate(grounds):
        _style(res, v, b, "Căn cứ ban hành", italic=True)
        _size_in(res, v, b, 13, 14, "Căn cứ ban hành")
        end = "." if n == len(grounds) - 1 else ";"
        if not b.text.endswith(end):
            v.append(Violation("can-cu", f"mỗi căn cứ kết thúc bằng «;», căn cứ cuối bằng «.»; dòng này cần «{end}».",
                               _where(b)))
    for b in text_blocks:
        if b.text.startswith("Kính gửi:"):  # ô 9a
            _size_in(res, v, b, 13, 14, "«Kính gửi»")
            _style(res, v, b, "«Kính gửi»", bold=False)
    figures = _figures(res, text_blocks)
    main = [b for b in text_blocks if b not in grounds and b.section == 0 and not b.text.startswith("Phụ lục")
            and not b.text.startswith("Kính gửi:") and not _centred_heading(res, b) and b not in figures]
    for b in main:
        p = b.paragraph
        _size_in(res, v, b, 13, 14, "Nội dung văn bản")
        if res.para_format(p, "alignment") != WD_ALIGN_PARAGRAPH.JUSTIFY:
            v.append(Violation("noi-dung", "nội dung phải canh đều hai lề.", _where(b)))
        first = res.para_format(p, "first_line_indent")
        if first is None or not Cm(0.98) <= first <= Cm(1.29):
            shown = f"{first / 360000:.2f} cm" if first is not None else "không có"
            v.append(Violation("noi-dung", f"dòng đầu đoạn phải lùi 1-1,27 cm, đang là {shown}.", _where(b)))
        after = res.para_format(p, "space_after")
        if after is None or after.pt < 6:
            v.append(Violation("noi-dung", "khoảng cách giữa các đoạn tối thiểu 6 pt.", _where(b)))
        spacing = res.para_format(p, "line_spacing")
        if isinstance(spacing, float) and not 1.0 <= spacing <= 1.5:
            v.append(Violation("noi-dung", f"giãn dòng từ đơn đến 1,5 dòng, đang là {spacing:g}.", _where(b)))
        m = re.match(r"^([IVX]+)\.\s", b.text)
        if m and (not _is_upper(b.text) or not res.all(p, lambda r: res.flag(p, r, "w:b"))):
            v.append(Violation("bo-cuc", "tên phần (I., II., …) phải in hoa, in đậm.", _where(b)))
        if re.match(r"^f\)", b.text):
            v.append(Violation("bo-cuc", "điểm đánh theo chữ cái tiếng Việt: sau «đ)» là «e)», không dùng «f)».", _where(b)))
    if main and _plain(main[-1].text) == main[-1].text and not main[-1].text.endswith("./."):
        v.append(Violation("noi-dung", "nội dung văn bản kết thúc bằng «./.».", _where(main[-1])))


# Appendix III type abbreviations, some in mixed case by law (TTr, CTr, QyĐ, TrS).
TYPE_ABBREVIATIONS = {"NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC", "BB",
                      "TTr", "HĐ", "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB", "SY", "TrS", "SL"}
GROUND_START = ("Căn cứ", "Theo đề nghị", "Xét đề nghị")

ACADEMIC = re.compile(r"^(GS|PGS|TS|ThS|KS|BS|CN|Th\.S)\.?\s", re.IGNORECASE)


def _check_title(res, blocks, body, v):
    """Ô 5a (type, upper case, bold) and its subject line under it, with the short rule; returns what follows."""
    title = body[0]
    if not _is_upper(title.text) or not res.all(title.paragraph, lambda r: res.flag(title.paragraph, r, "w:b")):
        v.append(Violation("ten-loai", "tên loại văn bản phải in hoa, in đậm, ngay dưới phần đầu.", _where(title)))
    _size_in(res, v, title, 13, 14, "Tên loại văn bản")
    _centred(res, v, title, "Tên loại văn bản")
    if len(body) > 1:
        summary = body[1]
        _size_in(res, v, summary, 13, 14, "Trích yếu")
        _style(res, v, summary, "Trích yếu", bold=True)
        _centred(res, v, summary, "Trích yếu")
        idx = blocks.index(summary)
        _check_line(res, v, blocks, idx, 0.3, 0.52, "trích yếu")
    return body[2:]


def _check_signature(res, doc, blocks, v):
    n = _find(blocks, lambda b: b.text == "Nơi nhận:")
    if n is None:
        v.append(Violation("noi-nhan", "thiếu «Nơi nhận:» ở cuối văn bản, bên trái."))
        return
    b = blocks[n]
    _size_in(res, v, b, 12, 12, "«Nơi nhận:»")
    _style(res, v, b, "«Nơi nhận:»", bold=True, italic=True)
    recipients = [x for x in blocks[n + 1:] if x.table == b.table and x.cell == b.cell and x.text]
    for i, r in enumerate(recipients):
        _size_in(res, v, r, 11, 11, "Nơi nhận")
        _style(res, v, r, "Nơi nhận", bold=False)
        if _plain(r.text) != r.text:
            continue  # a template line: its text comes with the data
        if not r.text.startswith("-"):
            v.append(Violation("noi-nhan", "mỗi nơi nhận một dòng, bắt đầu bằng «-».", _where(r)))
        last = i == len(recipients) - 1
        if last and not re.fullmatch(r"- Lưu: VT, .+\.", r.text):
            v.append(Violation("noi-nhan", "dòng cuối của nơi nhận là «- Lưu: VT, <đơn vị soạn thảo>.».", _where(r)))
        if not last and not r.text.endswith(";"):
            v.append(Violation("noi-nhan", "mỗi nơi nhận kết thúc bằng «;».", _where(r)))
    signer = [x for x in blocks if x.table == b.table and x.cell is not None and x.cell[1] == 1 and x.text]
    if not signer:
        v.append(Violation("chu-ky", "thiếu quyền hạn, chức vụ và họ tên người ký ở bên phải «Nơi nhận:»."))
        return
    *titles, name = signer
    for t in titles:
        _size_in(res, v, t, 13, 14, "Quyền hạn, chức vụ người ký")
        _style(res, v, t, "Quyền hạn, chức vụ người ký", bold=True)
        if not _is_upper(t.text):
            v.append(Violation("chu-ky", "quyền hạn, chức vụ người ký phải in hoa.", _where(t)))
    plain = [_plain(t.text).strip() for t in titles]
    for i, t in enumerate(plain):
        if t.startswith("KT.") and (i + 1 >= len(plain) or "PHÓ" not in plain[i + 1]):
            v.append(Violation("chu-ky", "sau «KT. …» là chức vụ của cấp phó (ví dụ «PHÓ CHỦ TỊCH»).", _where(titles[i])))
        if t.startswith("TM.") and i + 1 >= len(plain) and plain:
            v.append(Violation("chu-ky", "sau «TM. …» phải có chức vụ người ký.", _where(titles[i])))
    _size_in(res, v, name, 13, 14, "Họ tên người ký")
    _style(res, v, name, "Họ tên người ký", bold=True)
    if ACADEMIC.match(name.text):
        v.append(Violation("chu-ky", "không ghi học hàm, học vị trước họ tên người ký.", _where(name)))
    table = doc.tables[b.table] if b.table is not None and b.table < len(doc.tables) else None
    if table is not None:
        row = table.rows[b.cell[0]]
        trpr = row._tr.trPr
        if trpr is None or trpr.find(qn("w:cantSplit")) is None:
            v.append(Violation("chu-ky", "khối chữ ký phải giữ trên một trang (không cho ngắt dòng bảng: cantSplit)."))


def _check_annexes(res, doc, blocks, v):
    sections = list(doc.sections)
    for i, b in enumerate(blocks):
        if not re.fullmatch(r"Phụ lục( [IVX]+)?", b.text):
            continue
        _size_in(res, v, b, 14, 14, "Dòng «Phụ lục»")
        _style(res, v, b, "Dòng «Phụ lục»", bold=True)
        _centred(res, v, b, "Dòng «Phụ lục»")
        following = [x for x in blocks[i + 1:i + 4] if x.text]
        if following:
            t = following[0]
            if not _is_upper(t.text) or not res.all(t.paragraph, lambda r: res.flag(t.paragraph, r, "w:b")):
                v.append(Violation("phu-luc", "tên phụ lục phải in hoa, in đậm.", _where(t)))
        if len(following) > 1:
            k = following[1]
            if not k.text.startswith("(Kèm theo"):
                v.append(Violation("phu-luc", "dưới tên phụ lục là dòng «(Kèm theo … số … ngày … của …)».", _where(k)))
            else:
                _style(res, v, k, "Dòng «(Kèm theo …)»", italic=True)
        sec = sections[min(b.section, len(sections) - 1)]
        pg = sec._sectPr.find(qn("w:pgNumType"))
        if b.section == 0 or pg is None or pg.get(qn("w:start")) != "1":
            v.append(Violation("phu-luc", "phụ lục bắt đầu một phần (section) mới và đánh số trang lại từ 1.", _where(b)))
