"""Registration workbooks: the layout a unit fills in, its writer and its reader.

The reader never stops at the first mistake: it collects a Problem per bad cell,
each naming file, sheet, row, column and header, and raises them together.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from generators.core.errors import DataError, Problem
from generators.core.files import atomic_path
from generators.core.model import Entry, Plan, Registration
from generators.core.text import clean, match_key
from generators.workbooks.cells import CellReader, header_key, put
from generators.workbooks.safety import open_workbook, sheet_problems

LIST_SHEET = "Danh sách"
HELP_SHEET = "Hướng dẫn"
LOOKUP_SHEET = "Danh mục"
INDIVIDUAL = "cá nhân"


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: int
    kind: str = "text"  # text, int, date, kind, field
    required: bool = True
    max_length: int | None = None  # characters


COLUMNS = (
    Column("stt", "STT", 6, "int"),
    Column("name", "Tên mô hình, tập thể, cá nhân", 32, max_length=250),
    Column("kind", "Loại", 12, "kind"),
    Column("birth_date", "Ngày sinh", 12, "date", required=False),
    Column("position", "Chức vụ, đơn vị công tác", 32, max_length=300),
    Column("field", "Lĩnh vực", 22, "field"),
    Column("achievements", "Thành tích nổi bật", 45),
    Column("measures", "Biện pháp bồi dưỡng, nhân rộng", 45),
)

# Labels of the key/value block above the table: (label, key, kind).
INFO = (
    ("Mã đơn vị:", "unit", "text"),
    ("Tên đơn vị:", "unit_name", "text"),
    ("Năm đăng ký:", "year", "int"),
    ("Ngày gửi danh sách:", "sent", "date"),
)
HEADER_ROW = 7


# ---------------------------------------------------------------- writer

def write_workbook(path: Path, plan: Plan, *, unit: str = "", unit_name: str = "", year: int | None = None,
                   sent: dt.date | None = None, entries: list[Entry] | None = None) -> None:
    """Write a registration workbook; blank (a template) when no entries are given."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = LIST_SHEET
    bold = Font(name="Times New Roman", bold=True, size=12)
    normal = Font(name="Times New Roman", size=12)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)

    ws["A1"] = "DANH SÁCH ĐĂNG KÝ MÔ HÌNH, TẬP THỂ, CÁ NHÂN ĐIỂN HÌNH TIÊN TIẾN"
    ws["A1"].font = Font(name="Times New Roman", bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS))
    ws["A1"].alignment = Alignment(horizontal="center")
    values = {"unit": unit, "unit_name": unit_name, "year": year, "sent": sent}
    for i, (label, key, kind) in enumerate(INFO, start=2):
        ws.cell(i, 1, label).font = bold
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=2)
        cell = put(ws, i, 3, values[key])
        cell.font = normal
        if kind == "date":
            cell.number_format = "DD/MM/YYYY"
    for col, spec in enumerate(COLUMNS, start=1):
        cell = ws.cell(HEADER_ROW, col, spec.header)
        cell.font = bold
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.border = box
        ws.column_dimensions[get_column_letter(col)].width = spec.width
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)

    # Drop-down lists come from a hidden lookup sheet so long lists still work.
    lookup = wb.create_sheet(LOOKUP_SHEET)
    for r, value in enumerate(plan.kinds, start=1):
        lookup.cell(r, 1, value)
    for r, value in enumerate(plan.fields, start=1):
        lookup.cell(r, 2, value)
    lookup.sheet_state = "hidden"
    last = HEADER_ROW + 500
    for key, col_letter, n in (("kind", "A", len(plan.kinds)), ("field", "B", len(plan.fields))):
        idx = next(i for i, c in enumerate(COLUMNS, start=1) if c.key == key)
        dv = DataValidation(type="list", formula1=f"='{LOOKUP_SHEET}'!${col_letter}$1:${col_letter}${n}",
                            allow_blank=True, showErrorMessage=True,
                            errorTitle="Giá trị không hợp lệ", error="Hãy chọn một giá trị trong danh sách.")
        letter = get_column_letter(idx)
        dv.add(f"{letter}{HEADER_ROW + 1}:{letter}{last}")
        ws.add_data_validation(dv)

    for r, entry in enumerate(entries or [], start=HEADER_ROW + 1):
        for col, spec in enumerate(COLUMNS, start=1):
            value = r - HEADER_ROW if spec.key == "stt" else getattr(entry, spec.key)
            cell = put(ws, r, col, value)
            cell.font = normal
            cell.border = box
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            if spec.kind == "date":
                cell.number_format = "DD/MM/YYYY"

    _write_help(wb.create_sheet(HELP_SHEET, 0), plan, bold, normal)
    wb.active = 1  # open on the list
    with atomic_path(path) as tmp:
        wb.save(tmp)


