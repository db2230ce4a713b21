"""The parts every document shares: heading, blank number and date line, punctuated lists."""
from __future__ import annotations

from generators.core.errors import ConfigError
from generators.core.fonts import text_width_mm
from generators.core.model import Unit
from generators.documents.docx_layout import AGENCY_LINE_MM, SIZE

# Number and date are left blank for issuance (spec 03): wide enough to be filled.
BLANK_NUMBER = " " * 8
BLANK_DAY = " " * 6


def blank_date_line(year: int) -> str:
    return f"ngày{BLANK_DAY}tháng{BLANK_DAY}năm {year}"


def punctuate_list(items: list[str], last: str = ".") -> list[str]:
    """Legal grounds and recipients: each ends ';', the last ends `last`."""
    out = [i.rstrip(" ;.") for i in items]
    return [i + (";" if n < len(out) - 1 else last) for n, i in enumerate(out)]


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def header_lines_problems(unit: Unit) -> list[str]:
    """Heading lines that would not fit the agency column at the decree's size: LibreOffice would break them
    mid-name ("NÔNG / THÔN"). The data says where a long name breaks (province.yaml, header.agency)."""
    size = SIZE["agency"]
    lines = [(unit.header_parent, False)] if unit.header_parent else []
    lines += [(line, True) for line in unit.header_agency]
    out = []
    for text, bold in lines:
        width = text_width_mm(text, size, bold=bold)
        if width > AGENCY_LINE_MM:
            fix = ("ngắt thành hai dòng ở chỗ người soạn văn bản vẫn ngắt (header.agency)" if bold
                   else "viết tắt tên cơ quan cấp trên (header.parent, ví dụ «TỔNG LĐLĐ VIỆT NAM»)")
            out.append(f"{unit.name} (mã {unit.code}, province.yaml; Hội đồng: round-<năm>.yaml): dòng tên cơ quan "
                       f"«{text}» rộng {width:.0f} mm, cột tên cơ quan chỉ rộng {AGENCY_LINE_MM:.0f} mm (cỡ chữ "
                       f"{size}): hãy {fix}.")
    return out


def heading(unit: Unit, year: int, document_kind: str = "") -> dict:
    """What every document's heading says: agency, blank number and date, motto side, signature block
    (whose authority lines depend on the kind of document: the chairman's own decision has no "TM.")."""
    problems = header_lines_problems(unit)
    if problems:
        raise ConfigError(" ".join(problems))
    return {
        "header_parent": unit.header_parent or "",
        "header_agency": list(unit.header_agency),
        "number": BLANK_NUMBER,
        "agency_abbr": unit.abbr,
        "place": unit.place,
        "date_line": blank_date_line(year),
        "year": year,
        "unit_name": unit.name,
        "signature_lines": unit.signature_lines(document_kind),
        "signer_name": unit.leader.name if unit.leader else "",
    }
