"""Remote signing through real services on loopback that sign with the test PKI's keys: CSC v1 and v2 (pyHanko's
CSC signer), and an asynchronous SmartCA-style flow; batches approved once; failures that sign nothing."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading

import pytest

from dispatch.register import open_register
from signing.remote.errors import SigningCancelled
from signing.testpki.layout import PkiLayout
from signing.verify import verify
from thidua.cli import main
from thidua.settings import Settings
from thidua.workflows.office import sign_documents
from thidua.workflows.remote import RemoteChoice

from .conftest import small_round
from .remote_servers import CscService, Credential, SmartCaService, running_csc, running_smartca
from .signing_helpers import nss_db, pdfsig_accepts, pyhanko_validate

PASSWORD = b"mat-khau-ky-tu-xa"
UNIT = "HD-XLOCNINH"
CSC_PASSWORD, CSC_PIN, SP_PASSWORD = "csc-pass-8134", "pin-5521", "sp-secret-7733"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    base = tmp_path_factory.mktemp("remote")
    data, result = small_round(base, {f"{UNIT}.xlsx"})
    pdf = next(d for d in result.documents if d.kind == "KH").pdf
    pki = base / "pki"
    os.environ["THIDUA_KEY_PASSWORD"] = PASSWORD.decode()
    try:
        assert main(["--data", str(data), "pki", "init", str(pki), "--units", UNIT]) == 0
    finally:
        del os.environ["THIDUA_KEY_PASSWORD"]
    layout = PkiLayout(pki)
    chain = [layout.intermediate, layout.root]
    credentials = {"leader": Credential.from_p12(layout.leader_p12(UNIT), PASSWORD, chain),
                   "org": Credential.from_p12(layout.org_p12(UNIT), PASSWORD, chain)}
    return {"data": data, "pdf": pdf, "pki": pki, "credentials": credentials, "nss": nss_db(base / "nss", layout.root)}


def _config(tmp_path, services: dict) -> str:
    lines = ["services:"]
    for name, fields in services.items():
        lines.append(f"  {name}:")
        lines += [f"    {k}: {v}" for k, v in fields.items()]
    path = tmp_path / "ky-so-tu-xa.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def _csc_services(url, version="v1", credential="leader"):
    common = {"provider": "csc", "url": url, "api_version": version, "username": "vanthu",
              "password_env": "THIDUA_REMOTE_CSC_PASSWORD", "pin_env": "THIDUA_REMOTE_CSC_PIN", "wait_seconds": 20}
    return {"lanh-dao": {**common, "credential": credential}, "van-thu": {**common, "credential": "org"}}


@pytest.fixture
def csc(world, tmp_path, monkeypatch):
    service = CscService(world["credentials"], password=CSC_PASSWORD, pin=CSC_PIN)
    with running_csc(service) as url:
        monkeypatch.setenv("THIDUA_REMOTE_CSC_PASSWORD", CSC_PASSWORD)
        monkeypatch.setenv("THIDUA_REMOTE_CSC_PIN", CSC_PIN)
        service.url = url
        yield service


def _use(monkeypatch, tmp_path, services):
    monkeypatch.setenv("THIDUA_REMOTE_CONFIG", _config(tmp_path, services))


def _copies(world, tmp_path, n: int):
    files = []
    for i in range(n):
        files.append(tmp_path / f"du-thao-{i + 1:02d}.pdf")
        shutil.copyfile(world["pdf"], files[-1])
    return files


def _leader_signed(pdf, root) -> bool:
    """The leader's signature verifies (the document is not yet issued: that is the records office's step)."""
    report = verify(pdf, [root])
    return report.sub_indication == "NOT_ISSUED" and [(s.role, s.indication) for s in report.signatures] == [
        ("lãnh đạo", "TOTAL_PASSED")]


def _calls(service, endpoint):
    return [n for e, n in service.calls if e == endpoint]


@pytest.mark.parametrize("version", ["v1", "v2"])
def test_csc_signs_and_issues_and_three_validators_accept(world, csc, tmp_path, monkeypatch, capsys, version):
    _use(monkeypatch, tmp_path, _csc_services(csc.url, version))
    signed, issued, register = tmp_path / "ky.pdf", tmp_path / "ph.pdf", tmp_path / "so.sqlite"
    common = ["--data", str(world["data"])]
    assert main(common + ["sign", str(world["pdf"]), "--unit", UNIT, "--pki", str(world["pki"]), "--remote",
                          "lanh-dao", "--out", str(signed)]) == 0
    assert main(common + ["issue", str(signed), "--unit", UNIT, "--pki", str(world["pki"]), "--remote", "van-thu",
                          "--out", str(issued), "--date", "2024-01-09", "--register", str(register)]) == 0
    assert "Đã cấp số 01/KH-UBND" in capsys.readouterr().out
    assert _calls(csc, "credentials/authorize") == [1, 1] and _calls(csc, "signatures/signHash") == [1, 1]
    root = world["pki"] / "root.pem"
    assert main(common + ["verify", str(issued), "--trust", str(root), "--unit", UNIT]) == 0
    assert "HỢP LỆ (TOTAL_PASSED)" in capsys.readouterr().out
    assert pyhanko_validate(issued, root)[0] == 0
    assert pdfsig_accepts(issued, world["nss"])


def test_a_batch_of_forty_is_signed_with_one_authorization(world, csc, tmp_path, monkeypatch, capsys):
    _use(monkeypatch, tmp_path, _csc_services(csc.url))
    files = _copies(world, tmp_path, 40)
    assert main(["--data", str(world["data"]), "sign", *map(str, files), "--unit", UNIT, "--pki", str(world["pki"]),
                 "--remote", "lanh-dao"]) == 0
    assert _calls(csc, "credentials/authorize") == [40] and _calls(csc, "signatures/signHash") == [40]
    signed = [f.with_name(f"{f.stem}.signed.pdf") for f in files]
    root = world["pki"] / "root.pem"
    assert all(_leader_signed(s, root) for s in signed)
    assert pdfsig_accepts(signed[0], world["nss"]) and pdfsig_accepts(signed[-1], world["nss"])


def test_a_batch_larger_than_multisign_takes_as_few_authorizations_as_the_credential_allows(world, csc, tmp_path,
                                                                                            monkeypatch):
    csc.multisign = 10
    _use(monkeypatch, tmp_path, _csc_services(csc.url))
    files = _copies(world, tmp_path, 25)
    assert main(["--data", str(world["data"]), "sign", *map(str, files), "--unit", UNIT, "--pki", str(world["pki"]),
                 "--remote", "lanh-dao"]) == 0
    assert sorted(_calls(csc, "credentials/authorize")) == [5, 10, 10]
    assert sorted(_calls(csc, "signatures/signHash")) == [5, 10, 10]
    assert all(_leader_signed(f.with_name(f"{f.stem}.signed.pdf"), world["pki"] / "root.pem") for f in files)


@pytest.mark.parametrize("change, words", [
    ({"env": ("THIDUA_REMOTE_CSC_PIN", "0000")}, "sai PIN"),
    ({"env": ("THIDUA_REMOTE_CSC_PASSWORD", "nope")}, "từ chối đăng nhập"),
    ({"credential": "khong-co"}, "kiểm tra mã chứng thư"),
    ({"url": "http://127.0.0.1:9"}, "Không kết nối được dịch vụ ký số"),
    ({"credential": "org"}, "không phải người ký"),  # the organisation's key cannot sign as the leader
])
def test_a_refused_or_failed_request_signs_nothing_and_says_why(world, csc, tmp_path, monkeypatch, capsys, change,
                                                                 words):
    services = _csc_services(change.get("url", csc.url), credential=change.get("credential", "leader"))
    _use(monkeypatch, tmp_path, services)
    if "env" in change:
        monkeypatch.setenv(*change["env"])
    files = _copies(world, tmp_path, 3)
    code = main(["--data", str(world["data"]), "sign", *map(str, files), "--unit", UNIT, "--pki", str(world["pki"]),
                 "--remote", "lanh-dao"])
    err = capsys.readouterr().err
    assert code == 2 and words in err and "Traceback" not in err, err
    assert not list(tmp_path.glob("*.signed.pdf")) and not list(tmp_path.glob(".*.tmp"))
    assert _calls(csc, "signatures/signHash") == []


def test_pyhankos_reference_csc_service_signs_and_seals_with_the_test_pki(world, tmp_path, monkeypatch, capsys):
    """certomancer-csc-dummy (a CSC implementation we did not write), serving the test PKI's own keys: a batch of
    5 signed with one authorization, then one issued; the results verify in three validators."""
    from .remote_servers import running_csc_dummy

    layout = PkiLayout(world["pki"])
    credentials = {"leader": (layout.leader_p12(UNIT), PASSWORD), "org": (layout.org_p12(UNIT), PASSWORD)}
    with running_csc_dummy(tmp_path / "cm", credentials, layout.root, layout.intermediate) as (url, calls):
        common = {"provider": "csc", "url": url, "wait_seconds": 20}
        _use(monkeypatch, tmp_path, {"lanh-dao": {**common, "credential": "thidua/leader"},
                                     "van-thu": {**common, "credential": "thidua/org"}})
        files = _copies(world, tmp_path, 5)
        args = ["--data", str(world["data"])]
        assert main(args + ["sign", *map(str, files), "--unit", UNIT, "--pki", str(world["pki"]), "--remote",
                            "lanh-dao"]) == 0
        assert calls.count("/csc/v1/credentials/authorize") == 1 and calls.count("/csc/v1/signatures/signHash") == 1
        issued = tmp_path / "ph.pdf"
        assert main(args + ["issue", str(files[0].with_name(f"{files[0].stem}.signed.pdf")), "--unit", UNIT, "--pki",
                            str(world["pki"]), "--remote", "van-thu", "--out", str(issued), "--date", "2024-01-09",
                            "--register", str(tmp_path / "so.sqlite")]) == 0
    root = layout.root
    assert main(args + ["verify", str(issued), "--trust", str(root), "--unit", UNIT]) == 0
    assert "HỢP LỆ (TOTAL_PASSED)" in capsys.readouterr().out
    assert pyhanko_validate(issued, root)[0] == 0 and pdfsig_accepts(issued, world["nss"])
    assert all(_leader_signed(f.with_name(f"{f.stem}.signed.pdf"), root) for f in files[1:])


def test_a_service_that_never_answers_is_given_up_on_time(world, tmp_path, monkeypatch, capsys):
    import socket

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)  # accepts connections, never answers
    try:
        _use(monkeypatch, tmp_path, {"lanh-dao": {"provider": "csc", "url": f"http://127.0.0.1:{silent.getsockname()[1]}",
                                                  "credential": "leader", "wait_seconds": 1}})
        code = main(["--data", str(world["data"]), "sign", str(world["pdf"]), "--unit", UNIT, "--pki",
                     str(world["pki"]), "--remote", "lanh-dao", "--out", str(tmp_path / "x.pdf")])
    finally:
        silent.close()
    err = capsys.readouterr().err
    assert code == 2 and "không trả lời trong thời gian chờ" in err and "Traceback" not in err, err
    assert not (tmp_path / "x.pdf").exists()


# ---------------------------------------------------------------------------------------------------- SmartCA

@pytest.fixture
def smartca(world, tmp_path, monkeypatch):
    service = SmartCaService({"079123456789": world["credentials"]["leader"], "org": world["credentials"]["org"]},
                             sp_password=SP_PASSWORD, user_id="079123456789")
    with running_smartca(service) as url:
        monkeypatch.setenv("THIDUA_REMOTE_SMARTCA_PASSWORD", SP_PASSWORD)
        service.url = url
        yield service


def _smartca_services(url, wait=20, user="079123456789"):
    return {"smartca": {"provider": "smartca", "url": url, "sp_id": "thidua-sp", "user_id": f'"{user}"',
                        "sp_password_env": "THIDUA_REMOTE_SMARTCA_PASSWORD", "wait_seconds": wait,
                        "poll_seconds": 0.2}}


def test_smartca_waits_for_the_approval_of_the_whole_batch(world, smartca, tmp_path, monkeypatch, capsys):
    smartca.delay = 1.0
    _use(monkeypatch, tmp_path, _smartca_services(smartca.url))
    files = _copies(world, tmp_path, 5)
    assert main(["--data", str(world["data"]), "sign", *map(str, files), "--unit", UNIT, "--pki", str(world["pki"]),
                 "--remote", "smartca"]) == 0
    err = capsys.readouterr().err
    assert "Đang chờ người ký xác nhận 5 văn bản" in err  # progress while the user has not yet approved
    assert [n for e, n in smartca.calls if e == "/v1/signatures/sign"] == [5]  # one transaction, one approval
    root = world["pki"] / "root.pem"
    signed = [f.with_name(f"{f.stem}.signed.pdf") for f in files]
    assert all(_leader_signed(s, root) for s in signed)
    assert pyhanko_validate(signed[2], root)[0] == 0 and pdfsig_accepts(signed[2], world["nss"])


@pytest.mark.parametrize("outcome, wait, words", [
    ("reject", 20, "đã từ chối yêu cầu ký 3 văn bản"),
    ("expire", 20, "đã hết hạn trước khi người ký xác nhận"),
    ("never", 1.5, "Quá 1.5 giây mà người ký chưa xác nhận"),
])
def test_smartca_rejection_or_expiry_signs_nothing(world, smartca, tmp_path, monkeypatch, capsys, outcome, wait,
                                                   words):
    smartca.outcome, smartca.delay = outcome, 0.3
    _use(monkeypatch, tmp_path, _smartca_services(smartca.url, wait))
    files = _copies(world, tmp_path, 3)
    code = main(["--data", str(world["data"]), "sign", *map(str, files), "--unit", UNIT, "--pki", str(world["pki"]),
                 "--remote", "smartca"])
    err = capsys.readouterr().err
    assert code == 2 and words in err and "chưa văn bản nào được ký" in err and "Traceback" not in err, err
    assert not list(tmp_path.glob("*.signed.pdf")) and not list(tmp_path.glob(".*"))


def test_smartca_wrong_client_secret_is_named(world, smartca, tmp_path, monkeypatch, capsys):
    _use(monkeypatch, tmp_path, _smartca_services(smartca.url))
    monkeypatch.setenv("THIDUA_REMOTE_SMARTCA_PASSWORD", "sai")
    code = main(["--data", str(world["data"]), "sign", str(world["pdf"]), "--unit", UNIT, "--pki", str(world["pki"]),
                 "--remote", "smartca", "--out", str(tmp_path / "x.pdf")])
    err = capsys.readouterr().err
    assert code == 2 and "kiểm tra mã đơn vị tích hợp, mật khẩu" in err and not (tmp_path / "x.pdf").exists()


def test_waiting_is_cancellable(world, smartca, tmp_path, monkeypatch):
    smartca.outcome = "never"
    _use(monkeypatch, tmp_path, _smartca_services(smartca.url))
    cancel = threading.Event()
    threading.Timer(0.8, cancel.set).start()
    settings = Settings.from_environment(data=world["data"], out=tmp_path, pki=world["pki"])
    files = _copies(world, tmp_path, 2)
    with pytest.raises(SigningCancelled, match="Đã hủy yêu cầu ký"):
        sign_documents(settings, UNIT, [(f, f.with_suffix(".signed.pdf")) for f in files], RemoteChoice("smartca",
                                                                                                   cancel=cancel))
    assert not list(tmp_path.glob("*.signed.pdf"))


def test_a_refused_seal_consumes_no_number(world, smartca, tmp_path, monkeypatch, capsys):
    """The records office seals through the service; the request is refused: no entry, no file, and the next
    issuance still gets number 01."""
    services = _smartca_services(smartca.url)
    services["con-dau"] = {**services["smartca"], "user_id": "org"}
    _use(monkeypatch, tmp_path, services)
    monkeypatch.setenv("THIDUA_KEY_PASSWORD", PASSWORD.decode())
    common = ["--data", str(world["data"])]
    signed, register = tmp_path / "ky.pdf", tmp_path / "so.sqlite"
    assert main(common + ["sign", str(world["pdf"]), "--unit", UNIT, "--pki", str(world["pki"]), "--out",
                          str(signed)]) == 0
    smartca.outcome = "reject"
    issue = common + ["issue", str(signed), "--unit", UNIT, "--pki", str(world["pki"]), "--date", "2024-01-09",
                      "--register", str(register), "--out", str(tmp_path / "ph.pdf")]
    assert main(issue + ["--remote", "con-dau"]) == 2
    assert "từ chối" in capsys.readouterr().err and not (tmp_path / "ph.pdf").exists()
    with open_register(register) as reg:
        assert reg.entries() == []
    smartca.outcome = "approve"
    assert main(issue + ["--remote", "con-dau"]) == 0
    assert "Đã cấp số 01/KH-UBND" in capsys.readouterr().out


def test_no_secret_reaches_arguments_logs_or_outputs(world, csc, smartca, tmp_path):
    """The command line run as a clerk would, with every library's logging at DEBUG: no password, PIN, client
    secret, bearer token or SAD in its arguments, its output, or any file it wrote."""
    services = {**_csc_services(csc.url), **_smartca_services(smartca.url)}
    env = {**os.environ, "THIDUA_REMOTE_CONFIG": _config(tmp_path, services),
           "THIDUA_REMOTE_CSC_PASSWORD": CSC_PASSWORD, "THIDUA_REMOTE_CSC_PIN": CSC_PIN,
           "THIDUA_REMOTE_SMARTCA_PASSWORD": SP_PASSWORD}
    runner = ("import logging, sys; logging.basicConfig(level=logging.DEBUG); from thidua.cli import main; "
              "sys.exit(main(sys.argv[1:]))")
    out_dir = tmp_path / "ra"
    out_dir.mkdir()
    texts, args_seen = [], []
    for name, pin in (("lanh-dao", CSC_PIN), ("smartca", None)):
        (out_dir / name).mkdir()
        files = _copies(world, out_dir / name, 2)
        args = ["--data", str(world["data"]), "sign", *map(str, files), "--unit", UNIT, "--pki", str(world["pki"]),
                "--remote", name]
        args_seen += args
        run = subprocess.run([sys.executable, "-c", runner, *args], env=env, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        texts += [run.stdout, run.stderr]
        for f in files:
            f.unlink()
    bad = subprocess.run([sys.executable, "-c", runner, "--data", str(world["data"]), "sign", str(world["pdf"]),
                          "--unit", UNIT, "--pki", str(world["pki"]), "--remote", "lanh-dao", "--out",
                          str(out_dir / "x.pdf")], env={**env, "THIDUA_REMOTE_CSC_PIN": "9999-sai"},
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "sai PIN" in bad.stderr
    texts += [bad.stdout, bad.stderr]
    assert "DEBUG" in "".join(texts)  # the logs were on
    written = [p.read_bytes() for p in out_dir.rglob("*") if p.is_file()]
    assert len(written) == 4
    issued_secrets = csc.handed_out + [CSC_PASSWORD, CSC_PIN, SP_PASSWORD, "9999-sai"]
    assert len(csc.handed_out) >= 3  # tokens and SADs were handed out
    for secret in issued_secrets:
        assert not any(secret in t for t in texts + args_seen), secret
        assert not any(secret.encode() in data for data in written), secret


# ------------------------------------------------------------------------------------ the services file (no server)

@pytest.mark.parametrize("text, words", [
    ("services:\n  a:\n    provider: csc\n    url: ftp://x\n    credential: c\n", "dòng 4"),
    ("services:\n  a:\n    provider: csc\n    url: http://x\n    credential: c\n    pin: '1234'\n", "dòng 3"),
    ("services:\n  a:\n    provider: csc\n    url: http://x\n    credential: c\n    pin_env: HOME\n", "dòng 6"),
])
def test_a_wrong_services_file_is_refused_with_its_line(tmp_path, text, words):
    """A PIN written into the file, a variable outside THIDUA_REMOTE_*, a URL that is not HTTP: refused."""
    from generators.core.errors import ConfigError
    from thidua.workflows.remote import remote_key

    (tmp_path / "s.yaml").write_text(text, encoding="utf-8")
    settings = Settings.from_environment({}, data=tmp_path, out=tmp_path, remote_config=tmp_path / "s.yaml")
    with pytest.raises(ConfigError, match=words):
        remote_key(settings, "a")


def test_a_missing_secret_names_its_variable_not_its_value(tmp_path):
    from generators.core.errors import ConfigError
    from thidua.workflows.remote import remote_key

    (tmp_path / "s.yaml").write_text("services:\n  a:\n    provider: csc\n    url: http://x\n    credential: c\n"
                                     "    pin_env: THIDUA_REMOTE_PIN_A\n", encoding="utf-8")
    settings = Settings.from_environment({"THIDUA_REMOTE_OTHER": "x"}, data=tmp_path, out=tmp_path,
                                         remote_config=tmp_path / "s.yaml")
    with pytest.raises(ConfigError, match="THIDUA_REMOTE_PIN_A"):
        remote_key(settings, "a")
    with pytest.raises(ConfigError, match="không có dịch vụ ký số «b»"):
        remote_key(settings, "b")
    assert "remote_secrets" not in repr(settings)


def test_ctrl_c_while_waiting_signs_nothing(world, smartca, tmp_path):
    """The leader's clerk stops a wait from the terminal: exit 130, a Vietnamese line, no file written."""
    import signal

    smartca.outcome = "never"
    env = {**os.environ, "THIDUA_REMOTE_CONFIG": _config(tmp_path, _smartca_services(smartca.url)),
           "THIDUA_REMOTE_SMARTCA_PASSWORD": SP_PASSWORD}
    files = _copies(world, tmp_path, 2)
    proc = subprocess.Popen([sys.executable, "-m", "thidua", "--data", str(world["data"]), "sign", *map(str, files),
                             "--unit", UNIT, "--pki", str(world["pki"]), "--remote", "smartca"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen = proc.stderr.readline()  # the first progress line: the request is waiting for the user
    proc.send_signal(signal.SIGINT)
    rest = proc.communicate(timeout=60)[1]
    assert "Đang chờ người ký xác nhận" in seen, seen + rest
    assert proc.returncode == 130 and "Đã dừng theo yêu cầu" in rest and "Traceback" not in rest, rest
    assert not list(tmp_path.glob("*.signed.pdf")) and not list(tmp_path.glob(".*"))
