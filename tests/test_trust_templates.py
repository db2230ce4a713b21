"""Issue 8, item 2: a clerk-edited template cannot run code, in `templates check` or in generation."""
from __future__ import annotations

import shutil

import pytest
from docx import Document

from generators.core.errors import TemplateError
from generators.documents.render import render_docx, template_path
from generators.registration.contexts import kh_context
from generators.registration.lists import load_year
from thidua.cli import main

from .conftest import DATA

ATTACKS = [
    "{{ cycler.__init__.__globals__.os.popen('touch %s').read() }}",
    "{{ joiner.__init__.__globals__['os'].system('touch %s') }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}{{ lipsum.__globals__.os.popen('touch %s') }}",
]


def hostile(tmp_path, attack: str):
    marker = tmp_path / "PWNED"
    path = tmp_path / "ke-hoach-boi-duong.docx"
    shutil.copy(template_path("KH"), path)
    doc = Document(str(path))
    p = next(p for p in doc.paragraphs if "{{ intro }}" in p.text)
    p.runs[0].text = "{{ intro }} " + (attack % marker if "%s" in attack else attack)
    doc.save(str(path))
    return path, marker


@pytest.mark.parametrize("attack", ATTACKS)
def test_templates_check_refuses_a_template_reaching_python(tmp_path, capsys, attack):
    path, marker = hostile(tmp_path, attack)
    assert main(["templates", "check", "--kind", "KH", str(path)]) == 1
    out = capsys.readouterr().out
    assert not marker.exists()
    assert "không được phép" in out and "đúng thể thức" not in out


@pytest.mark.parametrize("attack", ATTACKS)
def test_generation_refuses_it_and_writes_nothing(tmp_path, province, attack):
    path, marker = hostile(tmp_path, attack)
    reg = next(iter(load_year(province, DATA, 2024).registrations.values()))
    out = tmp_path / "out.docx"
    with pytest.raises(TemplateError) as exc:
        render_docx(path, kh_context(province, reg), out)
    assert "không được phép" in str(exc.value)
    assert not marker.exists() and not out.exists()
