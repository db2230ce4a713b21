"""Generated documents: what they say, how they are laid out, and the PDF/A files (real LibreOffice)."""
from __future__ import annotations

import json
import re
import subprocess
import unicodedata
from pathlib import Path

import pikepdf
import pytest
from docx import Document

from generators.core.errors import TemplateError
from generators.core.model import Entry, Registration
from generators.documents.convert import Converter, ConverterConfig
from generators.documents.layout_rules import check_docx
from generators.documents.render import render_docx, template_path
from generators.registration.contexts import kh_context
from generators.registration.lists import load_year

from .conftest import DATA


def pdf_text(path: Path) -> str:
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text))


def test_every_registered_unit_has_its_plan_and_the_province_list(round_2024, province):
    out, result = round_2024
    manifest = json.loads((out / "2024" / "manifest.json").read_text(encoding="utf-8"))
    docs = manifest["documents"]
    registered = set(load_year(province, DATA, 2024).registrations)
    assert {d["unit"] for d in docs if d["kind"] == "KH"} == registered
    assert [d["unit"] for d in docs if d["kind"] == "BC"] == ["SNV"]  # the province's list: a report's annex
    for d in docs:
        assert set(d) >= {"kind", "unit", "title", "docx", "pdf", "sha256", "pages"}
        assert (out / d["docx"]).is_file() and (out / d["pdf"]).is_file()
        assert d["pdf"].startswith(f"2024/{d['unit']}/") and d["pages"] >= 2


