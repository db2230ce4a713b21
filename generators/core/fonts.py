"""Times New Roman's metric twin (Liberation Serif, Debian's fonts-liberation2), found once for everyone."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

FONT_DIRS = ("/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/liberation")


@lru_cache(maxsize=None)
def font_file(name: str) -> Path:
    """The path of a Liberation font file, e.g. 'LiberationSerif-Italic.ttf'."""
    for folder in FONT_DIRS:
        path = Path(folder) / name
        if path.exists():
            return path
    raise FileNotFoundError(f"{name} not found: install fonts-liberation2")


def serif(bold: bool = False, italic: bool = False) -> Path:
    style = {(False, False): "Regular", (True, False): "Bold", (False, True): "Italic",
             (True, True): "BoldItalic"}[(bold, italic)]
    return font_file(f"LiberationSerif-{style}.ttf")


@lru_cache(maxsize=None)
def _advances(bold: bool, italic: bool) -> tuple[dict, dict, int]:
    from fontTools.ttLib import TTFont

    font = TTFont(str(serif(bold, italic)))
    return font.getBestCmap(), font["hmtx"].metrics, font["head"].unitsPerEm


def text_width_mm(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    """How wide a line of Times New Roman (its metric twin) is, to know whether it fits before LibreOffice wraps it."""
    cmap, metrics, units = _advances(bold, italic)
    points = sum(metrics[cmap[ord(c)]][0] if ord(c) in cmap else units / 2 for c in text) / units * size
    return points * 25.4 / 72
