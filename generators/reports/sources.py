"""Everything a summary report counts, read from the data folder: each year's lists with their findings and
decisions, and the board's commendation book."""
from __future__ import annotations

from pathlib import Path

from generators.core.model import Commendation, Province
from generators.registration.decisions import load_decisions
from generators.registration.lists import load_year, registrations_dir
from generators.registration.rules import check_year
from generators.reports.statistics import YearRecords
from generators.workbooks.awards_book import load_book

BOOK_FILE = Path("commendation") / "so-khen-thuong.xlsx"


def year_records(province: Province, data_dir: Path, year: int) -> YearRecords:
    data = load_year(province, data_dir, year)
    return YearRecords(data, check_year(province, data),
                       load_decisions(registrations_dir(data_dir, year), set(province.units)))


def commendation_book(province: Province, data_dir: Path) -> list[Commendation]:
    """The book's rows, or none when the province keeps no book in thidua."""
    path = Path(data_dir) / BOOK_FILE
    return load_book(path, province, str(Path(Path(data_dir).name) / BOOK_FILE)) if path.exists() else []


def period_records(province: Province, data_dir: Path, years) -> dict[int, YearRecords]:
    return {y: year_records(province, data_dir, y) for y in years}
