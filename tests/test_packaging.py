"""A wheel built from the repository, installed into a fresh virtual environment outside it, runs the demo."""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from signing.testpki.publication import publishing

from .signing_helpers import nss_db, pdfsig_accepts, pyhanko_validate

ROOT = Path(__file__).resolve().parent.parent


def _crl_port(ca: Path) -> int:
    """The port of the CRL distribution point a CA certificate names (http://127.0.0.1:PORT/root.crl)."""
    from urllib.parse import urlsplit

    from cryptography import x509

    cert = x509.load_pem_x509_certificate(ca.read_bytes())
    [point] = cert.extensions.get_extension_for_class(x509.CRLDistributionPoints).value
    return urlsplit(point.full_name[0].value).port


def _run(cmd, cwd, timeout=600, env=None):
    return subprocess.run([str(c) for c in cmd], cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    base = tmp_path_factory.mktemp("wheel")
    # Built from a copy of the checkout: a stale build/ folder in the checkout must not leak into the wheel.
    source = base / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".git", ".venv", ".venv-eark", "out", "build", "*.egg-info",
                                                                 "__pycache__", ".pytest_cache"))
    built = _run([sys.executable, "-m", "build", "--wheel", "--outdir", base / "dist", source], base)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    [wheel] = list((base / "dist").glob("thidua-*.whl"))
    venv = base / "venv"
    assert _run([sys.executable, "-m", "venv", venv], base).returncode == 0
    python = venv / "bin" / "python"
    purelib = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], base)
                   .stdout.strip())
    # The dependencies come from the test environment's site-packages (a path, so its .pth files, among them
    # the checkout's editable install, are not processed); thidua itself only from the wheel.
    (purelib / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    inst = _run([python, "-m", "pip", "install", "--no-deps", "--no-index", wheel], base)
    assert inst.returncode == 0, inst.stdout[-2000:] + inst.stderr[-2000:]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("THIDUA_", "PYTHON"))}
    return base, venv, env


def test_the_wheel_carries_templates_sample_data_and_migrations(installed):
    base, venv, env = installed
    probe = _run([venv / "bin" / "python", "-c",
                  "import thidua, generators, json; from generators.core.resources import templates_folder, "
                  "sample_data_folder; from dispatch.register.schema import latest; "
                  "t, d = templates_folder(), sample_data_folder(); print(json.dumps([thidua.__file__, str(t), "
                  "str(d), sorted(p.name for p in t.glob('*.docx')), len(list(d.glob('registrations/*/*.xlsx'))), "
                  "latest()]))"], base, env=env)
    assert probe.returncode == 0, probe.stderr
    module, templates, data, docx, workbooks, migration = json.loads(probe.stdout)
    for path in (module, templates, data):
        assert str(venv) in path and str(ROOT) not in path
    assert len(docx) == 8 and workbooks == len(list((ROOT / "data" / "registrations").glob("*/*.xlsx")))
    assert migration >= 2


@pytest.fixture(scope="module")
def demo(installed):
    """The installed command's demo, run once outside the repository."""
    base, venv, env = installed
    data = base / "tinh"
    shutil.copytree(ROOT / "data", data)
    run = _run([venv / "bin" / "thidua", "--data", data, "demo", "--out", base / "out", "--quiet"], base, 1800, env)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    return base, venv, env, data, run


def test_the_installed_command_runs_the_demo_outside_the_repository(demo):
    base, venv, env, data, run = demo
    manifest = json.loads((base / "out" / "2024" / "manifest.json").read_text())
    assert len(manifest["documents"]) == 165
    assert {d["verify"] for d in manifest["documents"]} == {"TOTAL_PASSED"}
    # issue 12: each unit's plan went upward under a cover letter citing the plan's number and date as issued
    plans = {d["docx"].split("/")[1]: d for d in manifest["documents"] if d["kind"] == "KH"}
    letters = {d["docx"].split("/")[1]: d for d in manifest["documents"] if d["kind"] == "CV"}
    assert set(letters) == set(plans) and len(letters) == 80
    for unit, letter in letters.items():
        plan = plans[unit]
        assert letter["notation"].split("/", 1)[1].count("-") == 1 and "CV" not in letter["notation"]
        day = dt.date.fromisoformat(plan["issued_date"])
        text = " ".join(subprocess.run(["pdftotext", str(base / "out" / letter["pdf"]), "-"], capture_output=True,
                                       text=True).stdout.split())
        month = f"{day.month:02d}" if day.month < 3 else str(day.month)  # Decree 30: 01, 02, then 3 … 12
        # pdftotext takes a hyphen ending a justified line ("01/KH-" | "UBND") for a hyphenation and drops it
        cited = f"Kế hoạch số {plan['notation']} ngày {day:%d} tháng {month} năm {day.year}"
        assert cited.replace("-", "") in text.replace("-", ""), unit
    # every issued document, also in the validators we did not write; pyHanko's CLI checks revocation online, so
    # the demo's CRLs are served again where its certificates say (the demo served them while it ran)
    root = base / "out" / manifest["trust_roots"][0]
    nss = nss_db(base / "nss", root)
    with publishing(base / "out" / "pki" / "crl", _crl_port(root.parent / "intermediate.pem")):
        for doc in manifest["documents"]:
            pdf = base / "out" / doc["pdf"]
            assert pdfsig_accepts(pdf, nss), doc["pdf"]
            assert pyhanko_validate(pdf, root)[0] == 0, doc["pdf"]
        # issue 12: the final review of 2022-2025, issued by the merged province in the year it is dated, and the
        # award certificates of the decision, each signed and sealed
        final = base / "out" / "2025" / "UBND-CM" / "BC-TK-2022-2025-UBND-CM.issued.pdf"
        extra = [final, *sorted((base / "out" / "2024" / "khen-thuong" / "bang-khen").glob("*.signed.pdf"))]
        assert len(extra) == 7
        for pdf in extra:
            assert pdfsig_accepts(pdf, nss), pdf.name
            assert pyhanko_validate(pdf, root)[0] == 0, pdf.name
    # issue 14: every issued document passes the project's own review (authority, pages, heading, notes, number line)
    review = _run([venv / "bin" / "thidua", "--data", data, "review", "--out", base / "out"], base, 300, env)
    assert review.returncode == 0 and "165 văn bản năm 2024: không có vấn đề nào" in review.stdout, review.stdout[-3000:]
    check = _run([venv / "bin" / "thidua", "check", "--year", "2023"], base, 300, env)  # the bundled sample data
    assert check.returncode == 0, check.stdout[-2000:] + check.stderr[-2000:]


