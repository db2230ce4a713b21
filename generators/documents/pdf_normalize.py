"""Make LibreOffice's PDF reproducible: every timestamp from the data, /ID from the content.

LibreOffice writes the conversion time into the Info dictionary, the XMP packet,
the header of the sRGB output-intent profile and a trailer /DocChecksum, and a
random /ID. This runs
before any signature (after the first one nothing may rewrite the file), through
qpdf (pikepdf), which keeps objects as they are and only rewrites the xref.
"""
from __future__ import annotations

import datetime as dt
import re
import struct
import zlib
from pathlib import Path

import pikepdf

from generators.core.files import atomic_path

_XMP_DATES = re.compile(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)[^<]*(<)")


def normalize_pdf(path: Path, created: dt.datetime) -> None:
    """Set every creation time to `created` (aware datetime) and derive /ID from the content."""
    utc = created.astimezone(dt.timezone.utc)
    path = Path(path)
    with pikepdf.open(path) as pdf, atomic_path(path) as tmp:
        for intent in pdf.Root.get("/OutputIntents", []):
            profile = intent.get("/DestOutputProfile")
            if profile is not None:
                data = bytearray(profile.read_bytes())
                data[24:36] = struct.pack(">6H", utc.year, utc.month, utc.day, utc.hour, utc.minute, utc.second)
                profile.write(zlib.compress(bytes(data), 9), filter=pikepdf.Name.FlateDecode)
        stamp = utc.strftime("D:%Y%m%d%H%M%SZ")
        if "/CreationDate" in pdf.docinfo:
            pdf.docinfo["/CreationDate"] = stamp
        if "/ModDate" in pdf.docinfo:
            pdf.docinfo["/ModDate"] = stamp
        for key in ("/DocChecksum", "/ID"):  # LibreOffice's run hash; qpdf would keep the old /ID's half
            if key in pdf.trailer:
                del pdf.trailer[key]
        meta = pdf.Root.get("/Metadata")
        if meta is not None:
            iso = utc.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
            meta.write(_XMP_DATES.sub(lambda m: m.group(1) + iso + m.group(2), meta.read_bytes()))
        pdf.save(tmp, deterministic_id=True, compress_streams=False,
                 object_stream_mode=pikepdf.ObjectStreamMode.preserve)
