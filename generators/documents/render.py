"""Render a DOCX template with a context: strict, escaped, atomic, reproducible."""
from __future__ import annotations

import datetime as dt
import functools
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import jinja2
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docxtpl import DocxTemplate, InlineImage
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from generators.core.errors import TemplateError
from generators.core.files import atomic_path
from generators.core.resources import templates_folder
from generators.documents.docx_layout import (
    MOTTO,
    RULE_RATIO,
    RULE_STYLE,
    SIZE,
    cell_width,
    side_padding_pt,
    widest_line_pt,
)
from generators.documents.page_numbers import restore_page_numbers
from generators.documents.subject import balanced_lines

TEMPLATES = {"KH": "ke-hoach-boi-duong.docx", "BC": "bao-cao-dang-ky.docx", "TTr": "to-trinh-khen-thuong.docx",
             "BB": "bien-ban-hoi-dong.docx", "QĐ": "quyet-dinh-khen-thuong.docx", "BC-TK": "bao-cao-tong-ket.docx",
             "CV": "cong-van-gui-danh-sach.docx"}


@dataclass(frozen=True)
class Picture:
    """An image a context places where the template says ({{ chart }}), at a width in millimetres."""

    path: Path
    width_mm: float


def _with_pictures(tpl: DocxTemplate, value):
    """The context with each Picture made the template's inline image (docxtpl needs the template to embed it)."""
    if isinstance(value, Picture):
        return InlineImage(tpl, str(value.path), width=Mm(value.width_mm))
    if isinstance(value, dict):
        return {k: _with_pictures(tpl, v) for k, v in value.items()}
    if isinstance(value, list):
        return [_with_pictures(tpl, v) for v in value]
    return value
CERTIFICATE_TEMPLATE = "bang-khen.docx"  # award certificates: not a Decree 30 document, outside TEMPLATES
# Documents carry a timestamp from the data, never the clock: two runs give identical files.
FIXED_TIME = dt.datetime(2000, 1, 1)


def jinja_env() -> jinja2.Environment:
    """Sandboxed: templates are edited by clerks, so a template reaches only the data, never Python internals.

    Undefined variables are errors, and & < > " in the data stay text.
    """
    return ImmutableSandboxedEnvironment(undefined=jinja2.StrictUndefined, autoescape=True)


def template_path(kind: str) -> Path:
    return templates_folder() / TEMPLATES[kind]


def render_docx(template: Path, context: dict, out: Path, *, title: str = "", author: str = "",
                created: dt.datetime = FIXED_TIME, page_mm: tuple[float, float] | None = None) -> Path:
    """`page_mm`: every section's paper (width, height), as the data sets it (a certificate's)."""
    tpl = DocxTemplate(restored_template(template))
    try:
        tpl.render(_with_pictures(tpl, context), jinja_env(), autoescape=True)
    except SecurityError as exc:
        raise TemplateError(f"Mẫu {Path(template).name} truy cập thuộc tính không được phép ({exc}); mẫu chỉ được "
                            f"dùng dữ liệu của văn bản.") from None
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"Mẫu {Path(template).name} dùng biến mà dữ liệu không có: {exc.message}") from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"Mẫu {Path(template).name} sai cú pháp Jinja (dòng {exc.lineno}): {exc.message}") from None
    doc = tpl.docx
    if page_mm:
        for section in doc.sections:
            section.page_width, section.page_height = Mm(page_mm[0]), Mm(page_mm[1])
    if isinstance(context.get("summary"), str):
        balance_subject(doc, context["summary"])
    if isinstance(context.get("subject"), str):  # a letter's "V/v …" under its number (ô 5b)
        balance_letter_subject(doc, "V/v " + context["subject"])
    fit_rules(doc)
    shrink_section_breaks(doc)
    _preserve_spaces(doc)
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = title, author, author
    if created.tzinfo is not None:
        created = created.astimezone(dt.timezone.utc).replace(tzinfo=None)  # core.xml is in UTC
    props.created = props.modified = created
    props.revision = 1
    with atomic_path(out) as tmp:
        _save_reproducible(doc, tmp)
    return Path(out)


def restored_template(template: Path) -> io.BytesIO:
    """The template with what an editor's save dropped put back (page numbering; the template check names it),
    before Jinja renders it."""
    stat = Path(template).stat()
    return io.BytesIO(_restored(str(template), stat.st_mtime_ns, stat.st_size))


@functools.lru_cache(maxsize=16)
def _restored(path: str, mtime_ns: int, size: int) -> bytes:
    """Once per template file version, not once per document."""
    from docx import Document

    doc = Document(path)
    restore_page_numbers(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _save_reproducible(doc, path: Path) -> None:
    """Save with fixed ZIP entry times (python-docx stamps the clock's)."""
    buffer = io.BytesIO()
    doc.save(buffer)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, src.read(item.filename))


def _preserve_spaces(doc) -> None:
    for t in doc.element.body.iter(qn("w:t")):
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _para_width_pt(paragraph) -> float:
    """Widest text line of a paragraph, from its runs' effective size and weight."""
    return widest_line_pt((run.text, *_size_and_bold(paragraph, run), False) for run in paragraph.runs)


def _size_and_bold(paragraph, run, default_size: float = 14) -> tuple[float, bool]:
    """A run's effective size (pt) and weight: its own, else its paragraph style's chain."""
    size = run.font.size or _style_value(paragraph.style, lambda f: f.size)
    bold = run.font.bold if run.font.bold is not None else bool(_style_value(paragraph.style, lambda f: f.bold))
    return (size.pt if size is not None else default_size), bold


