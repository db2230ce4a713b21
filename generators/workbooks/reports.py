"""Workbooks thidua hands back to people: the check's findings, the eligibility verdicts. One sheet each, laid out
for printing: a title and its source above the table, Times New Roman, borders, a filter and a frozen header,
landscape and fit to the page's width with the header repeated on every page."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from generators.core.clock import now_vn
from generators.core.files import atomic_path
from generators.core.model import Province
from generators.registration.rules import RULE_TITLES, Finding
from generators.workbooks.cells import put

FONT = "Times New Roman"
HEADER_ROW = 4  # title, source line, a blank row, then the table
_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def write_sheet(path: Path, sheet: str, title: str, source: str, headers: list[str], widths: list[int],
                rows: list[list], day: dt.date) -> None:
    """One printable sheet; written to a temporary file, then renamed. Every cell is text or a number, never a
    formula (cells.put)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    last = get_column_letter(len(headers))
    put(ws, 1, 1, title).font = Font(name=FONT, size=14, bold=True)
    ws.merge_cells(f"A1:{last}1")
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    put(ws, 2, 1, f"Lập ngày {day:%d/%m/%Y} từ {source}").font = Font(name=FONT, size=11, italic=True)
    ws.merge_cells(f"A2:{last}2")
    ws["A2"].alignment = Alignment(horizontal="center")
    for c, (h, w) in enumerate(zip(headers, widths), start=1):
        cell = put(ws, HEADER_ROW, c, h)
        cell.font = Font(name=FONT, size=12, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
        cell.border = _BORDER
        ws.column_dimensions[get_column_letter(c)].width = w
    for r, values in enumerate(rows, start=HEADER_ROW + 1):
        for c, value in enumerate(values, start=1):
            cell = put(ws, r, c, value)
            cell.font = Font(name=FONT, size=12)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.border = _BORDER
    end = HEADER_ROW + max(len(rows), 1)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{end}"
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    with atomic_path(path) as tmp:
        wb.save(tmp)


def _file_name(path: str) -> str:
    return Path(path).name if path else ""


def write_findings_xlsx(path: Path, province: Province, findings: list[Finding], year: int | None = None,
                        day: dt.date | None = None) -> None:
    rows = []
    for i, f in enumerate(findings, start=1):
        unit = province.units.get(f.unit)
        rows.append([i, RULE_TITLES.get(f.rule, f.rule), unit.name if unit else "", _file_name(f.file), f.sheet,
                     f.row, f.column, f.message])
    plan = province.plan
    title = ("KẾT QUẢ KIỂM TRA DANH SÁCH ĐĂNG KÝ ĐIỂN HÌNH TIÊN TIẾN" + (f" NĂM {year}" if year else "")
             + f" THEO KẾ HOẠCH SỐ {plan.notation}")
    write_sheet(path, "Kết quả kiểm tra", title, "các danh sách đăng ký của đơn vị (thidua check)",
                ["STT", "Vấn đề", "Đơn vị", "Tệp", "Trang tính", "Dòng", "Cột", "Nội dung"],
                [6, 28, 40, 30, 14, 8, 8, 90], rows, day or now_vn().date())


def write_eligibility_xlsx(path: Path, rnd, province: Province | None = None, day: dt.date | None = None) -> None:
    rows = []
    for i, c in enumerate(rnd.candidates, start=1):
        v = c.verdict
        unit = province.units.get(v.proposal.unit) if province else None
        rows.append([i, v.proposal.subject, v.subject.name if v.subject else "", unit.name if unit else v.proposal.unit,
                     v.award_name, "Đủ điều kiện" if v.eligible else "Không đủ điều kiện", v.basis,
                     "; ".join(v.reasons), c.vote.text(), "Có" if c.awarded else "Không"])
    write_sheet(path, "Kết quả xét", f"KẾT QUẢ XÉT KHEN THƯỞNG NĂM {rnd.year}",
                f"hồ sơ đề nghị, hồ sơ thành tích và biểu quyết của {rnd.council.name} (thidua eligibility)",
                ["STT", "Mã hồ sơ", "Tên tập thể, cá nhân", "Đơn vị đề nghị", "Danh hiệu, hình thức", "Kết luận",
                 "Căn cứ", "Lý do và hồ sơ đã dùng", "Biểu quyết của Hội đồng", "Đưa vào quyết định"],
                [6, 10, 30, 30, 32, 18, 50, 80, 46, 12], rows, day or now_vn().date())
