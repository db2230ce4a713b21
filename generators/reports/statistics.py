"""The figures of the summary reports, computed from the records (spec 04 §5).

Every figure is the list of records it counts, so a report can list them in an annex and `thidua stats --explain`
can print them. Definitions (also in the reports' own words):
- registered (đăng ký): every entry of every list received for the year, as registrations (lượt): an exemplar a
  district forwards from its commune's list counts at both levels, as the two lists hold it;
- fostered (bồi dưỡng): those of lists taken into a cultivation plan that may be signed: the unit has a quota
  under the plan on the day it sent the list, and every finding a decision can settle (late, over or under the
  quota) has its decision recorded;
- commended (khen thưởng): registered exemplars the commendation book shows commended, on or after the day they
  were registered, within the plan's period; an exemplar is matched as the duplicate rule matches it (a person by
  name, date of birth and unit; a collective by name and parent unit);
- commendations by form and by level: the book's rows, the level being the kind of body that gave the award.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from generators.core.files import file_slug
from generators.core.model import Commendation, Province, Registration
from generators.registration.decisions import Decision, settle
from generators.registration.lists import YearData
from generators.registration.rules import Finding, identity
from generators.reports.hierarchy import LEVELS, area_on, current_unit
from generators.reports.records import Record

LIST_SHEET = "Danh sách"
BOOK_SHEET = "Sổ khen thưởng"
AWARD_LEVELS = {"province": "Cấp tỉnh", "district": "Cấp huyện", "commune": "Cấp xã",
                "department": "Cơ quan, đơn vị", "association": "Cơ quan, đơn vị", "enterprise": "Cơ quan, đơn vị"}


@dataclass(frozen=True)
class Figure:
    key: str  # stable name, e.g. "dang-ky.2025.dia-ban.HD"
    label: str  # Vietnamese, as a report's table says it
    records: tuple[Record, ...]

    @property
    def value(self) -> int:
        return len(self.records)


@dataclass(frozen=True)
class YearRecords:
    """What one year holds for the statistics: its lists, the checks' findings and the decisions on them."""

    data: YearData
    findings: list[Finding]
    decisions: dict[tuple[str, str], Decision]


@dataclass
class Statistics:
    years: tuple[int, ...]
    figures: dict[str, Figure] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Figure:
        return self.figures[key]

    def value(self, key: str) -> int:
        figure = self.figures.get(key)
        return figure.value if figure else 0

    def under(self, prefix: str) -> list[Figure]:
        """The figures one level below `prefix` ("dang-ky.2024.loai" → one per kind), in insertion order."""
        depth = prefix.count(".") + 1
        return [f for k, f in self.figures.items() if k.startswith(prefix + ".") and k.count(".") == depth]

    def add(self, key: str, label: str, record: Record) -> None:
        old = self.figures.get(key)
        self.figures[key] = Figure(key, label, (old.records if old else ()) + (record,))


def slug(text: str) -> str:
    """A key part from a label: "Giấy khen của Chủ tịch UBND cấp xã" → "giay-khen-cua-chu-tich-ubnd-cap-xa"."""
    return re.sub(r"[^a-z0-9]+", "-", file_slug(text).lower()).strip("-")


def shown(path: str) -> str:
    """A workbook as the clerk knows it: data/registrations/<year>/<unit>.xlsx, not the machine's full path."""
    parts = Path(path).parts
    return str(Path(*parts[-4:])) if len(parts) >= 4 else path


def in_scope(province: Province, unit: str, code: str) -> bool:
    """`code` is `unit` or under it (a district's communes, a province's everything)."""
    return code == unit or unit in province.ancestors(code) or province.unit(unit).kind.code == "province"


