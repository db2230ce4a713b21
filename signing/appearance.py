"""Appearances written directly: filled number/date fields and text-only signature stamps.

pyHanko's text stamps space glyphs poorly (spec 06), and these appearances hold
only numbers, notations (ký hiệu), dates and ISO times, so they are drawn here:
one subset TrueType font per style (Times New Roman's metric twin), embedded
once per update, WinAnsi plus Đ/đ and the lower-case Vietnamese letters through
glyph names, widths from the font.
"""
from __future__ import annotations

import io
import logging
import unicodedata
from functools import lru_cache

from fontTools import subset
from fontTools.ttLib import TTFont
from pyhanko.pdf_utils import generic



def _vietnamese_lower() -> list[str]:
    """Every lower-case Vietnamese letter with a diacritic (66), composed: what a date line can hold."""
    marks = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng
    out = []
    for base in "aăâeêioôơuưy":
        if base not in "aeiouy":
            out.append(base)
        out += [unicodedata.normalize("NFC", base + m) for m in marks]
    return out


# Printable ASCII, then Đ and đ at codes 128 and 129 (named /Dcroat, /dcroat), then the lower-case Vietnamese
# letters ("ngày … tháng … năm …") from 130 under their AGL names ("uni" and four hex digits), then any other
# letter the font's texts hold (the capitals of an annex reference: "Ủy ban"), up to code 255.
BASE_EXTRA = ("Đ", "đ", *_vietnamese_lower())
ASCII = "".join(chr(c) for c in range(32, 127))
FIRST = 32
logging.getLogger("fontTools.subset").setLevel(logging.ERROR)  # "FFTM NOT subset" notices


def _glyph_name(ch: str) -> str:
    return {"Đ": "/Dcroat", "đ": "/dcroat"}.get(ch, f"/uni{ord(ch):04X}")


def extras_for(text: str) -> tuple[str, ...]:
    more = sorted({c for c in text if not 32 <= ord(c) < 127 and c not in BASE_EXTRA})
    extras = BASE_EXTRA + tuple(more)
    if 128 + len(extras) > 256:
        raise ValueError(f"appearance text holds too many distinct letters for one font: {''.join(more)!r}")
    return extras


@lru_cache(maxsize=None)
def _subset(path: str, extras: tuple[str, ...]) -> tuple[bytes, dict]:
    """The font cut down to ASCII and `extras`, and the metrics the PDF needs (computed once per character set)."""
    chars = ASCII + "".join(extras)
    codes = {ch: 128 + i for i, ch in enumerate(extras)}
    font = TTFont(path)
    opts = subset.Options()
    opts.name_IDs, opts.notdef_outline, opts.layout_features = ["*"], True, []
    sub = subset.Subsetter(opts)
    sub.populate(text=chars)
    sub.subset(font)
    buf = io.BytesIO()
    font.save(buf)
    scale = 1000 / font["head"].unitsPerEm
    cmap, hmtx = font.getBestCmap(), font["hmtx"]
    widths = {code: 0.0 for code in range(FIRST, 128 + len(extras))}
    for ch in chars:
        if ord(ch) in cmap:
            widths[codes.get(ch, ord(ch))] = hmtx[cmap[ord(ch)]][0] * scale
    head, os2 = font["head"], font["OS/2"]
    return buf.getvalue(), {
        "widths": widths, "name": font["name"].getDebugName(6).replace(" ", ""),
        "bbox": [round(v * scale) for v in (head.xMin, head.yMin, head.xMax, head.yMax)],
        "italic_angle": font["post"].italicAngle, "ascent": round(os2.sTypoAscender * scale),
        "descent": round(os2.sTypoDescender * scale), "cap": round(getattr(os2, "sCapHeight", 662) * scale),
    }


def _n(name: str):
    return generic.pdf_name(name)


