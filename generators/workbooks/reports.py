"""Workbooks thidua hands back to people: the check's findings, the eligibility verdicts. One sheet each."""
from __future__ import annotations

from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font

from generators.core.files import atomic_path
from generators.core.model import Province
from generators.registration.rules import RULE_TITLES, Finding
from generators.workbooks.cells import put


def write_sheet(path: Path, title: str, headers: list[str], widths: list[int], rows: list[list]) -> None:
    """One sheet, bold header row, wrapped cells; written to a temporary file, then renamed."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for c, (h, w) in enumerate(zip(headers, widths), start=1):
        cell = ws.cell(1, c, h)
        cell.font = Font(bold=True)
        ws.column_dimensions[cell.column_letter].width = w
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            put(ws, r, c, value).alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    with atomic_path(path) as tmp:
        wb.save(tmp)


def write_findings_xlsx(path: Path, province: Province, findings: list[Finding]) -> None:
    rows = []
    for i, f in enumerate(findings, start=1):
        unit = province.units.get(f.unit)
        rows.append([i, RULE_TITLES.get(f.rule, f.rule), f.rule, f.unit, unit.name if unit else "", f.file, f.sheet,
                     f.row, f.column, f.message])
    write_sheet(path, "Kết quả kiểm tra",
                ["STT", "Quy tắc", "Mã quy tắc", "Mã đơn vị", "Tên đơn vị", "Tệp", "Trang tính", "Dòng", "Cột",
                 "Nội dung"], [6, 30, 20, 16, 40, 40, 14, 8, 8, 90], rows)


def write_eligibility_xlsx(path: Path, rnd) -> None:
    rows = []
    for i, c in enumerate(rnd.candidates, start=1):
        v = c.verdict
        rows.append([i, v.proposal.subject, v.subject.name if v.subject else "", v.proposal.unit, v.award_name,
                     "Đủ điều kiện" if v.eligible else "Không đủ điều kiện", v.rule, v.basis, "; ".join(v.reasons),
                     c.vote.text(), "Có" if c.awarded else "Không"])
    write_sheet(path, "Kết quả xét",
                ["STT", "Mã đối tượng", "Tên", "Đơn vị đề nghị", "Danh hiệu, hình thức", "Kết luận", "Quy tắc",
                 "Căn cứ", "Lý do và hồ sơ đã dùng", "Biểu quyết của Hội đồng", "Đưa vào quyết định"],
                [6, 12, 32, 14, 36, 20, 14, 60, 90, 50, 12], rows)
