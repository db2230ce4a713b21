"""Issue 14 item 11: a template a clerk opened and saved in LibreOffice still renders and passes the check. The
save drops "different first page" and the page-number header of a first section that fits on one page; loading
the template restores them, and the check says so with how to fix it in Word and LibreOffice."""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from generators.documents.layout_rules import check_docx
from generators.documents.render import TEMPLATES, render_docx, template_path
from thidua.settings import Settings
from thidua.workflows.templates import check_template, sample_context

from .conftest import DATA

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def resaved(tmp_path_factory):
    """Every bundled template opened and saved as DOCX by the real LibreOffice."""
    base = tmp_path_factory.mktemp("resaved")
    for name in TEMPLATES.values():
        shutil.copyfile(template_path(next(k for k, v in TEMPLATES.items() if v == name)), base / name)
    profile = base / "profile"
    run = subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                          "docx:MS Word 2007 XML", "--outdir", str(base / "out"), *map(str, base.glob("*.docx"))],
                         capture_output=True, text=True, timeout=300, env={**os.environ, "HOME": str(base)})
    assert run.returncode == 0, run.stderr
    return base / "out"


@pytest.mark.parametrize("kind", ["TTr", "QĐ", "BC", "KH", "BB", "BC-TK", "CV"])
def test_a_template_saved_by_libreoffice_renders_and_passes_the_check(resaved, tmp_path, kind):
    path = resaved / TEMPLATES[kind]
    settings = Settings(data=DATA, out=tmp_path)
    _, problems, restored = check_template(path, settings, kind)
    assert problems == [], [str(p) for p in problems]
    if kind in ("TTr", "QĐ", "BC"):  # the ones LibreOffice damages (their first section is one page)
        assert {v.rule for v in check_docx(path)} == {"so-trang"}  # as saved, page numbering is broken
        assert any("trang đầu khác" in r for r in restored) and any("số trang" in r for r in restored)
    out = render_docx(path, sample_context(kind, settings), tmp_path / f"{kind}.docx")
    assert check_docx(out) == []  # the generated document numbers its pages as Decree 30 says


def test_the_check_says_how_to_fix_it(resaved, capsys):
    from thidua.cli import main

    assert main(["--data", str(DATA), "templates", "check", str(resaved / TEMPLATES["TTr"]), "--kind", "TTr"]) == 0
    out = capsys.readouterr().out
    assert "thidua tự khôi phục khi tạo văn bản" in out and "Different First Page" in out and "Format → Title Page" in out