def test_the_demo_prints_every_register_and_exchanges_every_plan(demo):
    """Issue 11, items 1-3, on the demo: the outgoing registers list every issued document in number order with
    the columns the data fills; they pass the layout rules; every edXML package and answer validates against
    the XSD and xmlsec1 verifies it with the test root; the board's incoming register holds every plan."""
    import openpyxl
    from lxml import etree

    from generators.core.files import file_slug
    from generators.documents.layout_rules import check_book_docx

    base, venv, env, data, run = demo
    out = base / "out"
    manifest = json.loads((out / "2024" / "manifest.json").read_text())
    issued: dict[str, list[dict]] = {}
    for doc in manifest["documents"]:
        issued.setdefault(doc["unit"], []).append(doc)
    books = out / "2024" / "so-dang-ky"
    for unit, docs in issued.items():
        stem = books / f"{file_slug(unit)}-van-ban-di-2024"
        sheet = openpyxl.load_workbook(stem.with_suffix(".xlsx")).active
        rows = [r for r in sheet.iter_rows(values_only=True)]
        head = next(i for i, r in enumerate(rows) if r[0] == "(1)")
        table = [r for r in rows[head + 1:] if r[0]]
        expected = sorted(docs, key=lambda d: int(d["number"]))
        assert [r[0] for r in table] == [d["notation"] for d in expected], unit
        for row, doc in zip(table, expected):
            day = doc["issued_date"]
            assert row[1] == f"{day[8:10]}/{day[5:7]}/{day[:4]}" and row[2] == doc["subject"]
            assert row[3] == doc["signer"]["full_name"] and row[6] == str(doc["copies"])
            assert row[4] == "\n".join(doc["recipients"]) and row[5] == doc["file_copy"]
            if doc["kind"] == "KH":  # sent to the board: (8) Ngày chuyển and (9) Ký nhận filled
                assert row[7] == row[1] and "Sở Nội vụ" in row[8], (unit, row)
        assert check_book_docx(stem.with_suffix(".docx")) == [], unit
        text = subprocess.run(["pdftotext", "-layout", str(stem.with_suffix(".pdf")), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert "SỔ ĐĂNG KÝ VĂN BẢN ĐI" in text and all(d["notation"] in text for d in docs), unit

    root = out / manifest["trust_roots"][0]
    schema = etree.XMLSchema(etree.parse(str(ROOT / "dispatch" / "edxml" / "schema" / "edxml.xsd")))
    packages = sorted((out / "2024" / "edxml").rglob("*.edxml"))
    plans = [d for d in manifest["documents"] if d["kind"] == "KH"]
    assert len(packages) == 3 * len(plans)  # the package, then "arrived" and "registered"
    for package in packages:
        assert schema.validate(etree.parse(str(package))), (package, schema.error_log)
        check = subprocess.run(["xmlsec1", "--verify", "--trusted-pem", str(root), str(package)],
                               capture_output=True, text=True)
        assert check.returncode == 0, (package, check.stderr)
    sheet = openpyxl.load_workbook(books / "SNV-van-ban-den-2024.xlsx").active
    rows = [r for r in sheet.iter_rows(values_only=True)]
    head = next(i for i, r in enumerate(rows) if r[0] == "(1)")
    table = [r for r in rows[head + 1:] if r[0]]
    assert [int(r[1]) for r in table] == list(range(1, len(plans) + 1))
    assert sorted(r[3] for r in table) == sorted(d["notation"] for d in plans)
    assert [r[0][6:] + r[0][3:5] + r[0][:2] for r in table] == sorted(r[0][6:] + r[0][3:5] + r[0][:2] for r in table)


def test_every_archive_package_of_the_demo_verifies(demo):
    """Issue 11, item 5, on the demo: one package per agency's dossier holding every issued document, each
    passing `thidua archive verify` (offline: checksums, metadata, long-term signatures, PDF/A properties), and
    every one valid for eark-validator."""
    import zipfile

    from .eark_helpers import eark_errors, eark_reports

    base, venv, env, data, run = demo
    out = base / "out"
    manifest = json.loads((out / "2024" / "manifest.json").read_text())
    packages = sorted((out / "2024" / "luu-tru").glob("*.zip"))
    held = [n for p in packages for n in zipfile.ZipFile(p).namelist() if n.endswith(".pdf")]
    assert len(held) == len(manifest["documents"])  # every issued document is in a package, once
    verified = _run([venv / "bin" / "thidua", "--data", data, "archive", "verify", *packages, "--out", out,
                     "--pki", out / "pki"], base, 900, env)
    assert verified.returncode == 0, verified.stdout[-3000:] + verified.stderr[-3000:]
    assert verified.stdout.count(": ĐẠT") == len(packages)
    for package, report in zip(packages, eark_reports(packages)):
        assert report["structure"]["status"] == "WellFormed", package
        assert report["metadata"]["schematron_results"]["status"] == "VALID" and eark_errors(report) == [], package
