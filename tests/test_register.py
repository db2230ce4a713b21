"""The register suite, run on SQLite and on PostgreSQL: numbering, rollback, migrations, race-free opening,
concurrent issuers and a killed one."""
from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import time

import pytest

from dispatch.errors import RegisterError
from dispatch.register import open_register, schema

from .register_worker import allocate_forever, allocate_many, entry, open_at

SPAWN = multiprocessing.get_context("spawn")


def test_numbers_run_per_issuer_year_and_sequence(register_target):
    with open_register(register_target) as reg:
        for issuer, sequence in [("UBND-LN", ""), ("UBND-LN", ""), ("SNV", ""), ("UBND-LN", "QĐ"), ("UBND-LN", "")]:
            with reg.allocation(issuer, 2024, sequence) as a:
                a.record(entry(issuer, a.number, "", sequence))
        numbers = [(e.issuer, e.sequence, e.number) for e in reg.entries()]
    assert numbers == [("SNV", "", 1), ("UBND-LN", "", 1), ("UBND-LN", "", 2), ("UBND-LN", "", 3),
                       ("UBND-LN", "QĐ", 1)]


def test_a_failed_issuance_consumes_no_number(register_target):
    with open_register(register_target) as reg:
        with pytest.raises(RuntimeError):
            with reg.allocation("UBND-LN", 2024) as a:
                assert a.number == 1
                raise RuntimeError("signing failed")
        with reg.allocation("UBND-LN", 2024) as a:
            a.record(entry("UBND-LN", a.number, ""))
        assert [e.number for e in reg.entries()] == [1]


def test_the_record_survives_the_register(register_target):
    with open_register(register_target) as reg:
        with reg.allocation("UBND-LN", 2024) as a:
            a.record(entry("UBND-LN", a.number, "ghi chú"))
    with open_register(register_target) as reg:
        [doc] = reg.entries("UBND-LN", 2024)
    assert (doc.kind, doc.notation, doc.issued_date.isoformat(), doc.signer.full_name, doc.signer.position) == \
        ("KH", "01/KH-UBND", "2024-03-01", "Lê Văn A", "CHỦ TỊCH")
    assert doc.recipients == ("- UBND huyện Hồng Dân;",) and doc.file_copy == "VT, VP" and doc.description == "ghi chú"
    assert doc.organ_name == "Ủy ban nhân dân xã Lộc Ninh" and doc.code_number == "01"


def test_schema_is_at_the_latest_migration_once(register_target):
    with open_register(register_target) as reg:
        assert reg.schema_version() == schema.latest() >= 2
    with open_register(register_target) as reg:  # reopening applies nothing twice
        assert reg.schema_version() == schema.latest()


def test_a_register_made_before_migrations_is_upgraded_in_place(tmp_path):
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    db.executescript("""CREATE TABLE outgoing (id INTEGER PRIMARY KEY, issuer TEXT NOT NULL, year INTEGER NOT NULL,
        sequence TEXT NOT NULL DEFAULT '', number INTEGER NOT NULL, notation TEXT NOT NULL, issued_date TEXT NOT NULL,
        type_and_subject TEXT NOT NULL, signer TEXT NOT NULL, recipients TEXT NOT NULL,
        file_copy TEXT NOT NULL DEFAULT '', copies INTEGER NOT NULL DEFAULT 1, dispatched_date TEXT, receipt TEXT,
        note TEXT, document TEXT, issued_at TEXT NOT NULL, UNIQUE (issuer, year, sequence, number),
        UNIQUE (issuer, year, notation));
        INSERT INTO outgoing (issuer, year, number, notation, issued_date, type_and_subject, signer, recipients,
        issued_at) VALUES ('SNV', 2024, 1, '01/DS-SNV', '2024-02-01', 'Danh sách', 'Dương Minh Trung', '',
        '2024-02-01T08:00:00+07:00');""")
    db.close()
    with open_register(path) as reg:
        assert reg.schema_version() == schema.latest()
        with reg.allocation("SNV", 2024) as a:
            a.record(entry("SNV", a.number, ""))
        assert [(e.number, e.notation) for e in reg.entries("SNV")] == [(1, "01/DS-SNV"), (2, "02/KH-UBND")]


