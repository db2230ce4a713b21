"""Issue 8: property-based tests. Random rows and random Unicode through write → read are stable; no input
raises anything but thidua's own DataError."""
from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generators.core.errors import DataError
from generators.core.model import Entry
from generators.core.text import clean
from generators.workbooks.registration import read_registration, write_workbook

from .conftest import DATA

# What openpyxl can store in a cell at all (it refuses C0 controls); everything else is fair game.
CELL_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="".join(map(chr, range(32)))),
                    max_size=60)


def _plan():
    from generators.core.config import load_plan

    return load_plan(DATA / "plan.yaml")


PLAN = _plan()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(names=st.lists(CELL_TEXT, min_size=1, max_size=4), position=CELL_TEXT)
def test_random_rows_round_trip_or_are_refused_cleanly(names, position):
    entries = [Entry(0, name, "tập thể", None, position, PLAN.fields[0], "Thành tích", "Biện pháp") for name in names]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "HD-XNINHQUOI.xlsx"
        write_workbook(path, PLAN, unit="HD-XNINHQUOI", unit_name="Ủy ban nhân dân xã Ninh Quới", year=2024,
                       sent=dt.date(2024, 1, 10), entries=entries)
        try:
            reg = read_registration(path, PLAN)
        except DataError as exc:
            assert exc.problems and all(p.file and p.message for p in exc.problems)
            return
        kept = [n for n in names if clean(n)]
        assert [e.name for e in reg.entries] == [clean(n) for n in kept]
        # and a second round trip changes nothing
        write_workbook(path, PLAN, unit="HD-XNINHQUOI", unit_name="Ủy ban nhân dân xã Ninh Quới", year=2024,
                       sent=dt.date(2024, 1, 10), entries=list(reg.entries))
        assert read_registration(path, PLAN).entries == reg.entries


@settings(max_examples=60, deadline=None)
@given(blob=st.binary(max_size=3000))
def test_any_bytes_as_a_workbook_give_a_data_error(blob):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.xlsx"
        path.write_bytes(blob)
        try:
            read_registration(path, PLAN)
        except DataError:
            pass
