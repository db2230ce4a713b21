"""`thidua templates check`: layout rules a template breaks, and variables the data does not provide."""
from __future__ import annotations

import io
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate

from generators.documents.layout_rules import Violation
from generators.documents.render import TEMPLATES, jinja_env
from thidua.cycle import check


def guess_kind(path: Path) -> str | None:
    for kind, name in TEMPLATES.items():
        if Path(path).name == name or Path(path).stem.upper().startswith(kind.upper() + "-"):
            return kind
    return None


def sample_context(kind: str, data_dir: Path, year: int) -> dict:
    """The context the data gives a template of this kind (the year's first unit, or the year's round)."""
    import datetime as dt

    from generators.commendation.contexts import bb_context, qd_context, ttr_context
    from generators.commendation.round import load_round
    from generators.registration.contexts import ds_context, kh_context

    province, data, findings = check(data_dir, year)
    if kind == "KH":
        reg = next(iter(sorted(data.registrations.items())))[1]
        return kh_context(province, reg)
    if kind == "DS":
        return ds_context(province, year, data.registrations, findings)
    rnd = load_round(data_dir, year)
    if kind == "TTr":
        return ttr_context(province, rnd)
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
        except jinja2.UndefinedError as exc:
            out.append(Violation("bien-mau", f"mẫu dùng thuộc tính mà dữ liệu không có: {exc.message}."))
        except jinja2.TemplateError as exc:
            out.append(Violation("bien-mau", f"mẫu không hiển thị được với dữ liệu: {exc}."))
    return out
