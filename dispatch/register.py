"""The outgoing register (sổ đăng ký văn bản đi, Decree 30/2020 Art. 15-16, spec 05 §1) on SQLite.

Numbers run per issuer, per calendar year and per sequence, from 1. A number is
allocated inside the same write transaction that records the entry, so
concurrent issuers never share one, and a failed or killed issuance rolls back
and consumes none.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS outgoing (
    id INTEGER PRIMARY KEY,
    issuer TEXT NOT NULL,            -- agency code
    year INTEGER NOT NULL,
    sequence TEXT NOT NULL DEFAULT '',  -- '' = the agency's one sequence
    number INTEGER NOT NULL,
    notation TEXT NOT NULL,          -- (1) số, ký hiệu, e.g. 05/KH-UBND
    issued_date TEXT NOT NULL,       -- (2) ISO date
    type_and_subject TEXT NOT NULL,  -- (3) tên loại và trích yếu
    signer TEXT NOT NULL,            -- (4) người ký
    recipients TEXT NOT NULL,        -- (5) nơi nhận, one per line
    file_copy TEXT NOT NULL DEFAULT '',   -- (6) đơn vị, người nhận bản lưu
    copies INTEGER NOT NULL DEFAULT 1,    -- (7) số lượng bản
    dispatched_date TEXT,            -- (8) ngày chuyển
    receipt TEXT,                    -- (9) ký nhận
    note TEXT,                       -- (10) ghi chú
    document TEXT,                   -- path of the issued PDF
    issued_at TEXT NOT NULL,         -- ISO 8601 with +07:00
    UNIQUE (issuer, year, sequence, number),
    UNIQUE (issuer, year, notation)
);
"""


@dataclass
class Entry:
    issuer: str
    year: int
    number: int
    notation: str
    issued_date: dt.date
    type_and_subject: str
    signer: str
    recipients: list[str] = field(default_factory=list)
    file_copy: str = ""
    copies: int = 1
    note: str = ""
    document: str = ""
    issued_at: str = ""
    sequence: str = ""


def format_number(number: int) -> str:
    """1-9 are written 01-09; 10 and above have no padding (spec 02)."""
    return f"{number:02d}"


class Register:
    def __init__(self, path: Path, timeout: float = 120.0):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(SCHEMA)

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def allocation(self, issuer: str, year: int, sequence: str = ""):
        """Hold the register's write lock; yield the next number; commit only if the block succeeds."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            (last,) = self._db.execute(
                "SELECT COALESCE(MAX(number), 0) FROM outgoing WHERE issuer=? AND year=? AND sequence=?",
                (issuer, year, sequence)).fetchone()
            yield _Allocation(self._db, last + 1)
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        else:
            self._db.execute("COMMIT")

    def entries(self, issuer: str | None = None, year: int | None = None) -> list[Entry]:
        query, args = "SELECT issuer, year, number, notation, issued_date, type_and_subject, signer, recipients, " \
                      "file_copy, copies, note, document, issued_at, sequence FROM outgoing WHERE 1=1", []
        if issuer:
            query += " AND issuer=?"
            args.append(issuer)
        if year:
            query += " AND year=?"
            args.append(year)
        rows = self._db.execute(query + " ORDER BY issuer, year, sequence, number", args).fetchall()
        return [Entry(r[0], r[1], r[2], r[3], dt.date.fromisoformat(r[4]), r[5], r[6], r[7].split("\n") if r[7] else [],
                      r[8], r[9], r[10] or "", r[11] or "", r[12], r[13]) for r in rows]


class _Allocation:
    def __init__(self, db, number: int):
        self._db, self.number = db, number

    def record(self, entry: Entry) -> None:
        if entry.number != self.number:
            raise ValueError("the entry must carry the allocated number")
        self._db.execute(
            "INSERT INTO outgoing (issuer, year, sequence, number, notation, issued_date, type_and_subject, signer, "
            "recipients, file_copy, copies, note, document, issued_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (entry.issuer, entry.year, entry.sequence, entry.number, entry.notation, entry.issued_date.isoformat(),
             entry.type_and_subject, entry.signer, "\n".join(entry.recipients), entry.file_copy, entry.copies,
             entry.note, entry.document, entry.issued_at))
