"""Issue 14: signature blocks from the law, one title per person, documents that are final before a number.

Items 1, 3, 5 and 6 on the data and on generated, signed and issued documents (real LibreOffice, real
signatures; the PDFs read with poppler's pdftotext)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess

import openpyxl
import pytest

from dispatch.register import open_register
from generators.commendation.contexts import qd_context
from generators.commendation.round import load_round
from generators.core.config import load_province
from generators.core.errors import ConfigError, DataError, ThiduaError
from generators.core.model import Signer
from generators.workbooks.registration import HEADER_ROW
from signing.errors import DocumentStateError
from signing.keys import Pkcs12Key, load_pkcs12
from signing.verify import verify
from thidua.settings import Settings
from thidua.workflows.issuing import sign_and_issue
from thidua.workflows.office import issue_as_office, sign_as_leader
from thidua.workflows.pki import init_pki
from thidua.workflows.registration import check, plan_documents

from .conftest import DATA, small_round
from .signing_helpers import nss_db, pdfsig_accepts

PASSWORD = b"mat-khau-van-ban"


def _text(pdf) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_signature_blocks_follow_the_body_and_the_document(province):
    """Decree 30, art. 13, from the data: TM. for a collective body unless the document is the head's own, KT. for a
    deputy, Q. for an acting head, no prefix for the head of a one-head body; clusters and blocs by their title."""
    ubnd, snv = province.unit("UBND-BL"), province.unit("SNV")
    assert ubnd.signature_lines("KH") == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert ubnd.signature_lines("QĐ") == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]  # the chairman's commendation decision
    head = dataclasses.replace(ubnd, leader=Signer("X", "head"))
    assert head.signature_lines("QĐ") == ["CHỦ TỊCH"] and head.signature_lines("KH") == ["TM. ỦY BAN NHÂN DÂN",
                                                                                          "CHỦ TỊCH"]
    assert snv.signature_lines("TTr") == ["GIÁM ĐỐC"]
    assert dataclasses.replace(snv, leader=Signer("X", "acting")).signature_lines("TTr") == ["Q. GIÁM ĐỐC"]
    assert dataclasses.replace(snv, leader=Signer("X", "deputy")).signature_lines() == ["KT. GIÁM ĐỐC",
                                                                                       "PHÓ GIÁM ĐỐC"]
    for code, title in (("CUM-HUYEN", "CỤM TRƯỞNG"), ("KHOI-KT", "KHỐI TRƯỞNG"), ("KHOI-DN", "KHỐI TRƯỞNG")):
        unit = province.unit(code)
        lead = province.unit(unit.lead)
        assert unit.signature_lines("KH") == [title], code
        assert unit.issuer_code == lead.code and unit.leader.name == lead.leader.name, code


def test_a_cluster_plan_is_signed_by_its_leader_and_sealed_by_the_lead_unit(tmp_path):
    data, result = small_round(tmp_path, {"CUM-HUYEN.xlsx", "KHOI-DN.xlsx"})
    province = load_province(data)
    layout = init_pki(province, tmp_path / "pki", PASSWORD, ["CUM-HUYEN", "KHOI-DN"])
    assert not layout.org_p12("CUM-HUYEN").exists()  # no seal, no organisation certificate of its own
    drafts = [d for d in result.documents if d.kind == "KH"]
    issued = sign_and_issue(data, drafts, PASSWORD, layout, tmp_path / "so.sqlite", workers=1)
    nss = nss_db(tmp_path / "nss", layout.root)
    for doc in issued:
        unit = province.unit(doc.issuer)
        lead = province.unit(unit.lead)
        report = verify(doc.files.issued_pdf, [layout.root])
        assert report.indication == "TOTAL_PASSED" and pdfsig_accepts(doc.files.issued_pdf, nss)
        assert [s.signer for s in report.signatures] == [lead.leader.name, lead.name]
        text = _text(doc.files.issued_pdf)
        assert unit.kind.head in text and "TM." not in text
        from generators.documents.review import review_pdf

        assert review_pdf(doc.files.issued_pdf, _expected_of(unit, "KH"), issued=True) == []
    import pikepdf  # review item 8: a number filled apart from its notation is a gap in the line

    split = tmp_path / "split.pdf"
    with pikepdf.open(issued[0].files.issued_pdf) as pdf:
        field = next(f for f in pdf.Root.AcroForm.Fields if str(f.T) == "SoVanBan")
        field.V = pikepdf.String(issued[0].notation.split("/")[0])
        pdf.save(split)
    unit = province.unit(issued[0].issuer)
    assert [f.rule for f in review_pdf(split, _expected_of(unit, "KH"), issued=True)] == ["SO_NGAY"]


def test_one_person_holds_one_title_at_a_date(data_copy):
    """Item 1 and review item 4: the council lists the director of Sở Nội vụ as Giám đốc; data making him sign as
    Phó Giám đốc is refused, naming the workbook's cell and the province's unit."""
    province_yaml = data_copy / "province.yaml"
    text = province_yaml.read_text(encoding="utf-8")
    snv = text.index("- code: SNV\n")
    role = text.index("    role: head\n", snv)
    province_yaml.write_text(text[:role] + "    role: deputy\n" + text[role + len("    role: head\n"):],
                             encoding="utf-8")
    with pytest.raises(DataError) as exc:
        load_round(data_copy, 2024)
    [p] = exc.value.problems
    cell = openpyxl.load_workbook(data_copy / "commendation" / "hoi-dong-2024.xlsx")[p.sheet][f"{p.column}{p.row}"]
    assert cell.value == "Giám đốc Sở Nội vụ"  # the message names the very cell
    assert "Dương Minh Trung" in p.message and "Phó giám đốc Sở Nội vụ" in p.message and "SNV" in p.message

    text = province_yaml.read_text(encoding="utf-8")  # one person leading two units in the same period
    assert "    name: Quách Quốc Dũng\n" in text
    province_yaml.write_text(text.replace("    name: Quách Quốc Dũng\n", "    name: Dương Minh Trung\n", 1),
                             encoding="utf-8")
    with pytest.raises(ConfigError) as cexc:
        load_province(data_copy)
    assert "hai chức vụ" in str(cexc.value) and "(đơn vị SNV)" in str(cexc.value) and "(đơn vị UBND-BL)" in str(cexc.value)


def test_an_unconfirmed_figure_never_reaches_a_decision(data_copy):
    """Item 3: without the board's recorded confirmation the decision is not drafted; the message says what."""
    meta = data_copy / "commendation" / "round-2024.yaml"
    text = meta.read_text(encoding="utf-8")
    meta.write_text(text[:text.index("confirmations:")], encoding="utf-8")
    rnd = load_round(data_copy, 2024)
    with pytest.raises(ConfigError) as exc:
        qd_context(load_province(data_copy), rnd, "02/TTr-SNV", dt.date(2024, 5, 29))
    assert "ND98" in str(exc.value) and "confirmations" in str(exc.value) and "chưa được đối chiếu" in str(exc.value)


