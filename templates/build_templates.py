"""Build the DOCX templates (docxtpl + Jinja2) of thidua's documents.

The .docx files next to this script are the templates; they are committed and a
clerk may edit them in Word or LibreOffice. This script is how they were made:
    .venv/bin/python templates/build_templates.py
Layout: Decree 30/2020, Appendix I (spec 02). Lines under components are
separate paragraphs of style "TD Rule", sized at render time to the real text.
"""
from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from generators.documents.docx_layout import (  # noqa: E402
    A4,
    AGENCY_COLUMN_SHARE,
    FONT,
    MARGINS,
    MOTTO,
    NATIONAL,
    RULE_STYLE,
    SIZE,
    set_bottom_border,
    set_cell_margins,
    set_run_fonts,
)
from generators.documents.page_numbers import page_field  # noqa: E402
from generators.documents.render import fit_rules  # noqa: E402

CENTER, JUSTIFY, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT


# ------------------------------------------------------------------ document setup

def new_document() -> Document:
    doc = Document()
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(SIZE["body"])
    set_run_fonts(normal.element.get_or_add_rPr())
    pf = normal.paragraph_format
    pf.space_before, pf.space_after = Pt(0), Pt(0)
    pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    # docDefaults too, so text outside any style still names Times New Roman.
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_run_fonts(rpr)
    for name in ("Header", "Footer"):
        if name in [s.name for s in styles]:
            set_run_fonts(styles[name].element.get_or_add_rPr())

    def pstyle(name, *, bold=False, italic=False, align=JUSTIFY, first=Cm(1.27), after=Pt(6), line=1.15):
        st = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = normal
        st.font.bold, st.font.italic, st.font.size = bold, italic, Pt(SIZE["body"])
        st.paragraph_format.alignment = align
        st.paragraph_format.first_line_indent = first
        st.paragraph_format.space_after = after
        st.paragraph_format.line_spacing = line
        return st

    pstyle("TD Body")
    pstyle("TD Ground", italic=True)
    pstyle("TD Part", bold=True)
    rule = styles.add_style(RULE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    rule.base_style = normal
    rule.font.size = Pt(2)
    rule.paragraph_format.space_after = Pt(4)
    set_bottom_border(rule)  # python-docx styles expose the same pPr as paragraphs
    return doc


def setup_section(section, *, landscape=False, restart=False) -> None:
    width, height = A4
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        width, height = height, width
    section.page_width, section.page_height = width, height
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    section.different_first_page_header_footer = True  # no number on page 1
    if restart:
        pg = OxmlElement("w:pgNumType")
        pg.set(qn("w:start"), "1")
        section._sectPr.append(pg)
        section.header.is_linked_to_previous = False
        section.first_page_header.is_linked_to_previous = False
    header = section.header.paragraphs[0]
    header.alignment = CENTER
    page_field(header)
    section.first_page_header.paragraphs[0].text = ""


def text_width(section):
    return section.page_width - section.left_margin - section.right_margin


# ------------------------------------------------------------------ paragraphs

def para(container, text="", *, size=None, bold=False, italic=False, align=None, style=None,
         keep_next=False, after=None, first=None):
    """Append a paragraph (reusing a table cell's initial empty one)."""
    paragraphs = getattr(container, "paragraphs", [])
    if hasattr(container, "_tc") and len(paragraphs) == 1 and not paragraphs[0].text and not paragraphs[0].runs \
            and not getattr(container, "_used", False):
        p = paragraphs[0]
        container._used = True
        if style:
            p.style = style
    else:
        p = container.add_paragraph(style=style)
    if text:
        run = p.add_run(text)
        style_run(run, size=size, bold=bold, italic=italic)
    if align is not None:
        p.alignment = align
    if keep_next:
        p.paragraph_format.keep_with_next = True
    if after is not None:
        p.paragraph_format.space_after = after
    if first is not None:
        p.paragraph_format.first_line_indent = first
    return p


def style_run(run, *, size=None, bold=False, italic=False):
    if size:
        run.font.size = Pt(size)
    run.font.bold = bold or None
    run.font.italic = italic or None
    return run


def rule(container):
    return para(container, style=RULE_STYLE, align=CENTER)


def jinja(container, tag):
    """A paragraph holding only a {%p %} tag; docxtpl removes it when rendering."""
    return para(container, tag)


def borderless(table) -> None:
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tblpr.append(borders)


def set_widths(table, widths) -> None:
    """Cell widths and the grid both (LibreOffice reads only the grid)."""
    table.autofit = False
    for i, w in enumerate(widths):
        table.columns[i].width = w
        for cell in table.columns[i].cells:
            cell.width = w


def cant_split(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:cantSplit")
    trpr.append(el)


def repeat_header(row) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


# ------------------------------------------------------------------ components

def header_block(doc, width, notation_type, letter=False):
    """Ô 1-4: agency | national title, then Số | place and date. A letter (công văn) has no type in its number
    ("Số: 12/UBND-VHXH": agency and drafting unit) and its subject (ô 5b, "V/v …") under the number."""
    left_w = int(width * AGENCY_COLUMN_SHARE)
    table = doc.add_table(rows=2, cols=2)
    borderless(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_widths(table, [left_w, width - left_w])
    agency, national = table.cell(0, 0), table.cell(0, 1)
    jinja(agency, "{%p if header_parent %}")
    para(agency, "{{ header_parent }}", size=SIZE["agency"], align=CENTER)
    jinja(agency, "{%p endif %}")
    jinja(agency, "{%p for line in header_agency %}")
    para(agency, "{{ line }}", size=SIZE["agency"], bold=True, align=CENTER)
    jinja(agency, "{%p endfor %}")
    rule(agency)
    para(national, NATIONAL, size=SIZE["national"], bold=True, align=CENTER)
    para(national, MOTTO, size=SIZE["motto"], bold=True, align=CENTER)
    rule(national)
    number, date = table.cell(1, 0), table.cell(1, 1)
    if letter:
        para(number, "Số: {{ number }}/{{ agency_abbr }}-{{ office_abbr }}", size=SIZE["number"], align=CENTER)
        para(number, "V/v {{ subject }}", size=SIZE["letter_subject"], align=CENTER)
    else:
        para(number, "Số: {{ number }}/" + notation_type + "-{{ agency_abbr }}", size=SIZE["number"], align=CENTER)
    para(date, "{{ place }}, {{ date_line }}", size=SIZE["date"], italic=True, align=CENTER)
    return table


def title_block(doc, doc_type):
    para(doc, "", after=Pt(6))
    para(doc, doc_type, size=SIZE["type"], bold=True, align=CENTER, keep_next=True)
    para(doc, "{{ summary }}", size=SIZE["summary"], bold=True, align=CENTER, keep_next=True)
    rule(doc)


def grounds_block(doc):
    jinja(doc, "{%p for g in legal_grounds %}")
    para(doc, "{{ g }}", style="TD Ground")
    jinja(doc, "{%p endfor %}")


def signature_block(doc, width):
    """Ô 7 and 9b: Nơi nhận | authority, title, space for the signature, name."""
    left_w = int(width * 0.45)
    table = doc.add_table(rows=1, cols=2)
    borderless(table)
    set_widths(table, [left_w, width - left_w])
    cant_split(table.rows[0])
    recipients, signer = table.cell(0, 0), table.cell(0, 1)
    p = para(recipients, "Nơi nhận:", size=SIZE["recipients_title"], bold=True, italic=True, align=LEFT)
    p.paragraph_format.keep_with_next = True
    jinja(recipients, "{%p for r in recipients %}")
    para(recipients, "{{ r }}", size=SIZE["recipients"], align=LEFT)
    jinja(recipients, "{%p endfor %}")
    jinja(signer, "{%p for line in signature_lines %}")
    para(signer, "{{ line }}", size=SIZE["signature"], bold=True, align=CENTER, keep_next=True)
    jinja(signer, "{%p endfor %}")
    for _ in range(5):  # room for the signature image (ô 7c) and the seal (ô 8)
        para(signer, "", size=SIZE["signature"], align=CENTER, keep_next=True)
    para(signer, "{{ signer_name }}", size=SIZE["signature"], bold=True, align=CENTER)
    return table


def body(doc, text, *, bold_prefix=None):
    p = para(doc, style="TD Body")
    if bold_prefix:
        style_run(p.add_run(bold_prefix), bold=True)
    p.add_run(text)
    return p


def part(doc, text):
    return para(doc, text, style="TD Part", keep_next=True)


def data_table(doc, width_mm, columns, row_cells, *, group_rows=False, items="exemplars"):
    """A bordered table: header row, then one templated row per item ({%tr %} rows)."""
    table = doc.add_table(rows=1, cols=len(columns))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_cell_margins(table)
    widths = [Mm(w) for _, w in columns]
    repeat_header(table.rows[0])
    for i, (title, _) in enumerate(columns):
        para(table.cell(0, i), title, size=SIZE["table"], bold=True, align=CENTER)

    def tag_row(tag):
        row = table.add_row()
        merged = row.cells[0].merge(row.cells[-1])
        para(merged, tag)

    def item_row(cells):
        row = table.add_row()
        cant_split(row)
        for i, (text, align) in enumerate(cells):
            para(row.cells[i], text, size=SIZE["table"], align=align)

    if group_rows:
        tag_row("{%tr for g in groups %}")
        row = table.add_row()
        merged = row.cells[0].merge(row.cells[-1])
        para(merged, "{{ g.title }}", size=SIZE["table"], bold=True, align=LEFT)
        tag_row("{%tr for e in g.entries %}")
        item_row(row_cells)
        tag_row("{%tr endfor %}")
        tag_row("{%tr endfor %}")
    else:
        tag_row("{%tr for e in " + items + " %}")
        item_row(row_cells)
        tag_row("{%tr endfor %}")
    set_widths(table, widths)
    return table


# ------------------------------------------------------------------ documents

def build_kh(path: Path) -> None:
    doc, width = start("KẾ HOẠCH", "KH")
    grounds_block(doc)
    body(doc, "{{ intro }}")
    part(doc, "I. MỤC ĐÍCH, YÊU CẦU")
    body(doc, "", bold_prefix="1. Mục đích:")
    jinja(doc, "{%p for t in purposes %}")
    body(doc, "{{ t }}")
    jinja(doc, "{%p endfor %}")
    body(doc, "", bold_prefix="2. Yêu cầu:")
    jinja(doc, "{%p for t in requirements %}")
    body(doc, "{{ t }}")
    jinja(doc, "{%p endfor %}")
    part(doc, "II. NỘI DUNG BỒI DƯỠNG, NHÂN RỘNG ĐIỂN HÌNH TIÊN TIẾN")
    body(doc, "{{ registered_text }}", bold_prefix="1. Các điển hình đăng ký năm {{ year }}: ")
    body(doc, "", bold_prefix="2. Biện pháp bồi dưỡng, nhân rộng từng điển hình:")
    jinja(doc, "{%p for e in exemplars %}")
    body(doc, "{{ e.letter }}) {{ e.name }} ({{ e.kind }}, lĩnh vực {{ e.field }}): {{ e.measures_sentence }}")
    jinja(doc, "{%p endfor %}")
    body(doc, "{{ emulation_text }}", bold_prefix="3. Tổ chức thi đua cùng các điển hình: ")
    part(doc, "III. THỜI GIAN VÀ KINH PHÍ THỰC HIỆN")
    body(doc, "{{ time_text }}", bold_prefix="1. Thời gian: ")
    body(doc, "{{ funding }}", bold_prefix="2. Kinh phí: ")
    part(doc, "IV. TỔ CHỨC THỰC HIỆN")
    jinja(doc, "{%p for a in assignments %}")
    body(doc, "{{ a.task }}", bold_prefix="{{ a.number }}. {{ a.who }}: ")
    jinja(doc, "{%p endfor %}")
    body(doc, "{{ closing }}").paragraph_format.keep_with_next = True
    signature_block(doc, width)

    annex = doc.add_section(WD_SECTION.NEW_PAGE)
    setup_section(annex, landscape=True, restart=True)
    para(doc, "Phụ lục I", size=SIZE["annex_label"], bold=True, align=CENTER)
    para(doc, "{{ annex_title }}", size=SIZE["annex_title"], bold=True, align=CENTER)
    para(doc, "(Kèm theo Kế hoạch số {{ number }}/KH-{{ agency_abbr }} {{ date_line }} của {{ unit_name }})",
         size=SIZE["annex_title"], italic=True, align=CENTER)
    rule(doc)
    columns = [("STT", 12), ("Tên mô hình, tập thể, cá nhân", 41), ("Loại", 18), ("Ngày sinh", 24),
               ("Chức vụ, đơn vị công tác", 44), ("Lĩnh vực", 30), ("Thành tích nổi bật", 44),
               ("Biện pháp bồi dưỡng, nhân rộng", 39)]
    data_table(doc, 252, columns, [("{{ e.no }}", CENTER), ("{{ e.name }}", LEFT), ("{{ e.kind }}", CENTER),
                                   ("{{ e.birth }}", CENTER), ("{{ e.position }}", LEFT), ("{{ e.field }}", LEFT),
                                   ("{{ e.achievements }}", LEFT), ("{{ e.measures }}", LEFT)])
    fit_rules(doc)
    doc.save(path)


def build_bc(path: Path) -> None:
    """The board's report on the year's registrations; the province-wide list is its annex (a list is not a type
    of administrative document under Decree 30)."""
    doc, width = start("BÁO CÁO", "BC")
    body(doc, "{{ intro }}")
    jinja(doc, "{%p for g in group_counts %}")
    body(doc, "{{ g }}")
    jinja(doc, "{%p endfor %}")
    jinja(doc, "{%p for x in remarks %}")
    body(doc, "{{ x }}")
    jinja(doc, "{%p endfor %}")
    body(doc, "{{ closing }}").paragraph_format.keep_with_next = True
    signature_block(doc, width)
    # The whole list is one wide table, so its annex is landscape (spec 02 allows it).
    annex_section(doc, "Phụ lục", "(Kèm theo Báo cáo số {{ number }}/BC-{{ agency_abbr }} {{ date_line }} của "
                                  "{{ unit_name }})", "{{ annex_title }}")
    columns = [("STT", 12), ("Tên mô hình, tập thể, cá nhân", 44), ("Loại", 18), ("Chức vụ, đơn vị công tác", 44),
               ("Lĩnh vực", 28), ("Thành tích nổi bật", 46), ("Đơn vị đăng ký", 32), ("Ghi chú", 28)]
    data_table(doc, 252, columns, [("{{ e.no }}", CENTER), ("{{ e.name }}", LEFT), ("{{ e.kind }}", CENTER),
                                   ("{{ e.position }}", LEFT), ("{{ e.field }}", LEFT),
                                   ("{{ e.achievements }}", LEFT), ("{{ e.registrant }}", LEFT),
                                   ("{{ e.note }}", LEFT)], group_rows=True)
    para(doc, "", after=Pt(6))
    para(doc, "{{ total_line }}", size=SIZE["table"], bold=True, align=LEFT)
    fit_rules(doc)
    doc.save(path)


def centred(doc, text, *, bold=True, size=None):
    return para(doc, text, size=size or SIZE["body"], bold=bold, align=CENTER, keep_next=True, after=Pt(6))


def annex_section(doc, label_tag, reference_tag, title_tag, *, landscape=True):
    annex = doc.add_section(WD_SECTION.NEW_PAGE)
    setup_section(annex, landscape=landscape, restart=True)
    para(doc, label_tag, size=SIZE["annex_label"], bold=True, align=CENTER)
    para(doc, title_tag, size=SIZE["annex_title"], bold=True, align=CENTER)
    para(doc, reference_tag, size=SIZE["annex_title"], italic=True, align=CENTER)
    rule(doc)


def start(doc_type: str, notation_type: str):
    """A portrait document with its header (ô 1-4) and title (ô 5a): (doc, text width)."""
    doc = new_document()
    section = doc.sections[0]
    setup_section(section)
    width = text_width(section)
    header_block(doc, width, notation_type)
    title_block(doc, doc_type)
    return doc, width


def build_ttr(path: Path) -> None:
    doc, width = start("TỜ TRÌNH", "TTr")
    para(doc, "Kính gửi: {{ addressee }}", size=SIZE["body"], align=CENTER, after=Pt(6))
    grounds_block(doc)
    jinja(doc, "{%p for t in paragraphs %}")
    body(doc, "{{ t }}")
    jinja(doc, "{%p endfor %}")
    jinja(doc, "{%p for g in award_counts %}")
    body(doc, "{{ g }}")
    jinja(doc, "{%p endfor %}")
    body(doc, "{{ closing }}").paragraph_format.keep_with_next = True
    signature_block(doc, width)
    annex_section(doc, "Phụ lục", "(Kèm theo Tờ trình số {{ number }}/TTr-{{ agency_abbr }} {{ date_line }} của "
                  "{{ unit_name }})", "{{ annex_title }}")
    columns = [("STT", 12), ("Tên tập thể, cá nhân", 49), ("Chức vụ, đơn vị", 60), ("Danh hiệu, hình thức", 45),
               ("Đơn vị đề nghị", 30), ("Biểu quyết của Hội đồng", 56)]
    data_table(doc, 252, columns, [("{{ e.no }}", CENTER), ("{{ e.name }}", LEFT), ("{{ e.position }}", LEFT),
                                   ("{{ e.award }}", LEFT), ("{{ e.unit }}", LEFT), ("{{ e.vote }}", LEFT)])
    fit_rules(doc)
    doc.save(path)


def build_qd(path: Path) -> None:
    doc, width = start("QUYẾT ĐỊNH", "QĐ")
    centred(doc, "{{ authority }}")
    grounds_block(doc)
    centred(doc, "QUYẾT ĐỊNH:")
    body(doc, "{{ article1 }}", bold_prefix="Điều 1. ")
    jinja(doc, "{%p for g in award_counts %}")
    body(doc, "{{ g }}")
    jinja(doc, "{%p endfor %}")
    body(doc, "{{ article2 }}", bold_prefix="Điều 2. ")
    body(doc, "{{ article3 }}", bold_prefix="Điều 3. ").paragraph_format.keep_with_next = True
    signature_block(doc, width)
    annex_section(doc, "Phụ lục", "(Kèm theo Quyết định số {{ number }}/QĐ-{{ agency_abbr }} {{ date_line }} của "
                  "{{ decider }})", "{{ annex_title }}")
    columns = [("STT", 12), ("Tên tập thể, cá nhân", 51), ("Chức vụ, đơn vị", 66), ("Danh hiệu, hình thức", 52),
               ("Hệ số", 18), ("Tiền thưởng (đồng)", 53)]
    data_table(doc, 252, columns, [("{{ e.no }}", CENTER), ("{{ e.name }}", LEFT), ("{{ e.position }}", LEFT),
                                   ("{{ e.award }}", LEFT), ("{{ e.coefficient }}", CENTER),
                                   ("{{ e.amount }}", WD_ALIGN_PARAGRAPH.RIGHT)])
    para(doc, "", after=Pt(6))
    para(doc, "{{ total_line }}", size=SIZE["table"], bold=True, align=LEFT)
    fit_rules(doc)
    doc.save(path)


def build_bb(path: Path) -> None:
    doc, width = start("BIÊN BẢN", "BB")
    body(doc, "{{ opening }}")
    part(doc, "I. THÀNH PHẦN THAM DỰ")
    body(doc, "{{ attendance }}")
    data_table(doc, 165, [("STT", 12), ("Họ và tên", 39), ("Chức vụ", 55), ("Chức danh trong Hội đồng", 34),
                                  ("Tham dự", 25)],
                       [("{{ e.no }}", CENTER), ("{{ e.name }}", LEFT), ("{{ e.position }}", LEFT),
                        ("{{ e.role }}", LEFT), ("{{ e.presence }}", LEFT)], items="members")
    body(doc, "{{ chair_line }}")
    part(doc, "II. NỘI DUNG VÀ KẾT QUẢ BIỂU QUYẾT")
    body(doc, "{{ content }}")
    vote_table = doc.add_table(rows=1, cols=7)
    vote_table.style = doc.styles["Table Grid"]
    vote_table.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_cell_margins(vote_table)
    repeat_header(vote_table.rows[0])
    heads = [("STT", 12), ("Tên tập thể, cá nhân", 36), ("Danh hiệu, hình thức", 36), ("Đồng ý", 16),
             ("Không đồng ý", 17), ("Tỷ lệ / mức cần đạt", 28), ("Kết quả", 20)]
    for i, (title, _) in enumerate(heads):
        para(vote_table.cell(0, i), title, size=SIZE["table"], bold=True, align=CENTER)
    for tag in ("{%tr for v in votes %}", None, "{%tr endfor %}"):
        row = vote_table.add_row()
        if tag:
            para(row.cells[0].merge(row.cells[-1]), tag)
            continue
        cant_split(row)
        for i, text in enumerate(["{{ v.no }}", "{{ v.name }}", "{{ v.award }}", "{{ v.yes }}", "{{ v.no_votes }}",
                                  "{{ v.share }}", "{{ v.result }}"]):
            para(row.cells[i], text, size=SIZE["table"], align=CENTER if i not in (1, 2) else LEFT)
    set_widths(vote_table, [Mm(w) for _, w in heads])
    # Per candidate: the eligibility verdict with its reason, and the vote against its threshold.
    body(doc, "{{ verdicts_intro }}")
    jinja(doc, "{%p for x in verdicts %}")
    body(doc, "{{ x }}")
    jinja(doc, "{%p endfor %}")
    part(doc, "III. KẾT LUẬN")
    body(doc, "{{ conclusion }}")
    body(doc, "{{ closing }}").paragraph_format.keep_with_next = True
    # Signatures: THƯ KÝ left, CHỦ TỌA right; Nơi nhận below (the minutes' form).
    left_w = int(width * 0.45)
    sig = doc.add_table(rows=2, cols=2)
    borderless(sig)
    set_widths(sig, [left_w, width - left_w])
    for row in sig.rows:
        cant_split(row)
    for cell, title, name in ((sig.cell(0, 0), "THƯ KÝ", "{{ secretary }}"), (sig.cell(0, 1), "CHỦ TỌA", "{{ chair }}")):
        para(cell, title, size=SIZE["signature"], bold=True, align=CENTER, keep_next=True)
        for _ in range(5):
            para(cell, "", size=SIZE["signature"], align=CENTER, keep_next=True)
        para(cell, name, size=SIZE["signature"], bold=True, align=CENTER)
    recipients = sig.cell(1, 0)
    para(recipients, "Nơi nhận:", size=SIZE["recipients_title"], bold=True, italic=True, align=LEFT)
    jinja(recipients, "{%p for r in recipients %}")
    para(recipients, "{{ r }}", size=SIZE["recipients"], align=LEFT)
    jinja(recipients, "{%p endfor %}")
    fit_rules(doc)
    doc.save(path)


def grouped_table(doc, columns, cells, groups: str):
    """A bordered table of rows grouped under a title row each (a year), from {%tr %} loops over `groups`."""
    table = doc.add_table(rows=1, cols=len(columns))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_cell_margins(table)
    repeat_header(table.rows[0])
    for i, (title, _) in enumerate(columns):
        para(table.cell(0, i), title, size=SIZE["table"], bold=True, align=CENTER)
    for tag in ("{%tr for g in " + groups + " %}", "title", "{%tr for r in g.rows %}", "row", "{%tr endfor %}",
                "{%tr endfor %}"):
        row = table.add_row()
        if tag == "row":
            cant_split(row)
            for i, (text, align) in enumerate(cells):
                para(row.cells[i], text, size=SIZE["table"], align=align)
        elif tag == "title":
            para(row.cells[0].merge(row.cells[-1]), "{{ g.title }}", size=SIZE["table"], bold=True, align=LEFT)
        else:
            para(row.cells[0].merge(row.cells[-1]), tag)
    set_widths(table, [Mm(w) for _, w in columns])
    return table


def figure(doc, picture_tag, caption_tag):
    para(doc, picture_tag, align=CENTER, keep_next=True, after=Pt(2), first=Pt(0))
    para(doc, caption_tag, size=SIZE["table"], italic=True, align=CENTER, after=Pt(6))


def build_bc_tk(path: Path) -> None:
    """The annual (sơ kết) or final (tổng kết) review: sections of spec 04 §5, figures from the data, two charts,
    annex tables (figures by area across the 2025 reform; the exemplars commended, with their source rows)."""
    right = WD_ALIGN_PARAGRAPH.RIGHT
    doc, width = start("BÁO CÁO", "BC")
    body(doc, "{{ intro }}")
    jinja(doc, "{%p if reform_note %}")
    body(doc, "{{ reform_note }}")
    jinja(doc, "{%p endif %}")
    part(doc, "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TỔ CHỨC THỰC HIỆN")
    jinja(doc, "{%p for t in leadership %}")
    body(doc, "{{ t }}")
    jinja(doc, "{%p endfor %}")
    part(doc, "II. KẾT QUẢ THỰC HIỆN")
    body(doc, "", bold_prefix="1. Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến")
    body(doc, "{{ results_text }}")
    data_table(doc, 165, [("Năm", 25), ("Đăng ký", 35), ("Bồi dưỡng", 35), ("Được khen thưởng", 35),
                          ("Tỷ lệ được khen (%)", 35)],
               [("{{ e.year }}", CENTER), ("{{ e.registered }}", right), ("{{ e.fostered }}", right),
                ("{{ e.commended }}", right), ("{{ e.rate }}", right)], items="by_year")
    para(doc, "", after=Pt(6))
    figure(doc, "{{ chart_results }}", "Biểu đồ 1. {{ chart_results_caption }}")
    body(doc, "a) Theo cấp đăng ký:")
    grouped_table(doc, [("Cấp", 85), ("Số lượt", 40), ("Tỷ lệ (%)", 40)],
                  [("{{ r.label }}", LEFT), ("{{ r.value }}", right), ("{{ r.share }}", right)], "level_groups")
    para(doc, "", after=Pt(6))
    figure(doc, "{{ chart_levels }}", "Biểu đồ 2. {{ chart_levels_caption }}")
    body(doc, "b) Theo loại:")
    grouped_table(doc, [("Loại", 85), ("Số lượt", 40), ("Tỷ lệ (%)", 40)],
                  [("{{ r.label }}", LEFT), ("{{ r.value }}", right), ("{{ r.share }}", right)], "kind_groups")
    para(doc, "", after=Pt(6))
    body(doc, "c) Theo lĩnh vực (cả {{ 'giai đoạn' if by_year|length > 2 else 'năm' }}):")
    data_table(doc, 165, [("Lĩnh vực", 85), ("Số lượt", 40), ("Tỷ lệ (%)", 40)],
               [("{{ e.label }}", LEFT), ("{{ e.value }}", right), ("{{ e.share }}", right)], items="field_rows")
    para(doc, "", after=Pt(6))
    body(doc, "", bold_prefix="2. Khen thưởng")
    body(doc, "{{ award_text }}")
    grouped_table(doc, [("Hình thức khen thưởng", 95), ("Cấp khen thưởng", 40), ("Số lượng", 30)],
                  [("{{ r.label }}", LEFT), ("{{ r.level }}", LEFT), ("{{ r.value }}", right)], "award_groups")
    para(doc, "", after=Pt(6))
    body(doc, "{{ communication }}", bold_prefix="3. Công tác tuyên truyền: ")
    part(doc, "III. ĐÁNH GIÁ CHUNG")
    body(doc, "{{ strengths }}", bold_prefix="1. Ưu điểm: ")
    body(doc, "{{ limits }}", bold_prefix="2. Hạn chế: ")
    body(doc, "{{ lessons }}", bold_prefix="3. Bài học kinh nghiệm: ")
    part(doc, "IV. PHƯƠNG HƯỚNG, KIẾN NGHỊ")
    jinja(doc, "{%p for t in directions %}")
    body(doc, "{{ t }}")
    jinja(doc, "{%p endfor %}")
    body(doc, "{{ closing }}").paragraph_format.keep_with_next = True
    signature_block(doc, width)
    annex_section(doc, "Phụ lục I", "(Kèm theo Báo cáo số {{ number }}/BC-{{ agency_abbr }} {{ date_line }} của "
                  "{{ unit_name }})", "{{ annex_title }}", landscape=False)
    grouped_table(doc, [("Địa bàn (theo đơn vị hành chính tại ngày đăng ký)", 125), ("Số lượt", 40)],
                  [("{{ r.label }}", LEFT), ("{{ r.value }}", right)], "area_groups")
    jinja(doc, "{%p if successor_rows %}")
    para(doc, "", after=Pt(6))
    para(doc, "{{ annex3_title }}", size=SIZE["annex_title"], bold=True, align=CENTER, keep_next=True, after=Pt(6))
    data_table(doc, 165, [("STT", 12), ("Đơn vị cấp xã (kế thừa các xã, phường, thị trấn đã sáp nhập)", 113),
                          ("Số lượt", 40)],
               [("{{ e.no }}", CENTER), ("{{ e.label }}", LEFT), ("{{ e.value }}", right)], items="successor_rows")
    jinja(doc, "{%p endif %}")
    annex_section(doc, "Phụ lục II", "(Kèm theo Báo cáo số {{ number }}/BC-{{ agency_abbr }} {{ date_line }} của "
                  "{{ unit_name }})", "{{ annex2_title }}", landscape=False)
    data_table(doc, 165, [("STT", 12), ("Tên điển hình (đơn vị đăng ký)", 88), ("Năm đăng ký", 20),
                          ("Nguồn số liệu", 45)],
               [("{{ e.no }}", CENTER), ("{{ e.name }}", LEFT), ("{{ e.year }}", CENTER), ("{{ e.source }}", LEFT)],
               items="commended")
    fit_rules(doc)
    doc.save(path)


def build_cv(path: Path) -> None:
    """The unit's cover letter (công văn) sending its registration list and plan upward: no type line; the subject
    "V/v …" under the number; "Kính gửi:"; the body; the signature block (Decree 30, Appendix I, form 1.4)."""
    doc = new_document()
    section = doc.sections[0]
    setup_section(section)
    width = text_width(section)
    header_block(doc, width, "", letter=True)
    para(doc, "", after=Pt(6))
    para(doc, "Kính gửi: {{ addressee }}", size=SIZE["body"], align=CENTER, after=Pt(12))
    jinja(doc, "{%p for t in paragraphs %}")
    body(doc, "{{ t }}")
    jinja(doc, "{%p endfor %}")
    body(doc, "{{ closing }}").paragraph_format.keep_with_next = True
    signature_block(doc, width)
    fit_rules(doc)
    doc.save(path)


def page_border(section) -> None:
    """A double rule round the page, as printed certificates have."""
    borders = OxmlElement("w:pgBorders")
    borders.set(qn("w:offsetFrom"), "page")
    for edge in ("top", "left", "bottom", "right"):
        el = OxmlElement(f"w:{edge}")
        for key, value in (("w:val", "double"), ("w:sz", "18"), ("w:space", "24"), ("w:color", "auto")):
            el.set(qn(key), value)
        borders.append(el)
    section._sectPr.append(borders)


def build_certificate(path: Path) -> None:
    """An award certificate (bằng khen, giấy chứng nhận): one page, centred, the awarding authority, the form's
    title, the awardee, the achievement, the decision's number and date, the signature block. Not a Decree 30
    document (no number line of its own): the page size is set from certificates.yaml at render time."""
    doc = new_document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(420), Mm(297)
    for side in ("top", "bottom", "left", "right"):
        setattr(section, f"{side}_margin", Mm(30))
    page_border(section)
    para(doc, NATIONAL, size=16, bold=True, align=CENTER)
    para(doc, MOTTO, size=17, bold=True, align=CENTER)
    rule(doc)
    para(doc, "", after=Pt(12))
    para(doc, "{{ authority }}", size=20, bold=True, align=CENTER, after=Pt(6))
    para(doc, "TẶNG", size=18, bold=True, align=CENTER, after=Pt(12))
    para(doc, "{{ title }}", size=44, bold=True, align=CENTER, after=Pt(12))
    jinja(doc, "{%p if award %}")
    para(doc, "{{ award }}", size=20, bold=True, align=CENTER, after=Pt(6))
    jinja(doc, "{%p endif %}")
    para(doc, "{{ name }}", size=30, bold=True, align=CENTER, after=Pt(6))
    para(doc, "{{ position }}", size=18, align=CENTER, after=Pt(12))
    para(doc, "{{ achievement }}", size=18, italic=True, align=CENTER, after=Pt(18))
    table = doc.add_table(rows=1, cols=2)
    borderless(table)
    width = section.page_width - section.left_margin - section.right_margin
    set_widths(table, [int(width * 0.45), width - int(width * 0.45)])
    cant_split(table.rows[0])
    left, right = table.cell(0, 0), table.cell(0, 1)
    para(left, "", after=Pt(36))
    para(left, "{{ decision_line }}", size=15, align=CENTER)
    para(left, "{{ book_line }}", size=15, align=CENTER)
    para(right, "{{ date_line }}", size=15, italic=True, align=CENTER, keep_next=True)
    jinja(right, "{%p for line in signature_lines %}")
    para(right, "{{ line }}", size=15, bold=True, align=CENTER, keep_next=True)
    jinja(right, "{%p endfor %}")
    for _ in range(5):  # room for the signature and the seal
        para(right, "", size=15, align=CENTER, keep_next=True)
    para(right, "{{ signer_name }}", size=15, bold=True, align=CENTER)
    fit_rules(doc)
    doc.save(path)


TEMPLATES = {"KH": ("ke-hoach-boi-duong.docx", build_kh), "BC": ("bao-cao-dang-ky.docx", build_bc),
             "TTr": ("to-trinh-khen-thuong.docx", build_ttr), "BB": ("bien-ban-hoi-dong.docx", build_bb),
             "QĐ": ("quyet-dinh-khen-thuong.docx", build_qd), "BC-TK": ("bao-cao-tong-ket.docx", build_bc_tk),
             "CV": ("cong-van-gui-danh-sach.docx", build_cv)}

CERTIFICATE = ("bang-khen.docx", build_certificate)  # not a Decree 30 document: outside the layout check

if __name__ == "__main__":
    for kind, (name, build) in [*TEMPLATES.items(), ("certificate", CERTIFICATE)]:
        build(HERE / name)
        print("wrote", HERE / name)
