"""Checking a template (or a clerk's edit of one): layout rules it breaks, variables the data does not provide."""
from __future__ import annotations

import io
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate
from jinja2.exceptions import SecurityError

from docx import Document

from generators.documents.layout_rules import Violation, check_docx
from generators.documents.page_numbers import HOW_TO_FIX, restore_page_numbers
from generators.documents.render import TEMPLATES, jinja_env
from thidua.settings import Settings
from thidua.workflows.registration import check


def guess_kind(path: Path) -> str | None:
    for kind, name in sorted(TEMPLATES.items(), key=lambda kv: -len(kv[0])):  # BC-TK before BC
        if Path(path).name == name or Path(path).stem.upper().startswith(kind.upper() + "-"):
            return kind
    return None


def sample_context(kind: str, settings: Settings) -> dict:
    """The context the data gives a template of this kind (the year's first unit, or the year's round)."""
    import datetime as dt

    from generators.commendation.contexts import bb_context, qd_context, ttr_context
    from generators.commendation.round import load_round
    from generators.registration.contexts import bc_context, cv_context, kh_context

    if kind == "BC-TK":
        import tempfile

        from generators.core.config import load_province
        from generators.reports.contexts import review_context
        from thidua.workflows.reports import annual_review, statistics

        province = load_province(settings.data)
        charts = Path(tempfile.mkdtemp(prefix="thidua-charts-"))  # a trial render's charts, thrown away with it
        return review_context(province, statistics(settings, (settings.year,), province),
                              annual_review(province, settings.year), charts)
    checked = check(settings)
    province, data, findings = checked.province, checked.data, checked.findings
    year = settings.year
    if kind in ("KH", "CV"):
        reg = next(iter(sorted(data.registrations.items())))[1]
        if kind == "CV":
            return cv_context(province, reg, f"01/KH-{province.unit(reg.unit).abbr}", reg.sent, reg.sent)
        return kh_context(province, reg)
    if kind == "BC":
        return bc_context(province, year, data.registrations, findings)
    rnd = load_round(settings.data, year, province)
    if kind == "TTr":
        return ttr_context(province, rnd, "01/BB-HĐTĐKT", rnd.date("minutes"))  # a number the register would give
    if kind == "BB":
        return bb_context(province, rnd)
    return qd_context(province, rnd, "01/TTr-SNV", dt.date(year, 1, 1))


def variable_problems(path: Path, context: dict) -> list[Violation]:
    """Top-level names the data lacks, then anything a strict trial render trips on."""
    out = []
    tpl = DocxTemplate(str(path))
    env = jinja_env()
    try:
        missing = sorted(tpl.get_undeclared_template_variables(env, context))
    except jinja2.TemplateSyntaxError as exc:
        return [Violation("bien-mau", f"sai cú pháp Jinja: {exc.message} (dòng {exc.lineno} của XML).")]
    for name in missing:
        out.append(Violation("bien-mau", f"mẫu dùng biến «{name}» mà dữ liệu không cung cấp."))
    if not missing:
        tpl = DocxTemplate(str(path))
        try:
            tpl.render(context, env, autoescape=True)
            tpl.save(io.BytesIO())
        except SecurityError as exc:
            out.append(Violation("bien-mau", f"mẫu truy cập thuộc tính không được phép ({exc}): mẫu chỉ được dùng "
                                             "dữ liệu của văn bản, không được gọi mã Python."))
        except jinja2.UndefinedError as exc:
            out.append(Violation("bien-mau", f"mẫu dùng thuộc tính mà dữ liệu không có: {exc.message}."))
        except jinja2.TemplateError as exc:
            out.append(Violation("bien-mau", f"mẫu không hiển thị được với dữ liệu: {exc}."))
    return out


def check_template(path: Path, settings: Settings, kind: str | None = None) \
        -> tuple[str | None, list[Violation], list[str]]:
    """The template's kind (given or guessed from its name), every problem found, and what generation restores
    of what an editor dropped (checked as restored: such a template still renders and conforms)."""
    doc = Document(str(path))
    restored = restore_page_numbers(doc)
    loaded = io.BytesIO()
    doc.save(loaded)
    loaded.seek(0)
    problems = list(check_docx(loaded))
    kind = kind or guess_kind(path)
    if kind:
        problems += variable_problems(path, sample_context(kind, settings))
    return kind, problems, restored
