"""The workspace's database: one connection shared by the server's threads, statements written with `?`.

SQLite (a file, WAL) is the embedded default; `postgresql://…` opens a server database with the same
migrations (dispatch.register.schema reads both packages' numbered files)."""
from __future__ import annotations

import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path

from dispatch.register import schema
from dispatch.register.postgres import redact
from dispatch.register.sqlite import immediate_transaction
from generators.core.errors import ThiduaError

MIGRATIONS = "thidua.workflows.workspace"


class WorkspaceDbError(ThiduaError):
    """The workspace's database cannot be opened or used."""


class Database:
    def __init__(self, target: str | Path):
        self._lock = threading.RLock()
        text = str(target)
        self.is_postgres = text.startswith(("postgresql://", "postgres://"))
        try:
            if self.is_postgres:
                import psycopg

                self._db = psycopg.connect(text, autocommit=True, connect_timeout=10)
                self._errors = (psycopg.Error,)
            else:
                path = Path(text.removeprefix("sqlite://"))
                path.parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
                self._db.execute("PRAGMA journal_mode=WAL")
                self._errors = (sqlite3.Error,)
            with self.transaction():
                self._migrate()
        except ImportError:
            raise WorkspaceDbError("Cơ sở dữ liệu PostgreSQL cần gói psycopg: pip install 'thidua[postgresql]'.") \
                from None
        except Exception as exc:
            if isinstance(exc, WorkspaceDbError) or not isinstance(exc, getattr(self, "_errors", ())):
                raise
            shown = redact(text) if self.is_postgres else text
            raise WorkspaceDbError(f"Không mở được cơ sở dữ liệu {shown}: {str(exc).strip()}.") from None

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.is_postgres else sql

    def _migrate(self) -> None:
        self._db.execute(schema.VERSION_TABLE)
        row = self._db.execute("SELECT MAX(version) FROM schema_version").fetchone()
        current = row[0] or 0
        for version, statements in schema.pending(current, MIGRATIONS):
            for sql in statements:
                self._db.execute(sql)
            current = version
        self._db.execute("DELETE FROM schema_version")
        self._db.execute(self._sql("INSERT INTO schema_version (version) VALUES (?)"), (current,))

    @contextmanager
    def transaction(self):
        with self._lock:
            if self.is_postgres:
                with self._db.transaction():
                    yield
                return
            with immediate_transaction(self._db):
                yield

    def run(self, sql: str, params: tuple = ()) -> int:
        """Run one statement; the number of rows it changed."""
        with self._lock:
            cur = self._db.execute(self._sql(sql), params)
            return cur.rowcount

    def rows(self, sql: str, params: tuple = ()) -> list[dict]:
        with self._lock:
            cur = self._db.execute(self._sql(sql), params)
            names = [d[0] for d in cur.description]
            return [dict(zip(names, r)) for r in cur.fetchall()]

    def one(self, sql: str, params: tuple = ()) -> dict | None:
        found = self.rows(sql, params)
        return found[0] if found else None

    def close(self) -> None:
        with self._lock:
            self._db.close()
