"""A records office clerk in a separate process, issuing documents in a loop (for the concurrency tests)."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from dispatch.issuance import IssueRequest, issue
from dispatch.register import open_register as Register
from signing.keys import Pkcs12Key, load_pkcs12


def issue_many(signed: str, p12: str, seal: str, register: str, out_dir: str, tag: str, count: int,
               issuer: str) -> None:
    org = load_pkcs12(Pkcs12Key(Path(p12)), os.environ["THIDUA_KEY_PASSWORD"].encode())
    reg = Register(register)
    try:
        for i in range(count):
            out = Path(out_dir) / f"{tag}-{i:03d}.pdf"
            issue(reg, IssueRequest(Path(signed), out, issuer, "KH-UBND", dt.date(2024, 1, 15), "Kế hoạch", "Lãnh đạo",
                                    "Ủy ban nhân dân xã Lộc Ninh", "Lộc Ninh", Path(seal), printed_year=2024), org)
    finally:
        reg.close()
