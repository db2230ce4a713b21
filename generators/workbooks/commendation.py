"""Workbooks of the commendation round: achievement records, proposals, the council and its votes."""
from __future__ import annotations

from pathlib import Path

from openpyxl.utils import get_column_letter

from generators.commendation.council import Council, Member
from generators.commendation.records import (
    AWARD_KINDS,
    DISCIPLINE,
    RATINGS,
    SCOPES,
    Award,
    Freeze,
    Initiative,
    Proposal,
    Records,
    Subject,
    Year,
)
from generators.core.errors import DataError, Problem
from generators.workbooks.tables import Col, Table, read_tables

SEX = ("Nam", "Nữ")
VOTE = ("Đồng ý", "Không đồng ý")

RECORD_TABLES = [
    Table("Cá nhân", (Col("id", "Mã cá nhân", width=12), Col("name", "Họ và tên", width=26),
                      Col("birth", "Ngày sinh", "date", width=12), Col("sex", "Giới tính", "choice", choices=SEX, width=9),
                      Col("position", "Chức vụ, đơn vị công tác", width=40), Col("unit", "Mã đơn vị", width=14)),
          "Mỗi người một dòng; «Mã cá nhân» dùng ở các trang tính khác."),
    Table("Xếp loại cá nhân", (Col("id", "Mã cá nhân", width=12), Col("year", "Năm", "int", width=8),
                               Col("rating", "Xếp loại", "choice", choices=tuple(RATINGS), width=12),
                               Col("discipline", "Kỷ luật", "choice", required=False, choices=tuple(DISCIPLINE),
                                   width=16)),
          "Xếp loại chất lượng hằng năm: HTXSNV, HTTNV, HTNV, KHTNV; hình thức kỷ luật nếu có."),
    Table("Tập thể", (Col("id", "Mã tập thể", width=12), Col("name", "Tên tập thể", width=40),
                      Col("unit", "Mã đơn vị", width=14)), "Mỗi tập thể một dòng."),
    Table("Xếp loại tập thể", (Col("id", "Mã tập thể", width=12), Col("year", "Năm", "int", width=8),
                               Col("rating", "Xếp loại", "choice", choices=tuple(RATINGS), width=12),
                               Col("members", "Số thành viên", "int"), Col("ldtt", "Số đạt LĐTT", "int"),
                               Col("cstdcs", "Số đạt CSTĐCS", "int"), Col("completed", "Số hoàn thành nhiệm vụ", "int"),
                               Col("disciplined", "Số bị kỷ luật từ cảnh cáo", "int"), Col("women", "Số nữ", "int")),
          "Số liệu thành viên của tập thể trong năm."),
    Table("Khen thưởng", (Col("id", "Mã đối tượng", width=12), Col("year", "Năm", "int", width=8),
                          Col("award", "Mã danh hiệu, hình thức", width=16),
                          Col("kind", "Loại khen thưởng", "choice", choices=tuple(AWARD_KINDS), width=14),
                          Col("decision", "Số quyết định", required=False, width=20)),
          "Danh hiệu, hình thức đã nhận; khen đột xuất, chuyên đề không tính để xét khen thưởng theo công trạng. "
          "Ghi «không được tặng» hoặc «không đề nghị» khi một năm không có danh hiệu: khi xét sẽ không suy ra."),
    Table("Sáng kiến", (Col("id", "Mã cá nhân", width=12), Col("year", "Năm", "int", width=8),
                        Col("name", "Tên sáng kiến, đề tài", width=40),
                        Col("scope", "Phạm vi ảnh hưởng", "choice", choices=tuple(SCOPES), width=12),
                        Col("science", "Đề tài khoa học", "bool", required=False, width=10)),
          "Sáng kiến được công nhận và đề tài khoa học được nghiệm thu."),
    Table("Dẫn đầu Cụm, Khối", (Col("cluster", "Cụm, Khối thi đua", width=40), Col("year", "Năm", "int", width=8),
                                Col("id", "Mã tập thể dẫn đầu", width=14)), "Tập thể dẫn đầu mỗi Cụm, Khối hằng năm."),
    Table("Tạm hoãn xét", (Col("id", "Mã đối tượng", width=12), Col("reason", "Lý do", width=40),
                           Col("since", "Từ ngày", "date", width=12), Col("until", "Đến ngày", "date", required=False,
                                                                          width=12)),
          "Đối tượng đang bị xem xét kỷ luật, thanh tra, kiểm tra hoặc có khiếu nại, tố cáo."),
]

PROPOSAL_TABLES = [
    Table("Đề nghị", (Col("no", "STT", "int", width=6), Col("id", "Mã đối tượng", width=12),
                      Col("award", "Mã danh hiệu, hình thức", width=16), Col("unit", "Đơn vị đề nghị", width=14),
                      Col("date", "Ngày đề nghị", "date", width=12), Col("year", "Năm thành tích", "int", width=10),
                      Col("ground", "Căn cứ đề nghị", required=False, width=30),
                      Col("achievement", "Tóm tắt thành tích", required=False, width=50)),
          "Mỗi đề nghị một dòng."),
]

