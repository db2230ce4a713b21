"""Make LibreOffice's PDF reproducible: creation time from the data, /ID from the content.

Only equal-length byte replacements, so every offset in the cross-reference table
stays right. Done before any signature (nothing may rewrite a signed file).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from pathlib import Path

_INFO_DATE = re.compile(rb"/CreationDate\(D:(\d{14})([^)]*)\)")
_XMP_DATE = re.compile(rb"<xmp:CreateDate>(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)")
_ID = re.compile(rb"/ID \[ ?<([0-9A-Fa-f]{32})>\s*<([0-9A-Fa-f]{32})> ?\]")


def normalize_pdf(path: Path, created: dt.datetime) -> None:
    data = Path(path).read_bytes()
    stamp = created.strftime("%Y%m%d%H%M%S").encode()
    data = _INFO_DATE.sub(lambda m: b"/CreationDate(D:" + stamp + m.group(2) + b")", data)
    iso = created.strftime("%Y-%m-%dT%H:%M:%S").encode()
    data = _XMP_DATE.sub(lambda m: b"<xmp:CreateDate>" + iso, data)
    zeroed = _ID.sub(lambda m: m.group(0).replace(m.group(1), b"0" * 32).replace(m.group(2), b"0" * 32), data)
    digest = hashlib.md5(zeroed).hexdigest().upper().encode()  # an identifier, not a security measure
    data = _ID.sub(lambda m: m.group(0).replace(m.group(1), digest).replace(m.group(2), digest), data)
    tmp = Path(path).with_name(f".{Path(path).name}.norm.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
