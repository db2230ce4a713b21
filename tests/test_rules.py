"""The plan's rules on the sample data, and the check command a board officer runs."""
from __future__ import annotations

import datetime as dt
import re

import openpyxl

from generators.core.text import vn_date
from generators.registration.lists import load_year
from generators.registration.rules import check_year
from generators.workbooks.reports import HEADER_ROW
from thidua.cli import main

from .conftest import DATA


def documented_findings(year: int) -> set[tuple]:
    text = (DATA / "README.md").read_text(encoding="utf-8")
    block = re.search(rf"<!-- findings-{year} -->(.*?)<!-- /findings-{year} -->", text, re.S).group(1)
    rows = set()
    for line in block.strip().splitlines()[2:]:
        rule, unit, file, row, _ = [c.strip() for c in line.strip("|").split("|")]
        rows.add((rule, unit, file, int(row) if row else None))
    return rows


def test_2024_findings_equal_data_readme(province):
    found = check_year(province, load_year(province, DATA, 2024))
    got = {(f.rule, f.unit, f.file.removeprefix("data/"), f.row if f.rule != "VUOT_SO_LUONG" else None)
           for f in found}
    assert got == documented_findings(2024)


def test_2023_is_clean(province):
    data = load_year(province, DATA, 2023)
    assert len(data.registrations) == 25
    assert check_year(province, data) == []


def test_near_duplicate_across_units_but_not_along_the_chain(province):
    data = load_year(province, DATA, 2024)
    dup = [f for f in check_year(province, data) if f.rule == "TRUNG_LAP"]
    # The HND entry is typed in NFD with a double space; it still matches Xã Lộc Ninh's.
    assert {f.unit for f in dup} == {"HND", "HD-XLOCNINH"}
    # Districts forward two commune exemplars each: the same chain, never reported.
    forwarded = data.registrations["HD"].entries[0]
    assert forwarded.name in {e.name for e in data.registrations["HD-TTNGANDUA"].entries}
    assert not any(f.unit == "HD" for f in dup)


def test_quota_boundaries(province, data_copy):
    """A commune at 6 passes, at 4 fails; a district has no hard cap."""
    from generators.workbooks.registration import read_registration, write_workbook

    folder = data_copy / "registrations" / "2024"
    path = folder / "HD-XNINHQUOI.xlsx"
    reg = read_registration(path, province.plan)
    def rewrite(n):
        entries = (list(reg.entries) * 3)[:n]
        entries = [e.__class__(**{**e.__dict__, "name": f"{e.name} {i}"}) for i, e in enumerate(entries)]
        write_workbook(path, province.plan, unit=reg.unit, year=2024, sent=reg.sent, entries=entries)
        return {f.rule for f in check_year(province, load_year(province, data_copy, 2024)) if f.unit == reg.unit}
    assert rewrite(6) == set()
    assert rewrite(4) == {"THIEU_SO_LUONG"}
    assert rewrite(7) == {"VUOT_SO_LUONG"}


def test_check_cli_reports_and_exports(tmp_path, capsys):
    out = tmp_path / "kq.xlsx"
    assert main(["check", "--year", "2024", "--xlsx", str(out)]) == 1
    text = capsys.readouterr().out
    assert "Ủy ban nhân dân xã Ninh Quới A đăng ký 8, vượt mức tối đa 6" in text
    assert "trễ 5 ngày" in text and "dòng 5, cột C" in text
    ws = openpyxl.load_workbook(out).active
    rows = list(ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    assert len(rows) == 4 and {r[1] for r in rows} == {"Vượt số lượng đăng ký", "Gửi trễ hạn", "Đăng ký trùng"}
    assert main(["check", "--year", "2023"]) == 0


def test_broken_file_is_a_finding_not_a_traceback(data_copy, capsys):
    path = data_copy / "registrations" / "2024" / "HD-XNINHQUOI.xlsx"
    wb = openpyxl.load_workbook(path)
    wb["Danh sách"]["D10"] = "30/02/1970"
    wb.save(path)
    assert main(["--data", str(data_copy), "check", "--year", "2024"]) == 1
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    assert "registrations/2024/HD-XNINHQUOI.xlsx, trang tính «Danh sách», dòng 10, cột D" in out.out
    assert "không tồn tại" in out.out


def test_hierarchy_has_effective_dates(province):
    commune = province.unit("HD-XNINHQUOI")
    assert commune.valid_on(dt.date(2025, 6, 30)) and not commune.valid_on(dt.date(2025, 7, 1))
    after = province.successor_on("HD-XNINHQUOI", dt.date(2025, 7, 1))
    assert after.parent == "UBND-CM" and after.valid_on(dt.date(2025, 7, 1))
    assert province.successor_on("HD-XNINHQUOI", dt.date(2024, 1, 1)).code == "HD-XNINHQUOI"
    districts = [u for u in province.units.values() if u.plan_role == "district"]
    assert len(districts) == 7 and not any(u.valid_on(dt.date(2025, 7, 1)) for u in districts)
    old_communes = [u for u in province.units.values() if u.kind.code == "commune" and u.parent in {d.code for d in districts}]
    assert len(old_communes) == 64 and all(u.successor for u in old_communes)


def test_date_line_pads_month_only_for_january_and_february():
    assert vn_date(dt.date(2024, 1, 5)) == "ngày 05 tháng 01 năm 2024"
    assert vn_date(dt.date(2024, 2, 15)) == "ngày 15 tháng 02 năm 2024"
    assert vn_date(dt.date(2024, 6, 9)) == "ngày 09 tháng 6 năm 2024"
    assert vn_date(dt.date(2024, 11, 30)) == "ngày 30 tháng 11 năm 2024"


def test_exported_findings_are_a_workbook_a_clerk_prints(tmp_path):
    """Issue 14 item 9: title, date and source; Times New Roman; borders; filter; frozen header; landscape, fit to
    width, header repeated; Vietnamese labels and file names, never internal codes or repository paths."""
    out = tmp_path / "kq.xlsx"
    assert main(["check", "--year", "2024", "--xlsx", str(out)]) == 1
    ws = openpyxl.load_workbook(out).active
    assert "KẾT QUẢ KIỂM TRA" in ws["A1"].value and "2024" in ws["A1"].value and ws["A2"].value.startswith("Lập ngày")
    header = [c.value for c in ws[HEADER_ROW]]
    assert header[:3] == ["STT", "Vấn đề", "Đơn vị"]
    assert ws.auto_filter.ref.startswith(f"A{HEADER_ROW}:") and ws.freeze_panes == f"A{HEADER_ROW + 1}"
    assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    cells = [c for row in ws.iter_rows(min_row=HEADER_ROW) for c in row]
    assert all(c.font.name == "Times New Roman" and c.border.left.style == "thin" for c in cells)
    values = [str(c.value) for c in cells if c.value is not None]
    assert not any(code in v for v in values for code in ("VUOT_SO_LUONG", "TRE_HAN", "TRUNG_LAP"))
    files = [c.value for c in ws[chr(ord("A") + header.index("Tệp"))][HEADER_ROW:] if c.value]
    assert files and all("/" not in f and f.endswith(".xlsx") for f in files)
