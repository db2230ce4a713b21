"""Benchmark: signatures per second over the sample 2024 round (leader + issuance), split into parts.

    .venv/bin/python bench/bench_signing.py

Drafts are generated first (not timed). Then, per document and in one process:
placement (anchors from the PDF text), leader signing (fields + PAdES), issuance
(register allocation + fields + organisation's PAdES), and validation with
pyHanko; the register alone is also timed. Prints figures; asserts nothing.
"""
from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dispatch.record import IssuedDocument, SignerInfo  # noqa: E402
from dispatch.register import open_register  # noqa: E402
from generators.core.config import load_province  # noqa: E402
from signing import fields  # noqa: E402
from signing.keys import Pkcs12Key, load_pkcs12  # noqa: E402
from signing.pades import SignatureRequest, sign_file  # noqa: E402
from signing.placement import find_placement  # noqa: E402
from signing.verify import verify  # noqa: E402
from thidua.settings import Settings  # noqa: E402
from thidua.workflows.office import issue_as_office  # noqa: E402
from thidua.workflows.pki import init_pki  # noqa: E402
from thidua.workflows.registration import generate  # noqa: E402


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="thidua-bench-sign-"))
    password = b"bench"
    try:
        result = generate(Settings(data=ROOT / "data", out=work / "out", year=2024))
        province = load_province(ROOT / "data")
        t0 = time.perf_counter()
        layout = init_pki(province, work / "pki", password, sorted({d.unit for d in result.documents}))
        t_pki = time.perf_counter() - t0
        register = open_register(work / "so.sqlite")
        times = {"placement": 0.0, "leader signing": 0.0, "issuance": 0.0, "validation": 0.0}
        passed = 0
        for d in result.documents:
            unit = province.unit(d.unit)
            leader = load_pkcs12(Pkcs12Key(layout.leader_p12(unit.code)), password)
            org = load_pkcs12(Pkcs12Key(layout.org_p12(unit.code)), password)
            t = time.perf_counter()
            placement = find_placement(d.pdf, unit.leader.name, unit.signature_lines(), unit.kind.seal_mm)
            times["placement"] += time.perf_counter() - t
            t = time.perf_counter()
            prepared, signed = d.pdf.with_suffix(".fields.pdf"), d.pdf.with_suffix(".signed.pdf")
            fields.prepare(d.pdf, prepared, placement)
            sign_file(prepared, signed, SignatureRequest(fields.LEADER_FIELD, "Ký ban hành", unit.place,
                                                         unit.leader.name, layout.signature_image(unit.code)), leader)
            times["leader signing"] += time.perf_counter() - t
            t = time.perf_counter()
            issued = d.pdf.with_suffix(".issued.pdf")
            issue_as_office(unit, signed, issued, register, org, layout.seal_image(unit.code), d.created.date())
            times["issuance"] += time.perf_counter() - t
            t = time.perf_counter()
            passed += verify(issued, [layout.root]).indication == "TOTAL_PASSED"
            times["validation"] += time.perf_counter() - t
        n = len(result.documents)
        t = time.perf_counter()
        for i in range(200):  # the register alone: allocation + entry, one transaction each
            with register.allocation("BENCH", 2024) as a:
                a.record(IssuedDocument("KH", "BENCH", "A", "KH", a.number, f"{a.number:02d}/KH-X", dt.date(2024, 1, 1),
                                         SignerInfo("A")))
        t_register = (time.perf_counter() - t) / 200
        total = sum(times.values())
        print(f"sample round 2024: {n} documents, 2 signatures each; {passed}/{n} TOTAL_PASSED")
        print(f"test PKI for {len({d.unit for d in result.documents})} units (2 RSA-2048 keys + 2 images each): "
              f"{t_pki:.2f} s (once)")
        for part, seconds in times.items():
            print(f"{part:16s}: {seconds:6.2f} s  {seconds / n * 1000:7.1f} ms/doc")
        print(f"register alone  : {t_register * 1000:7.2f} ms per allocation + entry (SQLite, WAL, synchronous=FULL)")
        print(f"leader + issuance (placement, both signatures): {n / (times['placement'] + times['leader signing'] + times['issuance']):.2f} docs/s, "
              f"{2 * n / (times['placement'] + times['leader signing'] + times['issuance']):.2f} signatures/s in one process")
        print(f"including validation: {n / total:.2f} docs/s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