def test_a_finding_without_a_decision_keeps_the_plan_from_signing(data_copy, tmp_path):
    (data_copy / "registrations" / "2024" / "decisions.yaml").unlink()
    settings = Settings(data=data_copy, out=tmp_path / "out", year=2024)
    checked = check(settings)
    planned = {d.unit: d for d, _ in plan_documents(checked.province, checked.data, checked.findings,
                                                     settings.out, data_copy)}
    assert "trễ hạn" in " ".join(planned["PL"].undecided) and "vượt" in " ".join(planned["HD-XNINHQUOIA"].undecided)
    assert not planned["HD-XLOCNINH"].undecided
    with pytest.raises(ThiduaError) as exc:
        sign_and_issue(data_copy, [planned["PL"]], PASSWORD, None, tmp_path / "so.sqlite")
    assert "KH-2024-PL.pdf" in str(exc.value) and not planned["PL"].signed_pdf.exists()


def test_a_plan_states_the_decision_on_its_late_or_excess_list(round_2024):
    from docx import Document as Docx

    out, result = round_2024
    text = lambda code: "\n".join(p.text for p in Docx(str(out / "2024" / code / f"KH-2024-{code}.docx")).paragraphs)  # noqa: E731
    late = text("PL")
    assert ("sau thời hạn 15 tháng 02 năm 2024 theo Kế hoạch số 113/KH-UBND ngày 19 tháng 8 năm 2022" in late
            and "ngày 21 tháng 02 năm 2024, Sở Nội vụ tỉnh Bạc Liêu đã tiếp nhận danh sách gửi trễ hạn." in late)
    excess = text("HD-XNINHQUOIA")
    assert "Số lượng đăng ký (08) vượt mức tối đa 06" in excess and "Ủy ban nhân dân huyện Hồng Dân đã đồng ý" in excess
    assert "vượt mức" not in text("HD-XLOCNINH")
    assert not re.search(r"\d{2}/\d{2}/\d{4}", late)  # one date style in running text
    assert not any(d.undecided for d in result.documents)


