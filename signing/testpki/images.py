"""Signature and seal images drawn by code for the sample data (PNG, transparent background).

A leader's handwritten signature in blue and an agency's round seal in red, its name
around the rim, at the seal's real size (Decree 30, Appendix I, II.7-8).
"""
from __future__ import annotations

import hashlib
import math
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from generators.core.files import atomic_path
from generators.core.fonts import font_file

BLUE = (20, 50, 170, 255)
RED = (215, 25, 32, 255)
DPI = 300

def _font(name: str, px: int):
    return ImageFont.truetype(str(font_file(name)), px)


def _save(img: Image.Image, path: Path, dpi: int) -> Path:
    with atomic_path(path) as tmp:
        img.save(tmp, format="PNG", dpi=(dpi, dpi))
    return Path(path)


def signature_png(name: str, path: Path, width_mm: float = 50, height_mm: float = 20) -> Path:
    """A flowing blue scribble seeded by the name: the given name's initial, strokes, an underline."""
    w, h = round(width_mm / 25.4 * DPI), round(height_mm / 25.4 * DPI)
    img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    rng = random.Random(int(hashlib.sha256(name.encode("utf-8")).hexdigest(), 16))
    given = name.split()[-1]
    font = _font("LiberationSerif-BoldItalic.ttf", int(h * 0.62))
    draw.text((w * 0.08, h * 0.08), given[0], font=font, fill=BLUE)
    # A smooth stroke: a sum of sines through the width, then a closing loop.
    points = []
    phase, amp = rng.uniform(0, math.pi), h * rng.uniform(0.16, 0.24)
    for i in range(160):
        x = w * (0.22 + 0.7 * i / 159)
        y = h * 0.5 + amp * math.sin(phase + i / 9.0) * (1 - i / 220) + h * 0.1 * math.sin(i / 23.0)
        points.append((x, y))
    draw.line(points, fill=BLUE, width=max(3, h // 40), joint="curve")
    draw.line([(w * 0.1, h * 0.86), (w * 0.55, h * 0.8), (w * 0.9, h * 0.84)], fill=BLUE, width=max(3, h // 45),
              joint="curve")
    return _save(img, path, DPI)


def seal_png(agency_lines: list[str], path: Path, diameter_mm: float = 36) -> Path:
    """A red round seal: two rims, the agency's name around the top, a star in the centre."""
    px = round(diameter_mm / 25.4 * 600)  # 600 dpi keeps the rim text legible
    img = Image.new("RGBA", (px, px), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    c = px / 2
    rim = max(4, px // 60)
    draw.ellipse([rim, rim, px - rim, px - rim], outline=RED, width=rim)
    inner = px * 0.30
    draw.ellipse([c - inner, c - inner, c + inner, c + inner], outline=RED, width=max(2, rim // 2))
    # Star in the centre.
    r1, r2 = inner * 0.75, inner * 0.3
    star = [(c + (r1 if k % 2 == 0 else r2) * math.sin(k * math.pi / 5),
             c - (r1 if k % 2 == 0 else r2) * math.cos(k * math.pi / 5)) for k in range(10)]
    draw.polygon(star, fill=RED)
    # The name around the rim, one glyph at a time.
    text = " * ".join(agency_lines).upper()
    font = _font("LiberationSans-Bold.ttf", int(px * 0.075))
    radius = px * 0.39
    span = min(330.0, 11.5 * len(text))
    start = -span / 2
    for i, ch in enumerate(text):
        angle = start + span * (i + 0.5) / len(text)
        glyph = Image.new("RGBA", (int(px * 0.1), int(px * 0.1)), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((glyph.width / 2, glyph.height / 2), ch, font=font, fill=RED, anchor="mm")
        glyph = glyph.rotate(-angle, resample=Image.BICUBIC)
        x = c + radius * math.sin(math.radians(angle)) - glyph.width / 2
        y = c - radius * math.cos(math.radians(angle)) - glyph.height / 2
        img.alpha_composite(glyph, (int(x), int(y)))
    return _save(img, path, 600)
