"""Benchmark: register allocations per second with 8 concurrent writers, on SQLite and on PostgreSQL.

    .venv/bin/python bench/bench_register.py [--count N]

Each writer is its own process with its own connection; all allocate numbers for the same issuer and year
(the worst case: every allocation waits for the same lock) and record each entry in the same transaction.
The baseline is one writer doing the same number of allocations alone. After each run the register is read
back: the numbers must be exactly 1..total, none twice. Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dispatch.register import open_register  # noqa: E402
from tests.pg_server import create_database, postgres_server  # noqa: E402
from tests.register_worker import entry  # noqa: E402

WRITERS = 8
SPAWN = multiprocessing.get_context("spawn")


def _writer(target: str, count: int, tag: str, start_at: float, ends) -> None:
    """Open the register, wait for the common start, allocate `count` numbers; report when it finished."""
    with open_register(target) as register:
        while time.time() < start_at:
            time.sleep(0.001)
        for _ in range(count):
            with register.allocation("UBND-BENCH", 2024) as a:
                a.record(entry("UBND-BENCH", a.number, tag))
        ends.put(time.time())


def _run(target: str, writers: int, per_writer: int) -> tuple[float, int, int]:
    """(seconds from the common start to the last writer's end, numbers recorded, duplicates and gaps)."""
    open_register(target).close()  # schema made before the clock starts
    ends = SPAWN.Queue()
    start_at = time.time() + 3.0  # every process started and connected by then
    procs = [SPAWN.Process(target=_writer, args=(target, per_writer, f"w{i}", start_at, ends))
             for i in range(writers)]
    for p in procs:
        p.start()
    finished = [ends.get() for _ in procs]
    for p in procs:
        p.join()
    seconds = max(finished) - start_at
    with open_register(target) as register:
        numbers = [e.number for e in register.entries("UBND-BENCH", 2024)]
    duplicates = len(numbers) - len(set(numbers))
    gaps = set(range(1, writers * per_writer + 1)) ^ set(numbers)
    return seconds, len(numbers), duplicates + len(gaps)


def _report(backend: str, make_target, count: int) -> None:
    base_s, base_n, base_bad = _run(make_target("one"), 1, count)
    many_s, many_n, many_bad = _run(make_target("eight"), WRITERS, count // WRITERS)
    print(f"{backend:<11} 1 writer : {base_n:5d} allocations in {base_s:6.2f} s = {base_n / base_s:7.0f}/s "
          f"(baseline), wrong numbers {base_bad}")
    print(f"{backend:<11} {WRITERS} writers: {many_n:5d} allocations in {many_s:6.2f} s = {many_n / many_s:7.0f}/s "
          f"({many_n / many_s / (base_n / base_s):.2f}× the baseline), duplicates or gaps {many_bad}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=4000, help="allocations per run (default 4000)")
    count = parser.parse_args().count
    print(f"Register allocations (number + entry in one transaction), {count} per run, timed from a common start "
          f"after every writer has connected.")
    with tempfile.TemporaryDirectory(prefix="thidua-bench-reg-") as work:
        _report("SQLite", lambda name: str(Path(work) / f"{name}.sqlite"), count)
    with postgres_server() as url:
        _report("PostgreSQL", lambda name: create_database(url, f"bench_{name}"), count)


if __name__ == "__main__":
    main()
