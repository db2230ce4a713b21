"""Versioned schema changes: numbered SQL files applied in order, the version kept in `schema_version`.

Each backend runs `pending()` inside one transaction, under its own lock, so two
processes opening a new register never apply a migration twice.
"""
from __future__ import annotations

from importlib.resources import files

VERSION_TABLE = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"


def migrations(package: str = "dispatch.register") -> list[tuple[int, list[str]]]:
    """(version, statements) for every file of the package's migrations/, in order."""
    out = []
    for item in sorted(files(package).joinpath("migrations").iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".sql"):
            continue
        version = int(item.name.split("_", 1)[0])
        text = "\n".join(line for line in item.read_text(encoding="utf-8").splitlines()
                         if not line.lstrip().startswith("--"))
        out.append((version, [s.strip() for s in text.split(";") if s.strip()]))
    return out


def latest(package: str = "dispatch.register") -> int:
    return migrations(package)[-1][0]


def pending(current: int, package: str = "dispatch.register") -> list[tuple[int, list[str]]]:
    return [(v, stmts) for v, stmts in migrations(package) if v > current]
