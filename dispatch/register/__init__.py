"""The outgoing register behind one interface: SQLite (a file, the default) or PostgreSQL (by URL)."""
from __future__ import annotations

from pathlib import Path

from dispatch.register.api import Allocation, Register
from dispatch.register.sqlite import SqliteRegister

__all__ = ["Allocation", "Register", "SqliteRegister", "open_register", "is_server_url"]


def is_server_url(target: str | Path) -> bool:
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


def open_register(target: str | Path, timeout: float = 120.0) -> Register:
    """`postgresql://…` opens the PostgreSQL register; `sqlite:///path` or a plain path opens a SQLite file."""
    if is_server_url(target):
        from dispatch.register.postgres import PostgresRegister

        return PostgresRegister(str(target), timeout)
    text = str(target)
    if text.startswith("sqlite:///"):
        text = text.removeprefix("sqlite://")
    return SqliteRegister(Path(text), timeout)
