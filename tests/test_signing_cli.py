"""The sign / issue / verify commands as a records office uses them: secrets from the environment only."""
from __future__ import annotations

import shutil

import pytest

from dispatch.register import Register
from thidua.cli import main

from .conftest import DATA

PASSWORD = "mat-khau-cli"


@pytest.fixture(scope="module")
def draft(tmp_path_factory):
    from thidua.cycle import run_round

    base = tmp_path_factory.mktemp("cli")
    data = base / "data"
    shutil.copytree(DATA, data)
    for f in (data / "registrations" / "2024").glob("*.xlsx"):
        if f.name != "HD-XLOCNINH.xlsx":
            f.unlink()
    result = run_round(data, base / "out", 2024, show_progress=False)
    kh = next(d for d in result.documents if d.kind == "KH")
    return base, data, kh.pdf


@pytest.fixture
def env(monkeypatch, draft):
    base, data, pdf = draft
    monkeypatch.setenv("THIDUA_KEY_PASSWORD", PASSWORD)
    pki = base / "pki"
    if not pki.exists():
        assert main(["--data", str(data), "pki", "init", str(pki), "--units", "HD-XLOCNINH,HD"]) == 0
    return base, data, pdf, pki


def test_sign_issue_verify_from_the_command_line(env, tmp_path, capsys):
    base, data, pdf, pki = env
    signed, issued, register = tmp_path / "ky.pdf", tmp_path / "ph.pdf", tmp_path / "so.sqlite"
    common = ["--data", str(data)]
    assert main(common + ["sign", str(pdf), "--unit", "HD-XLOCNINH", "--pki", str(pki), "--out", str(signed)]) == 0
    assert main(common + ["issue", str(signed), "--unit", "HD-XLOCNINH", "--pki", str(pki), "--out", str(issued),
                          "--date", "2024-01-09", "--register", str(register)]) == 0
    out = capsys.readouterr().out
    assert "Đã cấp số 01/KH-UBND ngày 09/01/2024" in out
    assert main(["verify", str(issued), "--trust", str(pki / "root.pem")]) == 0
    text = capsys.readouterr().out
    assert "Kết luận: HỢP LỆ (TOTAL_PASSED)" in text and "SoVanBan = 01" in text and "ThangBanHanh = 01" in text
    # The password is in no output and no file thidua wrote.
    for path in (signed, issued, register):
        assert PASSWORD.encode() not in path.read_bytes()
    assert PASSWORD not in out + text


def test_wrong_password_consumes_no_number(env, tmp_path, monkeypatch, capsys):
    base, data, pdf, pki = env
    signed, register = tmp_path / "ky.pdf", tmp_path / "so.sqlite"
    common = ["--data", str(data)]
    assert main(common + ["sign", str(pdf), "--unit", "HD-XLOCNINH", "--pki", str(pki), "--out", str(signed)]) == 0
    monkeypatch.setenv("THIDUA_KEY_PASSWORD", "wrong-pw-4711")
    code = main(common + ["issue", str(signed), "--unit", "HD-XLOCNINH", "--pki", str(pki), "--date", "2024-01-09",
                          "--register", str(register), "--out", str(tmp_path / "x.pdf")])
    err = capsys.readouterr().err
    assert code == 2 and "sai mật khẩu" in err and "Traceback" not in err and "wrong-pw-4711" not in err
    assert Register(register).entries() == [] and not (tmp_path / "x.pdf").exists()
    monkeypatch.setenv("THIDUA_KEY_PASSWORD", PASSWORD)
    assert main(common + ["issue", str(signed), "--unit", "HD-XLOCNINH", "--pki", str(pki), "--date", "2024-01-09",
                          "--register", str(register), "--out", str(tmp_path / "x.pdf")]) == 0
    assert [e.number for e in Register(register).entries()] == [1]
    # Issuing the same document again is refused and consumes nothing.
    assert main(common + ["issue", str(tmp_path / "x.pdf"), "--unit", "HD-XLOCNINH", "--pki", str(pki),
                          "--register", str(register), "--date", "2024-01-10"]) == 2
    assert "đã được phát hành" in capsys.readouterr().err
    assert [e.number for e in Register(register).entries()] == [1]


def test_date_outside_the_printed_year_is_refused(env, tmp_path, capsys):
    base, data, pdf, pki = env
    signed = tmp_path / "ky.pdf"
    assert main(["--data", str(data), "sign", str(pdf), "--unit", "HD-XLOCNINH", "--pki", str(pki), "--out",
                 str(signed)]) == 0
    assert main(["--data", str(data), "issue", str(signed), "--unit", "HD-XLOCNINH", "--pki", str(pki),
                 "--register", str(tmp_path / "so.sqlite"), "--date", "2025-01-02"]) == 2
    assert "in sẵn năm 2024" in capsys.readouterr().err


def test_document_without_the_signer_is_refused(env, tmp_path, capsys):
    base, data, pdf, pki = env
    code = main(["--data", str(data), "sign", str(pdf), "--unit", "HD", "--pki", str(pki),
                 "--out", str(tmp_path / "ky.pdf")])
    err = capsys.readouterr().err
    assert code == 2 and "không tìm thấy họ tên người ký" in err and "Traceback" not in err
    assert not (tmp_path / "ky.pdf").exists()


def test_unsigned_document_cannot_be_issued(env, tmp_path, capsys):
    base, data, pdf, pki = env
    register = tmp_path / "so.sqlite"
    assert main(["--data", str(data), "issue", str(pdf), "--unit", "HD-XLOCNINH", "--pki", str(pki),
                 "--register", str(register), "--date", "2024-01-09"]) == 2
    assert "chưa có chữ ký của người có thẩm quyền" in capsys.readouterr().err
    assert Register(register).entries() == []
