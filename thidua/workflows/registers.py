"""The registers printed for binding at year end: the outgoing register of each issuer and the incoming register
of each receiver, as DOCX, PDF/A (one LibreOffice batch) and XLSX (spec 05 §1)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dispatch.record import IssuedDocument
from dispatch.register import open_register
from dispatch.register.export import incoming_book, outgoing_book
from generators.commendation.round import commendation_dir
from generators.core.book import Book
from generators.core.config import load_province
from generators.core.errors import ThiduaError
from generators.core.files import file_slug
from generators.core.model import Province
from generators.core.yamlfile import read_yaml
from generators.documents.book import write_book_docx
from generators.documents.convert import Converter
from generators.workbooks.book import write_book_xlsx
from thidua.settings import Settings

BOOK_DIR = "so-dang-ky"


@dataclass(frozen=True)
class PrintedRegister:
    unit: str
    incoming: bool
    entries: int
    docx: Path
    pdf: Path
    xlsx: Path


def outgoing_entries(settings: Settings, issuer: str | None = None) -> list[IssuedDocument]:
    with open_register(settings.register_target) as register:
        return register.entries(issuer, settings.year)


def _councils(settings: Settings) -> dict[str, tuple[tuple[str, ...], str]]:
    """Issuers that are not units: the year's commendation council (its minutes are numbered as its own)."""
    path = commendation_dir(settings.data) / f"round-{settings.year}.yaml"
    if not path.exists():
        return {}
    council = read_yaml(path).data.get("council")
    if not isinstance(council, dict) or not council.get("abbr"):
        return {}
    lines = [council.get("header_parent"), *(council.get("header_agency") or [])]
    return {str(council["abbr"]): (tuple(str(x) for x in lines if x), str(council.get("place") or ""))}


def _agency(settings: Settings, province: Province, code: str, councils: dict) -> tuple[tuple[str, ...], str]:
    """The book's cover lines and place for the issuer `code`."""
    if code in councils:
        return councils[code]
    if code not in province.units:
        raise ThiduaError(f"Không có đơn vị mã «{code}» trong {settings.data / 'province.yaml'}.")
    unit = province.unit(code)
    return tuple(x for x in [unit.header_parent, *unit.header_agency] if x), unit.place


def export_registers(settings: Settings, issuer: str | None = None, incoming: bool = False,
                     converter: Converter | None = None) -> list[PrintedRegister]:
    """One book per issuer (or receiver) of the year, or only `issuer`'s (printed even when empty)."""
    province = load_province(settings.data)
    with open_register(settings.register_target) as register:
        entries = register.received(issuer, settings.year) if incoming else register.entries(issuer, settings.year)
    by_unit: dict[str, list] = {issuer: []} if issuer else {}
    for e in entries:
        by_unit.setdefault(e.receiver if incoming else e.issuer, []).append(e)
    if not by_unit:
        raise ThiduaError(f"Sổ đăng ký văn bản {'đến' if incoming else 'đi'} năm {settings.year} chưa có văn bản "
                          f"nào ({settings.register_target}).")
    folder = settings.year_dir / BOOK_DIR
    made, jobs, councils = [], [], _councils(settings)
    for code, rows in sorted(by_unit.items()):
        agency, place = _agency(settings, province, code, councils)
        book: Book = (incoming_book if incoming else outgoing_book)(rows, agency, settings.year, place)
        stem = f"{file_slug(code)}-van-ban-{'den' if incoming else 'di'}-{settings.year}"
        docx, pdf, xlsx = (folder / f"{stem}.{ext}" for ext in ("docx", "pdf", "xlsx"))
        write_book_docx(book, docx)
        write_book_xlsx(book, xlsx)
        jobs.append((docx, pdf))
        made.append(PrintedRegister(code, incoming, len(rows), docx, pdf, xlsx))
    (converter or Converter()).convert(jobs)
    return made


def register_workbook(settings: Settings, issuer: str, out: Path) -> Path:
    """The issuer's outgoing register of the year as one workbook (the web's export)."""
    province = load_province(settings.data)
    agency, place = _agency(settings, province, issuer, _councils(settings))
    write_book_xlsx(outgoing_book(outgoing_entries(settings, issuer), agency, settings.year, place), out)
    return out
