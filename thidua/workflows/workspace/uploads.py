"""A unit's registration list sent through the workspace: every upload kept, the readable one made current,
the findings located to sheet, row and column with the cell's value."""
from __future__ import annotations

import json
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

from generators.core.errors import DataError
from generators.core.files import atomic_path, sha256
from generators.registration.lists import registrations_dir
from generators.workbooks.registration import read_registration
from generators.workbooks.safety import open_workbook
from thidua.workflows.registration import check
from thidua.workflows.workspace import audit
from thidua.workflows.workspace.accounts import CLERK, Account
from thidua.workflows.workspace.clock import new_id, stamp
from thidua.workflows.workspace.errors import Refused
from thidua.workflows.workspace.space import Workspace


@dataclass(frozen=True)
class Located:
    """One finding as the clerk reads it."""
    rule: str
    message: str
    sheet: str = ""
    row: int | None = None
    column: str = ""
    value: str = ""


@dataclass(frozen=True)
class Upload:
    id: str
    unit: str
    filename: str
    sha256: str
    size: int
    uploaded_by: str
    at: str
    readable: bool
    is_current: bool
    findings: tuple[Located, ...]


def _upload(row: dict) -> Upload:
    found = tuple(Located(**f) for f in json.loads(row["findings_json"] or "[]"))
    return Upload(row["id"], row["unit"], row["filename"], row["sha256"], row["size"], row["uploaded_by"], row["at"],
                  bool(row["readable"]), bool(row["is_current"]), found)


def _values(path: Path, found: list[Located]) -> list[Located]:
    """Each located finding with the text of its cell, as the clerk typed it."""
    wanted = [f for f in found if f.sheet and f.row and f.column]
    if not wanted:
        return found
    try:
        wb = open_workbook(path, path.name)
    except DataError:
        return found
    out = []
    for f in found:
        if f in wanted and f.sheet in wb.sheetnames:
            value = wb[f.sheet][f"{f.column}{f.row}"].value
            f = Located(f.rule, f.message, f.sheet, f.row, f.column, "" if value is None else str(value))
        out.append(f)
    return out


def _clean_name(filename: str) -> str:
    name = Path(filename.replace("\\", "/")).name.strip() or "danh-sach.xlsx"
    return name[:120]


def upload_list(ws: Workspace, who: Account, filename: str, data: bytes) -> Upload:
    """Keep the file in the unit's history; when it reads as the unit's list of the year, make it the current
    list. The findings are the unit's own after every rule of the plan ran over the whole year."""
    if who.role != CLERK:
        raise Refused("Chỉ cán bộ thi đua của đơn vị được gửi danh sách.")
    name = _clean_name(filename)
    upload_id = new_id()
    stored = ws.path("uploads", who.unit, f"{upload_id}.xlsx")
    stored.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(stored) as tmp:
        Path(tmp).write_bytes(data)
    province = ws.province
    found: list[Located] = []
    readable = False
    try:
        reg = read_registration(stored, province.plan, known_units=set(province.units), display_name=name)
    except DataError as exc:
        found = [Located("DU_LIEU", p.message, p.sheet or "", p.row, p.column or "") for p in exc.problems]
    else:
        if reg.unit != who.unit:
            found = [Located("SAI_DON_VI", f"danh sách ghi mã đơn vị «{reg.unit}», không phải đơn vị "
                                           f"{province.unit(who.unit).name} ({who.unit}).")]
        elif reg.year != ws.year:
            found = [Located("SAI_NAM", f"danh sách ghi năm {reg.year}; đang tiếp nhận danh sách năm {ws.year}.")]
        else:
            readable = True
    if readable:
        current = registrations_dir(ws.settings.data, ws.year) / f"{who.unit}.xlsx"
        with atomic_path(current) as tmp:
            shutil.copyfile(stored, tmp)
        found = [Located(f.rule, f.message, f.sheet, f.row, f.column)
                 for f in check(ws.settings, province).findings if f.unit == who.unit]
    found = _values(stored, found)
    digest = sha256(stored)
    with ws.db.transaction():
        if readable:
            ws.db.run("UPDATE uploads SET is_current=0 WHERE unit=? AND year=?", (who.unit, ws.year))
        ws.db.run("INSERT INTO uploads (id, unit, year, filename, stored, sha256, size, uploaded_by, at, readable, "
                  "is_current, findings, findings_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                  (upload_id, who.unit, ws.year, name, ws.relative(stored), digest, len(data), who.username, stamp(),
                   int(readable), int(readable), len(found), json.dumps([asdict(f) for f in found],
                                                                        ensure_ascii=False)))
        audit.record(ws.db, who, "Tải lên danh sách đăng ký" + ("" if readable else " (không đọc được)"),
                     f"{who.unit}: {name}", digest)
    return history(ws, who.unit)[0]


def history(ws: Workspace, unit: str) -> list[Upload]:
    """The unit's uploads of the year, newest first."""
    return [_upload(r) for r in ws.db.rows("SELECT * FROM uploads WHERE unit=? AND year=? ORDER BY at DESC",
                                           (unit, ws.year))]


def current(ws: Workspace, unit: str) -> Upload | None:
    return next((u for u in history(ws, unit) if u.is_current), None)
