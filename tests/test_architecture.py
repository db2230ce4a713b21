"""The layers hold: import-linter's contracts, no private names across domains, every package shipped."""
from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("generators", "signing", "dispatch", "thidua")


def test_import_linter_contracts_are_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    run = subprocess.run([str(lint), "--config", str(ROOT / "pyproject.toml")], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "0 broken" in run.stdout


def _domain(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2]) if parts[0] == "generators" and len(parts) > 1 else parts[0]


def test_no_module_imports_a_private_name_of_another_domain():
    offences = []
    for pkg in PACKAGES:
        for path in (ROOT / pkg).rglob("*.py"):
            module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 \
                        and node.module.split(".")[0] in PACKAGES and _domain(node.module) != _domain(module):
                    offences += [f"{module}: {node.module}.{a.name}" for a in node.names if a.name.startswith("_")]
    assert offences == []


def test_every_package_folder_is_in_the_wheel_list():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for pkg in PACKAGES for p in (ROOT / pkg).rglob("__init__.py")}
    assert found <= listed, found - listed
