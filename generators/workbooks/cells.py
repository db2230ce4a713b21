"""Typed reading of a worksheet's cells: every bad cell becomes a Problem naming its row, column and header."""
from __future__ import annotations

import datetime as dt
import re

from openpyxl.utils import get_column_letter

from generators.core.errors import Problem
from generators.core.text import clean, control_characters, looks_legacy_encoded, match_key, nfc


def header_key(text: str) -> str:
    """A column header as matched: required-field stars dropped, case and spacing ignored."""
    return match_key(re.sub(r"\(\*\)|\*", "", text))


class CellReader:
    """Reads typed values from cells, recording a Problem for each bad one."""

    MAX_LENGTH = 2000  # characters in one cell; a longer text is a mistake (or an attack), not a name

    def __init__(self, file: str, sheet: str, problems: list[Problem]):
        self.file, self.sheet, self.problems = file, sheet, problems

    def problem(self, cell, message: str, header: str | None = None) -> None:
        # get_column_letter: a merged cell has no column_letter of its own
        self.problems.append(Problem(self.file, message, self.sheet, cell.row, get_column_letter(cell.column),
                                     header))

    def raw(self, cell, header=None):
        """The cell's value, or None after recording why it cannot be used."""
        if cell.data_type == "f" or (isinstance(cell.value, str) and cell.value.startswith("=")):
            self.problem(cell, f"ô chứa công thức «{cell.value}»; hãy nhập giá trị cố định (dán đặc biệt → giá trị).", header)
            return None
        value = cell.value
        if isinstance(value, str):
            controls = control_characters(value)
            if controls:
                self.problem(cell, f"ô chứa ký tự điều khiển không in được ({', '.join(controls[:3])}); hãy gõ lại "
                                   "nội dung ô (thường do dán từ phần mềm khác).", header)
                return None
            if len(value) > self.MAX_LENGTH:
                self.problem(cell, f"ô dài {len(value)} ký tự, quá giới hạn {self.MAX_LENGTH} ký tự.", header)
                return None
            if looks_legacy_encoded(value):
                self.problem(cell, f"chữ «{value}» có vẻ được gõ bằng bảng mã cũ (TCVN3 hoặc VNI); "
                                   "hãy chuyển sang Unicode (Unikey: Công cụ chuyển mã) rồi gửi lại.", header)
                return None
            value = clean(value)
            if not value:
                return None
        return value

    def text(self, cell, header=None, required=True, max_length: int | None = None) -> str | None:
        value = self.raw(cell, header)
        if isinstance(value, str) and max_length and len(value) > max_length:
            self.problem(cell, f"ô dài {len(value)} ký tự, quá giới hạn {max_length} ký tự của cột này.", header)
            return None
        if value is None:
            if required and not self.already_reported(cell):
                self.problem(cell, "ô bắt buộc đang để trống.", header)
            return None
        if isinstance(value, (dt.date, dt.datetime)):
            return value.strftime("%d/%m/%Y")
        return nfc(str(value)) if not isinstance(value, str) else value

    def integer(self, cell, header=None) -> int | None:
        value = self.raw(cell, header)
        if value is None:
            if not self.already_reported(cell):
                self.problem(cell, "ô bắt buộc đang để trống.", header)
            return None
        if isinstance(value, bool) or not (isinstance(value, int) or (isinstance(value, float) and value.is_integer())
                                           or (isinstance(value, str) and value.isdigit())):
            self.problem(cell, f"cột này phải là số nguyên, đang ghi «{value}».", header)
            return None
        return int(value)

    def date(self, cell, header=None, required=True) -> dt.date | None:
        value = self.raw(cell, header)
        if value is None:
            if required and not self.already_reported(cell):
                self.problem(cell, "ô bắt buộc đang để trống.", header)
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", str(value))
        if not m:
            self.problem(cell, f"không đọc được ngày «{value}»; hãy ghi theo dạng dd/mm/yyyy.", header)
            return None
        day, month, year = (int(x) for x in m.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            self.problem(cell, f"ngày «{value}» không tồn tại.", header)
            return None

    def choice(self, cell, allowed, header=None) -> str | None:
        value = self.text(cell, header)
        if value is None:
            return None
        by_key = {match_key(a): a for a in allowed}
        if match_key(value) not in by_key:
            self.problem(cell, f"«{value}» không có trong danh mục; chọn một trong: {', '.join(allowed)}.", header)
            return None
        return by_key[match_key(value)]

    def already_reported(self, cell) -> bool:
        return any(p.row == cell.row and p.column == get_column_letter(cell.column) and p.sheet == self.sheet
                   for p in self.problems)


# A text starting with one of these (after spaces) is read as a formula by spreadsheet programs.
_FORMULA_START = ("=", "+", "-", "@")
_LEADING_SPACE = " \t\r\n\u00a0\u2007\u202f\u3000"


def put(ws, row: int, column: int, value):
    """Write a value to a cell; text is always stored as text, never as a formula (untrusted names)."""
    cell = ws.cell(row, column)
    cell.value = value
    if isinstance(value, str) and value.lstrip(_LEADING_SPACE).startswith(_FORMULA_START):
        cell.data_type = "s"
    return cell
