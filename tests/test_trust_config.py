"""Issue 8, item 9: mistakes in province.yaml and plan.yaml are messages naming the file (and line), never a
traceback, a hang, silent last-one-wins or unbounded memory."""
from __future__ import annotations

import pytest

from generators.core.config import load_province
from generators.core.errors import ConfigError
from thidua.cli import main


def _replace(path, old: str, new: str, count: int = 1):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


CASES = {
    "empty plan": ("plan.yaml", None, "", "rỗng"),
    "missing board": ("plan.yaml", "board: SNV\n", "", "«board»"),
    "quota minimum as text": ("plan.yaml", "    min: 5\n", "    min: năm\n", "số nguyên"),
    "impossible date": ("plan.yaml", "date: 2022-08-19", "date: 2025-02-30", "2025-02-30"),
    "impossible deadline": ("plan.yaml", "deadline: 01-15", "deadline: 02-30", "không hợp lệ"),
    "duplicate key": ("plan.yaml", "board: SNV\n", "board: SNV\nboard: UBND-BL\n", "lặp lại"),
    "missing kinds": ("province.yaml", "kinds:\n", "kinds_:\n", "«kinds»"),
    "units not a list": ("province.yaml", "units:\n- code: UBND-BL", "units: 5\nx:\n- code: UBND-BL", "danh sách"),
    "unknown unit kind": ("province.yaml", "  kind: province\n", "  kind: tinh\n", "«tinh»"),
    "leader without a name": ("province.yaml", "  leader:\n    name: Quách Quốc Dũng\n", "  leader:\n    ten: X\n",
                              "«name»"),
    "not UTF-8": ("province.yaml", None, "province:\n  name: T\xe9\n", "UTF-8"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_configuration_mistakes_are_messages(data_copy, capsys, case):
    name, old, new, expected = CASES[case]
    path = data_copy / name
    if old is None:
        if case == "not UTF-8":
            path.write_bytes(new.encode("latin-1"))
        else:
            path.write_text(new, encoding="utf-8")
    else:
        _replace(path, old, new)
    with pytest.raises(ConfigError) as exc:
        load_province(data_copy)
    assert expected in str(exc.value) and name in str(exc.value)
    assert main(["--data", str(data_copy), "check", "--year", "2024"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and expected in err


def test_duplicate_unit_codes_are_refused(data_copy):
    _replace(data_copy / "province.yaml", "- code: SNV\n", "- code: UBND-BL\n")
    with pytest.raises(ConfigError) as exc:
        load_province(data_copy)
    assert "lặp lại" in str(exc.value) and "UBND-BL" in str(exc.value)


def test_a_cycle_in_the_hierarchy_is_refused_not_a_hang(data_copy):
    text = (data_copy / "province.yaml").read_text(encoding="utf-8")
    assert "  valid_to: '2025-06-30'\n" in text
    _replace(data_copy / "province.yaml", "  valid_to: '2025-06-30'\n", "  valid_to: '2025-06-30'\n  parent: HD\n")
    with pytest.raises(ConfigError) as exc:
        load_province(data_copy)
    assert "vòng" in str(exc.value)


def test_an_alias_bomb_is_refused_before_it_expands(data_copy):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    bomb += "".join(f"{chr(99 + i)}: &{chr(99 + i)} [{', '.join(['*' + chr(98 + i)] * 9)}]\n" for i in range(8))
    (data_copy / "plan.yaml").write_text(bomb, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_province(data_copy)
    assert "bí danh" in str(exc.value) and "dòng 2" in str(exc.value)


def _line_of(path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_a_type_error_names_its_yaml_line(data_copy):
    plan = data_copy / "plan.yaml"
    _replace(plan, "    min: 5\n", "    min: năm\n")
    with pytest.raises(ConfigError) as exc:
        load_province(data_copy)
    assert f"dòng {_line_of(plan, 'min: năm')}: «quotas.commune.min» phải là số nguyên" in str(exc.value)


def test_every_mistake_of_a_file_is_listed_with_its_line(data_copy):
    province = data_copy / "province.yaml"
    _replace(province, "    seal_mm: 42\n", "    seal_mm: lớn\n")
    _replace(province, "  abbr: UBND\n", "  abr: UBND\n")
    _replace(province, "    role: deputy\n", "    role: pho\n")
    with pytest.raises(ConfigError) as exc:
        load_province(data_copy)
    message = str(exc.value)
    assert "có 4 lỗi" in message, message  # the misspelt key is one mistake and the missing «abbr» another
    assert f"dòng {_line_of(province, 'seal_mm: lớn')}: «kinds.province.seal_mm» phải là số" in message
    assert "«units[1]» có trường không được biết đến «abr»" in message and "«units[1]» thiếu trường «abbr»" in message
    assert f"dòng {_line_of(province, 'role: pho')}: «units[1].leader" in message
