"""The audit log: who did what, when, to which object, with the file's checksum. Never a secret."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import openpyxl

from generators.workbooks.cells import put
from thidua.workflows.workspace.accounts import Account
from thidua.workflows.workspace.clock import new_id, shown, stamp
from thidua.workflows.workspace.database import Database


@dataclass(frozen=True)
class AuditEntry:
    at: str
    username: str
    role: str
    action: str
    object: str
    sha256: str


def record(db: Database, who: Account | None, action: str, obj: str, sha256: str = "") -> None:
    db.run("INSERT INTO audit (id, at, username, role, action, object, sha256) VALUES (?,?,?,?,?,?,?)",
           (new_id(), stamp(), who.username if who else "", who.role if who else "", action, obj, sha256))


def entries(db: Database, limit: int | None = None) -> list[AuditEntry]:
    sql = "SELECT at, username, role, action, object, sha256 FROM audit ORDER BY at DESC"
    rows = db.rows(sql + (f" LIMIT {int(limit)}" if limit else ""))
    return [AuditEntry(**r) for r in rows]


HEADINGS = ("Thời gian", "Tài khoản", "Vai trò", "Thao tác", "Đối tượng", "SHA-256")


def export_xlsx(db: Database, out: Path) -> Path:
    """The whole log as a workbook; every cell text, never a formula (names and reasons are users' input)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Nhật ký"
    for col, heading in enumerate(HEADINGS, 1):
        put(ws, 1, col, heading)
    for row, e in enumerate(reversed(entries(db)), 2):
        for col, value in enumerate((shown(e.at), e.username, e.role, e.action, e.object, e.sha256), 1):
            put(ws, row, col, value)
    wb.save(out)
    return out
