"""The board's commendation round: verdicts, council votes, awardees and their reward money."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path


from generators.commendation.council import Council, VoteResult, tally
from generators.commendation.eligibility import RuleBook, Verdict, apply_caps, judge, load_rulebook
from generators.commendation.money import MoneyTable, Reward, load_money
from generators.commendation.records import Records
from generators.core.config import load_province
from generators.core.errors import ConfigError, DataError, Problem
from generators.core.model import Province
from generators.core.titles import leader_on, same_title, title_of
from generators.core.yamlfile import read_yaml
from generators.workbooks.commendation import load_council, load_proposals, load_records


@dataclass
class Candidate:
    verdict: Verdict
    vote: VoteResult
    reward: Reward | None = None

    @property
    def awarded(self) -> bool:
        return self.verdict.eligible and self.vote.passed


@dataclass
class Round:
    year: int
    meta: dict
    book: RuleBook
    records: Records
    council: Council
    money: MoneyTable
    candidates: list[Candidate] = field(default_factory=list)

    @property
    def awardees(self) -> list[Candidate]:
        return [c for c in self.candidates if c.awarded]

    @property
    def total(self) -> int:
        return sum(c.reward.amount for c in self.awardees if c.reward)

    def date(self, key: str) -> dt.date:
        return _date(self.meta["dates"][key])


def _date(v) -> dt.date:
    return v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v))


def commendation_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "commendation"


def _refuse_second_titles(province, council, file: str) -> None:
    """A member who signs for a unit is listed with the title the province data gives them on the meeting day."""
    day = dt.date.fromisoformat(str(council.meeting_date))
    problems = []
    for m in council.members:
        unit = leader_on(province.units, m.name, day)
        if unit and not same_title(m.position, unit):
            problems.append(Problem(file, f"«{m.name}» ghi chức vụ «{m.position}», nhưng province.yaml ghi người này là "
                                          f"{title_of(unit)} (người ký văn bản của đơn vị {unit.code}): một người chỉ "
                                          f"giữ một chức vụ tại một ngày; sửa một trong hai nơi.",
                                    "Thành viên", m.row, m.position_column, "Chức vụ"))
    if problems:
        raise DataError(problems)


def load_round(data_dir: Path, year: int, province: Province | None = None) -> Round:
    """The year's round; `province`: the one the caller already loaded from `data_dir`."""
    folder = commendation_dir(data_dir)
    meta_path = folder / f"round-{year}.yaml"
    if not meta_path.exists():
        raise ConfigError(f"Không có dữ liệu đợt khen thưởng năm {year} ({meta_path}).")
    meta = read_yaml(meta_path).data
    show = lambda p: str(p.relative_to(Path(data_dir).parent)) if p.is_relative_to(Path(data_dir).parent) else str(p)  # noqa: E731
    book = load_rulebook(folder / "rules.yaml")
    records = load_records(folder / "thanh-tich.xlsx", show(folder / "thanh-tich.xlsx"))
    proposals = load_proposals(folder / f"de-nghi-{year}.xlsx", records, show(folder / f"de-nghi-{year}.xlsx"))
    council = load_council(folder / f"hoi-dong-{year}.xlsx", {**meta["council"], "meeting_date":
                                                              str(meta["council"]["meeting_date"])},
                           show(folder / f"hoi-dong-{year}.xlsx"))
    _refuse_second_titles(province or load_province(data_dir), council, show(folder / f"hoi-dong-{year}.xlsx"))
    money = load_money(folder / "money.yaml")
    rnd = Round(year, meta, book, records, council, money)
    decision = rnd.date("decision")
    verdicts = [judge(book, records, p) for p in proposals]
    apply_caps(book, verdicts)
    for p, verdict in zip(proposals, verdicts):
        vote = tally(council, p.subject, p.award, verdict.vote_threshold)
        reward = money.reward(p.award, book.decree_on(decision).code, decision)
        rnd.candidates.append(Candidate(verdict, vote, reward))
    return rnd
