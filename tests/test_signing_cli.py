"""The sign / issue / verify commands as a records office uses them: secrets from the environment only."""
from __future__ import annotations

import pytest

from dispatch.register import open_register as Register
from thidua.cli import main

from .conftest import small_round

PASSWORD = "mat-khau-cli"


@pytest.fixture(scope="module")
def draft(tmp_path_factory):
    base = tmp_path_factory.mktemp("cli")
    data, result = small_round(base, {"HD-XLOCNINH.xlsx"})
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
    assert "Kết luận: HỢP LỆ (TOTAL_PASSED)" in text and "SoVanBan = 01/" in text and "NgayBanHanh = ngày" in text
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


def test_annex_in_a_separate_file_gets_a_text_only_signature(env, tmp_path, capsys):
    import subprocess

    from PIL import Image
    from pypdf import PdfReader

    from signing.verify import verify

    base, data, pdf, pki = env
    out = tmp_path / "phu-luc.pdf"
    assert main(["--data", str(data), "issue", str(pdf), "--unit", "HD-XLOCNINH", "--pki", str(pki),
                 "--annex-of", "05/QĐ-UBND", "--out", str(out)]) == 0
    report = verify(out, [pki / "root.pem"])
    assert report.indication == "TOTAL_PASSED" and [s.field for s in report.signatures] == ["ChuKyToChuc"]
    widget = PdfReader(str(out)).get_fields()["ChuKyToChuc"].indirect_reference.get_object()
    ap = widget["/AP"]["/N"].get_object()
    content = ap.get_data()
    assert b"(05/Q\x80-UBND) Tj" in content and b"+07:00) Tj" in content and b"/F1 10 Tf 0 g" in content
    assert "/XObject" not in ap["/Resources"]  # no image: text only
    font = ap["/Resources"]["/Font"]["/F1"]
    assert "LiberationSerif" in font["/BaseFont"] and "/FontFile2" in font["/FontDescriptor"]
    x0, y0, x1, y1 = (float(v) for v in widget["/Rect"])
    page_w, page_h = (float(v) for v in PdfReader(str(out)).pages[0].mediabox[2:])
    assert x1 > page_w * 0.8 and y0 > page_h * 0.9  # top right of page 1
    subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile", "-f", "1", "-l", "1", str(out),
                    str(tmp_path / "p1")], check=True)
    img = Image.open(tmp_path / "p1.png").convert("RGB")
    k = 100 / 72
    crop = img.crop((int(x0 * k), int((page_h - y1) * k), int(x1 * k), int((page_h - y0) * k))).get_flattened_data()
    dark = [p for p in crop if sum(p) < 200]
    assert len(dark) > 30 and all(abs(r - g) < 40 and abs(g - b) < 40 for r, g, b in dark)  # black, no seal ink


def test_timestamp_from_an_rfc3161_tsa(env, tmp_path, capsys):
    from signing.testpki.pki import TestPki
    from signing.verify import verify

    from .signing_helpers import pyhanko_validate
    from .tsa_server import running_tsa

    base, data, pdf, pki = env
    # A TSA under its own test root, trusted next to the signing root.
    tsa_pki = TestPki(tmp_path / "tsa-pki", b"x")
    cert, key = tsa_pki.issue_tsa()
    signed = tmp_path / "ky.pdf"
    with running_tsa(cert, key, [tsa_pki.intermediate]) as (url, calls):
        assert main(["--data", str(data), "sign", str(pdf), "--unit", "HD-XLOCNINH", "--pki", str(pki),
                     "--tsa", url, "--out", str(signed)]) == 0
    assert calls and set(calls) == {"application/timestamp-query"}  # RFC 3161 over HTTP (one to size, one to stamp)
    report = verify(signed, [pki / "root.pem", tsa_pki.root_path])
    leader = report.signatures[0]
    assert leader.indication == "TOTAL_PASSED" and leader.timestamp and leader.timestamp.endswith("+07:00")
    code, out = pyhanko_validate(signed, pki / "root.pem", "--trust", str(tsa_pki.root_path), "--pretty-print")
    assert code == 0 and "Signature timestamp token:" in out
    assert "The timestamp token is cryptographically sound." in out and "The TSA certificate is trusted." in out
