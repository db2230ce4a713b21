"""The Decree 30 checker catches each kind of broken layout, on documents and on templates."""
from __future__ import annotations

import shutil

import pytest
from docx import Document
from docx.shared import Mm, Pt

from generators.documents.layout_rules import check_docx
from generators.documents.render import TEMPLATES, render_docx, template_path
from generators.registration.contexts import kh_context
from generators.registration.lists import load_year
from thidua.cli import main

from .conftest import DATA


@pytest.fixture(scope="module")
def good_kh(tmp_path_factory, province):
    reg = load_year(province, DATA, 2024).registrations["HD-XNINHQUOI"]
    path = tmp_path_factory.mktemp("kh") / "kh.docx"
    render_docx(template_path("KH"), kh_context(province, reg), path)
    assert check_docx(path) == []
    return path


def broken(good, tmp_path, fn):
    path = tmp_path / "broken.docx"
    doc = Document(str(good))
    fn(doc)
    doc.save(str(path))
    return {v.rule for v in check_docx(path)}, [str(v) for v in check_docx(path)]


def para(doc, text):
    for p in doc.paragraphs:
        if p.text.strip().startswith(text):
            return p
    for t in doc.tables:
        for row in t.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    if p.text.strip().startswith(text):
                        return p
    raise LookupError(text)


def test_margin_out_of_range(good_kh, tmp_path):
    rules, text = broken(good_kh, tmp_path, lambda d: setattr(d.sections[0], "left_margin", Mm(25)))
    assert rules == {"le-trang"} and any("lề trái" in t and "25.0 mm" in t for t in text)


def test_wrong_font(good_kh, tmp_path):
    def arial(doc):
        for r in para(doc, "I. MỤC ĐÍCH, YÊU CẦU").runs:
            r.font.name = "Arial"
    rules, text = broken(good_kh, tmp_path, arial)
    assert rules == {"phong-chu"} and any("Arial" in t for t in text)


def test_page_number_on_first_page(good_kh, tmp_path):
    rules, _ = broken(good_kh, tmp_path, lambda d: setattr(d.sections[0], "different_first_page_header_footer", False))
    assert "so-trang" in rules


def test_month_padding(good_kh, tmp_path):
    def fill(doc):
        p = para(doc, "Ninh Quới, ngày")
        for r in p.runs[1:]:
            r.text = ""
        p.runs[0].text = "Ninh Quới, ngày 05 tháng 03 năm 2024"
    rules, text = broken(good_kh, tmp_path, fill)
    assert rules == {"ngay-thang"} and any("«03»" in t for t in text)


def test_motto_with_an_en_dash(good_kh, tmp_path):
    def dash(doc):
        p = para(doc, "Độc lập - Tự do - Hạnh phúc")
        p.runs[0].text = "Độc lập – Tự do – Hạnh phúc"
    rules, _ = broken(good_kh, tmp_path, dash)
    assert "tieu-ngu" in rules


def test_body_size_and_indent(good_kh, tmp_path):
    def shrink(doc):
        p = para(doc, "I. MỤC ĐÍCH, YÊU CẦU")
        p.runs[0].font.size = Pt(12)
        p.paragraph_format.first_line_indent = Mm(0)
    rules, text = broken(good_kh, tmp_path, shrink)
    assert rules == {"co-chu", "noi-dung"}


def test_last_recipient_must_be_the_file_copy(good_kh, tmp_path):
    rules, _ = broken(good_kh, tmp_path, lambda d: setattr(para(d, "- Lưu: VT").runs[0], "text", "- Lưu hồ sơ."))
    assert rules == {"noi-nhan"}


def test_signature_block_may_split(good_kh, tmp_path):
    def splittable(doc):
        trpr = doc.tables[1].rows[0]._tr.trPr
        trpr.remove(trpr[0])
    rules, _ = broken(good_kh, tmp_path, splittable)
    assert rules == {"chu-ky"}


def test_kt_without_a_deputy_title(good_kh, tmp_path):
    rules, _ = broken(good_kh, tmp_path, lambda d: setattr(para(d, "CHỦ TỊCH").runs[0], "text", "KT. CHỦ TỊCH"))
    assert "chu-ky" in rules


def test_annex_without_restarted_numbering(good_kh, tmp_path):
    def no_restart(doc):
        sect = doc.sections[1]._sectPr
        sect.remove(sect.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pgNumType"))
    rules, _ = broken(good_kh, tmp_path, no_restart)
    assert rules == {"phu-luc"}


@pytest.mark.parametrize("kind", sorted(TEMPLATES))
def test_shipped_templates_pass_templates_check(kind, capsys):
    assert main(["templates", "check", str(template_path(kind))]) == 0
    assert "đúng thể thức" in capsys.readouterr().out


def test_templates_check_reports_layout_and_unknown_variables(tmp_path, capsys):
    path = tmp_path / "ke-hoach-boi-duong.docx"
    shutil.copy(template_path("KH"), path)
    doc = Document(str(path))
    doc.sections[0].top_margin = Mm(10)
    para(doc, "{{ intro }}").runs[0].text = "{{ intro }} {{ ten_chu_tich }}"
    para(doc, "{{ e.letter }}) {{ e.name }}").runs[0].text = "{{ e.letter }}) {{ e.ho_ten }}"
    doc.save(str(path))
    assert main(["templates", "check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "lề trên phải 20-25 mm, đang là 10.0 mm" in out
    assert "«ten_chu_tich»" in out
    path2 = tmp_path / "KH-nested.docx"
    doc.sections[0].top_margin = Mm(20)
    para(doc, "{{ intro }}").runs[0].text = "{{ intro }}"
    doc.save(str(path2))
    assert main(["templates", "check", "--kind", "KH", str(path2)]) == 1
    assert "ho_ten" in capsys.readouterr().out


def test_data_table_without_a_repeated_header_or_cell_padding(good_kh, tmp_path):
    """Issue 14 item 4: a data table's header row repeats on every page, and its text stays clear of the rules."""
    from docx.oxml.ns import qn

    def no_repeat(doc):
        trpr = doc.tables[-1].rows[0]._tr.trPr
        trpr.remove(trpr.find(qn("w:tblHeader")))

    def no_padding(doc):
        tblpr = doc.tables[-1]._tbl.tblPr
        tblpr.remove(tblpr.find(qn("w:tblCellMar")))

    for fn, words in ((no_repeat, "lặp lại"), (no_padding, "sát đường kẻ")):
        rules, messages = broken(good_kh, tmp_path, fn)
        assert rules == {"bang"} and words in " ".join(messages), messages
