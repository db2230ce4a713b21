"""A subject line (trích yếu) broken into balanced lines where a clerk would break it.

LibreOffice fills each line as far as it goes and breaks at any space, so a long subject ends in a short
tail and may split a word pair ("… nhân dịp kỷ / niệm Ngày Thi đua …"). Here the lines are chosen: as few as
fit the width, as even as possible, never inside a word pair, a capitalised name or around a dash, preferably
after a comma or before the word that opens a phrase ("nhân dịp", "năm", "của").
"""
from __future__ import annotations

from itertools import combinations

from generators.core.compounds import is_word_pair
from generators.documents.docx_layout import text_width_pt

# A break before these opens a new phrase: the best places after a comma.
PHRASE_OPENERS = ("nhân", "năm", "của", "về", "và", "cho", "tại", "theo", "trong", "giai", "đối", "trên")
ORDINARY_BREAK = 0.15  # cost of a break at a plain space, in units of the text width
MAX_LINES = 4


def _breakable(words: list[str], i: int) -> bool:
    """May a line end after words[i]?"""
    a, b = words[i], words[i + 1]
    if is_word_pair(a, b) or "-" in (a, b):
        return False
    return not (a[:1].isupper() and b[:1].isupper())  # inside a name or a title ("Ngày Thi đua", "Bạc Liêu")


def _cost(words: list[str], i: int) -> float:
    if words[i].endswith(","):
        return 0.0
    nxt = words[i + 1]
    if nxt.lower() in PHRASE_OPENERS and not is_word_pair(words[i], nxt):
        return 0.02
    return ORDINARY_BREAK


def balanced_lines(text: str, width_pt: float, size: float, *, bold: bool = True) -> list[str]:
    """The subject as lines that each fit `width_pt`; one line when it fits."""
    words = text.split()
    if not words or text_width_pt(text, size, bold=bold) <= width_pt:
        return [" ".join(words)]
    points = [i for i in range(len(words) - 1) if _breakable(words, i)]
    for count in range(2, MAX_LINES + 1):
        best = None
        for cut in combinations(points, count - 1):
            bounds = [0, *(c + 1 for c in cut), len(words)]
            lines = [" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:])]
            widths = [text_width_pt(line, size, bold=bold) for line in lines]
            if max(widths) > width_pt:
                continue
            score = (max(widths) - min(widths)) / width_pt + sum(_cost(words, c) for c in cut)
            if best is None or score < best[0]:
                best = (score, lines)
        if best is not None:
            return best[1]
    return [" ".join(words)]  # no allowed break fits: let the word processor wrap it
