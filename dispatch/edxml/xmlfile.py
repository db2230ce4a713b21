"""Reading a package safely (no DTD, no entities, no network) and checking it against thidua's XSD."""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from lxml import etree

from dispatch.errors import PackageRefused

MAX_BYTES = 200 * 1024 * 1024  # a package larger than this is refused before parsing


def parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=True, remove_blank_text=False)


@lru_cache(maxsize=1)
def schema() -> etree.XMLSchema:
    with files("dispatch.edxml").joinpath("schema/edxml.xsd").open("rb") as fh:
        return etree.XMLSchema(etree.parse(fh, parser()))


def parse(data: bytes, name: str) -> etree._Element:
    if len(data) > MAX_BYTES:
        raise PackageRefused(f"{name}: gói tin lớn hơn {MAX_BYTES // (1024 * 1024)} MB, không nhận.")
    try:
        root = etree.fromstring(data, parser())
    except etree.XMLSyntaxError as exc:
        raise PackageRefused(f"{name}: không phải tệp XML hợp lệ (dòng {exc.lineno}): {exc.msg}.",
                             "Gói tin không phải XML hợp lệ.") from None
    if root.getroottree().docinfo.internalDTD is not None or root.getroottree().docinfo.doctype:
        raise PackageRefused(f"{name}: gói tin có khai báo DOCTYPE, không nhận.", "Gói tin có DOCTYPE.")
    return root


def schema_problems(root) -> list[str]:
    """One line per schema error: the line number and libxml2's message."""
    xsd = schema()
    if xsd.validate(root):
        return []
    return [f"dòng {e.line}: {e.message}" for e in xsd.error_log]


def check_schema(root, name: str) -> None:
    problems = schema_problems(root)
    if problems:
        raise PackageRefused(f"{name}: gói tin không đúng lược đồ edXML: " + "; ".join(problems[:5]) +
                             (f" (và {len(problems) - 5} lỗi khác)" if len(problems) > 5 else "") + ".",
                             "Gói tin không đúng lược đồ edXML.")
