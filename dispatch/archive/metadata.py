"""Descriptive metadata of Circular 05/2025/TT-BNV: EAD for the dossier, EAD_doc for each document (spec 05 §3).

The element names and lengths are the circular's; `schema/tt05-metadata.xsd` (the project's own) enforces them
when a package is written and when it is verified.
"""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from lxml import etree

from dispatch.archive.dossier import Dossier

NS = "urn:thidua:tt05-2025"
FORMAT = "PDF/A-2b"
LANGUAGE = "vi"
PUBLIC, BORN_DIGITAL = "01", "01"  # mode: công khai; confidenceLevel: bản gốc điện tử
KEYWORD = "thi đua, khen thưởng"


def _element(tag: str, fields: list[tuple[str, object]]) -> etree._Element:
    root = etree.Element(f"{{{NS}}}{tag}", nsmap={None: NS})
    for name, value in fields:
        child = etree.SubElement(root, f"{{{NS}}}{name}")
        child.text = ("true" if value else "false") if isinstance(value, bool) else str(value)
    return root


def dossier_ead(d: Dossier) -> etree._Element:
    days = sorted(a.record.issued_date for a in d.documents)
    return _element("EAD", [
        ("fileCode", d.file_code), ("title", d.title), ("maintenance", d.maintenance), ("mode", PUBLIC),
        ("language", LANGUAGE), ("startDate", days[0].isoformat()), ("endDate", days[-1].isoformat()),
        ("keyword", KEYWORD), ("totalDoc", len(d.documents)), ("numberOfPaper", 0),
        ("numberOfPage", sum(a.record.pages for a in d.documents)), ("format", FORMAT), ("inforSign", d.notation),
        ("confidenceLevel", BORN_DIGITAL), ("riskRecovery", False), ("riskRecoveryStatus", ""),
        ("description", f"Hồ sơ điện tử gồm {len(d.documents)} văn bản đã ký số, lưu dạng {FORMAT} "
                        f"(chữ ký số {', '.join(sorted({a.level for a in d.documents}))})."),
    ])


def document_ead(d: Dossier, ordinal: int) -> etree._Element:
    a = d.documents[ordinal - 1]
    doc = a.record
    signers = doc.verification.signers if doc.verification else (doc.signer.full_name, doc.organ_name)
    return _element("EAD_doc", [
        ("docId", f"{d.year}.{d.number:02d}.{ordinal:03d}"), ("docCode", d.doc_code(ordinal)),
        ("maintenance", d.maintenance), ("typeName", doc.kind), ("codeNumber", doc.code_number),
        ("codeNotation", doc.code_notation), ("issuedDate", doc.issued_date.isoformat()),
        ("organName", doc.organ_name), ("subject", doc.subject), ("language", LANGUAGE),
        ("numberOfPage", doc.pages), ("inforSign", doc.notation), ("keyword", KEYWORD), ("mode", PUBLIC),
        ("confidenceLevel", BORN_DIGITAL), ("autograph", "Chữ ký số: " + "; ".join(signers)), ("format", FORMAT),
        ("riskRecovery", False), ("riskRecoveryStatus", ""), ("process", False),
        ("description", doc.description or ""),
    ])


@lru_cache(maxsize=1)
def schema() -> etree.XMLSchema:
    with files("dispatch.archive").joinpath("schema/tt05-metadata.xsd").open("rb") as fh:
        return etree.XMLSchema(etree.parse(fh))


def problems(element: etree._Element) -> list[str]:
    """The schema's complaints (a missing field, a value over its length), one line each."""
    xsd = schema()
    if xsd.validate(element):
        return []
    return [e.message for e in xsd.error_log]
