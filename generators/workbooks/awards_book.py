"""The board's commendation book (sổ khen thưởng): one row per tập thể or cá nhân commended, with the decision."""
from __future__ import annotations

from pathlib import Path

from generators.core.errors import DataError, Problem
from generators.core.model import Commendation, Province
from generators.workbooks.tables import Col, Table, read_tables, write_tables

SHEET = "Sổ khen thưởng"
FORMS = ("Bằng khen của Chủ tịch UBND tỉnh", "Giấy khen của Chủ tịch UBND cấp huyện",
         "Giấy khen của Chủ tịch UBND cấp xã", "Giấy khen của Thủ trưởng cơ quan, đơn vị")
KINDS = ("mô hình", "tập thể", "cá nhân")
BOOK = Table(SHEET, (
    Col("decision", "Số quyết định", width=16), Col("day", "Ngày quyết định", "date", width=14),
    Col("issuer", "Mã đơn vị ban hành", width=16), Col("form", "Hình thức khen thưởng", "choice", choices=FORMS,
                                                       width=36),
    Col("kind", "Loại", "choice", choices=KINDS, width=10), Col("name", "Tên tập thể, cá nhân", width=40),
    Col("birth", "Ngày sinh", "date", required=False, width=12),
    Col("position", "Chức vụ, đơn vị công tác", width=44),
), "Mỗi tập thể, cá nhân được khen thưởng một dòng; ngày sinh chỉ ghi cho cá nhân.")

# The kind of body each form is given by, as province.yaml names kinds.
FORM_ISSUERS = {FORMS[0]: ("province",), FORMS[1]: ("district",), FORMS[2]: ("commune",),
                FORMS[3]: ("department", "association", "enterprise")}


def write_book(path: Path, rows: list[dict]) -> None:
    write_tables(path, [BOOK], {SHEET: rows})


def load_book(path: Path, province: Province, display: str | None = None) -> list[Commendation]:
    """Every row, or a DataError naming each bad cell: an unknown issuer, one not in force on the decision's
    day (a district after 30/6/2025), a form that body does not give."""
    file = display or Path(path).name
    rows = read_tables(path, [BOOK], file)[SHEET]
    problems: list[Problem] = []
    out = []
    for r in rows:
        issuer = province.units.get(r["issuer"])
        column = _letter(r, "issuer")
        if issuer is None:
            problems.append(Problem(file, f"mã đơn vị «{r['issuer']}» không có trong province.yaml.", SHEET,
                                    r["_row"], column, "Mã đơn vị ban hành"))
            continue
        if not issuer.valid_on(r["day"]):
            problems.append(Problem(file, f"{issuer.name} không còn hoặc chưa hoạt động ngày "
                                          f"{r['day']:%d/%m/%Y}, không thể ban hành quyết định này.", SHEET,
                                    r["_row"], column, "Mã đơn vị ban hành"))
            continue
        if issuer.kind.code not in FORM_ISSUERS[r["form"]]:
            problems.append(Problem(file, f"{issuer.name} không tặng «{r['form']}».", SHEET, r["_row"],
                                    _letter(r, "form"), "Hình thức khen thưởng"))
            continue
        out.append(Commendation(r["_row"], r["decision"], r["day"], issuer.code, r["form"], r["kind"], r["name"],
                                r["birth"], r["position"], file))
    if problems:
        raise DataError(problems)
    return out


def _letter(record: dict, key: str) -> str:
    from openpyxl.utils import get_column_letter
    return get_column_letter(record["_columns"][key])