COUNCIL_TABLES = [
    Table("Thành viên", (Col("name", "Họ và tên", width=26), Col("position", "Chức vụ", width=40),
                         Col("role", "Chức danh trong Hội đồng", width=24),
                         Col("present", "Có mặt", "bool", required=False, width=8)),
          "Thành viên vắng mặt biểu quyết bằng văn bản."),
    Table("Biểu quyết", (Col("id", "Mã đối tượng", width=12), Col("award", "Mã danh hiệu, hình thức", width=16),
                         Col("member", "Thành viên", width=26), Col("vote", "Biểu quyết", "choice", choices=VOTE,
                                                                    width=14)),
          "Mỗi thành viên, mỗi đối tượng một dòng."),
]


def load_records(path: Path, display: str | None = None) -> Records:
    t = read_tables(path, RECORD_TABLES, display)
    file = display or Path(path).name
    problems: list[Problem] = []
    subjects: dict[str, Subject] = {}
    for r in t["Cá nhân"]:
        subjects[r["id"]] = Subject(r["id"], "cá nhân", r["name"], r["unit"], r["birth"], r["sex"] == "Nữ", r["position"])
    for r in t["Tập thể"]:
        subjects[r["id"]] = Subject(r["id"], "tập thể", r["name"], r["unit"])

    def known(r, sheet, kind=None):
        s = subjects.get(r["id"])
        if s is None or (kind and s.kind != kind):
            problems.append(Problem(file, f"mã «{r['id']}» không có trong trang tính «{'Tập thể' if kind == 'tập thể' else 'Cá nhân'}»"
                                    + ("" if kind else " hoặc «Tập thể»") + ".", sheet, r["_row"], "A"))
            return None
        return s

    for r in t["Xếp loại cá nhân"]:
        if s := known(r, "Xếp loại cá nhân", "cá nhân"):
            s.years[r["year"]] = Year(rating=r["rating"], discipline=r["discipline"])
    for r in t["Xếp loại tập thể"]:
        if s := known(r, "Xếp loại tập thể", "tập thể"):
            if r["ldtt"] > r["members"] or r["completed"] > r["members"]:
                problems.append(Problem(file, "số thành viên đạt danh hiệu hoặc hoàn thành nhiệm vụ lớn hơn tổng số "
                                        "thành viên.", "Xếp loại tập thể", r["_row"]))
            s.years[r["year"]] = Year(rating=r["rating"], members=r["members"], ldtt=r["ldtt"], cstdcs=r["cstdcs"],
                                      completed=r["completed"], disciplined=r["disciplined"], women=r["women"])
    for r in t["Khen thưởng"]:
        if s := known(r, "Khen thưởng"):
            s.awards.append(Award(r["year"], r["award"], r["kind"], r["decision"] or ""))
    for r in t["Sáng kiến"]:
        if s := known(r, "Sáng kiến", "cá nhân"):
            s.initiatives.append(Initiative(r["year"], r["name"], r["scope"], r["science"]))
    leaders = {}
    for r in t["Dẫn đầu Cụm, Khối"]:
        if known(r, "Dẫn đầu Cụm, Khối", "tập thể"):
            leaders[(r["cluster"], r["year"])] = r["id"]
    freezes = [Freeze(r["id"], r["reason"], r["since"], r["until"]) for r in t["Tạm hoãn xét"]
               if known(r, "Tạm hoãn xét")]
    if problems:
        raise DataError(problems)
    return Records(subjects, leaders, freezes)


def load_proposals(path: Path, records: Records, display: str | None = None) -> list[Proposal]:
    t = read_tables(path, PROPOSAL_TABLES, display)
    file = display or Path(path).name
    problems = [Problem(file, f"mã «{r['id']}» không có trong hồ sơ thành tích.", "Đề nghị", r["_row"], "B")
                for r in t["Đề nghị"] if r["id"] not in records.subjects]
    if problems:
        raise DataError(problems)
    return [Proposal(r["_row"], r["id"], r["award"], r["unit"], r["date"], r["year"], r["ground"] or "",
                     r["achievement"] or "") for r in t["Đề nghị"]]


def load_council(path: Path, meta: dict, display: str | None = None) -> Council:
    t = read_tables(path, COUNCIL_TABLES, display)
    file = display or Path(path).name
    members = [Member(r["name"], r["position"], r["role"], r["present"], r["_row"],
                      get_column_letter(r["_columns"]["position"])) for r in t["Thành viên"]]
    names = {m.name for m in members}
    problems, votes = [], {}
    for r in t["Biểu quyết"]:
        if r["member"] not in names:
            problems.append(Problem(file, f"«{r['member']}» không có trong trang tính «Thành viên».", "Biểu quyết",
                                    r["_row"], "C"))
            continue
        votes.setdefault((r["id"], r["award"]), {})[r["member"]] = r["vote"] == "Đồng ý"
    if problems:
        raise DataError(problems)
    return Council(meta["name"], meta["meeting_date"], meta["place"], meta["chair"], meta["secretary"], members, votes)
