"""Words of a plan that depend on the unit: its level, its Party committee, its communes' levels, its hamlets.

plan.yaml writes them as placeholders ("Thường trực {party}, HĐND {level}"), filled from the unit's data, so a
city's plan goes to the Thành ủy, a town's to the Thị ủy, a ward's hamlets are khóm, a commune's ấp.
"""
from __future__ import annotations

import datetime as dt
import string

from generators.core.errors import ConfigError
from generators.core.model import Province, Unit

PARTY = {"thành phố": "Thành ủy", "thị xã": "Thị ủy", "huyện": "Huyện ủy"}  # a commune's: Đảng ủy
HAMLETS = {"xã": "ấp", "phường": "khóm", "thị trấn": "khóm"}
COMMUNE_LEVELS = ("xã", "phường", "thị trấn")


def wording(province: Province, unit: Unit, day: dt.date) -> dict[str, str]:
    parent = province.units.get(unit.parent or "")
    below = {u.level for u in province.units.values() if u.parent == unit.code and u.valid_on(day)}
    return {
        "parent": parent.name.replace("Ủy ban nhân dân", "UBND") if parent else "",
        "parent_level": (parent.level if parent and parent.level else "cấp trên"),
        "level": unit.level or "",
        "party": PARTY.get(unit.level or "", "Đảng ủy"),
        "sublevels": ", ".join(level for level in COMMUNE_LEVELS if level in below) or ", ".join(COMMUNE_LEVELS),
        "hamlets": HAMLETS.get(unit.level or "", "ấp, khóm"),
    }


def fill(text: str, words: dict[str, str]) -> str:
    """plan.yaml's text with its placeholders filled; an unknown one is named, never a traceback."""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError:
        raise ConfigError(f"plan.yaml: dấu ngoặc {{ }} không khớp trong «{text}».") from None
    unknown = [n for n in names if n not in words]
    if unknown:
        raise ConfigError(f"plan.yaml: «{{{unknown[0]}}}» trong «{text}» không phải chỗ điền được; dùng: "
                          + ", ".join(f"{{{k}}}" for k in words) + ".")
    return text.format_map(words)
