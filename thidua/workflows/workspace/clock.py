"""Times the workspace records: ISO text in Vietnam time, sortable as text."""
from __future__ import annotations

import datetime as dt
import uuid

from generators.core.clock import now_vn


def stamp(at: dt.datetime | None = None) -> str:
    return (at or now_vn()).isoformat(timespec="microseconds")


def shown(text: str) -> str:
    """dd/mm/yyyy hh:mm for a page."""
    return dt.datetime.fromisoformat(text).strftime("%d/%m/%Y %H:%M") if text else ""


def new_id() -> str:
    return uuid.uuid4().hex
