"""Appearances of filled number and date fields: text in an embedded Times New Roman subset.

pyHanko's text stamps space glyphs poorly (spec 06), and these fields only ever
hold digits and "/", so the appearance is written directly: one subset TrueType
font per style (WinAnsi, widths from the font's own metrics, as PDF/A asks),
shared by every field of the update, and the text centred on the line.
"""
from __future__ import annotations

import io
import logging
from functools import lru_cache

from fontTools import subset
from fontTools.ttLib import TTFont
from pyhanko.pdf_utils import generic

CHARS = "0123456789/.-"
logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # "FFTM NOT subset" notices


@lru_cache(maxsize=None)
def _subset(path: str) -> tuple[bytes, dict]:
    """The font cut down to CHARS, and the metrics the PDF needs (computed once per process)."""
    font = TTFont(path)
    opts = subset.Options()
    opts.name_IDs, opts.notdef_outline, opts.layout_features = ["*"], True, []
    sub = subset.Subsetter(opts)
    sub.populate(text=CHARS)
    sub.subset(font)
    buf = io.BytesIO()
    font.save(buf)
    units = font["head"].unitsPerEm
    cmap, hmtx = font.getBestCmap(), font["hmtx"]
    first, last = min(map(ord, CHARS)), max(map(ord, CHARS))
    head, os2 = font["head"], font["OS/2"]
    scale = 1000 / units
    return buf.getvalue(), {
        "widths": {c: (hmtx[cmap[c]][0] * scale if c in cmap else 0) for c in range(first, last + 1)},
        "first": first, "last": last, "name": font["name"].getDebugName(6).replace(" ", ""),
        "bbox": [round(v * scale) for v in (head.xMin, head.yMin, head.xMax, head.yMax)],
        "italic_angle": font["post"].italicAngle, "ascent": round(os2.sTypoAscender * scale),
        "descent": round(os2.sTypoDescender * scale), "cap": round(getattr(os2, "sCapHeight", 662) * scale),
    }


class EmbeddedFont:
    """A subset TrueType font registered once with a writer."""

    def __init__(self, writer, ttf_path: str, tag: str):
        data, m = _subset(ttf_path)
        self.widths = m["widths"]
        self.cap_height = m["cap"] / 1000
        first, last = m["first"], m["last"]
        base = f"{tag}+{m['name']}"
        stream = generic.StreamObject({generic.pdf_name("/Length1"): generic.NumberObject(len(data))},
                                      stream_data=data)
        stream.compress()
        descriptor = generic.DictionaryObject({
            generic.pdf_name("/Type"): generic.pdf_name("/FontDescriptor"),
            generic.pdf_name("/FontName"): generic.pdf_name("/" + base),
            generic.pdf_name("/Flags"): generic.NumberObject(32 | 2 | (64 if m["italic_angle"] else 0)),
            generic.pdf_name("/FontBBox"): generic.ArrayObject([generic.NumberObject(v) for v in m["bbox"]]),
            generic.pdf_name("/ItalicAngle"): generic.FloatObject(m["italic_angle"]),
            generic.pdf_name("/Ascent"): generic.NumberObject(m["ascent"]),
            generic.pdf_name("/Descent"): generic.NumberObject(m["descent"]),
            generic.pdf_name("/CapHeight"): generic.NumberObject(m["cap"]),
            generic.pdf_name("/StemV"): generic.NumberObject(80),
            generic.pdf_name("/FontFile2"): writer.add_object(stream),
        })
        self.ref = writer.add_object(generic.DictionaryObject({
            generic.pdf_name("/Type"): generic.pdf_name("/Font"),
            generic.pdf_name("/Subtype"): generic.pdf_name("/TrueType"),
            generic.pdf_name("/BaseFont"): generic.pdf_name("/" + base),
            generic.pdf_name("/FirstChar"): generic.NumberObject(first),
            generic.pdf_name("/LastChar"): generic.NumberObject(last),
            generic.pdf_name("/Widths"): generic.ArrayObject([generic.FloatObject(round(self.widths[c], 3))
                                                              for c in range(first, last + 1)]),
            generic.pdf_name("/Encoding"): generic.pdf_name("/WinAnsiEncoding"),
            generic.pdf_name("/FontDescriptor"): writer.add_object(descriptor),
        }))

    def width(self, text: str, size: float) -> float:
        return sum(self.widths.get(ord(c), 0) for c in text) * size / 1000


def text_appearance(writer, font: EmbeddedFont, text: str, width: float, height: float, size: float):
    """A form XObject drawing `text` centred in a width x height box, baseline where the line's is."""
    if any(c not in CHARS for c in text):
        raise ValueError(f"field text limited to {CHARS!r}: {text!r}")
    x = (width - font.width(text, size)) / 2
    y = (height - font.cap_height * size) / 2
    content = f"/Tx BMC q BT /F1 {size:g} Tf 0 g {x:.2f} {y:.2f} Td ({text}) Tj ET Q EMC".encode("ascii")
    stream = generic.StreamObject({
        generic.pdf_name("/Type"): generic.pdf_name("/XObject"),
        generic.pdf_name("/Subtype"): generic.pdf_name("/Form"),
        generic.pdf_name("/BBox"): generic.ArrayObject([generic.FloatObject(0), generic.FloatObject(0),
                                                        generic.FloatObject(width), generic.FloatObject(height)]),
        generic.pdf_name("/Resources"): generic.DictionaryObject({generic.pdf_name("/Font"): generic.DictionaryObject(
            {generic.pdf_name("/F1"): font.ref})}),
    }, stream_data=content)
    return writer.add_object(stream)
