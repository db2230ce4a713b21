"""Opening a workbook a unit sent: bounded in size, never silently misread (hidden, merged, continued, encrypted)."""
from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

from generators.core.errors import DataError, Problem
from generators.core.text import match_key

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # a list of a few hundred rows unpacks to well under 10 MB
MAX_ROWS = 5000
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .xlsx and old .xls files are OLE compound files


def open_workbook(path: Path, file: str):
    """The workbook, or a DataError saying in Vietnamese why it cannot be read safely."""
    def refuse(message: str):
        raise DataError([Problem(file, message)])

    try:
        size = Path(path).stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        refuse(f"không đọc được tệp: {exc.strerror}.")
    if size > MAX_FILE_BYTES:
        refuse(f"tệp nặng {size // (1024 * 1024)} MB, quá giới hạn {MAX_FILE_BYTES // (1024 * 1024)} MB.")
    if head == _OLE:
        refuse("tệp được đặt mật khẩu hoặc là định dạng Excel cũ (.xls); hãy bỏ mật khẩu và lưu lại dạng "
               "«Excel Workbook (.xlsx)».")
    if not zipfile.is_zipfile(path):
        refuse("không mở được tệp: đây không phải tệp Excel (.xlsx).")
    try:
        with zipfile.ZipFile(path) as z:
            unpacked = sum(i.file_size for i in z.infolist())
    except zipfile.BadZipFile:
        refuse("tệp Excel bị hỏng.")
    if unpacked > MAX_UNPACKED_BYTES:
        refuse(f"tệp giải nén ra {unpacked // (1024 * 1024)} MB, quá giới hạn {MAX_UNPACKED_BYTES // (1024 * 1024)} "
               "MB; không phải một danh sách thông thường.")
    try:
        return openpyxl.load_workbook(path, data_only=False)
    except Exception as exc:  # openpyxl raises many types for a non-workbook
        refuse(f"không mở được tệp Excel (.xlsx): {exc}")


def sheet_problems(wb, ws, file: str, header_row: int) -> list[Problem]:
    """What would make the list be read differently from what the clerk sees or meant."""
    problems = []
    sheet = ws.title
    if ws.sheet_state != "visible":
        problems.append(Problem(file, "trang tính danh sách đang bị ẩn; hãy hiện trang tính, kiểm tra lại rồi gửi.",
                                sheet))
    if ws.max_row > MAX_ROWS:
        problems.append(Problem(file, f"trang tính có {ws.max_row} dòng, quá giới hạn {MAX_ROWS} dòng.", sheet))
    for other in wb.sheetnames:
        if other != sheet and match_key(other).startswith(match_key(sheet)):
            problems.append(Problem(file, f"trang tính «{other}» không được đọc: mọi dòng phải nằm trong trang "
                                          f"«{sheet}»; hãy chuyển các dòng sang đó.", other))
    for rng in ws.merged_cells.ranges:
        if rng.max_row > header_row:
            problems.append(Problem(file, f"các ô {rng.coord} đang được gộp (merge); hãy bỏ gộp để mỗi ô một giá "
                                          f"trị.", sheet, rng.min_row))
    return problems