class EmbeddedFont:
    """A subset TrueType font registered once with a writer; `text`: what it will draw, beyond dates and names."""

    def __init__(self, writer, ttf_path: str, tag: str, text: str = ""):
        extras = extras_for(text)
        self.codes = {ch: 128 + i for i, ch in enumerate(extras)}
        data, m = _subset(ttf_path, extras)
        self.widths = m["widths"]
        self.cap_height = m["cap"] / 1000
        base = f"{tag}+{m['name']}"
        stream = generic.StreamObject({_n("/Length1"): generic.NumberObject(len(data))}, stream_data=data)
        stream.compress()
        descriptor = generic.DictionaryObject({
            _n("/Type"): _n("/FontDescriptor"),
            _n("/FontName"): _n("/" + base),
            _n("/Flags"): generic.NumberObject(32 | 2 | (64 if m["italic_angle"] else 0)),  # nonsymbolic, serif
            _n("/FontBBox"): generic.ArrayObject([generic.NumberObject(v) for v in m["bbox"]]),
            _n("/ItalicAngle"): generic.FloatObject(m["italic_angle"]),
            _n("/Ascent"): generic.NumberObject(m["ascent"]),
            _n("/Descent"): generic.NumberObject(m["descent"]),
            _n("/CapHeight"): generic.NumberObject(m["cap"]),
            _n("/StemV"): generic.NumberObject(80),
            _n("/FontFile2"): writer.add_object(stream),
        })
        differences = [generic.NumberObject(128)] + [_n(_glyph_name(ch)) for ch in extras]
        last = 127 + len(extras)
        self.ref = writer.add_object(generic.DictionaryObject({
            _n("/Type"): _n("/Font"),
            _n("/Subtype"): _n("/TrueType"),
            _n("/BaseFont"): _n("/" + base),
            _n("/FirstChar"): generic.NumberObject(FIRST),
            _n("/LastChar"): generic.NumberObject(last),
            _n("/Widths"): generic.ArrayObject([generic.FloatObject(round(self.widths[c], 3))
                                                for c in range(FIRST, last + 1)]),
            _n("/Encoding"): generic.DictionaryObject({_n("/Type"): _n("/Encoding"),
                                                       _n("/BaseEncoding"): _n("/WinAnsiEncoding"),
                                                       _n("/Differences"): generic.ArrayObject(differences)}),
            _n("/FontDescriptor"): writer.add_object(descriptor),
        }))

    def code_of(self, ch: str) -> int:
        if ch in self.codes:
            return self.codes[ch]
        if 32 <= ord(ch) < 127:
            return ord(ch)
        raise ValueError(f"appearance text holds a letter its font was not made for: {ch!r}")

    def width(self, text: str, size: float) -> float:
        return sum(self.widths[self.code_of(c)] for c in text) * size / 1000

    def encode(self, text: str) -> bytes:
        raw = bytes(self.code_of(c) for c in text)
        return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def text_appearance(writer, font: EmbeddedFont, lines: list[str], width: float, height: float, size: float,
                    *, centred: bool = True, left: float | None = None, opaque: bool = False):
    """A form XObject with the lines (black), centred in the box, on one line from `left`, or from its top left.
    `opaque`: on a white ground, covering the blank line the text replaces ("Số:      /KH-UBND")."""
    leading = size * 1.15
    ground = [f"q 1 g 0 0 {width:.2f} {height:.2f} re f Q".encode()] if opaque else []
    ops = [b"/Tx BMC", *ground, b"q BT", f"/F1 {size:g} Tf 0 g".encode()]
    if left is not None and len(lines) == 1:
        x, y = left, (height - font.cap_height * size) / 2
    elif centred and len(lines) == 1:
        x = (width - font.width(lines[0], size)) / 2
        y = (height - font.cap_height * size) / 2
    else:
        x, y = 0.0, height - size
    ops.append(f"{x:.2f} {y:.2f} Td {leading:.2f} TL".encode())
    for i, line in enumerate(lines):
        ops.append((b"" if i == 0 else b"T* ") + b"(" + font.encode(line) + b") Tj")
    ops.append(b"ET Q EMC")
    stream = generic.StreamObject({
        _n("/Type"): _n("/XObject"),
        _n("/Subtype"): _n("/Form"),
        _n("/BBox"): generic.ArrayObject([generic.FloatObject(0), generic.FloatObject(0),
                                          generic.FloatObject(width), generic.FloatObject(height)]),
        _n("/Resources"): generic.DictionaryObject({_n("/Font"): generic.DictionaryObject({_n("/F1"): font.ref})}),
    }, stream_data=b" ".join(ops))
    return writer.add_object(stream)
