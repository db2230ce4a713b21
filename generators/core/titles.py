"""One person holds one title at a date: the titles the data gives each signer, and where they disagree."""
from __future__ import annotations

import datetime as dt

from generators.core.model import Unit
from generators.core.text import match_key


def _title(unit: Unit) -> str:
    kind, role = unit.kind, (unit.leader.role if unit.leader else "head")
    return {"deputy": kind.deputy, "acting": f"Quyền {kind.head}"}.get(role, kind.head)


def title_of(unit: Unit) -> str:
    """The leader's title as running text says it: "Giám đốc Sở Nội vụ tỉnh Bạc Liêu", "Phó chủ tịch …"."""
    return f"{_title(unit).capitalize()} {unit.name}"


def _overlap(a: Unit, b: Unit) -> bool:
    start = max(a.valid_from or dt.date.min, b.valid_from or dt.date.min)
    end = min(a.valid_to or dt.date.max, b.valid_to or dt.date.max)
    return start <= end


def conflicting_leaders(units: dict[str, Unit]) -> list[tuple[Unit, Unit]]:
    """Pairs of units whose leader is the same person in periods that overlap (clusters and blocs aside: their
    leader is by definition the head of their lead unit, a second function, not a second title)."""
    seen: dict[str, list[Unit]] = {}
    pairs = []
    for unit in units.values():
        if unit.leader is None or not unit.kind.sealed:
            continue
        key = match_key(unit.leader.name)
        pairs += [(other, unit) for other in seen.get(key, []) if _overlap(other, unit)]
        seen.setdefault(key, []).append(unit)
    return pairs


def leader_on(units: dict[str, Unit], name: str, day: dt.date) -> Unit | None:
    """The unit (with its own seal) whose leader `name` is on `day`, if any."""
    key = match_key(name)
    return next((u for u in units.values() if u.leader and u.kind.sealed and u.valid_on(day)
                 and match_key(u.leader.name) == key), None)


def same_title(position: str, unit: Unit) -> bool:
    """Whether a position typed in a workbook ("Giám đốc Sở Nội vụ") is the title the data gives the leader
    ("Phó Giám đốc …" is not "Giám đốc …", nor the other way round)."""
    return match_key(position).startswith(match_key(_title(unit)))
