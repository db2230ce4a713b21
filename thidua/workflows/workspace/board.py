"""The board's view of the year: every unit expected to send a list, and where it stands."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from thidua.workflows.registration import check
from thidua.workflows.workspace import documents
from thidua.workflows.workspace.space import Workspace

# Status codes, their labels, in the order a unit moves through them; a unit can carry several flags.
NOT_SENT, SENT, LATE, OVER, DUPLICATES, ISSUED = "chua-gui", "da-gui", "tre-han", "vuot-chi-tieu", "trung-lap", \
    "da-ban-hanh"
STATUS_NAMES = {NOT_SENT: "Chưa gửi", SENT: "Đã gửi", LATE: "Trễ hạn", OVER: "Vượt chỉ tiêu",
                DUPLICATES: "Có trùng lặp", ISSUED: "Đã ban hành kế hoạch"}
_RULE_STATUS = {"TRE_HAN": LATE, "VUOT_SO_LUONG": OVER, "TRUNG_LAP": DUPLICATES}


@dataclass(frozen=True)
class UnitStatus:
    code: str
    name: str
    flags: tuple[str, ...]
    entries: int
    plan_state: str
    notes: tuple[str, ...]

    @property
    def labels(self) -> list[str]:
        return [STATUS_NAMES[f] for f in self.flags]


def statuses(ws: Workspace, only: str | None = None) -> list[UnitStatus]:
    """Every unit with a quota under the year's plan; with `only`, those carrying that flag."""
    province = ws.province
    result = check(ws.settings, province)
    reference = dt.date(ws.year, 1, 1)
    plans = documents.by_unit(ws)
    out = []
    for unit in sorted(province.units.values(), key=lambda u: u.code):
        if unit.plan_role not in province.plan.quotas or not unit.valid_on(reference):
            continue
        reg = result.data.registrations.get(unit.code)
        found = [f for f in result.findings if f.unit == unit.code]
        flags = [SENT] if reg else [NOT_SENT]
        flags += sorted({_RULE_STATUS[f.rule] for f in found if f.rule in _RULE_STATUS}, key=list(STATUS_NAMES).index)
        doc = plans.get(unit.code)
        if doc and doc.state == documents.ISSUED:
            flags.append(ISSUED)
        out.append(UnitStatus(unit.code, unit.name, tuple(flags), len(reg.entries) if reg else 0,
                              doc.state_name if doc else "", tuple(f.message for f in found if f.rule != "CHUA_GUI")))
    return [s for s in out if only is None or only in s.flags]
