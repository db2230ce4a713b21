"""Eligibility rules at their boundaries, under the legal basis in force on the proposal date."""
from __future__ import annotations

import datetime as dt

import pytest

from generators.commendation.council import Council, Member, tally
from generators.commendation.eligibility import judge, load_rulebook
from generators.commendation.records import Award, Freeze, Initiative, Proposal, Records, Subject, Year

from .conftest import DATA

BOOK = load_rulebook(DATA / "commendation" / "rules.yaml")
MAY_2024 = dt.date(2024, 5, 20)


def person(awards=(), ratings=None, initiatives=(), discipline=None) -> Subject:
    ratings = ratings or {y: "HTXSNV" for y in range(2019, 2025)}
    years = {y: Year(rating=r, discipline=discipline if y == 2023 else None) for y, r in ratings.items()}
    return Subject("P1", "cá nhân", "Nguyễn Thị Thu Hà", "HD", years=years, awards=list(awards),
                   initiatives=list(initiatives))


def collective(members: int, ldtt: int, rating="HTTNV", cstdcs=0, completed=None, disciplined=0) -> Subject:
    y = Year(rating=rating, members=members, ldtt=ldtt, cstdcs=cstdcs,
             completed=members if completed is None else completed, disciplined=disciplined)
    return Subject("T1", "tập thể", "Trường Tiểu học Ninh Quới", "HD", years={2023: y})


def verdict(subject, award, date=MAY_2024, year=2023, ground="", records=None):
    records = records or Records(subjects={subject.id: subject})
    return judge(BOOK, records, Proposal(1, subject.id, award, "HD", date, year, ground))


@pytest.mark.parametrize("ldtt, eligible", [(699, False), (700, True)])
def test_collective_ldtt_share_69_9_vs_70_percent(ldtt, eligible):
    v = verdict(collective(1000, ldtt), "TTLDTT")
    assert v.eligible is eligible
    assert any(f"{ldtt}/1000 thành viên đạt LĐTT" in r for r in v.reasons)


def cstdcs(years, kind="công trạng"):
    return [Award(y, "CSTDCS", kind) for y in years]


def test_three_consecutive_years_cstdcs_for_provincial_title():
    ok = verdict(person(cstdcs([2021, 2022, 2023]), initiatives=[Initiative(2023, "Phần mềm quản lý hồ sơ", "tỉnh")]),
                 "CSTD_TINH")
    assert ok.eligible and "3 năm liên tục CSTĐCS (2021-2023)" in ok.reasons
    two = verdict(person(cstdcs([2022, 2023]), initiatives=[Initiative(2023, "Phần mềm", "tỉnh")]), "CSTD_TINH")
    assert not two.eligible and "3 năm liên tục CSTĐCS: thiếu năm 2021" in two.reasons


def test_a_year_missing_in_the_middle():
    v = verdict(person(cstdcs([2021, 2023]), initiatives=[Initiative(2023, "Phần mềm", "tỉnh")]), "CSTD_TINH")
    assert not v.eligible and "3 năm liên tục CSTĐCS: thiếu năm 2022" in v.reasons


def test_dot_xuat_award_does_not_count():
    awards = cstdcs([2022]) + cstdcs([2023], kind="đột xuất")
    v = verdict(person(awards), "BK_TINH_CN")
    assert not v.eligible
    assert "2 năm liên tục CSTĐCS: thiếu năm 2023" in " ".join(v.reasons)
    assert verdict(person(cstdcs([2022, 2023])), "BK_TINH_CN").eligible


def test_same_case_before_and_after_the_2025_decree():
    subject = person(cstdcs([2022, 2023]))
    before = verdict(subject, "BK_TINH_CN", date=dt.date(2025, 6, 30), year=2023)
    after = verdict(subject, "BK_TINH_CN", date=dt.date(2025, 7, 1), year=2023)
    assert before.eligible and after.eligible
    assert "Nghị định số 98/2023/NĐ-CP" in before.basis and "152/2025" not in before.basis
    assert "Nghị định số 152/2025/NĐ-CP" in after.basis and "98/2023" not in after.basis
    assert "Luật Thi đua, khen thưởng số 06/2022/QH15" in before.basis


def test_frozen_candidate():
    subject = person(cstdcs([2022, 2023]))
    records = Records(subjects={"P1": subject}, freezes=[Freeze("P1", "bị thanh tra", dt.date(2024, 3, 1))])
    v = verdict(subject, "BK_TINH_CN", records=records)
    assert not v.eligible and v.reasons == ["đang bị thanh tra từ 01/03/2024: chưa xét khen thưởng"]
    lifted = Records(subjects={"P1": subject}, freezes=[Freeze("P1", "bị thanh tra", dt.date(2024, 1, 1),
                                                               dt.date(2024, 4, 30))])
    assert verdict(subject, "BK_TINH_CN", records=lifted).eligible


def test_ldtt_needs_no_discipline_and_a_good_rating():
    assert verdict(person(), "LDTT").eligible
    assert not verdict(person(discipline="khiển trách"), "LDTT").eligible
    weak = person(ratings={2023: "HTNV"})
    v = verdict(weak, "LDTT")
    assert not v.eligible and "xếp loại HTNV năm 2023 (dưới mức HTTNV)" in v.reasons