def test_issuance_refuses_a_document_with_a_drafting_note(tmp_path):
    """Item 3: a note for the reviewer that reached the signed draft stops the number; nothing is consumed."""
    code = "HD-XLOCNINH"
    data = tmp_path / "data"
    import shutil

    shutil.copytree(DATA, data)
    for f in (data / "registrations" / "2024").glob("*.xlsx"):
        if f.name != f"{code}.xlsx":
            f.unlink()
    path = data / "registrations" / "2024" / f"{code}.xlsx"
    wb = openpyxl.load_workbook(path)
    ws = wb["Danh sách"]
    column = next(c.column for c in ws[HEADER_ROW] if c.value and "thành tích" in str(c.value).lower())
    ws.cell(HEADER_ROW + 1, column).value = "Số liệu năm 2023 chưa được xác nhận, đề nghị kiểm tra trước khi trình ký"
    wb.save(path)
    from .conftest import run_round

    result = run_round(data, tmp_path / "out", 2024)
    draft = next(d for d in result.documents if d.unit == code)
    province = load_province(data)
    unit = province.unit(code)
    layout = init_pki(province, tmp_path / "pki", PASSWORD, [code])
    key = lambda p: load_pkcs12(Pkcs12Key(p), PASSWORD)  # noqa: E731
    sign_as_leader(unit, draft.pdf, draft.signed_pdf, key(layout.leader_p12(code)), layout.signature_image(code))
    with open_register(tmp_path / "so.sqlite") as reg:
        with pytest.raises(DocumentStateError) as exc:
            issue_as_office(unit, draft.signed_pdf, draft.issued_pdf, reg, key(layout.org_p12(code)),
                            layout.seal_image(code), dt.date(2024, 1, 10))
        assert reg.entries() == []
    assert "chưa được xác nhận" in str(exc.value) and "trước khi trình ký" in str(exc.value)
    assert not draft.issued_pdf.exists()
    from generators.documents.review import review_pdf  # the review finds it in the draft too

    assert {f.rule for f in review_pdf(draft.pdf, _expected_of(unit, "KH"))} == {"GHI_CHU_DU_THAO"}


def test_heading_lines_stay_whole_and_no_page_is_blank(round_2024, province):
    """Item 4 and review items 7 and 9: each agency line of the data is one line of the PDF (LibreOffice broke
    "NÔNG / THÔN", "BẠC / LIÊU" before), and no page holds only its number."""
    out, result = round_2024
    for draft in result.documents:
        unit = province.unit(draft.unit)
        heading = _text_pages(draft.pdf)[0].splitlines()[:6]
        for line in [unit.header_parent or "", *unit.header_agency]:
            assert any(line in row for row in heading), (draft.unit, line, heading)
        for n, page in enumerate(_text_pages(draft.pdf), 1):
            assert not re.fullmatch(r"\s*\d*\s*", page), f"{draft.pdf.name}: trang {n} trống"


def test_a_heading_line_too_long_for_its_column_is_refused(province):
    from generators.documents.heading import heading

    long = dataclasses.replace(province.unit("SNNPTNT"), header_agency=("SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN",))
    with pytest.raises(ConfigError) as exc:
        heading(long, 2024, "KH")
    assert "SNNPTNT" in str(exc.value) and "ngắt thành hai dòng" in str(exc.value)


def _text_pages(pdf) -> list[str]:
    return _text(pdf).split("\f")[:-1]


def _expected_of(unit, kind: str, titles=None):
    from generators.documents.review import Expected

    return Expected(tuple(filter(None, (unit.header_parent, *unit.header_agency))),
                    ((unit.leader.name, tuple(titles or unit.signature_lines(kind))),))


def test_the_review_passes_the_drafts_and_catches_a_copy_of_each_defect(round_2024, province, tmp_path):
    """Item 10: no finding on the round's documents (a one-head body's director, a cluster's Cụm trưởng included);
    a wrong or missing authority prefix, a blank page, a heading split mid-name, each found."""
    import pikepdf

    from generators.documents.review import review_pdf

    out, result = round_2024
    drafts = {d.unit: d for d in result.documents}
    for d in result.documents:
        assert review_pdf(d.pdf, _expected_of(province.unit(d.unit), d.kind)) == [], d.pdf.name
    commune = province.unit("HD-XLOCNINH")  # signed "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"
    pdf = drafts["HD-XLOCNINH"].pdf
    for wrong in (["CHỦ TỊCH"], ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]):
        assert [f.rule for f in review_pdf(pdf, _expected_of(commune, "KH", wrong))] == ["THAM_QUYEN"], wrong
    blank = tmp_path / "blank.pdf"
    with pikepdf.open(pdf) as doc:
        doc.add_blank_page(page_size=(595, 842))
        doc.save(blank)
    assert [f.rule for f in review_pdf(blank, _expected_of(commune, "KH"))] == ["TRANG_TRONG"]
    agency = province.unit("SNNPTNT")
    joined = dataclasses.replace(agency, header_agency=(" ".join(agency.header_agency),))
    assert [f.rule for f in review_pdf(drafts["SNNPTNT"].pdf, _expected_of(joined, "KH"))] == ["TEN_CO_QUAN"]


