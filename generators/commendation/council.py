"""The emulation and commendation council: members, attendance, votes, and who passes the threshold.

Thresholds are a share of ALL members (absentees vote in writing), per the
implementing decree in force (rules.yaml). Awards without a configured threshold
need more than half of all members.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Member:
    name: str
    position: str  # e.g. "Phó Chủ tịch UBND tỉnh"
    role: str  # "Chủ tịch Hội đồng", "Phó Chủ tịch Hội đồng", "Ủy viên", "Thư ký"
    present: bool = True
    row: int = 0  # the member's row in the council workbook
    position_column: str = ""  # the Excel letter of its «Chức vụ» cell


@dataclass
class Council:
    name: str
    meeting_date: str
    place: str
    chair: str  # member name chairing the meeting (chủ tọa)
    secretary: str  # thư ký
    members: list[Member]
    votes: dict[tuple[str, str], dict[str, bool]] = field(default_factory=dict)  # (subject, award) -> member -> yes

    @property
    def size(self) -> int:
        return len(self.members)


@dataclass(frozen=True)
class VoteResult:
    yes: int
    no: int
    members: int
    share: float
    threshold: float
    strict: bool  # more than (not at least) the threshold

    @property
    def passed(self) -> bool:
        return self.share > self.threshold if self.strict else self.share >= self.threshold

    def text(self) -> str:
        need = f"trên {self.threshold:.0%}" if self.strict else f"từ {self.threshold:.0%} trở lên"
        return (f"{self.yes}/{self.members} thành viên đồng ý ({self.share:.1%}); cần {need} tổng số thành viên: "
                f"{'ĐẠT' if self.passed else 'KHÔNG ĐẠT'}").replace(".", ",")


def tally(council: Council, subject: str, award: str, threshold: float | None) -> VoteResult:
    ballots = council.votes.get((subject, award), {})
    yes = sum(1 for m in council.members if ballots.get(m.name) is True)
    no = council.size - yes
    share = yes / council.size if council.size else 0.0
    if threshold is None:
        return VoteResult(yes, no, council.size, share, 0.5, strict=True)
    return VoteResult(yes, no, council.size, share, threshold, strict=False)
