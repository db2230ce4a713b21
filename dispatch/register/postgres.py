"""The register on PostgreSQL, for a province-wide server shared by many records offices.

Migrations run under a transaction-level advisory lock; each allocation takes an
advisory lock for its issuer, year and sequence, so offices of different agencies
never wait on each other. A killed issuer's connection ends, and the server rolls
its transaction back and releases its lock.
"""
from __future__ import annotations

from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit

from dispatch.errors import RegisterError
from dispatch.register.api import SqlRegister

_MIGRATION_LOCK = 0x7468696475610001  # "thidua" + 1: one constant for every register on a server


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}" if parts.username else host))


class PostgresRegister(SqlRegister):
    placeholder = "%s"

    def __init__(self, url: str, timeout: float = 120.0):
        try:
            import psycopg
        except ImportError:
            raise RegisterError("Sổ đăng ký trên PostgreSQL cần gói psycopg: pip install 'thidua[postgresql]'.") \
                from None
        self.url = url
        try:
            self._db = psycopg.connect(url, autocommit=True, connect_timeout=10)
            self._db.execute(f"SET lock_timeout = {int(timeout * 1000)}")
            with self._db.transaction():
                self._db.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
                self._apply_migrations()
        except psycopg.Error as exc:
            raise RegisterError(f"Không mở được sổ đăng ký {redact(url)}: {str(exc).strip()}.") from None

    @contextmanager
    def _locked(self, key: str):
        with self._db.transaction():
            self._db.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (key,))
            yield
