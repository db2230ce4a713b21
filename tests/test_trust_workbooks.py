"""Issue 8, item 8: workbooks lost or misjudged in silence are now refused or repaired, naming sheet, row, column."""
from __future__ import annotations

import shutil
import zipfile

import openpyxl
import pytest

from generators.core.errors import DataError
from generators.registration.lists import load_year
from generators.registration.rules import check_year
from generators.workbooks.registration import LIST_SHEET, read_registration

from .conftest import FIRST_ROW


def problems_of(path, plan):
    with pytest.raises(DataError) as exc:
        read_registration(path, plan)
    return exc.value.problems


def edit(path, fn):
    wb = openpyxl.load_workbook(path)
    fn(wb, wb[LIST_SHEET])
    wb.save(path)


def test_a_merged_cell_in_the_list_is_named_not_a_crash(workbook, plan):
    edit(workbook, lambda wb, ws: ws.merge_cells(f"E{FIRST_ROW}:F{FIRST_ROW}"))
    [p] = [p for p in problems_of(workbook, plan) if "gộp" in p.message]
    assert p.row == FIRST_ROW and f"E{FIRST_ROW}:F{FIRST_ROW}" in p.message


def test_hidden_rows_and_a_hidden_sheet_are_not_taken_silently(workbook, plan):
    def hide(wb, ws):
        ws.row_dimensions[FIRST_ROW + 1].hidden = True
        ws.sheet_state = "hidden"
        wb.active = 0
    edit(workbook, hide)
    messages = {(p.row, p.message.split(";")[0]) for p in problems_of(workbook, plan)}
    assert (FIRST_ROW + 1, "dòng này đang bị ẩn") in messages
    assert any("trang tính danh sách đang bị ẩn" in m for _, m in messages)


def test_a_continuation_sheet_is_not_ignored(workbook, plan):
    edit(workbook, lambda wb, ws: wb.copy_worksheet(ws).__setattr__("title", "Danh sách (2)"))
    [p] = [p for p in problems_of(workbook, plan) if p.sheet == "Danh sách (2)"]
    assert "không được đọc" in p.message


@pytest.mark.parametrize("value, shown", [("Nguyễn_x0007_Văn", "U+0007"),
                                          ("\u202eNguyễn Văn", "U+202E"), ("Lê\x85Văn", "U+0085")])
def test_control_characters_are_refused(workbook, plan, value, shown):
    edit(workbook, lambda wb, ws: ws.cell(FIRST_ROW, 2, value))
    [p] = problems_of(workbook, plan)
    assert (p.row, p.column) == (FIRST_ROW, "B") and shown in p.message


def test_a_ten_thousand_character_name_is_refused(workbook, plan):
    edit(workbook, lambda wb, ws: ws.cell(FIRST_ROW, 2, "A" * 10_000))
    [p] = problems_of(workbook, plan)
    assert (p.row, p.column) == (FIRST_ROW, "B") and "10000 ký tự" in p.message


def test_a_zero_width_space_does_not_hide_a_duplicate(data_copy, province):
    folder = data_copy / "registrations" / "2024"
    wb = openpyxl.load_workbook(folder / "HND.xlsx")
    ws = wb[LIST_SHEET]
    for row in ws.iter_rows(min_row=FIRST_ROW):
        if row[1].value == "Bùi Hữu Hùng":
            row[1].value = "Bùi Hữu\u200bHùng"
    wb.save(folder / "HND.xlsx")
    data = load_year(province, data_copy, 2024)
    duplicates = [f for f in check_year(province, data) if f.rule == "TRUNG_LAP"]
    assert len(duplicates) == 2  # still found from both sides


def test_an_uppercase_extension_is_read_and_other_files_are_named(data_copy, province):
    folder = data_copy / "registrations" / "2024"
    (folder / "HND.xlsx").rename(folder / "HND.XLSX")
    shutil.copy(folder / "PL.xlsx", folder / "PL-cu.xls")
    data = load_year(province, data_copy, 2024)
    assert "HND" in data.registrations
    assert any("PL-cu.xls" in p.file and ".xlsx" in p.message for p in data.problems)


def test_an_encrypted_or_old_excel_file_is_recognised(tmp_path, plan):
    path = tmp_path / "mat-khau.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000)
    [p] = problems_of(path, plan)
    assert "mật khẩu" in p.message


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path, plan):
    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"<" + b"a" * (150 * 1024 * 1024))
    assert path.stat().st_size < 1024 * 1024
    [p] = problems_of(path, plan)
    assert "giải nén" in p.message


def test_a_column_inserted_into_the_table_is_named_not_dropped(workbook, plan):
    def insert(wb, ws):
        ws.insert_cols(4)
        ws.cell(FIRST_ROW - 1, 4, "Giới tính")
        ws.cell(FIRST_ROW, 4, "Nữ")
    edit(workbook, insert)
    [p] = problems_of(workbook, plan)
    assert (p.row, p.column) == (FIRST_ROW - 1, "D") and "«Giới tính» không có trong mẫu" in p.message


def test_data_under_no_header_is_named(workbook, plan):
    edit(workbook, lambda wb, ws: ws.cell(FIRST_ROW + 2, 12, "ghi chú lạc"))
    [p] = problems_of(workbook, plan)
    assert (p.row, p.column) == (FIRST_ROW + 2, "L") and "không có tiêu đề" in p.message
