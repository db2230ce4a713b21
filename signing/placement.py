"""Where fields go, found from the text the PDF itself contains (poppler's pdftotext -bbox).

Anchors: on page 1 the number line from after "Số:" to the end of "/KH-…" and the
date line from "ngày" to the year (each filled as one clean run at issuance: "Số:
02/TTr-SNV", "ngày 05 tháng 6 năm 2024"); the blanks between "số" and "/…",
"ngày", "tháng" and "năm" in each annex's "(Kèm theo …)" reference, which is filled by
re-setting each of its lines whole, centred where it stood ("(Kèm theo Kế hoạch số
02/KH-UBND ngày 05 tháng 6 năm 2024 của …)"); the signer's last title line and name.
No hard-coded coordinates.
"""
from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from generators.core.fonts import text_width_mm
from signing.errors import PlacementError

MM = 72 / 25.4
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
LINE_TO_FONT = 1.3  # a word box is about 1.3 times the font size high


@dataclass(frozen=True)
class Word:
    page: int
    x0: float
    top: float
    x1: float
    bottom: float  # top-left origin, as pdftotext reports
    text: str


@dataclass(frozen=True)
class Box:
    """A rectangle in PDF user space (origin bottom left) on a page, with the line's font size."""

    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    font_size: float = 13.0
    italic: bool = False

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def rect(self) -> tuple[float, float, float, float]:
        """Whole-point width and height: the appearance's box then matches the widget exactly."""
        x0, y0 = round(self.x0, 2), round(self.y0, 2)
        return (x0, y0, x0 + round(self.width), y0 + round(self.height))


@dataclass(frozen=True)
class DateBlanks:
    number: Box
    day: Box
    month: Box | None  # None: `day` covers the whole date ("ngày … tháng … năm …"), as on page 1


@dataclass(frozen=True)
class ReferenceLine:
    """One printed line of an annex's "(Kèm theo …)" reference: its box and its text with the blanks as
    placeholders ({so}, {ngay}, {thang}), so the filled line is set whole instead of digits dropped into gaps."""

    box: Box
    template: str


# The blanks of a reference line, each after its keyword: "số {so}/KH-…", "ngày {ngay} tháng {thang} năm".
REFERENCE_BLANKS = (("so", "số", lambda nxt: nxt.startswith("/")), ("ngay", "ngày", lambda nxt: nxt == "tháng"),
                    ("thang", "tháng", lambda nxt: nxt == "năm"))
# The widest filled blanks ("9999", "28", "12") against the blank itself: the box grows to hold them.
WIDEST_FILL = {"so": "9999", "ngay": "28", "thang": "12"}


def fill_reference(template: str, values: dict[str, str]) -> str:
    """A reference line with its placeholders ({so}, {ngay}, {thang}) replaced by `values`."""
    for token, value in values.items():
        template = template.replace(f"{{{token}}}", value)
    return template


@dataclass
class Placement:
    header: DateBlanks  # Số and the date line of page 1
    annexes: list[list[ReferenceLine]] = field(default_factory=list)  # per annex, its reference's lines
    signature: Box | None = None  # the leader's (or the chair's)
    seal: Box | None = None  # the organisation's, over the left third of the signature
    others: dict[str, Box] = field(default_factory=dict)  # further signers' fields (e.g. the secretary's)


def read_words(pdf: Path, first: int | None = None, last: int | None = None
               ) -> tuple[list[Word], list[tuple[float, float]]]:
    """Words with boxes; with first/last (0-based) only those pages, numbered from `first`."""
    pages = ["-f", str(first + 1), "-l", str((last if last is not None else first) + 1)] if first is not None else []
    out = subprocess.run(["pdftotext", "-bbox", *pages, str(pdf), "-"], capture_output=True, text=True)
    if out.returncode != 0:
        raise PlacementError(f"Không đọc được nội dung tệp PDF {Path(pdf).name}: {out.stderr.strip()}")
    words, sizes = [], []
    for i, chunk in enumerate(out.stdout.split("<page ")[1:], start=first or 0):
        m = _PAGE.match("<page " + chunk)
        while len(sizes) < i:
            sizes.append((0.0, 0.0))  # pages not read
        sizes.append((float(m.group(1)), float(m.group(2))))
        for w in _WORD.finditer(chunk):
            words.append(Word(i, float(w.group(1)), float(w.group(2)), float(w.group(3)), float(w.group(4)),
                              html.unescape(w.group(5))))
    return words, sizes


def _lines(words: list[Word]) -> list[list[Word]]:
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.page, round(w.top), w.x0)):
        if lines and lines[-1][0].page == w.page and abs(lines[-1][0].top - w.top) < 1.5:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def _gap(a: Word, b: Word, height: float, italic=False) -> Box:
    size = round((a.bottom - a.top) / LINE_TO_FONT)
    return Box(a.page, a.x1 + 1, height - a.bottom, b.x0 - 1, height - a.top, size, italic)


