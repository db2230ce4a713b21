"""Processes that open one register at once, or allocate numbers in a loop (register tests, both backends)."""
from __future__ import annotations

import datetime as dt
import time

from dispatch.record import IssuedDocument, SignerInfo
from dispatch.register import open_register


def entry(issuer: str, number: int, tag: str, sequence: str = "") -> IssuedDocument:
    return IssuedDocument("KH", issuer, "Ủy ban nhân dân xã Lộc Ninh", "Kế hoạch bồi dưỡng", number,
                          f"{number:02d}/KH-UBND{sequence}", dt.date(2024, 3, 1), SignerInfo("Lê Văn A", "CHỦ TỊCH"),
                          ("- UBND huyện Hồng Dân;",), "VT, VP", 1, description=tag, sequence=sequence)


def open_at(target: str, start_at: float) -> None:
    """Open the register at the same instant as the others (the race `PRAGMA journal_mode=WAL` lost)."""
    while time.time() < start_at:
        pass
    open_register(target).close()


def allocate_many(target: str, issuer: str, count: int, tag: str) -> None:
    with open_register(target) as register:
        for _ in range(count):
            with register.allocation(issuer, 2024) as a:
                a.record(entry(issuer, a.number, tag))


def allocate_forever(target: str, issuer: str) -> None:
    """Allocates and holds each number a while before recording it: a SIGKILL lands inside a transaction."""
    with open_register(target) as register:
        while True:
            with register.allocation(issuer, 2024) as a:
                time.sleep(0.01)
                a.record(entry(issuer, a.number, "killed"))