def test_pdfs_are_pdfa2b_with_every_font_embedded(round_2024):
    out, result = round_2024
    for doc in result.documents:
        with pikepdf.open(doc.pdf) as pdf:
            meta = pdf.open_metadata()
            assert meta.pdfa_status == "2B", doc.pdf
            assert len(pdf.Root.OutputIntents) == 1
        fonts = subprocess.run(["pdffonts", str(doc.pdf)], capture_output=True, text=True, check=True).stdout
        rows = fonts.splitlines()[2:]
        assert rows and all(r.split()[-5] == "yes" for r in rows), fonts  # the "emb" column
        assert all("LiberationSerif" in r for r in rows)  # Times New Roman's metric twin
        check = subprocess.run(["qpdf", "--check", str(doc.pdf)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout


def test_every_generated_docx_follows_decree_30(round_2024):
    out, result = round_2024
    for doc in result.documents:
        assert check_docx(doc.docx) == [], doc.docx


def test_layout_facts_read_independently(round_2024):
    """A few rules read straight from python-docx, without our checker."""
    out, result = round_2024
    kh = next(d for d in result.documents if d.kind == "KH" and d.unit == "HD-XLOCNINH")
    doc = Document(str(kh.docx))
    main, annex = doc.sections
    assert (round(main.page_width.mm), round(main.page_height.mm)) == (210, 297)
    assert (round(annex.page_width.mm), round(annex.page_height.mm)) == (297, 210)  # a wide annex table
    for s in (main, annex):
        assert 20 <= s.top_margin.mm <= 25 and 20 <= s.bottom_margin.mm <= 25
        assert 30 <= s.left_margin.mm <= 35 and 15 <= s.right_margin.mm <= 20
        assert s.different_first_page_header_footer
    assert 'w:start="1"' in annex._sectPr.xml  # the annex restarts page numbering
    texts = [p.text for p in doc.paragraphs]
    assert "KẾ HOẠCH" in texts and "Phụ lục I" in texts
    header = doc.tables[0]
    assert header.cell(0, 1).paragraphs[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert header.cell(1, 0).paragraphs[0].text.replace(" ", "") == "Số:/KH-UBND"  # blank for issuance
    sig = doc.tables[1].cell(0, 1)
    lines = [p.text for p in sig.paragraphs if p.text.strip()]
    assert lines[0] == "TM. ỦY BAN NHÂN DÂN"  # a People's Committee signs as a collective body


def test_pdf_says_what_the_data_says(round_2024, province):
    out, result = round_2024
    data = load_year(province, DATA, 2024)
    for doc in result.documents:
        if doc.kind != "KH":
            continue
        text = pdf_text(doc.pdf)
        unit = province.unit(doc.unit)
        assert unit.leader.name in text and unit.name in text
        for e in data.registrations[doc.unit].entries:
            assert e.name in text, (doc.pdf, e.name)
    report = pdf_text(next(d.pdf for d in result.documents if d.kind == "BC"))
    # The note wraps in its narrow column, so poppler may read other cells between its two lines.
    assert "Gửi trễ hạn" in report and "(20/02/2024)" in report and "Đăng ký trùng với đơn vị khác" in report
    # Issue 14 item 5: the list goes out as the annex of Sở Nội vụ's report, which says what it holds.
    total = sum(len(r.entries) for c, r in data.registrations.items() if province.unit(c).plan_role != "commune")
    assert "BÁO CÁO" in report and "Phụ lục" in report and "(Kèm theo Báo cáo số" in report
    assert f"đăng ký {total} mô hình, tập thể, cá nhân điển hình tiên tiến" in " ".join(report.split())
    assert "Ủy ban nhân dân huyện Phước Long" in " ".join(report.split())


@pytest.mark.parametrize("unit, lines", [
    ("HD-XNINHQUOI", "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH"),
    ("HD-TTNGANDUA", "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH"),
    ("HND", "TM. BAN THƯỜNG VỤ KT. CHỦ TỊCH PHÓ CHỦ TỊCH"),
    ("XSKT", "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC"),
    ("PCBL", "GIÁM ĐỐC"),
])
def test_authority_prefix_for_the_kind_of_unit(round_2024, province, unit, lines):
    out, result = round_2024
    doc = next(d for d in result.documents if d.kind == "KH" and d.unit == unit)
    sig = Document(str(doc.docx)).tables[1].cell(0, 1)
    assert " ".join(p.text for p in sig.paragraphs if p.text.strip()) == f"{lines} {province.unit(unit).leader.name}"


def special_registration(province) -> Registration:
    reg = load_year(province, DATA, 2024).registrations["HD-XNINHQUOI"]
    odd = 'Hợp tác xã "Tôm & Lúa" <Ninh Quới>'
    first = reg.entries[0]
    return Registration(reg.unit, reg.year, reg.sent, reg.source,
                        (Entry(first.row, odd, first.kind, first.birth_date, "Ấp 3 & 4 <Xẻo Gừa>", first.field,
                               'Năng suất > 5 tấn/ha & lợi nhuận "cao"', first.measures),) + reg.entries[1:])


def test_special_characters_survive_docx_and_pdf(tmp_path, province):
    ctx = kh_context(province, special_registration(province))
    docx = render_docx(template_path("KH"), ctx, tmp_path / "kh.docx")
    body = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    cells = "\n".join(c.text for t in Document(str(docx)).tables for r in t.rows for c in r.cells)
    assert 'Hợp tác xã "Tôm & Lúa" <Ninh Quới>' in body and "Ấp 3 & 4 <Xẻo Gừa>" in cells
    assert 'Năng suất > 5 tấn/ha & lợi nhuận "cao"' in cells
    Converter().convert([(docx, tmp_path / "kh.pdf")])
    text = pdf_text(tmp_path / "kh.pdf")
    assert 'Hợp tác xã "Tôm & Lúa" <Ninh Quới>' in text and "Ấp 3 & 4 <Xẻo Gừa>" in text


def test_undefined_variable_is_an_error_and_writes_nothing(tmp_path, province):
    ctx = kh_context(province, special_registration(province))
    del ctx["signer_name"]
    with pytest.raises(TemplateError, match="signer_name"):
        render_docx(template_path("KH"), ctx, tmp_path / "kh.docx")
    assert list(tmp_path.iterdir()) == []


def test_hung_libreoffice_is_killed_and_the_document_retried(tmp_path, round_2024):
    out, result = round_2024
    marker = tmp_path / "hung-once"
    wrapper = tmp_path / "soffice-hangs-once"
    wrapper.write_text(f"#!/bin/sh\nif [ ! -e {marker} ]; then touch {marker}; exec sleep 600; fi\nexec soffice \"$@\"\n")
    wrapper.chmod(0o755)
    docs = [d.docx for d in result.documents[:3]]
    config = ConverterConfig(soffice=str(wrapper), workers=1, startup_timeout=5, per_document_timeout=3)
    report = Converter(config).convert([(d, tmp_path / f"{i}.pdf") for i, d in enumerate(docs)])
    assert marker.exists() and report.restarts == 1 and report.processes == 2
    for i, d in enumerate(docs):
        assert pdf_text(tmp_path / f"{i}.pdf") == pdf_text(Path(str(d).replace(".docx", ".pdf")))
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*.tmp"))


def test_two_runs_give_the_same_documents(tmp_path, data_copy):
    from .conftest import run_round

    keep = {"HD-XNINHQUOI.xlsx", "PL.xlsx", "KHOI-DN.xlsx"}
    for f in (data_copy / "registrations" / "2024").glob("*.xlsx"):
        if f.name not in keep:
            f.unlink()
    first = run_round(data_copy, tmp_path / "a", 2024)
    second = run_round(data_copy, tmp_path / "b", 2024)
    m1 = json.loads(first.manifest.read_text())["documents"]
    m2 = json.loads(second.manifest.read_text())["documents"]
    assert len(m1) == 4 and m1 == m2