def _blanks(line: list[Word], sizes, *, number_after: str, min_gap: float = 8) -> DateBlanks | None:
    """The number blank after `number_after` and before "/…", and the day and month blanks."""
    height = sizes[line[0].page][1]
    number = day = month = None
    for i in range(len(line) - 1):
        a, b = line[i], line[i + 1]
        if number is None and a.text == number_after and b.text.startswith("/") and b.x0 - a.x1 > min_gap:
            number = _gap(a, b, height)
        if a.text == "ngày" and b.text == "tháng" and b.x0 - a.x1 > min_gap and day is None:
            day = _gap(a, b, height)
            if i + 2 < len(line) and line[i + 2].text == "năm":
                month = _gap(b, line[i + 2], height)
    if number and day and month:
        return DateBlanks(number, day, month)
    return None


def find_placement(pdf: Path, signer_name: str, title_lines: list[str], seal_mm: float,
                   signature_mm: tuple[float, float] = (50, 20),
                   others: list[tuple[str, str, list[str]]] = ()) -> Placement:
    """`others`: (field name, signer name, title lines) of further signers, e.g. a secretary."""
    words, sizes = read_words(pdf)
    lines = _lines(words)
    name = Path(pdf).name
    first = [ln for ln in lines if ln[0].page == 0]
    number_line = next((ln for ln in first if any(w.text == "Số:" for w in ln)), None)
    if number_line is None:
        raise PlacementError(f"{name}: không tìm thấy dòng «Số: …/…» ở trang 1.")
    number = _blanks(number_line, sizes, number_after="Số:")
    if number is None:
        raise PlacementError(f"{name}: dòng «Số:» và dòng «…, ngày … tháng … năm …» ở trang 1 không còn chỗ trống "
                             "để cấp số, ngày (văn bản đã có số hoặc sai mẫu).")
    header = _whole_runs(number_line, sizes)
    annexes = [_reference(lines[i:i + 3], sizes, name) for i, ln in enumerate(lines) if ln[0].text.startswith("(Kèm")]
    placement = Placement(header, annexes)
    placement.signature, placement.seal = _signature_boxes(lines, sizes, name, signer_name, title_lines, seal_mm,
                                                           signature_mm)
    for field_name, person, titles in others:
        placement.others[field_name] = _signature_boxes(lines, sizes, name, person, titles, seal_mm, signature_mm)[0]
    return placement


def _whole_runs(line: list[Word], sizes) -> DateBlanks:
    """Page 1: the number box runs from after "Số:" over the printed "/KH-…" (and room for a longer number), the
    date box from "ngày" over the year; filled on an opaque white ground, they read as one run each."""
    height = sizes[line[0].page][1]
    texts = [w.text for w in line]
    so = texts.index("Số:")
    slash = next(w for w in line[so + 1:] if w.text.startswith("/"))
    ngay = next(i for i, t in enumerate(texts) if t == "ngày")
    nam = next(i for i in range(ngay, len(texts) - 1) if texts[i] == "năm")
    a, year = line[so], line[nam + 1]
    size = round((a.bottom - a.top) / LINE_TO_FONT)
    number = Box(a.page, a.x1, height - a.bottom - 1, slash.x1 + 8, height - a.top + 1, size)
    d = line[ngay]
    date_size = round((d.bottom - d.top) / LINE_TO_FONT)
    day = Box(d.page, d.x0 - 1, height - d.bottom - 1, year.x1 + 2, height - d.top + 1, date_size, True)
    return DateBlanks(number, day, None)


def _reference(candidates: list[list[Word]], sizes, name: str) -> list[ReferenceLine]:
    """The lines of one "(Kèm theo …)" paragraph (up to the one ending ")"), each with its placeholders."""
    page = candidates[0][0].page
    ref = []
    for ln in candidates:
        if ln[0].page != page:
            break
        ref.append(ln)
        if ln[-1].text.endswith(")"):
            break
    flat = [w for ln in ref for w in ln]
    found: dict[str, int] = {}
    for k, w in enumerate(flat[:-1]):
        for token, keyword, before in REFERENCE_BLANKS:
            if token not in found and w.text == keyword and before(flat[k + 1].text):
                found[token] = k
    missing = [kw for token, kw, _ in REFERENCE_BLANKS if token not in found]
    if missing or not ref[-1][-1].text.endswith(")"):
        raise PlacementError(f"{name}: dòng «(Kèm theo … số … ngày … tháng … năm … của …)» ở trang {page + 1} thiếu "
                             f"chỗ trống sau «{', '.join(missing) or 'của …)'}».")
    after = {k: token for token, k in found.items()}
    height = sizes[page][1]
    out, k = [], 0
    for ln in ref:
        pieces = []
        for w in ln:
            pieces.append(w.text + (f" {{{after[k]}}}" if k in after else ""))
            k += 1
        template = " ".join(pieces).replace("{so} /", "{so}/")
        size = round((ln[0].bottom - ln[0].top) / LINE_TO_FONT)
        x0, x1 = ln[0].x0 - 2, ln[-1].x1 + 2
        widest = text_width_mm(fill_reference(template, WIDEST_FILL), size, italic=True) * MM
        grow = max(0.0, widest + 4 - (x1 - x0)) / 2
        top, bottom = min(w.top for w in ln), max(w.bottom for w in ln)
        box = Box(page, max(0.0, x0 - grow), height - bottom - 1, min(sizes[page][0], x1 + grow), height - top + 1,
                  size, True)
        out.append(ReferenceLine(box, template))
    return out


