"""The hierarchy in force on a record's date (spec 04 §2): a commune belongs to its district until 30/6/2025 and
to the province after; a unit that ended is followed through its successor links."""
from __future__ import annotations

import datetime as dt

from generators.core.model import Province, Unit

# Levels of registrant (spec 04 §1), by the role the plan gives the unit.
LEVELS = {"movement_agency": "Cấp tỉnh", "district": "Cấp huyện", "commune": "Cấp xã",
          "cluster": "Cụm, Khối thi đua", "enterprise": "Doanh nghiệp"}
AREA_KINDS = ("district", "province")  # what a record is aggregated under


def in_force(province: Province, code: str, day: dt.date) -> Unit:
    """`code` itself if in force on `day`, otherwise the unit its successor links lead to."""
    return province.successor_on(code, day)


def area_on(province: Province, code: str, day: dt.date) -> Unit:
    """The district or province a unit's record counts under on `day`: the unit itself when it is one, else its
    nearest superior of those kinds in force on `day` (a superior that ended is replaced by its successor; one
    with none is passed over: a district after 30/6/2025)."""
    unit = province.unit(code)
    while unit.kind.code not in AREA_KINDS:
        if not unit.parent:
            return unit
        parent = in_force(province, unit.parent, day)
        unit = parent if parent.valid_on(day) else province.unit(parent.parent) if parent.parent else parent
    return in_force(province, unit.code, day)


def current_unit(province: Province, code: str, day: dt.date) -> Unit:
    """The unit carrying `code`'s duties on `day` (a former commune's merged successor)."""
    return in_force(province, code, day)
