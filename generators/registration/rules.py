"""The plan's rules (spec 04 §1) applied to a year's registrations: findings, never exceptions."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from generators.core.model import Province
from generators.core.text import match_key, short_date
from generators.registration.lists import YearData
from generators.workbooks.registration import INDIVIDUAL


@dataclass(frozen=True)
class Finding:
    rule: str  # stable code, e.g. "VUOT_SO_LUONG"
    unit: str  # unit code ("" when the file has no readable unit)
    message: str  # Vietnamese, for the clerk
    file: str = ""
    sheet: str = ""
    row: int | None = None
    column: str = ""

    @property
    def where(self) -> str:
        parts = [p for p in (self.file, f"trang tính «{self.sheet}»" if self.sheet else "",
                             f"dòng {self.row}" if self.row else "", f"cột {self.column}" if self.column else "") if p]
        return ", ".join(parts)


RULE_TITLES = {
    "DU_LIEU": "Lỗi dữ liệu trong tệp",
    "VUOT_SO_LUONG": "Vượt số lượng đăng ký",
    "THIEU_SO_LUONG": "Chưa đủ số lượng đăng ký",
    "SAI_LOAI": "Loại không phù hợp",
    "TRE_HAN": "Gửi trễ hạn",
    "CHUA_GUI": "Chưa gửi danh sách",
    "TRUNG_LAP": "Đăng ký trùng",
    "KHONG_THUOC_KE_HOACH": "Đơn vị không thuộc đối tượng của kế hoạch",
}


def check_year(province: Province, data: YearData) -> list[Finding]:
    findings = [Finding("DU_LIEU", "", p.message, p.file, p.sheet or "", p.row, p.column or "")
                for p in data.problems]
    plan = province.plan
    for code, reg in sorted(data.registrations.items()):
        unit = province.unit(code)
        file = _short(reg.source)
        quota = plan.quotas.get(unit.plan_role or "")
        if quota is None or not unit.valid_on(reg.sent):  # a unit registers while it exists (2025 reform)
            findings.append(Finding("KHONG_THUOC_KE_HOACH", code,
                                    f"{unit.name} không có chỉ tiêu đăng ký theo Kế hoạch {plan.notation} năm {data.year}.",
                                    file))
            continue
        n = len(reg.entries)
        if quota.maximum is not None and n > quota.maximum:
            findings.append(Finding("VUOT_SO_LUONG", code,
                                    f"{unit.name} đăng ký {n}, vượt mức tối đa {quota.maximum} ({quota.label}: "
                                    f"{quota.minimum} đến {quota.maximum}).", file))
        if n < quota.minimum:
            findings.append(Finding("THIEU_SO_LUONG", code,
                                    f"{unit.name} đăng ký {n}, dưới mức tối thiểu {quota.minimum} ({quota.label}).", file))
        if quota.kinds:
            for e in reg.entries:
                if e.kind not in quota.kinds:
                    findings.append(Finding("SAI_LOAI", code,
                                            f"«{e.name}» là {e.kind}; {quota.label} chỉ đăng ký {', '.join(quota.kinds)}.",
                                            file, "Danh sách", e.row, "C"))
        deadline = quota.deadline_in(data.year)
        if reg.sent > deadline:
            findings.append(Finding("TRE_HAN", code,
                                    f"{unit.name} gửi ngày {short_date(reg.sent)}, trễ {(reg.sent - deadline).days} ngày "
                                    f"so với hạn {short_date(deadline)}; danh sách vẫn được tiếp nhận và đánh dấu trễ hạn.",
                                    file, "Danh sách", reg.sent_cell[0] or None, reg.sent_cell[1]))
    findings += _not_sent(province, data)
    findings += _duplicates(province, data)
    return findings


def _short(source: str) -> str:
    path = Path(source)
    return str(Path(*path.parts[-4:])) if len(path.parts) >= 4 else source


def _not_sent(province: Province, data: YearData) -> list[Finding]:
    """Units the board expects a list from (those sending to it directly) that sent none."""
    out = []
    reference = dt.date(data.year, 1, 1)
    board = province.plan.board
    for unit in province.units.values():
        quota = province.plan.quotas.get(unit.plan_role or "")
        if quota and quota.send_to == board and unit.valid_on(reference) and unit.code not in data.registrations:
            out.append(Finding("CHUA_GUI", unit.code, f"{unit.name} chưa gửi danh sách đăng ký năm {data.year}."))
    return out


def identity(entry) -> tuple:
    """Who an entry is: a person by name + birth date + unit, others by name + parent unit."""
    if entry.kind == INDIVIDUAL:
        return (match_key(entry.name), entry.birth_date, match_key(entry.position))
    return (match_key(entry.name), match_key(entry.position))


def related(province: Province, a: str, b: str) -> bool:
    """A district forwarding its commune's exemplar, or a cluster its member's, is no duplicate."""
    ua, ub = province.unit(a), province.unit(b)
    return (a in province.ancestors(b) or b in province.ancestors(a) or a in ub.members or b in ua.members)


def _duplicates(province: Province, data: YearData) -> list[Finding]:
    seen = defaultdict(list)
    for code, reg in sorted(data.registrations.items()):
        for e in reg.entries:
            seen[identity(e)].append((code, reg, e))
    out = []
    for hits in seen.values():
        for i, (code, reg, e) in enumerate(hits):
            others = [(c, r, o) for c, r, o in hits[:i] + hits[i + 1:] if c != code and not related(province, code, c)]
            if not others:
                continue
            where = "; ".join(f"{province.unit(c).name} ({_short(r.source)}, dòng {o.row})" for c, r, o in others)
            out.append(Finding("TRUNG_LAP", code, f"«{e.name}» cũng được đăng ký bởi {where}.",
                               _short(reg.source), "Danh sách", e.row, "B"))
    return out
