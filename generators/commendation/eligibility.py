"""Eligibility of a candidate for a title or award, under the legal basis in force on the proposal date.

Rules are data (data/commendation/rules.yaml): each composes named checks with
their thresholds. A check returns whether it holds and a Vietnamese reason that
names the records it used ("3 năm liên tục CSTĐCS: thiếu năm 2022").
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from generators.commendation.records import NOT_AWARDED, RATINGS, SCOPES, Proposal, Records, Subject
from generators.core.clock import in_period
from generators.core.errors import ConfigError
from generators.core.text import nfc
from generators.core.yamlfile import read_yaml


@dataclass(frozen=True)
class Basis:
    code: str
    text: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    cite: str = ""  # its first citation in a document: with its date and issuer ("… ngày 31 tháng 12 năm 2023 …")

    def in_force(self, day: dt.date) -> bool:
        return in_period(day, self.valid_from, self.valid_to)

    @property
    def citation(self) -> str:
        return self.cite or self.text


@dataclass(frozen=True)
class Rule:
    id: str
    award: str
    article: str
    condition: dict  # {"all": [...]} or {"any": [...]}
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


@dataclass
class RuleBook:
    bases: dict[str, Basis]
    decrees: list[str]
    awards: dict[str, dict]
    rules: list[Rule]
    thresholds: dict[str, dict[str, float]]
    caps: dict[str, float] = field(default_factory=dict)
    implied_ratings: dict[str, str] = field(default_factory=dict)  # title -> the yearly rating holding it implies

    def decree_on(self, day: dt.date) -> Basis:
        for code in self.decrees:
            if self.bases[code].in_force(day):
                return self.bases[code]
        raise ConfigError(f"Không có nghị định hướng dẫn nào có hiệu lực ngày {day:%d/%m/%Y} trong rules.yaml.")

    def rule_for(self, award: str, day: dt.date) -> Rule | None:
        for r in self.rules:
            if r.award == award and in_period(day, r.valid_from, r.valid_to):
                return r
        return None

    def award_name(self, code: str) -> str:
        return self.awards.get(code, {}).get("name", code)

    def vote_threshold(self, award: str, day: dt.date) -> float | None:
        return self.thresholds.get(self.decree_on(day).code, {}).get(award)


def _date(v):
    return None if v is None else (v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v)))


def load_rulebook(path: Path) -> RuleBook:
    raw = read_yaml(path).data
    bases = {code: Basis(code, nfc(b["text"]), _date(b.get("valid_from")), _date(b.get("valid_to")),
                         nfc(b.get("cite", "")))
             for code, b in raw["legal_bases"].items()}
    rules = []
    for r in raw["rules"]:
        cond = {k: r[k] for k in ("all", "any") if k in r}
        if len(cond) != 1:
            raise ConfigError(f"rules.yaml: quy tắc {r.get('id')} cần đúng một khóa all hoặc any.")
        rules.append(Rule(r["id"], r["award"], nfc(r["article"]), cond, _date(r.get("valid_from")),
                          _date(r.get("valid_to"))))
    return RuleBook(bases, raw["implementing_decrees"], raw["awards"], rules, raw.get("vote_thresholds", {}),
                    raw.get("caps") or {}, raw.get("implied_ratings") or {})


# ------------------------------------------------------------------ checks

@dataclass(frozen=True)
class Outcome:
    ok: bool
    reason: str


class Checks:
    """The named checks rules are built from. Each sees the subject, the proposal and all records."""

    def __init__(self, book: RuleBook, records: Records):
        self.book, self.records = book, records

    def title(self, code: str) -> str:
        return {"LDTT": "LĐTT", "CSTDCS": "CSTĐCS", "TTLDXS": "Tập thể lao động xuất sắc",
                "TTLDTT": "Tập thể lao động tiên tiến"}.get(code, self.book.award_name(code))

    @staticmethod
    def _merit(subject: Subject, code: str, year: int) -> bool:
        """Held as a merit award (công trạng): đột xuất and chuyên đề awards do not count."""
        return any(a.code == code and a.year == year and a.kind == "công trạng" for a in subject.awards)

    def rating_at_least(self, s: Subject, p: Proposal, rating: str) -> Outcome:
        y = s.year(p.year)
        got = y.rating if y else None
        if got is None:
            return Outcome(False, f"không có xếp loại năm {p.year}")
        ok = RATINGS.index(got) >= RATINGS.index(rating)
        return Outcome(ok, f"xếp loại {got} năm {p.year} ({'đạt' if ok else 'dưới'} mức {rating})")

    def no_discipline(self, s: Subject, p: Proposal) -> Outcome:
        y = s.year(p.year)
        if y and y.discipline:
            return Outcome(False, f"bị kỷ luật «{y.discipline}» năm {p.year}")
        return Outcome(True, f"không bị kỷ luật năm {p.year}")

    def has_title(self, s: Subject, p: Proposal, title: str) -> Outcome:
        if self._merit(s, title, p.year):
            return Outcome(True, f"có danh hiệu {self.title(title)} năm {p.year}")
        refused = next((a.kind for a in s.awards if a.code == title and a.year == p.year and a.kind in NOT_AWARDED),
                       None)
        if refused:  # the record says it was not awarded: never presumed from its own rule
            return Outcome(False, f"năm {p.year} {refused} danh hiệu {self.title(title)} (theo hồ sơ thành tích)")
        rule = self.book.rule_for(title, p.date)
        if rule is not None:  # proposed together: the title's own rule decides
            ok, reasons = evaluate_condition(self, rule.condition, s, p)
            if ok:
                return Outcome(True, f"đủ điều kiện {self.title(title)} năm {p.year} ({'; '.join(reasons)})")
        return Outcome(False, f"chưa có danh hiệu {self.title(title)} năm {p.year}")

    def initiatives(self, s: Subject, p: Proposal, min_scope: str, count: int = 1) -> Outcome:
        found = [i for i in s.initiatives if i.year == p.year and not i.science
                 and SCOPES.index(i.scope) >= SCOPES.index(min_scope)]
        ok = len(found) >= count
        names = ", ".join(f"«{i.name}» ({i.scope})" for i in found) or "không có"
        return Outcome(ok, f"sáng kiến phạm vi {min_scope} trở lên năm {p.year}: {names}"
                           + ("" if ok else f" (cần {count})"))

    def science_projects(self, s: Subject, p: Proposal, count: int = 1) -> Outcome:
        found = [i for i in s.initiatives if i.year == p.year and i.science]
        return Outcome(len(found) >= count, f"đề tài khoa học được nghiệm thu năm {p.year}: {len(found)}")

    def _consecutive(self, years_ok, p: Proposal, years: int, label: str) -> Outcome:
        window = list(range(p.year - years + 1, p.year + 1))
        missing = [y for y in window if not years_ok(y)]
        if not missing:
            return Outcome(True, f"{years} năm liên tục {label} ({window[0]}-{window[-1]})")
        return Outcome(False, f"{years} năm liên tục {label}: thiếu năm {', '.join(map(str, missing))}")

    def consecutive_titles(self, s: Subject, p: Proposal, title: str, years: int) -> Outcome:
        return self._consecutive(lambda y: self._merit(s, title, y), p, years, self.title(title))

    def _rating_of(self, s: Subject, y: int) -> str | None:
        """The year's rating, or the better one a merit title of that year implies (a Tập thể lao động xuất sắc
        year is a year of HTXSNV): rules taking either kind of year then take a mix."""
        yr = s.year(y)
        ratings = [yr.rating] if yr and yr.rating else []
        ratings += [r for title, r in self.book.implied_ratings.items() if self._merit(s, title, y)]
        return max(ratings, key=RATINGS.index, default=None)

    def consecutive_ratings(self, s: Subject, p: Proposal, rating: str, years: int) -> Outcome:
        def good(y):
            got = self._rating_of(s, y)
            return bool(got and RATINGS.index(got) >= RATINGS.index(rating))
        return self._consecutive(good, p, years, rating if rating == "HTXSNV" else f"{rating} trở lên")

    def titles_in_window(self, s: Subject, p: Proposal, title: str, years: int, count: int) -> Outcome:
        window = range(p.year - years + 1, p.year + 1)
        held = [y for y in window if self._merit(s, title, y)]
        ok = len(held) >= count
        return Outcome(ok, f"{self.title(title)} trong {years} năm {p.year - years + 1}-{p.year}: "
                           f"{len(held)} lần ({', '.join(map(str, held)) or 'không'}), cần {count}")

    def has_award(self, s: Subject, p: Proposal, award: str) -> Outcome:
        held = [a.year for a in s.awards if a.code == award and a.kind == "công trạng" and a.year <= p.year]
        name = self.book.award_name(award)
        return Outcome(bool(held), f"đã có {name}" + (f" (năm {', '.join(map(str, held))})" if held else ": chưa có"))

    def member_share(self, s: Subject, p: Proposal, of: str, at_least: float) -> Outcome:
        y = s.year(p.year)
        if not y or not y.members:
            return Outcome(False, f"không có số liệu thành viên năm {p.year}")
        count = getattr(y, of)
        share = count / y.members
        label = {"ldtt": "thành viên đạt LĐTT", "completed": "thành viên hoàn thành nhiệm vụ"}[of]
        ok = share >= at_least
        return Outcome(ok, f"{count}/{y.members} {label} = {share:.1%} ({'đạt' if ok else 'dưới'} "
                           f"mức {at_least:.0%}) năm {p.year}".replace(".", ","))

    def member_count(self, s: Subject, p: Proposal, of: str, at_least: int) -> Outcome:
        y = s.year(p.year)
        count = getattr(y, of) if y else 0
        return Outcome(count >= at_least, f"{count} thành viên đạt CSTĐCS năm {p.year} (cần ít nhất {at_least})")

    def no_member_disciplined(self, s: Subject, p: Proposal) -> Outcome:
        y = s.year(p.year)
        n = y.disciplined if y else 0
        return Outcome(n == 0, f"{n} thành viên bị kỷ luật từ cảnh cáo trở lên năm {p.year}")

    def leads_cluster(self, s: Subject, p: Proposal) -> Outcome:
        led = [c for (c, y), sid in self.records.cluster_leaders.items() if y == p.year and sid == s.id]
        if led:
            return Outcome(True, f"dẫn đầu {', '.join(led)} năm {p.year}")
        return Outcome(False, f"không dẫn đầu Cụm, Khối thi đua nào năm {p.year}")

    def ground(self, s: Subject, p: Proposal, ground: str) -> Outcome:
        ok = p.ground == ground
        return Outcome(ok, f"thành tích {ground}" if ok else f"không đề nghị theo thành tích {ground}")


def evaluate_condition(checks: Checks, cond: dict, s: Subject, p: Proposal) -> tuple[bool, list[str]]:
    """(holds, reasons): for "all" every reason; for "any" the one that holds, else all that fail."""
    (mode, items), = cond.items()
    results = []
    for item in items:
        if "all" in item or "any" in item:
            ok, reasons = evaluate_condition(checks, item, s, p)
            results.append((ok, " và ".join(reasons)))
        else:
            params = {k: v for k, v in item.items() if k != "check"}
            out = getattr(checks, item["check"])(s, p, **params)
            results.append((out.ok, out.reason))
    if mode == "all":
        return all(ok for ok, _ in results), [r for _, r in results]
    passing = [r for ok, r in results if ok]
    return bool(passing), (passing[:1] if passing else [r for _, r in results])


@dataclass
class Verdict:
    proposal: Proposal
    subject: Subject | None
    award_name: str
    eligible: bool
    rule: str
    basis: str  # "Điều 25 Luật Thi đua, khen thưởng; Nghị định số 98/2023/NĐ-CP"
    reasons: list[str]
    vote_threshold: float | None = None

    def text(self) -> str:
        head = "ĐỦ ĐIỀU KIỆN" if self.eligible else "KHÔNG ĐỦ ĐIỀU KIỆN"
        name = self.subject.name if self.subject else self.proposal.subject
        return f"{name} - {self.award_name}: {head} (quy tắc {self.rule}; {self.basis}): " + "; ".join(self.reasons)


def judge(book: RuleBook, records: Records, p: Proposal) -> Verdict:
    subject = records.subjects.get(p.subject)
    name = book.award_name(p.award)
    decree = book.decree_on(p.date)
    law = next((b for c, b in book.bases.items() if c not in book.decrees and b.in_force(p.date)), None)
    if subject is None:
        return Verdict(p, None, name, False, "-", decree.text, [f"không có hồ sơ thành tích của «{p.subject}»"])
    rule = book.rule_for(p.award, p.date)
    if rule is None:
        return Verdict(p, subject, name, False, "-", decree.text,
                       [f"không có quy tắc xét {name} có hiệu lực ngày {p.date:%d/%m/%Y}"])
    basis = f"{rule.article}: " + (f"{law.text}; " if law else "") + decree.text
    frozen = [f for f in records.freezes if f.subject == subject.id and f.active_on(p.date)]
    if frozen:
        return Verdict(p, subject, name, False, rule.id, basis,
                       [f"đang {f.reason} từ {f.since:%d/%m/%Y}: chưa xét khen thưởng" for f in frozen])
    expected = book.awards.get(p.award, {}).get("subject")
    if expected and expected != subject.kind:
        return Verdict(p, subject, name, False, rule.id, basis, [f"{name} dành cho {expected}, «{subject.name}» là "
                                                                 f"{subject.kind}"])
    ok, reasons = evaluate_condition(Checks(book, records), rule.condition, subject, p)
    return Verdict(p, subject, name, ok, rule.id, basis, reasons, book.vote_threshold(p.award, p.date))


def _preferred(v: Verdict) -> bool:
    """Ties prefer women, and collectives with at least 70 % women (spec 04 §3)."""
    s = v.subject
    if s is None:
        return False
    if s.kind == "tập thể":
        y = s.year(v.proposal.year)
        return bool(y and y.members and y.women / y.members >= 0.7)
    return s.female


def apply_caps(book: RuleBook, verdicts: list[Verdict]) -> None:
    """Optional per-province caps (rules.yaml `caps: {AWARD: N}`): at most N eligible candidates of an award per
    proposing unit in a round. Within a group, women and mostly-women collectives come first, then proposal
    order; those beyond the cap are refused with the reason."""
    groups: dict[tuple[str, str], list[Verdict]] = {}
    for v in verdicts:
        if v.eligible and v.proposal.award in book.caps:
            groups.setdefault((v.proposal.award, v.proposal.unit), []).append(v)
    for (award, _), group in groups.items():
        cap = book.caps[award]
        ranked = sorted(group, key=lambda v: (not _preferred(v), v.proposal.row))
        for v in ranked[cap:]:
            v.eligible = False
            v.reasons.append(f"vượt giới hạn {cap} {v.award_name} cho mỗi đơn vị đề nghị (quy định của tỉnh; "
                             f"ưu tiên nữ khi bằng nhau)")
