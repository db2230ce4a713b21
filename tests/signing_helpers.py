"""Independent validators the project did not write: pyHanko's CLI, poppler's pdfsig, qpdf."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path


def pyhanko_cli() -> str:
    local = Path(sys.executable).with_name("pyhanko")
    return str(local) if local.exists() else shutil.which("pyhanko")


def pyhanko_validate(pdf: Path, root: Path, *extra: str) -> tuple[int, str]:
    out = subprocess.run([pyhanko_cli(), "sign", "validate", "--trust", str(root), "--trust-replace", *extra, str(pdf)],
                         capture_output=True, text=True)
    return out.returncode, out.stdout


def nss_db(folder: Path, root: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["certutil", "-N", "-d", f"sql:{folder}", "--empty-password"], check=True, capture_output=True)
    subprocess.run(["certutil", "-A", "-d", f"sql:{folder}", "-n", "thidua-test-root", "-t", "CT,C,C", "-i", str(root)],
                   check=True, capture_output=True)
    return folder


def pdfsig(pdf: Path, nss: Path) -> list[dict]:
    """pdfsig's verdict per signature (it exits 0 even on failure: read its words)."""
    out = subprocess.run(["pdfsig", "-nssdir", f"sql:{nss}", str(pdf)], capture_output=True, text=True).stdout
    sigs = []
    for block in re.split(r"\nSignature #\d+:", out)[1:]:
        if "The signature form field is not signed." in block:
            continue  # a field waiting for a later signature (the seal, before issuance)
        sigs.append({
            "field": re.search(r"Signature Field Name: (.*)", block).group(1).strip(),
            "valid": "Signature Validation: Signature is Valid." in block,
            "trusted": "Certificate Validation: Certificate is Trusted." in block,
            "total": "Total document signed" in block and "Not total document signed" not in block,
            "subfilter": re.search(r"Signature Type: (.*)", block).group(1).strip(),
        })
    return sigs


def pdfsig_accepts(pdf: Path, nss: Path) -> bool:
    sigs = pdfsig(pdf, nss)
    return bool(sigs) and all(s["valid"] and s["trusted"] for s in sigs) and sigs[-1]["total"]


def qpdf_ok(pdf: Path) -> bool:
    return subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True).returncode == 0
