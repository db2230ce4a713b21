"""Typed tables in workbooks: one header row, one record per row, every bad cell reported at once.

Used by the achievement records, proposals and council workbooks; the
registration list keeps its own layout (generators/excel.py), whose cell
checks this reuses.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from generators.core.errors import DataError, Problem
from generators.core.files import atomic_path
from generators.workbooks.cells import CellReader, header_key, put


@dataclass(frozen=True)
class Col:
    key: str
    header: str
    kind: str = "text"  # text, int, date, bool, choice
    required: bool = True
    choices: tuple[str, ...] = ()
    width: int = 18


@dataclass(frozen=True)
class Table:
    sheet: str
    columns: tuple[Col, ...]
    note: str = ""  # instruction shown above the header


HEADER_ROW = 2


def write_tables(path: Path, tables: list[Table], rows: dict[str, list[dict]] | None = None) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for table in tables:
        ws = wb.create_sheet(table.sheet)
        ws.cell(1, 1, table.note).font = Font(italic=True, name="Times New Roman")
        for c, col in enumerate(table.columns, start=1):
            cell = ws.cell(HEADER_ROW, c, col.header)
            cell.font = Font(bold=True, name="Times New Roman")
            cell.fill = PatternFill("solid", fgColor="DDEBF7")
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            ws.column_dimensions[get_column_letter(c)].width = col.width
            if col.choices:
                dv = DataValidation(type="list", formula1='"' + ",".join(col.choices) + '"', allow_blank=not col.required,
                                    showErrorMessage=True, error="Hãy chọn một giá trị trong danh sách.")
                letter = get_column_letter(c)
                dv.add(f"{letter}{HEADER_ROW + 1}:{letter}{HEADER_ROW + 2000}")
                ws.add_data_validation(dv)
        for r, row in enumerate((rows or {}).get(table.sheet, []), start=HEADER_ROW + 1):
            for c, col in enumerate(table.columns, start=1):
                value = row.get(col.key)
                if isinstance(value, bool):
                    value = "Có" if value else "Không"
                cell = put(ws, r, c, value)
                if col.kind == "date":
                    cell.number_format = "DD/MM/YYYY"
        ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)
    with atomic_path(path) as tmp:
        wb.save(tmp)


def read_tables(path: Path, tables: list[Table], display: str | None = None) -> dict[str, list[dict]]:
    """Rows per sheet, each a dict with "_row"; raise DataError with every problem of the file."""
    file = display or Path(path).name
    try:
        wb = openpyxl.load_workbook(path, data_only=False)
    except Exception as exc:
        raise DataError([Problem(file, f"không mở được tệp Excel (.xlsx): {exc}")]) from None
    problems: list[Problem] = []
    out: dict[str, list[dict]] = {}
    for table in tables:
        if table.sheet not in wb.sheetnames:
            problems.append(Problem(file, f"thiếu trang tính «{table.sheet}»."))
            continue
        ws = wb[table.sheet]
        cells = CellReader(file, table.sheet, problems)
        present = {header_key(str(c.value)): c.column for c in ws[HEADER_ROW] if c.value}
        columns = {}
        for col in table.columns:
            if header_key(col.header) in present:
                columns[col.key] = present[header_key(col.header)]
            else:
                problems.append(Problem(file, f"thiếu cột «{col.header}» ở dòng tiêu đề.", table.sheet, HEADER_ROW))
        rows = []
        for row in ws.iter_rows(min_row=HEADER_ROW + 1):
            if all(c.value is None or (isinstance(c.value, str) and not c.value.strip()) for c in row):
                continue
            r = row[0].row
            record = {"_row": r, "_columns": columns}  # key -> column number, to name a cell in a message
            for col in table.columns:
                if col.key not in columns:
                    continue
                cell = ws.cell(r, columns[col.key])
                if col.kind == "int":
                    record[col.key] = cells.integer(cell, col.header) if (cell.value is not None or col.required) \
                        else None
                elif col.kind == "date":
                    record[col.key] = cells.date(cell, col.header, required=col.required)
                elif col.kind == "choice":
                    value = cells.text(cell, col.header, required=col.required)
                    if value is not None and value not in col.choices:
                        cells.problem(cell, f"«{value}» không có trong danh mục; chọn một trong: {', '.join(col.choices)}.",
                                      col.header)
                        value = None
                    record[col.key] = value
                elif col.kind == "bool":
                    value = cells.text(cell, col.header, required=False)
                    record[col.key] = (value or "").strip().lower() in ("có", "x", "1", "đồng ý")
                else:
                    record[col.key] = cells.text(cell, col.header, required=col.required)
            rows.append(record)
        out[table.sheet] = rows
    if problems:
        raise DataError(problems)
    return out
