"""Achievement records (2021-2024): people, collectives, their yearly ratings, titles, initiatives, discipline."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

RATINGS = ["KHTNV", "HTNV", "HTTNV", "HTXSNV"]  # worst to best
RATING_NAMES = {"HTXSNV": "hoàn thành xuất sắc nhiệm vụ", "HTTNV": "hoàn thành tốt nhiệm vụ",
                "HTNV": "hoàn thành nhiệm vụ", "KHTNV": "không hoàn thành nhiệm vụ"}
# Only công trạng counts toward later merit awards; the last two record that a title was NOT awarded that year
# (proposed and refused, or never proposed): the rules then never presume it.
NOT_AWARDED = ["không được tặng", "không đề nghị"]
AWARD_KINDS = ["công trạng", "chuyên đề", "đột xuất", *NOT_AWARDED]
SCOPES = ["cơ sở", "tỉnh", "toàn quốc"]  # an initiative's recognised scope, narrow to wide
DISCIPLINE = ["khiển trách", "cảnh cáo", "hạ bậc lương", "cách chức", "buộc thôi việc"]


@dataclass(frozen=True)
class Award:
    year: int
    code: str  # award code of rules.yaml, e.g. CSTDCS
    kind: str = "công trạng"
    decision: str = ""


@dataclass(frozen=True)
class Initiative:
    year: int
    name: str
    scope: str  # cơ sở, tỉnh, toàn quốc
    science: bool = False  # an accepted science project rather than an initiative


@dataclass
class Year:
    rating: str | None = None
    discipline: str | None = None  # the heaviest discipline of the year, if any
    # Collectives only:
    members: int = 0
    ldtt: int = 0  # members with Lao động tiên tiến
    cstdcs: int = 0  # members with Chiến sĩ thi đua cơ sở
    completed: int = 0  # members completing their tasks (HTNV or better)
    disciplined: int = 0  # members disciplined at "cảnh cáo" or above
    women: int = 0


@dataclass
class Subject:
    """A person (cá nhân) or a collective (tập thể) with their records."""

    id: str
    kind: str  # "cá nhân" or "tập thể"
    name: str
    unit: str  # unit code
    birth_date: dt.date | None = None
    female: bool = False
    position: str = ""
    years: dict[int, Year] = field(default_factory=dict)
    awards: list[Award] = field(default_factory=list)
    initiatives: list[Initiative] = field(default_factory=list)

    def year(self, y: int) -> Year | None:
        return self.years.get(y)


@dataclass(frozen=True)
class Freeze:
    """A candidate under discipline, inspection or complaint is not considered (spec 04 §3)."""

    subject: str
    reason: str
    since: dt.date
    until: dt.date | None = None

    def active_on(self, day: dt.date) -> bool:
        return self.since <= day and (self.until is None or day <= self.until)


@dataclass(frozen=True)
class Proposal:
    row: int
    subject: str
    award: str
    unit: str  # proposing unit
    date: dt.date
    year: int  # the achievement year judged
    ground: str = ""  # e.g. "đột xuất", "xuất sắc trong phong trào thi đua"
    achievement: str = ""


@dataclass
class Records:
    subjects: dict[str, Subject] = field(default_factory=dict)
    cluster_leaders: dict[tuple[str, int], str] = field(default_factory=dict)  # (cluster, year) -> subject id
    freezes: list[Freeze] = field(default_factory=list)