def test_wording_fits_the_unit(round_2024):
    """Item 5: addressees and phrases from the unit's level: a city's plan to the Thành ủy, a district with no
    ward addresses "xã, thị trấn", a town's hamlets are khóm and a commune's ấp."""
    from docx import Document as Docx

    out, _ = round_2024

    def text(code):
        doc = Docx(str(out / "2024" / code / f"KH-2024-{code}.docx"))
        cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in doc.paragraphs] + cells)
    city, district = text("TPBL"), text("HD")
    assert "Thường trực Thành ủy, HĐND thành phố" in city and "UBND các xã, phường" in city
    assert "Huyện ủy" not in city and "thị trấn" not in city.split("Nơi nhận")[-1]
    assert "Thường trực Huyện ủy, HĐND huyện" in district and "UBND các xã, thị trấn" in district
    assert "phường" not in district
    town, commune = text("HD-TTNGANDUA"), text("HD-XLOCNINH")
    assert "HĐND thị trấn" in town and "Các khóm" in town and "Trưởng các khóm" in town and "HĐND xã" not in town
    assert "HĐND xã" in commune and "Các ấp" in commune and "báo cáo Ủy ban nhân dân huyện" in commune


def test_an_unknown_placeholder_in_the_plan_is_named():
    from generators.registration.wording import fill

    with pytest.raises(ConfigError) as exc:
        fill("Thường trực {dang_uy}, HĐND {level}", {"level": "xã", "party": "Đảng ủy"})
    assert "{dang_uy}" in str(exc.value) and "{party}" in str(exc.value)


def test_signing_by_order_or_by_authorization(province, tmp_path):
    """Item 1: TL. (by order of the head) and TUQ. (by the head's authorization) carry the signer's own title and no
    TM.; the loader refuses them without that title; a plan signed TL. is drafted so and passes the review."""
    import yaml

    from generators.documents.review import review_pdf

    hd = province.unit("HD")
    by_order = dataclasses.replace(hd, leader=Signer("X", "by_order", "CHÁNH VĂN PHÒNG"))
    assert by_order.signature_lines("KH") == ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]
    snv = province.unit("SNV")
    assert dataclasses.replace(snv, leader=Signer("X", "authorized", "TRƯỞNG PHÒNG THI ĐUA - KHEN THƯỞNG")) \
        .signature_lines("TTr") == ["TUQ. GIÁM ĐỐC", "TRƯỞNG PHÒNG THI ĐUA - KHEN THƯỞNG"]

    data, _ = small_round(tmp_path / "a", set())
    path = data / "province.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    unit = next(u for u in doc["units"] if u["code"] == "HD")
    unit["leader"]["role"] = "by_order"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(ConfigError, match="«HD».*leader.title"):
        load_province(data)
    unit["leader"]["title"] = "CHÁNH VĂN PHÒNG"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    changed = load_province(data)
    from .conftest import run_round

    (data / "registrations" / "2024" / "HD.xlsx").write_bytes((DATA / "registrations" / "2024" / "HD.xlsx").read_bytes())
    result = run_round(data, tmp_path / "out", 2024)
    plan = next(d for d in result.documents if d.unit == "HD" and d.kind == "KH")
    assert review_pdf(plan.pdf, _expected_of(changed.unit("HD"), "KH")) == []
    text = subprocess.run(["pdftotext", "-layout", str(plan.pdf), "-"], capture_output=True, text=True).stdout
    lines = [line.strip() for line in text.splitlines()]
    at = next(i for i, line in enumerate(lines) if line.endswith("TL. CHỦ TỊCH"))
    assert lines[at + 1].endswith("CHÁNH VĂN PHÒNG") and "TM. ỦY BAN NHÂN DÂN" not in text


def test_table_cells_are_padded_and_the_number_column_stays_whole(round_2024):
    """Item 4: data tables have cell margins (1 mm above and below, 1.5 mm at the sides) and a header row that
    repeats; "STT" is one word in every annex's header (it broke "ST / T" in an 11 mm column before)."""
    from docx import Document
    from docx.oxml.ns import qn

    out, result = round_2024
    for draft in result.documents:
        doc = Document(str(draft.docx))
        table = doc.tables[-1]
        mar = table._tbl.tblPr.find(qn("w:tblCellMar"))
        assert {e: int(mar.find(qn(f"w:{e}")).get(qn("w:w"))) for e in ("top", "bottom", "left", "right")} == {
            "top": 57, "bottom": 57, "left": 85, "right": 85}, draft.docx.name
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        pages = _text_pages(draft.pdf)
        headers = [p for p in pages if "Tên mô hình" in p or "Tên tập thể" in p]
        assert headers and all(re.search(r"^\s*STT\b", p, re.M) for p in headers), draft.pdf.name
