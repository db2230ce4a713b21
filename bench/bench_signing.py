"""Benchmark: signatures per second over the sample 2024 round (leader + issuance), split into parts.

    .venv/bin/python bench/bench_signing.py

Drafts are generated first (not timed). Then, per document and in one process:
placement alone (anchors from the PDF text), leader signing (placement, fields,
PAdES), issuance (register allocation, fields, organisation's PAdES, each key
loaded once), and validation with pyHanko, in wall and CPU time; the register alone is also timed. Prints figures;
asserts nothing.
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
from signing.keys import Pkcs12Key, load_pkcs12  # noqa: E402
from signing.placement import find_placement  # noqa: E402
from signing.verify import verify  # noqa: E402
from thidua.settings import Settings  # noqa: E402
from thidua.workflows.office import expected_of, issue_as_office, sign_as_leader  # noqa: E402
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
        times = {part: [0.0, 0.0] for part in ("placement", "leader signing", "issuance", "validation")}
        keys: dict[str, object] = {}

        def key(path: Path):
            """Each key file opened once for the batch, as the workflows' workers do."""
            if path not in keys:
                keys[path] = load_pkcs12(Pkcs12Key(path), password)
            return keys[path]

        def timed(part: str, call, *args, **kwargs):
            wall, cpu = time.perf_counter(), time.process_time()
            value = call(*args, **kwargs)
            times[part][0] += time.perf_counter() - wall
            times[part][1] += time.process_time() - cpu  # this process only: pdftotext's own CPU is not in it
            return value

        passed = 0
        for d in result.documents:
            unit = province.unit(d.unit)
            sealing = province.unit(unit.issuer_code)  # a cluster's lead unit seals for it
            leader, org = key(layout.leader_p12(unit.code)), key(layout.org_p12(sealing.code))
            timed("placement", find_placement, d.pdf, unit.leader.name, unit.signature_lines(d.kind),
                  sealing.kind.seal_mm)
            signed, issued = d.pdf.with_suffix(".signed.pdf"), d.pdf.with_suffix(".issued.pdf")
            timed("leader signing", sign_as_leader, unit, d.pdf, signed, leader, layout.signature_image(unit.code),
                  kind=d.kind, sealing=sealing)
            timed("issuance", issue_as_office, unit, signed, issued, register, org, layout.seal_image(sealing.code),
                  d.created.date(), kind=d.kind, sealing_unit=sealing)
            report = timed("validation", verify, issued, [layout.root], expected_of(unit, sealing))
            passed += report.indication == "TOTAL_PASSED"
        n = len(result.documents)
        t = time.perf_counter()
        for i in range(200):  # the register alone: allocation + entry, one transaction each
            with register.allocation("BENCH", 2024) as a:
                a.record(IssuedDocument("KH", "BENCH", "A", "KH", a.number, f"{a.number:02d}/KH-X", dt.date(2024, 1, 1),
                                         SignerInfo("A")))
        t_register = (time.perf_counter() - t) / 200
        print(f"sample round 2024: {n} documents, 2 signatures each; {passed}/{n} TOTAL_PASSED")
        print(f"test PKI for {len({d.unit for d in result.documents})} units (2 RSA-2048 keys + 2 images each): "
              f"{t_pki:.2f} s (once)")
        for part, (wall, cpu) in times.items():
            print(f"{part:16s}: {wall:6.2f} s  {wall / n * 1000:7.1f} ms/doc wall, {cpu / n * 1000:7.1f} ms/doc CPU")
        print("  (leader signing and issuance each include their own placement; targets of issue 13: "
              "20 ms CPU per signature, 30 ms per validation)")
        print(f"register alone  : {t_register * 1000:7.2f} ms per allocation + entry (SQLite, WAL, synchronous=FULL)")
        sign = sum(times[p][0] for p in ("leader signing", "issuance"))
        print(f"leader + issuance: {n / sign:.2f} docs/s, {2 * n / sign:.2f} signatures/s in one process; "
              f"with validation {n / (sign + times['validation'][0]):.2f} docs/s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