def balance_subject(doc, summary: str) -> None:
    """Break the subject line (trích yếu) where a clerk would, in lines of even length (generators.documents.
    subject), instead of leaving LibreOffice to fill the first line and split a word pair."""
    from docx.text.paragraph import Paragraph

    wanted = " ".join(summary.split())
    for child, width in section_text_widths(doc):
        if child.tag != qn("w:p"):
            continue
        p = Paragraph(child, doc._body)
        if " ".join(p.text.split()) != wanted or not p.runs:
            continue
        run = p.runs[0]
        size, bold = _size_and_bold(p, run, SIZE["summary"])
        lines = balanced_lines(wanted, width - 1, size, bold=bold)  # a point spare: LibreOffice's rounding
        if len(lines) > 1:
            for other in p.runs[1:]:
                other._r.getparent().remove(other._r)
            run.text = "\n".join(lines)
        return


def balance_letter_subject(doc, text: str) -> None:
    """A letter's "V/v …" broken in even lines that keep word pairs whole, within its cell of the heading."""
    from docx.table import Table

    wanted = " ".join(text.split())
    for child in doc.element.body.iterchildren(qn("w:tbl")):
        table = Table(child, doc._body)
        padding = side_padding_pt(child)
        for cell in (c for row in table.rows for c in row.cells):
            for p in cell.paragraphs:
                if " ".join(p.text.split()) != wanted or not p.runs:
                    continue
                width = cell_width(cell)
                if width is None:
                    return
                size, bold = _size_and_bold(p, p.runs[0], SIZE["letter_subject"])
                lines = balanced_lines(wanted, width.pt - padding - 1, size, bold=bold)
                if len(lines) > 1:
                    for other in p.runs[1:]:
                        other._r.getparent().remove(other._r)
                    p.runs[0].text = "\n".join(lines)
                return
        return  # the heading is the first table


def _style_value(style, get):
    while style is not None:
        value = get(style.font)
        if value is not None:
            return value
        style = style.base_style
    return None


def shrink_section_breaks(doc) -> None:
    """An empty paragraph that only carries a section break is drawn 1 pt high with no spacing: at its full line
    height it spills onto a page of its own (a blank page holding only its number) when the signature block ends
    at the foot of a page."""
    from docx.oxml import OxmlElement

    for p in doc.element.body.iterchildren(qn("w:p")):
        ppr = p.find(qn("w:pPr"))
        if ppr is None or ppr.find(qn("w:sectPr")) is None or "".join(p.itertext()).strip():
            continue
        for old in ppr.findall(qn("w:spacing")) + ppr.findall(qn("w:rPr")):
            ppr.remove(old)
        spacing = OxmlElement("w:spacing")
        for key, value in (("w:before", "0"), ("w:after", "0"), ("w:line", "20"), ("w:lineRule", "exact")):
            spacing.set(qn(key), value)
        mark = OxmlElement("w:rPr")
        size = OxmlElement("w:sz")
        size.set(qn("w:val"), "2")
        mark.append(size)
        # CT_PPr's schema order: spacing after pStyle/keep*/…; rPr just before sectPr.
        ppr.find(qn("w:sectPr")).addprevious(mark)
        anchor = next((ppr.find(qn(t)) for t in ("w:ind", "w:jc", "w:rPr") if ppr.find(qn(t)) is not None), None)
        anchor.addprevious(spacing)


def section_text_widths(doc) -> list[tuple[object, float]]:
    """(body element, text width in pt of its section) for each body-level block."""
    sections = list(doc.sections)
    out, idx = [], 0
    for child in doc.element.body.iterchildren():
        sec = sections[min(idx, len(sections) - 1)]
        out.append((child, (sec.page_width - sec.left_margin - sec.right_margin) / 12700))
        ppr = child.find(qn("w:pPr"))
        if ppr is not None and ppr.find(qn("w:sectPr")) is not None:
            idx += 1
    return out


def fit_rules(doc) -> None:
    """Size each rule line: the motto's as long as the motto, others 40 % of their text."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    # Compare style ids from the XML: python-docx's paragraph.style scans every style per call.
    rule_id = doc.styles[RULE_STYLE].style_id if RULE_STYLE in [s.name for s in doc.styles] else None

    def is_rule(p) -> bool:
        return rule_id is not None and p._p.style == rule_id

    def fit(paragraphs, container_pt):
        for i, p in enumerate(paragraphs):
            if not is_rule(p):
                continue
            above = [q for q in paragraphs[:i] if q.text.strip()]
            if not above:
                continue
            if above[-1].text.strip() == MOTTO:
                length = _para_width_pt(above[-1])
            else:
                block = []
                for q in reversed(above):
                    if is_rule(q):
                        break
                    if not any(r.font.bold for r in q.runs):
                        break
                    block.append(q)
                # A bold block (agency, summary); otherwise the line just above (annex reference).
                text = max((_para_width_pt(q) for q in block), default=_para_width_pt(above[-1]))
                length = RULE_RATIO * min(text, container_pt)
            indent = max(0.0, (container_pt - length) / 2)
            p.paragraph_format.left_indent = Pt(indent)
            p.paragraph_format.right_indent = Pt(indent)
            p.paragraph_format.first_line_indent = Pt(0)

    body_paras = []
    for child, width in section_text_widths(doc):
        if child.tag == qn("w:p"):
            body_paras.append((Paragraph(child, doc._body), width))
        elif child.tag == qn("w:tbl"):
            table = Table(child, doc._body)
            padding = side_padding_pt(child)
            for row in table.rows:
                for cell in row.cells:
                    w = cell_width(cell)
                    fit(cell.paragraphs, (w.pt if w is not None else width) - padding)
    # Body-level paragraphs are fitted against the width of their own section.
    by_width: dict[float, list] = {}
    for p, w in body_paras:
        by_width.setdefault(w, []).append(p)
    for w, ps in by_width.items():
        fit(ps, w)