def test_cstdcs_with_initiative_instead_of_excellent_rating():
    subject = person(ratings={2023: "HTTNV"}, initiatives=[Initiative(2023, "Cải tiến quy trình", "cơ sở")])
    v = verdict(subject, "CSTDCS")
    assert v.eligible and any("Cải tiến quy trình" in r for r in v.reasons)
    assert not verdict(person(ratings={2023: "HTTNV"}), "CSTDCS").eligible


def test_excellent_collective_needs_every_member_completing():
    assert verdict(collective(20, 15, rating="HTXSNV", cstdcs=1), "TTLDXS").eligible
    v = verdict(collective(20, 15, rating="HTXSNV", cstdcs=1, completed=19), "TTLDXS")
    assert not v.eligible and any("19/20 thành viên hoàn thành nhiệm vụ" in r for r in v.reasons)


def test_flag_only_for_the_cluster_leader():
    t = collective(20, 15)
    records = Records(subjects={"T1": t}, cluster_leaders={("Cụm thi đua số 1", 2023): "T1"})
    assert verdict(t, "CO_TINH", records=records).eligible
    assert not verdict(t, "CO_TINH").eligible


def council(n=10) -> Council:
    members = [Member(f"Thành viên {i}", "Ủy viên", "Ủy viên", present=i < n - 2) for i in range(n)]
    return Council("Hội đồng Thi đua - Khen thưởng tỉnh", "2024-05-28", "Bạc Liêu", members[0].name, members[1].name,
                   members)


@pytest.mark.parametrize("n, yes, passed", [(100, 79, False), (100, 80, True), (10, 8, True), (10, 7, False)])
def test_council_vote_79_vs_80_percent_of_all_members(n, yes, passed):
    c = council(n)
    c.votes[("P1", "CSTDCS")] = {m.name: i < yes for i, m in enumerate(c.members)}
    result = tally(c, "P1", "CSTDCS", BOOK.vote_threshold("CSTDCS", MAY_2024))
    assert result.passed is passed and result.members == n  # absentees count: they vote in writing


def test_optional_province_cap_per_proposing_unit():
    import copy

    from generators.commendation.eligibility import apply_caps

    book = copy.deepcopy(BOOK)
    book.caps = {"BK_TINH_CN": 1}
    subjects = {f"P{i}": Subject(f"P{i}", "cá nhân", f"Người {i}", "HD",
                                 years={y: Year(rating="HTXSNV") for y in (2022, 2023)},
                                 awards=cstdcs([2022, 2023])) for i in (1, 2)}
    records = Records(subjects=subjects)
    verdicts = [judge(book, records, Proposal(i, f"P{i}", "BK_TINH_CN", "HD", MAY_2024, 2023)) for i in (1, 2)]
    apply_caps(book, verdicts)
    assert [v.eligible for v in verdicts] == [True, False]
    assert "vượt giới hạn 1" in verdicts[1].reasons[-1]
    # A tie prefers the woman, whatever the proposal order.
    subjects["P2"].female = True
    verdicts = [judge(book, records, Proposal(i, f"P{i}", "BK_TINH_CN", "HD", MAY_2024, 2023)) for i in (1, 2)]
    apply_caps(book, verdicts)
    assert [v.eligible for v in verdicts] == [False, True]
    assert BOOK.caps == {}  # the sample sets none


@pytest.mark.parametrize("kind, eligible", [("công trạng", True), ("đột xuất", False)])
def test_a_year_of_a_higher_collective_title_counts_as_its_rating(kind, eligible):
    """Issue 14 item 8: 2022 recorded as Tập thể lao động xuất sắc (rating typed HTTNV), 2023 as HTXSNV: two
    consecutive HTXSNV years for the provincial Bằng khen, a mix of the two kinds of year. A đột xuất award is no
    merit title and implies nothing."""
    years = {2022: Year(rating="HTTNV", members=20, ldtt=18, completed=20),
             2023: Year(rating="HTXSNV", members=20, ldtt=18, completed=20)}
    s = Subject("T2", "tập thể", "Trạm Y tế xã Ninh Quới", "HD", years=years, awards=[Award(2022, "TTLDXS", kind)])
    v = verdict(s, "BK_TINH_TT")
    assert v.eligible is eligible, v.reasons
    assert ("2 năm liên tục HTXSNV (2022-2023)" in "; ".join(v.reasons)) is eligible


@pytest.mark.parametrize("kind", ["không được tặng", "không đề nghị"])
def test_a_title_recorded_as_not_awarded_is_never_presumed(kind):
    """Issue 14 item 8: CSTĐCS needs the year's LĐTT; proposed together the LĐTT rule would grant it, unless the
    record says it was not awarded that year."""
    initiative = [Initiative(2023, "Cải tiến quy trình", "cơ sở")]
    assert verdict(person(initiatives=initiative), "CSTDCS").eligible  # presumed from the LĐTT rule
    refused = person(initiatives=initiative, awards=[Award(2023, "LDTT", kind)])
    v = verdict(refused, "CSTDCS")
    assert not v.eligible and f"năm 2023 {kind} danh hiệu LĐTT (theo hồ sơ thành tích)" in v.reasons