def lines_of(words: list[Word]) -> list[list[Word]]:
    """Words grouped into printed lines, top to bottom."""
    return _lines(words)


def signature_boxes(lines, sizes, name, signer_name, title_lines, seal_mm, signature_mm) -> tuple[Box, Box]:
    """The signature's box between the signer's last title line and printed name, and the seal's over its left
    third."""
    return _signature_boxes(lines, sizes, name, signer_name, title_lines, seal_mm, signature_mm)


def _signature_boxes(lines, sizes, name, signer_name, title_lines, seal_mm, signature_mm):
    tokens = signer_name.split()
    name_line = None
    for ln in lines:
        texts = [w.text for w in ln]
        for i in range(len(texts) - len(tokens) + 1):
            if texts[i:i + len(tokens)] == tokens:
                name_line = ln[i:i + len(tokens)]
    if name_line is None:
        raise PlacementError(f"{name}: không tìm thấy họ tên người ký «{signer_name}».")
    page = name_line[0].page
    left, right = name_line[0].x0, name_line[-1].x1
    centre = (left + right) / 2
    last_title = title_lines[-1].split()
    title = None
    for ln in lines:
        if ln[0].page != page or ln[0].top >= name_line[0].top:
            continue
        texts = [w.text for w in ln]
        for i in range(len(texts) - len(last_title) + 1):
            if texts[i:i + len(last_title)] == last_title:
                seg = ln[i:i + len(last_title)]
                if abs((seg[0].x0 + seg[-1].x1) / 2 - centre) < 60:
                    title = seg
    if title is None:
        raise PlacementError(f"{name}: không tìm thấy chức vụ «{title_lines[-1]}» phía trên họ tên người ký.")
    height = sizes[page][1]
    top, bottom = title[0].bottom + 2, name_line[0].top - 2
    if bottom - top < 30:
        raise PlacementError(f"{name}: khoảng trống giữa chức vụ và họ tên người ký quá hẹp để đặt chữ ký.")
    w = min(signature_mm[0] * MM, 2 * (sizes[page][0] - centre) - 10)
    h = min(signature_mm[1] * MM, bottom - top)
    mid = (top + bottom) / 2
    sig = Box(page, centre - w / 2, height - mid - h / 2, centre + w / 2, height - mid + h / 2)
    d = seal_mm * MM
    seal_right = sig.x0 + sig.width / 3  # the seal covers about the left third of the signature
    cy = (sig.y0 + sig.y1) / 2
    seal = Box(page, seal_right - d, cy - d / 2, seal_right, cy + d / 2)
    return sig, seal


@dataclass(frozen=True)
class HeaderFacts:
    """What the records office reads off a document before issuing it."""

    notation_suffix: str  # "KH-UBND" from "Số:      /KH-UBND"
    year: int | None  # the year printed in the date line
    recipients: list[str]  # the Nơi nhận lines


def header_facts(pdf: Path, signature_page: int | None = None) -> HeaderFacts:
    """Read page 1 and the page with the signature block (all pages when it is not known)."""
    if signature_page is None:
        words, sizes = read_words(pdf)
    else:
        words, sizes = read_words(pdf, 0, 0)
        if signature_page > 0:
            more, more_sizes = read_words(pdf, signature_page, signature_page)
            words += more
            sizes = sizes + more_sizes[len(sizes):]
    lines = _lines(words)
    name = Path(pdf).name
    number_line = next((ln for ln in lines if ln[0].page == 0 and any(w.text == "Số:" for w in ln)), None)
    if number_line is None:
        raise PlacementError(f"{name}: không tìm thấy dòng «Số: …/…» ở trang 1.")
    slash = next((w for w in number_line if w.text.startswith("/")), None)
    if slash is None:
        raise PlacementError(f"{name}: dòng «Số:» không có ký hiệu văn bản («/KH-UBND», …).")
    texts = [w.text for w in number_line]
    year = None
    for i, t in enumerate(texts[:-1]):
        if t == "năm" and texts[i + 1].isdigit():
            year = int(texts[i + 1])
    raw: list[str] = []
    start = next((i for i, ln in enumerate(lines)
                  if " ".join(w.text for w in ln).startswith("Nơi nhận:")), None)
    if start is not None:
        page = lines[start][0].page
        for ln in lines[start + 1:]:
            if ln[0].page != page:
                break
            left = [w for w in ln if w.x0 < sizes[page][0] / 2]
            if not left:
                continue  # a line of the signer's column only
            text = " ".join(w.text for w in left)
            if text.startswith("-"):
                raw.append(text)
            elif raw and not raw[-1].endswith((";", ".")):
                raw[-1] += " " + text  # a wrapped recipient
            else:
                break
    recipients = [r.lstrip("- ").rstrip(";.") for r in raw]
    return HeaderFacts(slash.text[1:], year, recipients)
