from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generators.core.config import load_plan, load_province
from generators.core.model import Entry
from generators.workbooks.registration import HEADER_ROW, write_workbook

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


@pytest.fixture(scope="session")
def province():
    return load_province(DATA)


@pytest.fixture(scope="session")
def plan():
    return load_plan(DATA / "plan.yaml")


def sample_entries(n: int = 5) -> list[Entry]:
    kinds = ["mô hình", "tập thể", "cá nhân"]
    out = []
    for i in range(n):
        kind = kinds[i % 3]
        out.append(Entry(0, f"Điển hình số {i + 1} ấp Nội Ô", kind,
                         dt.date(1980, 3, i + 1) if kind == "cá nhân" else None,
                         "Ấp Nội Ô, xã Ninh Quới", "Y tế", "Thành tích nổi bật của năm", "Tham quan, học tập"))
    return out


@pytest.fixture
def workbook(tmp_path, plan):
    """A valid registration workbook of Xã Ninh Quới for 2024; tests break it on purpose."""
    path = tmp_path / "HD-XNINHQUOI.xlsx"
    write_workbook(path, plan, unit="HD-XNINHQUOI", unit_name="Ủy ban nhân dân xã Ninh Quới", year=2024,
                   sent=dt.date(2024, 1, 10), entries=sample_entries())
    return path


FIRST_ROW = HEADER_ROW + 1


@pytest.fixture
def data_copy(tmp_path):
    """A writable copy of the sample data folder."""
    dst = tmp_path / "data"
    shutil.copytree(DATA, dst)
    return dst


@pytest.fixture(scope="session")
def round_2024(tmp_path_factory):
    """The sample 2024 round, generated once with the real LibreOffice."""
    out = tmp_path_factory.mktemp("out")
    result = run_round(DATA, out, 2024)
    return out, result


def small_round(base: Path, keep: set[str]):
    """A copy of the sample data keeping only some 2024 workbooks, and its round generated (real LibreOffice)."""
    data = base / "data"
    shutil.copytree(DATA, data)
    for f in (data / "registrations" / "2024").glob("*.xlsx"):
        if f.name not in keep:
            f.unlink()
    return data, run_round(data, base / "out", 2024)


def run_round(data: Path, out: Path, year: int):
    """The registration round's workflow (drafts and their manifest), as `thidua generate` runs it."""
    from thidua.settings import Settings
    from thidua.workflows.registration import generate

    return generate(Settings(data=Path(data), out=Path(out), year=year))


@pytest.fixture(scope="session")
def postgres_url():
    """A PostgreSQL server for the whole session, started on loopback and stopped at the end."""
    from .pg_server import postgres_server

    with postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def register_target(request, tmp_path):
    """An empty register on each backend: a SQLite file, or a new database on the session's PostgreSQL server."""
    if request.param == "sqlite":
        return tmp_path / "so-dang-ky.sqlite"
    import uuid

    from .pg_server import create_database

    name = f"reg_{uuid.uuid4().hex[:16]}"
    return create_database(request.getfixturevalue("postgres_url"), name)