def _write_help(ws, plan: Plan, bold, normal) -> None:
    lines = [
        "HƯỚNG DẪN LẬP DANH SÁCH ĐĂNG KÝ ĐIỂN HÌNH TIÊN TIẾN",
        f"Thực hiện Kế hoạch số {plan.notation} ngày {plan.date:%d/%m/%Y} của {plan.issuer}.",
        "1. Ở trang tính «Danh sách», ghi Mã đơn vị, Tên đơn vị, Năm đăng ký và Ngày gửi danh sách (dd/mm/yyyy).",
        f"2. Mỗi mô hình, tập thể, cá nhân ghi một dòng, bắt đầu từ dòng {HEADER_ROW + 1}; không đổi tên, không xóa các cột tiêu đề ở dòng {HEADER_ROW}.",
        "3. Cột «Loại» và «Lĩnh vực»: chọn trong danh sách thả xuống.",
        "4. «Ngày sinh» bắt buộc với cá nhân, ghi dạng dd/mm/yyyy; để trống với mô hình, tập thể.",
        "5. Nhập giá trị, không dùng công thức; gõ tiếng Việt bằng bảng mã Unicode (không dùng TCVN3, VNI).",
        "6. Số lượng đăng ký theo từng loại đơn vị:",
    ]
    for q in plan.quotas.values():
        count = f"{q.minimum} đến {q.maximum}" if q.maximum else f"ít nhất {q.minimum}"
        lines.append(f"   - {q.label}: {count}; hạn gửi {q.deadline[1]:02d}/{q.deadline[0]:02d}.")
    lines += ["", "Dòng ví dụ (không chép sang trang tính «Danh sách» nếu không đúng thực tế):"]
    for r, text in enumerate(lines, start=1):
        ws.cell(r, 1, text).font = bold if r == 1 else normal
    ws.column_dimensions["A"].width = 110
    example_row = len(lines) + 1
    for col, spec in enumerate(COLUMNS, start=1):
        ws.cell(example_row, col + 1, spec.header).font = bold
    example = ["1", "Nguyễn Văn An", INDIVIDUAL, "12/03/1980", "Nông dân, ấp Nội Ô, xã Ninh Quới",
               plan.fields[0], "Mô hình lúa - tôm cho thu nhập 300 triệu đồng/năm",
               "Tham quan, học tập; hỗ trợ giống; giới thiệu trên đài truyền thanh xã"]
    for col, value in enumerate(example, start=2):
        ws.cell(example_row + 1, col, value).font = Font(name="Times New Roman", italic=True, size=12)


# ---------------------------------------------------------------- reader

def read_registration(path: Path, plan: Plan, *, known_units: set[str] | None = None,
                      display_name: str | None = None) -> Registration:
    """Read one unit's workbook; raise DataError listing every problem in it."""
    path = Path(path)
    file = display_name or path.name
    wb = open_workbook(path, file)
    if LIST_SHEET not in wb.sheetnames:
        raise DataError([Problem(file, f"không có trang tính «{LIST_SHEET}» (đang có: {', '.join(wb.sheetnames)}).")])
    ws = wb[LIST_SHEET]
    problems: list[Problem] = []
    cells = CellReader(file, LIST_SHEET, problems)
    problems += sheet_problems(wb, ws, file, HEADER_ROW)

    info = _read_info(ws, cells, known_units)
    header_row, columns = _find_columns(ws, cells)
    entries: list[Entry] = []
    if header_row is not None:
        for row in ws.iter_rows(min_row=header_row + 1):
            if all(c.value is None or (isinstance(c.value, str) and not c.value.strip()) for c in row):
                continue
            if ws.row_dimensions[row[0].row].hidden:
                problems.append(Problem(file, "dòng này đang bị ẩn; hãy hiện dòng (hoặc xóa hẳn nếu không đăng ký).",
                                        LIST_SHEET, row[0].row))
                continue
            entry = _read_entry(row[0].row, ws, columns, cells, plan)
            if entry:
                entries.append(entry)
        if not entries and not problems:
            problems.append(Problem(file, "danh sách chưa có dòng nào.", LIST_SHEET, header_row + 1))
    if problems:
        raise DataError(problems)
    return Registration(unit=info["unit"], year=info["year"], sent=info["sent"], source=str(path),
                        entries=tuple(entries), sent_cell=info["_sent_cell"])


