"""Check findings for people: a terminal report and a workbook with one row per finding."""
from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font

from generators.core.model import Province
from generators.registration.lists import YearData
from generators.registration.rules import RULE_TITLES, Finding


def text_report(province: Province, data: YearData, findings: list[Finding]) -> str:
    entries = sum(len(r.entries) for r in data.registrations.values())
    lines = [f"KIỂM TRA DANH SÁCH ĐĂNG KÝ NĂM {data.year} THEO KẾ HOẠCH SỐ {province.plan.notation}",
             f"Đã đọc {len(data.registrations)} danh sách hợp lệ, gồm {entries} mô hình, tập thể, cá nhân.", ""]
    by_rule = defaultdict(list)
    for f in findings:
        by_rule[f.rule].append(f)
    for rule, items in by_rule.items():
        lines.append(f"{RULE_TITLES.get(rule, rule).upper()} ({len(items)})")
        for f in items:
            lines.append(f"  - {f.message}")
            if f.where:
                lines.append(f"    tại: {f.where}")
        lines.append("")
    if findings:
        lines.append(f"Kết quả: {len(findings)} vấn đề cần xử lý.")
    else:
        lines.append("Kết quả: mọi danh sách đều đúng quy định của kế hoạch.")
    return "\n".join(lines)


def _write_sheet(path: Path, title: str, headers: list[str], widths: list[int], rows: list[list]) -> None:
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
            ws.cell(r, c, value).alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    wb.save(tmp)
    os.replace(tmp, path)


def write_findings_xlsx(path: Path, province: Province, findings: list[Finding]) -> None:
    rows = []
    for i, f in enumerate(findings, start=1):
        unit = province.units.get(f.unit)
        rows.append([i, RULE_TITLES.get(f.rule, f.rule), f.rule, f.unit, unit.name if unit else "", f.file, f.sheet,
                     f.row, f.column, f.message])
    _write_sheet(path, "Kết quả kiểm tra",
                 ["STT", "Quy tắc", "Mã quy tắc", "Mã đơn vị", "Tên đơn vị", "Tệp", "Trang tính", "Dòng", "Cột",
                  "Nội dung"], [6, 30, 20, 16, 40, 40, 14, 8, 8, 90], rows)

def eligibility_text(rnd) -> str:
    lines = [f"XÉT ĐIỀU KIỆN KHEN THƯỞNG NĂM {rnd.year} (thành tích năm {rnd.meta.get('achievement_year', rnd.year)})", ""]
    for i, c in enumerate(rnd.candidates, start=1):
        v = c.verdict
        name = v.subject.name if v.subject else v.proposal.subject
        lines.append(f"{i}. {name} ({v.proposal.subject}) - {v.award_name}, do {v.proposal.unit} đề nghị "
                     f"ngày {v.proposal.date:%d/%m/%Y}")
        lines.append(f"   {'ĐỦ ĐIỀU KIỆN' if v.eligible else 'KHÔNG ĐỦ ĐIỀU KIỆN'} - quy tắc {v.rule}; căn cứ {v.basis}")
        for r in v.reasons:
            lines.append(f"   - {r}")
        lines.append(f"   Hội đồng: {c.vote.text()}")
    awarded = rnd.awardees
    lines += ["", f"Kết quả: {sum(c.verdict.eligible for c in rnd.candidates)}/{len(rnd.candidates)} đủ điều kiện; "
                  f"{len(awarded)} được Hội đồng thông qua và đưa vào dự thảo quyết định."]
    return "\n".join(lines)


def write_eligibility_xlsx(path: Path, rnd) -> None:
    rows = []
    for i, c in enumerate(rnd.candidates, start=1):
        v = c.verdict
        rows.append([i, v.proposal.subject, v.subject.name if v.subject else "", v.proposal.unit, v.award_name,
                     "Đủ điều kiện" if v.eligible else "Không đủ điều kiện", v.rule, v.basis, "; ".join(v.reasons),
                     c.vote.text(), "Có" if c.awarded else "Không"])
    _write_sheet(path, "Kết quả xét",
                 ["STT", "Mã đối tượng", "Tên", "Đơn vị đề nghị", "Danh hiệu, hình thức", "Kết luận", "Quy tắc",
                  "Căn cứ", "Lý do và hồ sơ đã dùng", "Biểu quyết của Hội đồng", "Đưa vào quyết định"],
                 [6, 12, 32, 14, 36, 20, 14, 60, 90, 50, 12], rows)
