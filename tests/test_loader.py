"""The loader refuses broken workbooks with messages naming file, sheet, row and column."""
from __future__ import annotations

import unicodedata

import openpyxl
import pytest

from generators.core.errors import DataError
from generators.workbooks.registration import HEADER_ROW, LIST_SHEET, read_registration

from .conftest import FIRST_ROW


def edit(path, fn):
    wb = openpyxl.load_workbook(path)
    fn(wb[LIST_SHEET])
    wb.save(path)


def problems(path, plan, **kw):
    with pytest.raises(DataError) as exc:
        read_registration(path, plan, **kw)
    return exc.value.problems


def test_valid_workbook_loads(workbook, plan):
    reg = read_registration(workbook, plan)
    assert reg.unit == "HD-XNINHQUOI" and reg.year == 2024 and len(reg.entries) == 5
    assert reg.entries[2].kind == "cá nhân" and reg.entries[2].birth_date.year == 1980


def test_missing_header_is_named(workbook, plan):
    edit(workbook, lambda ws: ws.delete_cols(6))  # drops "Lĩnh vực"
    found = problems(workbook, plan)
    assert any("thiếu cột «Lĩnh vực»" in p.message and p.row == HEADER_ROW for p in found)
    assert all(p.sheet == LIST_SHEET for p in found)


def test_renamed_header_names_cell_and_expected_text(workbook, plan):
    edit(workbook, lambda ws: ws.cell(HEADER_ROW, 7, "Thành tích"))
    [p] = problems(workbook, plan)
    assert (p.row, p.column) == (HEADER_ROW, "G")
    assert "«Thành tích»" in p.message and "«Thành tích nổi bật»" in p.message


def test_empty_required_cell(workbook, plan):
    edit(workbook, lambda ws: setattr(ws.cell(FIRST_ROW + 1, 8), "value", None))
    [p] = problems(workbook, plan)
    assert (p.row, p.column, p.header) == (FIRST_ROW + 1, "H", "Biện pháp bồi dưỡng, nhân rộng")
    assert "để trống" in p.message
    text = str(p)
    assert "HD-XNINHQUOI.xlsx" in text and f"dòng {FIRST_ROW + 1}" in text and "cột H" in text


def test_impossible_date(workbook, plan):
    edit(workbook, lambda ws: ws.cell(FIRST_ROW + 2, 4, "31/02/1985"))
    [p] = problems(workbook, plan)
    assert (p.row, p.column) == (FIRST_ROW + 2, "D") and "không tồn tại" in p.message


def test_text_in_number_column(workbook, plan):
    edit(workbook, lambda ws: ws.cell(FIRST_ROW, 1, "một"))
    [p] = problems(workbook, plan)
    assert (p.row, p.column) == (FIRST_ROW, "A") and "số nguyên" in p.message and "«một»" in p.message


def test_formula_cell_refused(workbook, plan):
    edit(workbook, lambda ws: ws.cell(FIRST_ROW + 3, 2, '=CONCATENATE("Trạm"," Y tế")'))
    [p] = problems(workbook, plan)
    assert (p.row, p.column) == (FIRST_ROW + 3, "B") and "công thức" in p.message


def test_nfd_text_is_stored_as_nfc(workbook, plan):
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Hồng Nhung")
    edit(workbook, lambda ws: ws.cell(FIRST_ROW + 2, 2, nfd))
    reg = read_registration(workbook, plan)
    assert reg.entries[2].name == unicodedata.normalize("NFC", nfd) == "Nguyễn Thị Hồng Nhung"
    assert reg.entries[2].name != nfd


def test_legacy_tcvn3_text_refused(workbook, plan):
    edit(workbook, lambda ws: ws.cell(FIRST_ROW, 2, "NguyÔn V¨n H¶i"))
    [p] = problems(workbook, plan)
    assert (p.row, p.column) == (FIRST_ROW, "B") and "TCVN3" in p.message


def test_every_problem_reported_in_one_run(workbook, plan):
    def break_many(ws):
        ws.cell(FIRST_ROW, 1, "x")
        ws.cell(FIRST_ROW + 1, 3, "gia đình")  # not a kind
        ws.cell(FIRST_ROW + 2, 4, "1985-13-01")
        ws.cell(FIRST_ROW + 4, 6).value = None
    edit(workbook, break_many)
    found = problems(workbook, plan)
    assert {(p.row, p.column) for p in found} == {
        (FIRST_ROW, "A"), (FIRST_ROW + 1, "C"), (FIRST_ROW + 2, "D"), (FIRST_ROW + 4, "F")}


def test_individual_needs_birth_date(workbook, plan):
    edit(workbook, lambda ws: setattr(ws.cell(FIRST_ROW + 2, 4), "value", None))
    [p] = problems(workbook, plan)
    assert (p.row, p.column) == (FIRST_ROW + 2, "D") and "ngày sinh" in p.message


def test_unknown_unit_code(workbook, plan):
    [p] = problems(workbook, plan, known_units={"HD"})
    assert (p.row, p.column) == (2, "C") and "HD-XNINHQUOI" in p.message


def test_not_a_workbook(tmp_path, plan):
    bad = tmp_path / "ds.xlsx"
    bad.write_text("không phải Excel")
    [p] = problems(bad, plan)
    assert p.file == "ds.xlsx" and "không mở được" in p.message


def test_excel_template_roundtrip(tmp_path, plan):
    """The blank template has the headers, drop-downs and instructions; a clerk's filled copy loads."""
    from thidua.cli import main

    out = tmp_path / "mau.xlsx"
    assert main(["excel-template", "registration", str(out)]) == 0
    wb = openpyxl.load_workbook(out)
    ws = wb[LIST_SHEET]
    headers = [c.value for c in ws[HEADER_ROW]]
    assert headers[:3] == ["STT", "Tên mô hình, tập thể, cá nhân", "Loại"]
    columns = {str(dv.sqref)[0] for dv in ws.data_validations.dataValidation if dv.type == "list"}
    assert columns == {"C", "F"}  # drop-downs for kind and field
    lookup = wb["Danh mục"]
    assert [lookup.cell(r, 1).value for r in (1, 2, 3)] == list(plan.kinds)
    help_text = " ".join(str(c.value) for row in wb["Hướng dẫn"].iter_rows() for c in row if c.value)
    assert "Ngày sinh" in help_text and "Nguyễn Văn An" in help_text  # instructions and the example row
    # A clerk fills it in.
    ws["C2"], ws["C4"], ws["C5"] = "HD-XNINHQUOI", 2024, "10/01/2024"
    for r, row in enumerate([[1, "Trạm Y tế xã Ninh Quới", "tập thể", None, "Xã Ninh Quới", "Y tế", "Đạt chuẩn",
                              "Tập huấn"]], start=HEADER_ROW + 1):
        for c, value in enumerate(row, start=1):
            ws.cell(r, c, value)
    wb.save(out)
    reg = read_registration(out, plan)
    assert reg.entries[0].name == "Trạm Y tế xã Ninh Quới" and str(reg.sent) == "2024-01-10"