def _read_info(ws, cells: CellReader, known_units) -> dict:
    info = {}
    labels = {match_key(label): (key, kind) for label, key, kind in INFO}
    found = {}
    for row in ws.iter_rows(min_row=2, max_row=HEADER_ROW - 1, max_col=1):
        key = labels.get(match_key(str(row[0].value or "")))
        if key:
            found[key[0]] = (row[0].row, key[1])
    for label, key, kind in INFO:
        if key not in found:
            cells.problems.append(Problem(cells.file, f"thiếu dòng «{label}» phía trên bảng.", cells.sheet))
            info[key] = None
            continue
        cell = ws.cell(found[key][0], 3)
        header = label.rstrip(":")
        if kind == "int":
            info[key] = cells.integer(cell, header)
        elif kind == "date":
            info[key] = cells.date(cell, header)
        else:
            info[key] = cells.text(cell, header, required=(key == "unit"))
    info["_sent_cell"] = (found["sent"][0], "C") if "sent" in found else (0, "")
    if info.get("unit") and known_units is not None and info["unit"] not in known_units:
        cells.problem(ws.cell(found["unit"][0], 3), f"mã đơn vị «{info['unit']}» không có trong danh mục đơn vị của tỉnh.",
                      "Mã đơn vị")
    return info


def _find_columns(ws, cells: CellReader):
    """Locate the header row (by its 'STT' cell) and map each expected column."""
    header_row = None
    for row in ws.iter_rows(min_row=1, max_row=30, max_col=1):
        if isinstance(row[0].value, str) and header_key(row[0].value) == "stt":
            header_row = row[0].row
            break
    if header_row is None:
        cells.problems.append(Problem(cells.file, "không tìm thấy dòng tiêu đề của bảng (ô «STT» ở cột A).", cells.sheet))
        return None, {}
    present = {}
    for cell in ws[header_row]:
        if isinstance(cell.value, str) and cell.value.strip():
            present[header_key(cell.value)] = cell
    columns = {}
    for position, spec in enumerate(COLUMNS, start=1):
        cell = present.get(header_key(spec.header))
        if cell is not None:
            columns[spec.key] = cell.column
            continue
        at = ws.cell(header_row, position)
        expected = {header_key(c.header) for c in COLUMNS}
        if isinstance(at.value, str) and at.value.strip() and header_key(at.value) not in expected:
            cells.problem(at, f"tiêu đề cột «{clean(at.value)}» không đúng mẫu; cần là «{spec.header}».")
        else:
            cells.problems.append(Problem(cells.file, f"thiếu cột «{spec.header}» ở dòng tiêu đề.", cells.sheet, header_row))
    _refuse_extra_columns(ws, cells, header_row, columns)
    return header_row, columns


def _refuse_extra_columns(ws, cells: CellReader, header_row: int, columns: dict) -> None:
    """A column inserted into the table would be dropped in silence: name it, with what it holds."""
    expected = {header_key(c.header) for c in COLUMNS}
    known = set(columns.values())
    for cell in ws[header_row]:
        if cell.column in known or cells.already_reported(cell):
            continue
        header = clean(str(cell.value)) if cell.value is not None else ""
        if header and header_key(header) in expected:
            continue
        filled = [r for r in range(header_row + 1, ws.max_row + 1) if ws.cell(r, cell.column).value not in (None, "")]
        if header:
            cells.problem(cell, f"cột «{header}» không có trong mẫu; dữ liệu của cột này sẽ không được đọc: hãy xóa "
                                f"cột hoặc chuyển dữ liệu sang cột đúng.")
        elif filled:
            cells.problem(ws.cell(filled[0], cell.column), "ô có dữ liệu trong một cột không có tiêu đề; dữ liệu này "
                                                           "sẽ không được đọc: hãy xóa hoặc chuyển sang cột đúng.")


def _read_entry(r: int, ws, columns: dict, cells: CellReader, plan: Plan) -> Entry | None:
    before = len(cells.problems)
    values = {}
    for spec in COLUMNS:
        if spec.key not in columns:
            values[spec.key] = None
            continue
        cell = ws.cell(r, columns[spec.key])
        if spec.kind == "int":
            values[spec.key] = cells.integer(cell, spec.header)
        elif spec.kind == "kind":
            values[spec.key] = cells.choice(cell, plan.kinds, spec.header)
        elif spec.kind == "field":
            values[spec.key] = cells.choice(cell, plan.fields, spec.header)
        elif spec.kind == "date":
            values[spec.key] = cells.date(cell, spec.header, required=False)
        else:
            values[spec.key] = cells.text(cell, spec.header, required=spec.required, max_length=spec.max_length)
    if values["kind"] == INDIVIDUAL and "birth_date" in columns:
        cell = ws.cell(r, columns["birth_date"])
        if values["birth_date"] is None and not cells.already_reported(cell):
            cells.problem(cell, "cá nhân phải ghi ngày sinh (dd/mm/yyyy).", "Ngày sinh")
        elif values["birth_date"] and not (1900 <= values["birth_date"].year <= dt.date.today().year - 14):
            cells.problem(cell, f"ngày sinh {values['birth_date']:%d/%m/%Y} không hợp lý.", "Ngày sinh")
    if len(cells.problems) > before:
        return None
    return Entry(row=r, name=values["name"], kind=values["kind"], birth_date=values["birth_date"],
                 position=values["position"], field=values["field"], achievements=values["achievements"],
                 measures=values["measures"])
