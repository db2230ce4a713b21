"""Issue 12 item 3: the unit's cover letter (công văn) that sends its list and plan upward. No type line, the
subject «V/v …» under the number, the notation «<agency>-<unit>», «Kính gửi:» the superior the plan names, and
the plan's number and date as the register gave them."""
from __future__ import annotations

import datetime as dt

from docx import Document
from docx.shared import Pt

from generators.core.config import load_province
from generators.documents.layout_rules import check_docx
from generators.documents.render import render_docx, template_path
from generators.registration.contexts import cv_context
from generators.registration.lists import load_year

from .conftest import DATA


def _letter(tmp_path, code: str):
    province = load_province(DATA)
    reg = load_year(province, DATA, 2024).registrations[code]
    ctx = cv_context(province, reg, "07/KH-UBND", dt.date(2024, 1, 9), dt.date(2024, 1, 9))
    return render_docx(template_path("CV"), ctx, tmp_path / f"CV-{code}.docx"), reg


def test_a_commune_letter_goes_to_its_district_citing_the_issued_plan(tmp_path):
    path, reg = _letter(tmp_path, "HD-XNINHQUOI")
    doc = Document(path)
    left = [p.text for p in doc.tables[0].cell(1, 0).paragraphs if p.text.strip()]
    assert left[0].startswith("Số:") and left[0].endswith("/UBND-VHXH")  # agency - drafting unit, no type
    assert " ".join(" ".join(left[1:]).split()) == "V/v đăng ký gương điển hình tiên tiến năm 2024"
    body = [p.text for p in doc.paragraphs if p.text.strip()]
    assert not any(t.strip().upper() == "CÔNG VĂN" for t in body)  # a letter has no type line
    assert "Kính gửi: Ủy ban nhân dân huyện Hồng Dân" in body
    text = " ".join(body)
    assert "Kế hoạch số 07/KH-UBND ngày 09 tháng 01 năm 2024" in text
    kinds = [e.kind for e in reg.entries]
    assert (f"đăng ký {len(reg.entries)} mô hình, tập thể, cá nhân điển hình tiên tiến năm 2024, gồm "
            f"{kinds.count('mô hình')} mô hình, {kinds.count('tập thể')} tập thể và {kinds.count('cá nhân')} "
            f"cá nhân") in text
    assert body[-1 - next(i for i, t in enumerate(reversed(body)) if t.endswith("./."))].endswith("xem xét, tổng hợp./.")
    assert check_docx(path) == []


def test_an_agency_letter_goes_to_the_board(tmp_path):
    path, _ = _letter(tmp_path, "SNNPTNT")
    body = [p.text for p in Document(path).paragraphs]
    assert "Kính gửi: Sở Nội vụ tỉnh Bạc Liêu (Ban Thi đua - Khen thưởng)" in body


def test_a_letter_subject_set_as_a_title_is_refused(tmp_path):
    path, _ = _letter(tmp_path, "HD-XNINHQUOI")
    doc = Document(path)
    vv = next(p for p in doc.tables[0].cell(1, 0).paragraphs if p.text.startswith("V/v"))
    for run in vv.runs:
        run.font.bold, run.font.size = True, Pt(14)
    doc.save(tmp_path / "bad.docx")
    rules = {(v.rule, v.message) for v in check_docx(tmp_path / "bad.docx")}
    assert any("V/v" in m and "cỡ chữ" in m for _, m in rules), rules
    assert any("V/v" in m and "đậm" in m for _, m in rules), rules
