"""Charts of the summary reports: matplotlib, Vietnamese labels in Times New Roman's metric twin, 300 dpi PNG for
print, told apart in black and white by hatching and markers rather than by colour."""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display: charts are files
from matplotlib import font_manager  # noqa: E402
from matplotlib import pyplot as plt  # noqa: E402
from PIL import Image  # noqa: E402

from generators.core.files import atomic_path  # noqa: E402
from generators.core.fonts import serif  # noqa: E402

DPI = 300  # print resolution
WIDTH_MM, HEIGHT_MM = 160, 85  # the text width of a portrait page, less a margin
HATCHES = ("", "///", "...", "xxx", "\\\\\\", "+++")
GREYS = ("0.25", "0.55", "0.85", "1.0", "0.7", "0.4")
MARKERS = ("o", "s", "^", "D", "v", "x")
LINES = ("-", "--", "-.", ":", "-", "--")


def printed_width_mm(path: Path) -> float:
    """The width a chart is placed at: its own at 300 dpi (never stretched below print resolution)."""
    with Image.open(path) as image:
        return image.width / DPI * 25.4


@dataclass(frozen=True)
class Series:
    label: str
    values: tuple[int, ...]


def _font() -> str:
    for bold in (False, True):
        font_manager.fontManager.addfont(str(serif(bold)))
    return font_manager.FontProperties(fname=str(serif())).get_name()


def _figure(title: str):
    plt.rcParams.update({"font.family": _font(), "font.size": 11, "hatch.linewidth": 0.8,
                         "svg.fonttype": "none"})
    fig, ax = plt.subplots(figsize=(WIDTH_MM / 25.4, HEIGHT_MM / 25.4), dpi=DPI)
    ax.set_title(title, fontsize=12, fontweight="bold")
    ax.spines[["top", "right"]].set_visible(False)
    return fig, ax


def _save(fig, target: Path) -> Path:
    """Grey levels only, no alpha (PDF/A, black and white print), the DPI recorded for the word processor."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight", facecolor="white", metadata={"Software": None})
    plt.close(fig)
    with atomic_path(target) as tmp:
        Image.open(buffer).convert("L").save(tmp, format="PNG", dpi=(DPI, DPI))
    return target


def bar_chart(target: Path, title: str, categories: list[str], series: list[Series], ylabel: str) -> Path:
    """Grouped bars, one group per category (a year), each bar labelled with its value."""
    fig, ax = _figure(title)
    n = len(series)
    width = 0.8 / max(n, 1)
    for i, s in enumerate(series):
        xs = [c + (i - (n - 1) / 2) * width for c in range(len(categories))]
        bars = ax.bar(xs, s.values, width, label=s.label, color=GREYS[i % 6], edgecolor="black",
                      hatch=HATCHES[i % 6], linewidth=0.8)
        ax.bar_label(bars, padding=2, fontsize=9)
    ax.set_xticks(range(len(categories)), categories)
    ax.set_ylabel(ylabel)
    ax.margins(y=0.15)
    ax.legend(frameon=False, fontsize=10, loc="upper left")
    return _save(fig, target)


def line_chart(target: Path, title: str, categories: list[str], series: list[Series], ylabel: str) -> Path:
    """One line per series over the categories (years), each with its own marker and dash."""
    fig, ax = _figure(title)
    for i, s in enumerate(series):
        ax.plot(range(len(categories)), s.values, label=s.label, color="black", marker=MARKERS[i % 6],
                linestyle=LINES[i % 6], linewidth=1.2, markersize=6, markerfacecolor="white")
    ax.set_xticks(range(len(categories)), categories)
    ax.set_ylabel(ylabel)
    ax.set_ylim(bottom=0)
    ax.margins(y=0.15)
    ax.legend(frameon=False, fontsize=10, ncols=2)
    return _save(fig, target)
