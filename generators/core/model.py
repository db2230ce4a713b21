"""The domain as typed objects: units with dated hierarchy, signers, plan rules, registrations."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from generators.core.clock import in_period


@dataclass(frozen=True)
class UnitKind:
    """How a kind of body is headed; Decree 30 builds the signature lines from it."""

    code: str
    label: str
    head: str  # title of the head, e.g. "CHỦ TỊCH", "GIÁM ĐỐC"
    deputy: str  # e.g. "PHÓ CHỦ TỊCH"
    body: str | None = None  # collective body signed "TM." for, e.g. "ỦY BAN NHÂN DÂN"
    seal_mm: float = 36.0  # diameter of the seal of this kind of body
    own_authority: tuple[str, ...] = ()  # document kinds the head issues in their own name: no "TM." (e.g. QĐ)
    sealed: bool = True  # clusters and blocs have no seal: their lead unit's office issues for them


@dataclass(frozen=True)
class Signer:
    name: str
    role: str = "head"  # "head", "deputy" (KT.), "acting" (Q.), "by_order" (TL.) or "authorized" (TUQ.)
    title: str | None = None  # the signer's own title when signing by order or by authorization


@dataclass(frozen=True)
class Unit:
    code: str
    name: str  # full name, e.g. "Ủy ban nhân dân xã Ninh Quới"
    kind: UnitKind
    abbr: str  # agency part of the ký hiệu, e.g. "UBND", "SNV"
    place: str  # place in the date line
    header_agency: tuple[str, ...]  # issuing agency lines, upper case
    header_parent: str | None = None
    parent: str | None = None
    plan_role: str | None = None  # role under the plan: commune, district, cluster, ...
    leader: Signer | None = None
    body: str | None = None  # overrides kind.body (a cluster signs for itself)
    drafting_abbr: str = "VP"  # unit keeping the file copy: "Lưu: VT, <drafting_abbr>."
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    successor: str | None = None
    members: tuple[str, ...] = ()  # clusters and blocs: their member units
    lead: str | None = None  # clusters and blocs: the member unit whose head leads and whose office issues
    level: str | None = None  # districts and communes: "thành phố", "thị xã", "huyện", "phường", "xã", "thị trấn"
    organ_id: str | None = None  # mã định danh for document exchange (edXML OrganId); clusters and blocs have none

    def valid_on(self, day: dt.date) -> bool:
        return in_period(day, self.valid_from, self.valid_to)

    def signature_lines(self, document_kind: str = "") -> list[str]:
        """Authority and title lines (ô 7a) for the unit's leader (Decree 30/2020, art. 13): "TM." for a
        collective body unless the document is in the head's own authority, then "KT." for a deputy signing
        for the head, "Q." for an acting head; a head of a body run by one head signs with no prefix. Signing by
        order of the head ("TL.") or by the head's authorization ("TUQ."), the signer adds their own title."""
        lines = []
        body = self.body or self.kind.body
        if body and document_kind not in self.kind.own_authority:
            lines.append(f"TM. {body}")
        role = self.leader.role if self.leader else "head"
        if role == "deputy":
            lines += [f"KT. {self.kind.head}", self.kind.deputy]
        elif role == "acting":
            lines.append(f"Q. {self.kind.head}")
        elif role in ("by_order", "authorized"):  # by order of, or authorized by, the head: no TM.
            lines = [f"{'TL.' if role == 'by_order' else 'TUQ.'} {self.kind.head}", self.leader.title]
        else:
            lines.append(self.kind.head)
        return lines

    @property
    def issuer_code(self) -> str:
        """The unit whose records office numbers and seals this unit's documents (itself, or a cluster's lead)."""
        return self.code if self.kind.sealed or not self.lead else self.lead


@dataclass(frozen=True)
class Quota:
    """What the plan asks of one role of registrant each year."""

    role: str
    label: str
    minimum: int
    maximum: int | None  # None: no hard cap
    target: int | None
    deadline: tuple[int, int]  # (month, day) in the registration year
    send_to: str  # unit code, or "parent"
    kinds: tuple[str, ...] | None = None  # allowed entry kinds, None = all
    deadlines: tuple[tuple[int, tuple[int, int]], ...] = ()  # (year, (month, day)): a year's own deadline

    def deadline_in(self, year: int) -> dt.date:
        """The plan's yearly deadline, or the one it set for a given year (its first year, issued after the
        usual deadline)."""
        return dt.date(year, *dict(self.deadlines).get(year, self.deadline))


@dataclass(frozen=True)
class LegalGround:
    text: str
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    def in_force(self, day: dt.date) -> bool:
        return in_period(day, self.valid_from, self.valid_to)


@dataclass(frozen=True)
class Plan:
    notation: str
    date: dt.date
    issuer: str
    title: str
    quotas: dict[str, Quota]
    kinds: tuple[str, ...]  # entry kinds: mô hình, tập thể, cá nhân
    fields: tuple[str, ...]  # fields of activity for the drop-down list
    legal_grounds: tuple[LegalGround, ...]
    recipients: dict[str, tuple[str, ...]]  # per role; "{parent}" is filled in
    assignments: dict[str, tuple[tuple[str, str], ...]]  # per role: (who, task)
    board: str  # unit code of the provincial board (Sở Nội vụ)
    funding: str


@dataclass(frozen=True)
class Entry:
    """One registered exemplar: a model, a collective or an individual."""

    row: int
    name: str
    kind: str
    birth_date: dt.date | None
    position: str  # position and workplace, or the collective's parent unit
    field: str
    achievements: str
    measures: str


@dataclass(frozen=True)
class Registration:
    unit: str
    year: int
    sent: dt.date
    source: str  # path of the workbook, for messages
    entries: tuple[Entry, ...]
    sent_cell: tuple[int, str] = (0, "")  # (row, column) the date was read from


@dataclass
class Province:
    name: str
    place: str
    units: dict[str, Unit]
    plan: Plan
    kinds: dict[str, UnitKind] = field(default_factory=dict)

    def unit(self, code: str) -> Unit:
        return self.units[code]

    def ancestors(self, code: str) -> list[str]:
        out, cur = [], self.units[code].parent
        while cur:
            out.append(cur)
            cur = self.units[cur].parent if cur in self.units else None
        return out

    def successor_on(self, code: str, day: dt.date) -> Unit:
        """The unit that carries `code`'s duties on `day` (following merges)."""
        unit = self.units[code]
        while not unit.valid_on(day) and unit.successor:
            unit = self.units[unit.successor]
        return unit


@dataclass(frozen=True)
class Commendation:
    """One line of the board's commendation book (sổ khen thưởng): who was commended, with what, by which
    decision. Read from data/commendation/so-khen-thuong.xlsx; the summary reports count it."""

    row: int
    decision: str  # "25/QĐ-UBND"
    day: dt.date
    issuer: str  # unit code of the issuing body, in force on `day`
    form: str  # "Bằng khen của Chủ tịch UBND tỉnh", ...
    kind: str  # mô hình, tập thể, cá nhân
    name: str
    birth_date: dt.date | None
    position: str
    source: str = ""  # the workbook, for messages and for a figure's records
