"""Concurrent records offices issuing real documents against one register (SQLite and PostgreSQL): distinct
numbers, no gap, nothing left by a killed one."""
from __future__ import annotations

import multiprocessing
import os
import signal
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from dispatch.register import open_register as Register
from generators.core.config import load_province
from signing.keys import Pkcs12Key, load_pkcs12
from thidua.workflows.office import sign_as_leader
from thidua.workflows.pki import init_pki

from .conftest import small_round
from .issuing_worker import issue_many

PASSWORD = "mat-khau-dong-thoi"


@pytest.fixture(scope="module")
def signed(tmp_path_factory):
    base = tmp_path_factory.mktemp("concurrency")
    data, result = small_round(base, {"HD-XLOCNINH.xlsx"})
    draft = next(d.pdf for d in result.documents if d.kind == "KH")
    unit = load_province(data).unit("HD-XLOCNINH")
    layout = init_pki(load_province(data), base / "pki", PASSWORD.encode(), ["HD-XLOCNINH"])
    path = base / "signed.pdf"
    sign_as_leader(unit, draft, path, load_pkcs12(Pkcs12Key(layout.leader_p12(unit.code)), PASSWORD.encode()),
                   layout.signature_image(unit.code))
    os.environ["THIDUA_KEY_PASSWORD"] = PASSWORD  # inherited by the clerks' processes
    return base, path, layout.org_p12(unit.code), layout.seal_image(unit.code)


def issued_numbers(out_dir: Path) -> dict[str, str]:
    return {p.name: PdfReader(str(p)).get_fields()["SoVanBan"]["/V"] for p in sorted(out_dir.glob("*.pdf"))}


def test_eight_offices_fifty_documents_each(signed, tmp_path, register_target):
    base, pdf, p12, seal = signed
    register, out = register_target, tmp_path / "issued"
    out.mkdir()
    Register(register).close()
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=issue_many, args=(str(pdf), str(p12), str(seal), str(register), str(out), f"w{k}",
                                                   50, "UBND-LN")) for k in range(8)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=600)
        assert p.exitcode == 0
    entries = Register(register).entries("UBND-LN", 2024)
    assert sorted(e.number for e in entries) == list(range(1, 401))
    assert len({e.notation for e in entries}) == 400
    in_files = issued_numbers(out)
    assert len(in_files) == 400 and len(set(in_files.values())) == 400  # every file a distinct number
    by_document = {e.files.issued_pdf.name: e.notation for e in entries}
    assert in_files == by_document  # and the number in each file is the register's


def test_a_killed_issuance_leaves_no_gap_and_no_duplicate(signed, tmp_path, register_target):
    base, pdf, p12, seal = signed
    register, out = register_target, tmp_path / "issued"
    out.mkdir()
    Register(register).close()
    ctx = multiprocessing.get_context("spawn")
    victim = ctx.Process(target=issue_many, args=(str(pdf), str(p12), str(seal), str(register), str(out), "killed",
                                                   1000, "UBND-LN"))
    victim.start()
    deadline = time.time() + 60
    while len(list(out.glob("*.pdf"))) < 5 and time.time() < deadline:
        time.sleep(0.05)
    time.sleep(0.07)  # somewhere inside an issuance
    os.kill(victim.pid, signal.SIGKILL)
    victim.join()
    issue_many(str(pdf), str(p12), str(seal), str(register), str(out), "after", 5, "UBND-LN")
    entries = Register(register).entries("UBND-LN", 2024)
    numbers = sorted(e.number for e in entries)
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 10
    files = issued_numbers(out)
    assert len(set(files.values())) == len(files)  # no number in two files
    registered = {e.files.issued_pdf.name for e in entries}
    assert set(files) <= registered  # no issued file the register does not know
    assert len(registered - set(files)) <= 1  # at most the one killed between commit and rename