@pytest.mark.parametrize("trial", range(20))
def test_processes_opening_a_new_register_at_once_never_fail(register_target, trial):
    start_at = time.time() + 1.5  # after the spawned interpreters have started
    procs = [SPAWN.Process(target=open_at, args=(str(register_target), start_at)) for _ in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=60)
    assert [p.exitcode for p in procs] == [0, 0, 0, 0]
    with open_register(register_target) as reg:
        assert reg.schema_version() == schema.latest()


def test_eight_concurrent_issuers_get_1_to_n(register_target):
    procs = [SPAWN.Process(target=allocate_many, args=(str(register_target), "UBND-LN", 100, f"w{k}"))
             for k in range(8)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=300)
    assert [p.exitcode for p in procs] == [0] * 8
    with open_register(register_target) as reg:
        entries = reg.entries("UBND-LN", 2024)
    assert sorted(e.number for e in entries) == list(range(1, 801))
    assert len({e.notation for e in entries}) == 800
    assert {e.description for e in entries} == {f"w{k}" for k in range(8)}  # every issuer got numbers


def test_a_killed_issuer_leaves_no_gap(register_target):
    victim = SPAWN.Process(target=allocate_forever, args=(str(register_target), "UBND-LN"))
    victim.start()
    deadline = time.time() + 60
    while time.time() < deadline:
        with open_register(register_target) as reg:
            if len(reg.entries()) >= 20:
                break
        time.sleep(0.05)
    os.kill(victim.pid, signal.SIGKILL)  # most likely inside an allocation: it holds the lock for 10 ms
    victim.join()
    allocate_many(str(register_target), "UBND-LN", 5, "after")
    with open_register(register_target) as reg:
        numbers = [e.number for e in reg.entries("UBND-LN", 2024)]
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 25


def test_an_unreachable_server_is_a_clear_error_without_the_password():
    with pytest.raises(RegisterError) as exc:
        open_register("postgresql://thuky:mat-khau-bi-mat@127.0.0.1:1/so", timeout=2)
    assert "mat-khau-bi-mat" not in str(exc.value) and "127.0.0.1:1" in str(exc.value)


def _received(number: int, receiver: str = "SNV") -> "ReceivedDocument":
    import datetime as dt

    from dispatch.record import ReceivedDocument

    return ReceivedDocument(receiver=receiver, year=2024, number=number, received_at="2024-03-01T16:00:00+07:00",
                            sender_id="000.01.31.H05", sender_name="Ủy ban nhân dân xã Lộc Ninh", code_number="01",
                            code_notation="KH-UBND", issued_date=dt.date(2024, 3, 1), type_name="Kế hoạch",
                            subject="Kế hoạch bồi dưỡng", signer="Lê Văn A", document_id=f"000.01.31.H05,{number}")


def test_incoming_numbers_run_per_receiver_and_a_failed_receipt_consumes_none(register_target):
    with open_register(register_target) as reg:
        with pytest.raises(RuntimeError):
            with reg.receiving("SNV", 2024) as r:
                assert r.number == 1
                raise RuntimeError("attachment could not be stored")
        for receiver in ("SNV", "SNV", "UBND-BL"):
            with reg.receiving(receiver, 2024) as r:
                r.record(_received(r.number, receiver))
    with open_register(register_target) as reg:  # and the rows survive the register
        assert [(e.receiver, e.number) for e in reg.received()] == [("SNV", 1), ("SNV", 2), ("UBND-BL", 1)]
        assert reg.received("SNV", 2024)[1] == _received(2)


def test_dispatch_and_receipts_fill_columns_8_and_9(register_target):
    import datetime as dt

    with open_register(register_target) as reg:
        with reg.allocation("UBND-LN", 2024) as a:
            a.record(entry("UBND-LN", a.number, ""))
        [doc] = reg.entries()
        reg.mark_dispatched(doc, dt.date(2024, 3, 2), ("000.00.01.H05",))
        reg.mark_receipt(doc, "Sở Nội vụ: đã đến")
        reg.mark_receipt(doc, "Sở Nội vụ: đã tiếp nhận và vào sổ")
        reg.mark_receipt(doc, "Sở Nội vụ: đã đến")  # a status read twice is written once
    with open_register(register_target) as reg:
        [doc] = reg.entries()
    assert doc.dispatched_date == dt.date(2024, 3, 2) and doc.dispatched_to == ("000.00.01.H05",)
    assert doc.receipts == ("Sở Nội vụ: đã đến", "Sở Nội vụ: đã tiếp nhận và vào sổ")
