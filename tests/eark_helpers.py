"""Running eark-validator (its own environment, `.venv-eark`, made by `make test`) on a package."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

EARK_PYTHON = Path(__file__).resolve().parent.parent / ".venv-eark" / "bin" / "python"


def eark_reports(packages: list[Path]) -> list[dict]:
    """One eark-validator run over all the packages (it loads its rules once)."""
    assert EARK_PYTHON.exists(), "eark-validator's environment is missing: run `make test` (it creates .venv-eark)"
    run = subprocess.run([str(EARK_PYTHON), str(Path(__file__).parent / "eark_check.py"), *map(str, packages)],
                         capture_output=True, text=True, timeout=1800)
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout)


def eark_report(package: Path) -> dict:
    return eark_reports([package])[0]


def eark_errors(report: dict) -> list[str]:
    sections = [report["structure"], *report["metadata"].values()]
    return [m["rule_id"] for s in sections for m in s["messages"] if m["severity"] == "Error"]
