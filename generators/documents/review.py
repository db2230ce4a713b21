"""The records officer's review of a generated or issued PDF, read back from the PDF itself (poppler, pypdf).

What a legal reviewer sent documents back for (issue 14): an authority prefix that does not fit the body and the
document, a blank page, an agency name broken mid-line, a drafting note, a gap in the issued number or date line.
"""
from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

from generators.core.drafting import drafting_marks, stream_pages

RULES = {
    "THAM_QUYEN": "Thẩm quyền, chức vụ người ký không đúng",
    "TRANG_TRONG": "Trang trống",
    "TEN_CO_QUAN": "Tên cơ quan bị ngắt dòng giữa tên",
    "GHI_CHU_DU_THAO": "Còn ghi chú dự thảo",
    "SO_NGAY": "Dòng số, ngày ban hành còn khoảng trống",
}


@dataclass(frozen=True)
class ReviewFinding:
    file: str
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {RULES[self.rule]}: {self.message}"


@dataclass(frozen=True)
class Expected:
    """What the data says the document must show."""

    heading: tuple[str, ...]  # the agency's lines (superior body first), each whole on one line
    signers: tuple[tuple[str, tuple[str, ...]], ...]  # (name, authority and title lines above it)


def text_pages(pdf: Path) -> tuple[list[str], list[str]]:
    """Each page's text laid out as printed (columns side by side), and in reading order (a table cell whole);
    the two poppler runs at once."""
    runs = [subprocess.Popen(["pdftotext", *flags, str(pdf), "-"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             text=True) for flags in (["-layout"], [])]
    outputs = [run.communicate()[0] for run in runs]  # read before waiting: a long text fills the pipe
    texts = [text if run.returncode == 0 else "" for run, text in zip(runs, outputs)]
    return texts[0].split("\f")[:-1], texts[1].split("\f")[:-1]


def _segments(line: str) -> list[tuple[float, str]]:
    """The line's runs of text (split at two or more spaces), each with its centre column."""
    return [((m.start() + m.end()) / 2, m.group()) for m in re.finditer(r"\S+(?: \S+)*", line)]


def _titles_above(lines: list[str], name: str) -> list[str] | None:
    """The text centred over the signer's name, from the nearest line up, ignoring the blank signature space."""
    at = next((i for i in range(len(lines) - 1, -1, -1) if name in lines[i]), None)
    if at is None:
        return None
    start = lines[at].index(name)
    centre = start + len(name) / 2
    found = []
    for line in reversed(lines[max(0, at - 14):at]):
        found += [text for c, text in _segments(line) if abs(c - centre) <= 12]
    return list(reversed(found))


def review_pdf(pdf: Path, expected: Expected, issued: bool = False, shown: str | None = None) -> list[ReviewFinding]:
    name = shown or Path(pdf).name
    pages, reading = text_pages(pdf)
    if not pages:
        return [ReviewFinding(name, "TRANG_TRONG", "không đọc được nội dung tệp PDF.")]
    out = []
    for n, page in enumerate(pages, 1):
        if re.fullmatch(r"\s*\d*\s*", page):
            out.append(ReviewFinding(name, "TRANG_TRONG", f"trang {n} không có nội dung (chỉ có số trang)."))
    top = pages[0].splitlines()[:8]
    for line in expected.heading:
        if not any(line in row for row in top):
            out.append(ReviewFinding(name, "TEN_CO_QUAN", f"dòng «{line}» không nằm trọn trên một dòng ở phần tên "
                                                          f"cơ quan."))
    # Two readings: poppler's may interleave side-by-side table cells; the content stream's keeps a cell whole.
    try:
        stream = stream_pages(Path(pdf).read_bytes())
    except Exception:  # an unreadable file is reported by the poppler reading
        stream = []
    marks = dict.fromkeys(drafting_marks(reading) + drafting_marks(stream))
    out += [ReviewFinding(name, "GHI_CHU_DU_THAO", m) for m in marks]
    lines = [ln for page in pages for ln in page.splitlines()]
    for signer, titles in expected.signers:
        above = _titles_above(lines, signer)
        if above is None:
            out.append(ReviewFinding(name, "THAM_QUYEN", f"không thấy họ tên người ký «{signer}»."))
        elif above[-len(titles):] != list(titles) or (len(above) > len(titles) and _is_authority(above[-len(titles) - 1])):
            out.append(ReviewFinding(name, "THAM_QUYEN", f"trên họ tên «{signer}» ghi «{' / '.join(above[-4:])}», "
                                                         f"dữ liệu quy định «{' / '.join(titles)}»."))
    if issued:
        out += _number_line_findings(pdf, name)
    return out


def _is_authority(text: str) -> bool:
    return bool(re.match(r"(TM|KT|Q|TL|TUQ)\. ", text))


def _number_line_findings(pdf: Path, name: str) -> list[ReviewFinding]:
    try:
        values = {k: str(v.get("/V") or "") for k, v in (PdfReader(str(pdf)).get_fields() or {}).items()}
    except Exception:
        return [ReviewFinding(name, "SO_NGAY", "không đọc được các trường số, ngày.")]
    out = []
    if "/" not in values.get("SoVanBan", ""):
        out.append(ReviewFinding(name, "SO_NGAY", f"số được điền riêng («{values.get('SoVanBan', '')}»), cách ký "
                                                  f"hiệu một khoảng trống."))
    if not values.get("NgayBanHanh", "").startswith("ngày ") or "ThangBanHanh" in values:
        out.append(ReviewFinding(name, "SO_NGAY", "ngày, tháng được điền vào từng ô trống, không thành một dòng liền."))
    if any(re.fullmatch(r"PhuLuc\d+_(SoVanBan|NgayBanHanh|ThangBanHanh)", k) for k in values):
        out.append(ReviewFinding(name, "SO_NGAY", "dòng «(Kèm theo …)» của phụ lục được điền số, ngày, tháng vào từng "
                                                  "ô trống, không thành một dòng liền."))
    return out
