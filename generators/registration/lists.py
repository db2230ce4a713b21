"""Load a year's registration workbooks, keeping unreadable files as problems."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generators.core.errors import DataError, Problem
from generators.core.model import Province, Registration
from generators.workbooks.registration import read_registration


@dataclass
class YearData:
    year: int
    registrations: dict[str, Registration] = field(default_factory=dict)  # by unit code
    problems: list[Problem] = field(default_factory=list)


def registrations_dir(data_dir: Path, year: int) -> Path:
    return Path(data_dir) / "registrations" / str(year)


# Beside the workbooks: the decisions recorded on the year's findings (generators/registration/decisions.py).
DECISIONS_FILE = "decisions.yaml"


def load_year(province: Province, data_dir: Path, year: int) -> YearData:
    """Read every workbook of the year; a bad file contributes its problems, not a crash."""
    out = YearData(year)
    folder = registrations_dir(data_dir, year)
    if not folder.is_dir():
        out.problems.append(Problem(str(folder), f"không có thư mục danh sách đăng ký năm {year}."))
        return out
    for path in sorted(folder.iterdir()):
        shown = str(path.relative_to(Path(data_dir).parent)) if path.is_relative_to(Path(data_dir).parent) else str(path)
        if path.name.startswith((".", "~$")) or not path.is_file() or path.name == DECISIONS_FILE:
            continue  # hidden files, Excel's lock files, the year's decisions
        if path.suffix.lower() != ".xlsx":
            out.problems.append(Problem(shown, f"không đọc tệp này: chỉ nhận tệp Excel .xlsx (tệp có đuôi "
                                               f"«{path.suffix or 'không có'}»)."))
            continue
        try:
            reg = read_registration(path, province.plan, known_units=set(province.units), display_name=shown)
        except DataError as exc:
            out.problems.extend(exc.problems)
            continue
        if reg.year != year:
            out.problems.append(Problem(shown, f"năm đăng ký ghi {reg.year} nhưng tệp nằm trong thư mục năm {year}.",
                                        "Danh sách"))
            continue
        if reg.unit in out.registrations:
            first = Path(out.registrations[reg.unit].source).name
            out.problems.append(Problem(shown, f"đơn vị {reg.unit} đã có danh sách trong tệp {first}; mỗi đơn vị một tệp.",
                                        "Danh sách"))
            continue
        out.registrations[reg.unit] = reg
    return out
