"""Signing with a key on a real PKCS#11 token (SoftHSM2 stands in for a leader's USB token)."""
from __future__ import annotations

import os
import subprocess

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12

from signing.verify import verify
from thidua.cli import main

from .conftest import small_round
from .signing_helpers import pyhanko_validate

MODULE = "/usr/lib/softhsm/libsofthsm2.so"
PIN, SO_PIN = "246810", "13579135"


@pytest.fixture
def token(tmp_path, monkeypatch):
    """A fresh SoftHSM2 token holding the leader's key and certificate (from the test PKI)."""
    conf = tmp_path / "softhsm2.conf"
    (tmp_path / "tokens").mkdir()
    conf.write_text(f"directories.tokendir = {tmp_path / 'tokens'}\nobjectstore.backend = file\n")
    monkeypatch.setenv("SOFTHSM2_CONF", str(conf))
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", "thidua-test", "--pin", PIN,
                    "--so-pin", SO_PIN], check=True, capture_output=True)
    return tmp_path


def test_leader_signs_with_a_token(token, tmp_path, monkeypatch, capsys):
    data, result = small_round(tmp_path, {"HD-XLOCNINH.xlsx"})
    draft = next(d.pdf for d in result.documents if d.kind == "KH")
    monkeypatch.setenv("THIDUA_KEY_PASSWORD", "p12-password")
    pki = tmp_path / "pki"
    assert main(["--data", str(data), "pki", "init", str(pki), "--units", "HD-XLOCNINH"]) == 0
    # Put the leader's key and certificate on the token, as a CA would deliver it.
    key, cert, _ = pkcs12.load_key_and_certificates((pki / "nguoi-ky" / "HD-XLOCNINH.p12").read_bytes(),
                                                    b"p12-password")
    (tmp_path / "key.der").write_bytes(key.private_bytes(serialization.Encoding.DER,
                                                         serialization.PrivateFormat.PKCS8,
                                                         serialization.NoEncryption()))
    (tmp_path / "cert.der").write_bytes(cert.public_bytes(serialization.Encoding.DER))
    for kind, path in (("privkey", "key.der"), ("cert", "cert.der")):
        subprocess.run(["pkcs11-tool", "--module", MODULE, "--token-label", "thidua-test", "--login", "--pin", PIN,
                        "--write-object", str(tmp_path / path), "--type", kind, "--label", "lanh-dao", "--id", "01"],
                       check=True, capture_output=True)
    os.remove(tmp_path / "key.der")
    monkeypatch.setenv("THIDUA_PIN", PIN)
    signed = tmp_path / "signed.pdf"
    assert main(["--data", str(data), "sign", str(draft), "--unit", "HD-XLOCNINH", "--pki", str(pki),
                 "--pkcs11-module", MODULE, "--token-label", "thidua-test", "--key-label", "lanh-dao",
                 "--out", str(signed)]) == 0
    assert PIN not in capsys.readouterr().out
    report = verify(signed, [pki / "root.pem"])
    assert report.signatures[0].indication == "TOTAL_PASSED" and report.signatures[0].signer == cert.subject.rfc4514_string().split("CN=")[1].split(",")[0]
    assert report.sub_indication == "NOT_ISSUED"
    assert pyhanko_validate(signed, pki / "root.pem")[0] == 0


def test_wrong_pin_is_a_clear_error(token, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("THIDUA_PIN", "000000")
    code = main(["sign", str(tmp_path / "none.pdf"), "--unit", "HD-XLOCNINH", "--pkcs11-module", MODULE,
                 "--token-label", "thidua-test", "--key-label", "lanh-dao"])
    err = capsys.readouterr().err
    assert code == 2 and "Không mở được token «thidua-test»" in err and "000000" not in err