def compute(province: Province, years: dict[int, YearRecords], book: list[Commendation], *,
            scope: str | None = None, as_of: dt.date | None = None) -> Statistics:
    """`scope`: only the records of that unit and the units under it (a unit's own review); `as_of`: also count
    each commune's registrations under the commune carrying its duties on that day (a merged commune's
    predecessors under it)."""
    stats = Statistics(tuple(sorted(years)))
    if scope:
        years = {y: YearRecords(YearData(yr.data.year, {c: r for c, r in yr.data.registrations.items()
                                                          if in_scope(province, scope, c)}, yr.data.problems),
                                [f for f in yr.findings if f.unit and in_scope(province, scope, f.unit)],
                                yr.decisions) for y, yr in years.items()}
        book = [c for c in book if in_scope(province, scope, c.issuer)]
    period_end = dt.date(max(years), 12, 31)
    awarded = {}
    for c in book:
        awarded.setdefault(identity(c), []).append(c)  # a book row reads as an entry: kind, name, birth, unit
    for year, yr in sorted(years.items()):
        for code, reg in sorted(yr.data.registrations.items()):
            _registered(stats, province, year, code, reg, yr, awarded, period_end)
            if as_of and province.unit(code).plan_role == "commune":
                now = current_unit(province, code, as_of)
                label = now.name.removeprefix("Ủy ban nhân dân ")
                for e in reg.entries:
                    stats.add(f"xa-hien-nay.{year}.{now.code}", label[:1].upper() + label[1:],
                              Record(shown(reg.source), LIST_SHEET, e.row, code, reg.sent,
                                     f"{e.name} ({province.unit(code).name})"))
        late = {f.unit for f in yr.findings if f.rule == "TRE_HAN"}
        off_quota = {f.unit for f in yr.findings if f.rule in ("VUOT_SO_LUONG", "THIEU_SO_LUONG")}
        for code in sorted(late):
            _unit_record(stats, f"tre-han.{year}", f"Đơn vị gửi danh sách trễ hạn năm {year}", province, yr, code)
        for code in sorted(off_quota):
            _unit_record(stats, f"ngoai-chi-tieu.{year}", f"Đơn vị đăng ký ngoài số lượng kế hoạch năm {year}",
                         province, yr, code)
        for f in yr.findings:
            if f.rule == "CHUA_GUI":
                unit = province.unit(f.unit)
                stats.add(f"chua-gui.{year}", f"Đơn vị chưa gửi danh sách năm {year}",
                          Record("province.yaml", "", 0, f.unit, dt.date(year, 12, 31), unit.name))
    for c in book:
        issuer = province.unit(c.issuer)
        rec = Record(c.source, BOOK_SHEET, c.row, c.issuer, c.day, f"{c.name} — {c.form}, {c.decision}")
        year = c.day.year
        stats.add(f"khen-thuong.{year}", f"Số tập thể, cá nhân được khen thưởng năm {year}", rec)
        stats.add(f"khen-thuong.{year}.hinh-thuc.{slug(c.form)}", c.form, rec)
        level = AWARD_LEVELS.get(issuer.kind.code, issuer.kind.label)
        stats.add(f"khen-thuong.{year}.cap.{slug(level)}", level, rec)
    return stats


def _registered(stats, province, year, code, reg: Registration, yr: YearRecords, awarded, period_end) -> None:
    unit = province.unit(code)
    quota = province.plan.quotas.get(unit.plan_role or "")
    _, undecided = settle(yr.findings, yr.decisions, code)
    fostered = quota is not None and unit.valid_on(reg.sent) and not undecided
    level = LEVELS.get(unit.plan_role or "", unit.kind.label)
    area = area_on(province, code, reg.sent)
    for e in reg.entries:
        rec = Record(shown(reg.source), LIST_SHEET, e.row, code, reg.sent, f"{e.name} ({unit.name})")
        stats.add(f"dang-ky.{year}", f"Lượt mô hình, tập thể, cá nhân đăng ký năm {year}", rec)
        stats.add(f"dang-ky.{year}.loai.{slug(e.kind)}", e.kind.capitalize(), rec)
        stats.add(f"dang-ky.{year}.cap.{slug(level)}", level, rec)
        stats.add(f"dang-ky.{year}.linh-vuc.{slug(e.field)}", e.field, rec)
        stats.add(f"dang-ky.{year}.dia-ban.{area.code}", _area_label(area), rec)
        if fostered:
            stats.add(f"boi-duong.{year}", f"Lượt được bồi dưỡng, nhân rộng năm {year}", rec)
            stats.add(f"boi-duong.{year}.loai.{slug(e.kind)}", e.kind.capitalize(), rec)
        if any(reg.sent <= c.day <= period_end for c in awarded.get(identity(e), ())):
            stats.add(f"duoc-khen.{year}", f"Lượt đăng ký năm {year} đã được khen thưởng", rec)
            stats.add(f"duoc-khen.{year}.loai.{slug(e.kind)}", e.kind.capitalize(), rec)


def _area_label(area) -> str:
    if area.kind.code == "province":
        return f"Trực thuộc {area.name.removeprefix('Ủy ban nhân dân ')}"
    until = f" (đến {area.valid_to:%d/%m/%Y})" if area.valid_to else ""
    name = area.name.removeprefix("Ủy ban nhân dân ")
    return name[:1].upper() + name[1:] + until


def _unit_record(stats, key, label, province, yr: YearRecords, code) -> None:
    reg = yr.data.registrations.get(code)
    unit = province.unit(code)
    if reg is None:
        return
    stats.add(key, label, Record(shown(reg.source), LIST_SHEET, reg.sent_cell[0] or 0, code, reg.sent, unit.name))

