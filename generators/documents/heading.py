"""The parts every document shares: heading, blank number and date line, punctuated lists."""
from __future__ import annotations

from generators.core.model import Unit

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


def heading(unit: Unit, year: int, document_kind: str = "") -> dict:
    """What every document's heading says: agency, blank number and date, motto side, signature block
    (whose authority lines depend on the kind of document: the chairman's own decision has no "TM.")."""
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
