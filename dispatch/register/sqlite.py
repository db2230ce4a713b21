"""The register in one SQLite file (the default).

Opening is race-free: the journal mode (WAL) and the migrations are applied
under an exclusive lock on `<file>.lock`, never by two processes at once
(`PRAGMA journal_mode=WAL` on a new database otherwise fails with "database is
locked" whatever the busy timeout). Every statement then waits on the busy timeout.
"""
from __future__ import annotations

import fcntl
import os
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path

from dispatch.errors import RegisterError
from dispatch.register.api import SqlRegister


@contextmanager
def _file_lock(path: Path, timeout: float):
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise RegisterError(f"Sổ đăng ký {path.with_suffix('')} đang bị một tiến trình khác mở quá "
                                        f"{timeout:.0f} giây; hãy thử lại.") from None
                time.sleep(0.01)
        yield
    finally:
        os.close(fd)  # releases the lock


@contextmanager
def immediate_transaction(db: sqlite3.Connection):
    """BEGIN IMMEDIATE on a connection in autocommit mode: the write lock at once, released at commit or rollback."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


class SqliteRegister(SqlRegister):
    placeholder = "?"

    def __init__(self, path: Path, timeout: float = 120.0):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
            self._db.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
            with _file_lock(Path(f"{self.path}.lock"), timeout):
                (mode,) = self._db.execute("PRAGMA journal_mode").fetchone()
                if mode.lower() != "wal":
                    self._db.execute("PRAGMA journal_mode=WAL")
                with self._transaction():
                    self._apply_migrations()
            self._db.execute("PRAGMA synchronous=FULL")
        except sqlite3.DatabaseError as exc:
            raise RegisterError(f"Không mở được sổ đăng ký {self.path}: {exc}.") from None

    def _transaction(self):
        """A write transaction taken at once (BEGIN IMMEDIATE): the register's lock until commit or rollback."""
        return immediate_transaction(self._db)

    def _locked(self, key: str):
        return self._transaction()  # SQLite has one writer: the transaction is the lock, whatever the key
