"""Benchmark: the sample province's whole round against the naive pipeline, measured side by side (issue 13).

    .venv/bin/python bench/bench_round.py [--year 2024] [--naive-docs 3] [--workers N]

The round is what `thidua demo` does for the year's drafts: every document
generated (docxtpl) and converted (long-running LibreOffice), signed by its
unit's leader, issued by its records office (register number, seal signature)
and verified, through the project's own workflows. The naive pipeline, run in
the same process on a sample of the same DOCX files, is one cold `soffice`
per document, one `pyhanko` process per signature and one per validation; its
cost per document is extrapolated to the round. Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_generate import cold_convert  # noqa: E402
from generators.core.config import load_province  # noqa: E402
from thidua.settings import Settings  # noqa: E402
from thidua.workflows.issuing import sign_and_issue  # noqa: E402
from thidua.workflows.pki import init_pki  # noqa: E402
from thidua.workflows.registration import generate  # noqa: E402

TARGET_SPEEDUP = 25.0
PYHANKO = Path(sys.executable).with_name("pyhanko")


def peak_rss_mib() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest child (LibreOffice, signing workers), MiB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, child


def naive_document(docx: Path, work: Path, profile: Path, layout, unit: str, sealing: str, passfile: Path) -> None:
    """One document the naive way: a cold soffice, a pyhanko process per signature and for the validation."""
    cold_convert(docx, work, profile)
    pdf = work / docx.with_suffix(".pdf").name
    leader, issued = work / f"{pdf.stem}.leader.pdf", work / f"{pdf.stem}.issued.pdf"
    for field, src, dst, p12 in (("1/330,120,520,200/LanhDao", pdf, leader, layout.leader_p12(unit)),
                                 ("1/260,110,420,220/ConDau", leader, issued, layout.org_p12(sealing))):
        subprocess.run([str(PYHANKO), "sign", "addsig", "--field", field, "--use-pades", "pkcs12",
                        "--passfile", str(passfile), str(src), str(dst), str(p12)],
                       check=True, capture_output=True, timeout=120)
    subprocess.run([str(PYHANKO), "sign", "validate", "--trust", str(layout.root), "--trust-replace",
                    "--no-revocation-check", str(issued)], check=True, capture_output=True, timeout=120)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--naive-docs", type=int, default=3, help="documents of the naive pipeline's sample")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="thidua-bench-round-"))
    password = b"bench"
    try:
        settings = Settings(data=ROOT / "data", out=work / "out", year=args.year, workers=args.workers)
        province = load_province(settings.data)
        t0 = time.perf_counter()
        drafted = generate(settings, manifest=False)
        t_generate = time.perf_counter() - t0
        ready = [d for d in drafted.documents if not d.undecided]

        t0 = time.perf_counter()
        layout = init_pki(province, work / "pki", password, sorted({d.unit for d in ready}))
        t_pki = time.perf_counter() - t0

        t0 = time.perf_counter()
        issued = sign_and_issue(settings.data, ready, password, layout, work / "so.sqlite", args.workers)
        t_issue = time.perf_counter() - t0
        passed = sum(d.verification.indication == "TOTAL_PASSED" for d in issued)
        own, child = peak_rss_mib()

        passfile = work / "naive.pass"
        passfile.touch(mode=0o600)
        passfile.write_bytes(password)
        sample = ready[: max(1, args.naive_docs)]
        naive_dir, profile = work / "naive", work / "cold-profile"
        naive_dir.mkdir()
        cold_convert(sample[0].docx, work / "warm", profile)  # the profile's first creation is not counted
        t0 = time.perf_counter()
        for d in sample:
            naive_document(d.docx, naive_dir, profile, layout, d.unit, province.unit(d.unit).issuer_code, passfile)
        t_naive = (time.perf_counter() - t0) / len(sample)

        n = len(ready)
        round_s = t_generate + t_issue
        print(f"whole round {args.year}: {n} documents ({len(drafted.documents) - n} held as not final), "
              f"{args.workers} workers, {os.cpu_count()} cores; {passed}/{n} TOTAL_PASSED")
        print(f"generate + convert            : {t_generate:7.2f} s  {t_generate / n * 1000:7.1f} ms/doc")
        print(f"sign, issue, verify           : {t_issue:7.2f} s  {t_issue / n * 1000:7.1f} ms/doc")
        print(f"round wall time               : {round_s:7.2f} s  {round_s / n * 1000:7.1f} ms/doc "
              f"(test PKI {t_pki:.2f} s once, not counted)")
        print(f"baseline: naive pipeline      : {t_naive * 1000:7.1f} ms/doc over {len(sample)} documents "
              f"(cold soffice, 3 pyhanko processes); {t_naive * n:.1f} s extrapolated to the round")
        print(f"speed-up over the naive pipeline: {t_naive * n / round_s:.1f}x (target {TARGET_SPEEDUP:.0f}x)")
        print(f"peak resident memory          : {own:.0f} MiB this process, {child:.0f} MiB largest child")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
