"""Benchmark: documents per second for the sample 2024 round, against one cold soffice per document.

    .venv/bin/python bench/bench_generate.py [--baseline-docs N]

Prints figures; asserts nothing. The baseline (one `soffice --convert-to` process
per document, sequential, with a warmed profile) is measured in the same run on
the same DOCX files, so the two figures are comparable on this machine.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generators.documents.convert import PDFA2_FILTER, Converter, ConverterConfig  # noqa: E402
from generators.documents.render import render_docx, template_path  # noqa: E402
from thidua.settings import Settings  # noqa: E402
from thidua.workflows.registration import check, plan_documents  # noqa: E402


def cold_convert(docx: Path, outdir: Path, profile: Path) -> None:
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                    "--convert-to", PDFA2_FILTER, "--outdir", str(outdir), str(docx)],
                   check=True, capture_output=True, timeout=120, env=dict(os.environ, HOME=str(profile)))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--baseline-docs", type=int, default=0, help="documents for the cold baseline (0 = all)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="thidua-bench-"))
    try:
        checked = check(Settings(data=ROOT / "data", out=work / "out", year=args.year))
        province, data, findings = checked.province, checked.data, checked.findings
        planned = plan_documents(province, data, findings, work / "out", ROOT / "data")
        n = len(planned)

        t0 = time.perf_counter()
        for doc, ctx in planned:
            render_docx(template_path(doc.kind), ctx, doc.docx, created=doc.created)
        t_render = time.perf_counter() - t0

        t0 = time.perf_counter()
        report = Converter(ConverterConfig()).convert([(d.docx, d.pdf) for d, _ in planned])
        t_convert = time.perf_counter() - t0

        sample = [d.docx for d, _ in planned][: args.baseline_docs or n]
        profile = work / "cold-profile"
        cold_convert(sample[0], work / "warm", profile)  # first start creates the profile: not counted
        t0 = time.perf_counter()
        for docx in sample:
            cold_convert(docx, work / "cold", profile)
        t_cold = time.perf_counter() - t0

        pages = sum(int(subprocess.run(["pdfinfo", str(d.pdf)], capture_output=True, text=True).stdout
                        .split("Pages:")[1].split()[0]) for d, _ in planned)
        print(f"sample round {args.year}: {n} documents, {pages} PDF pages, {os.cpu_count()} cores")
        print(f"render DOCX (docxtpl)         : {t_render:6.2f} s  {n / t_render:6.2f} docs/s")
        print(f"convert PDF/A (batched, {report.processes} soffice): {t_convert:6.2f} s  {n / t_convert:6.2f} docs/s")
        print(f"generate + convert            : {t_render + t_convert:6.2f} s  {n / (t_render + t_convert):6.2f} docs/s")
        print(f"baseline: cold soffice per doc: {t_cold:6.2f} s  {len(sample) / t_cold:6.2f} docs/s "
              f"({len(sample)} documents, {t_cold / len(sample):.2f} s each)")
        print(f"speed-up of batched conversion over the baseline: "
              f"{(len(sample) / t_cold and (n / t_convert) / (len(sample) / t_cold)):.1f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
