"""The workspace's database on SQLite and PostgreSQL (the same migrations): accounts with argon2 and login
throttling, the audit log and its export, and background jobs that survive a server restart."""
from __future__ import annotations

import time

import openpyxl
import pytest

from thidua.tasks.queue import EmbeddedQueue
from thidua.tasks.store import DONE, FAILED, QUEUED, RUNNING, JobKind
from thidua.workflows.workspace import audit
from thidua.workflows.workspace.accounts import CLERK, add_account, authenticate
from thidua.workflows.workspace.errors import LoginRefused
from thidua.workflows.workspace.database import Database


class _Ws:
    """The part of a workspace the queue uses."""
    def __init__(self, db):
        self.db = db


@pytest.fixture
def db(register_target):
    database = Database(register_target)
    yield database
    database.close()


def test_passwords_are_hashed_and_guessing_is_throttled(db):
    who = add_account(db, "canbo.x", "Cán bộ", CLERK, "DH-XLONGDIEN", "mat-khau-dung")
    stored = db.one("SELECT password_hash FROM accounts WHERE username=?", ("canbo.x",))["password_hash"]
    assert stored.startswith("$argon2id$") and "mat-khau-dung" not in stored
    assert authenticate(db, "canbo.x", "mat-khau-dung", "10.0.0.1") == who
    for _ in range(5):
        with pytest.raises(LoginRefused, match="không đúng"):
            authenticate(db, "canbo.x", "sai", "10.0.0.1")
    with pytest.raises(LoginRefused, match="quá 5 lần"):
        authenticate(db, "canbo.x", "mat-khau-dung", "10.0.0.2")
    with pytest.raises(LoginRefused, match="không đúng"):  # an unknown name reads the same as a wrong password
        authenticate(db, "khong-co", "x", "10.0.0.3")


def test_audit_export_keeps_formulas_as_text(db, tmp_path):
    who = add_account(db, "canbo.y", "Cán bộ", CLERK, "DH-XDIENHAI", "pw-pw-pw")
    audit.record(db, who, "Tải lên danh sách đăng ký", "=HYPERLINK(\"http://x\")", "ab" * 32)
    out = audit.export_xlsx(db, tmp_path / "nhat-ky.xlsx")
    ws = openpyxl.load_workbook(out).active
    assert [c.value for c in ws[1]] == list(audit.HEADINGS)
    cell = ws.cell(2, 5)
    assert cell.value == "=HYPERLINK(\"http://x\")" and cell.data_type == "s"


def _wait(queue, job_id):
    deadline = time.monotonic() + 30
    while not queue.get(job_id).finished:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    return queue.get(job_id)


def test_jobs_survive_a_restart_and_failures_are_kept(db):
    who = add_account(db, "canbo.z", "Cán bộ", CLERK, "DH-XLONGDIEN", "pw-pw-pw")
    ran = []

    def work(ws, jobs, secrets, progress_of):
        for j in jobs:
            if j.args.get("fail"):
                from generators.core.errors import ThiduaError
                raise ThiduaError("Danh sách chưa đọc được.")
            progress_of(j)(1, 1, "xong")
            ran.append((j.id, secrets.get(j.id)))
        return {j.id: ("Đã xong.", "kết quả") for j in jobs}

    kinds = {"work": JobKind(work), "secret": JobKind(work, needs_secret=True)}
    first = EmbeddedQueue(_Ws(db), kinds)  # never started: the server stopped before its worker ran them
    plain = first.submit("work", who, {})
    secret = first.submit("secret", who, {}, b"passphrase")
    db.run("UPDATE jobs SET state=?", (RUNNING,))  # both were running when the server stopped
    second = EmbeddedQueue(_Ws(db), kinds)
    second.start()
    try:
        assert _wait(second, plain).state == DONE and _wait(second, plain).result == "kết quả"
        lost = _wait(second, secret)
        assert lost.state == FAILED and "hãy thực hiện lại" in lost.message  # the passphrase was never stored
        assert "passphrase" not in str(db.rows("SELECT * FROM jobs"))
        failing = second.submit("work", who, {"fail": True})
        failed = _wait(second, failing)
        assert failed.state == FAILED and failed.message == "Danh sách chưa đọc được."
        kept = second.submit("secret", who, {}, b"passphrase")
        assert _wait(second, kept).state == DONE and ran[-1] == (kept, b"passphrase")
    finally:
        second.stop()
    assert QUEUED not in {r["state"] for r in db.rows("SELECT state FROM jobs")}


@pytest.mark.slow
def test_the_server_keeps_its_workspace_on_postgresql(postgres_url, tmp_path):
    """`thidua serve --database postgresql://…`: accounts, uploads and the audit log in the server database."""
    import re
    import uuid

    import httpx

    from tests.pg_server import create_database
    from tests.web_helpers import SAMPLE_LIST, running_server
    from thidua.workflows.workspace.setup import DEMO_PASSWORD

    url = create_database(postgres_url, f"ws_{uuid.uuid4().hex[:12]}")
    with running_server(tmp_path / "ws", extra_args=("--database", url)) as site:
        c = httpx.Client(base_url=site, timeout=60)
        token = re.search(r'name="csrf" value="([^"]+)"', c.get("/dang-nhap").text).group(1)
        assert c.post("/dang-nhap", data={"csrf": token, "username": "canbo.longdien",
                                          "password": DEMO_PASSWORD}).status_code == 303
        token = re.search(r'name="csrf" value="([^"]+)"', c.get("/don-vi").text).group(1)
        page = c.post("/don-vi/danh-sach", data={"csrf": token}, files={"file": ("ds.xlsx", SAMPLE_LIST.read_bytes())},
                      follow_redirects=True).text
        assert "danh sách không có lỗi" in page
    assert not (tmp_path / "ws" / "workspace.sqlite").exists()
    db = Database(url)
    try:
        assert db.one("SELECT COUNT(*) AS n FROM uploads")["n"] == 1
        assert db.one("SELECT version FROM schema_version")["version"] == 2
        assert any(e.action == "Tải lên danh sách đăng ký" for e in audit.entries(db))
    finally:
        db.close()


@pytest.mark.slow
def test_accounts_are_added_from_the_command_line_with_the_password_never_an_argument(tmp_path, monkeypatch, capsys):
    from thidua.cli import main
    from thidua.workflows.workspace.space import DATABASE_NAME

    folder = tmp_path / "ws"
    monkeypatch.setenv("THIDUA_ACCOUNT_PASSWORD", "mat-khau-rat-dai")
    assert main(["account", "add", "--folder", str(folder), "canbo.moi", "--role", "clerk", "--unit",
                 "DH-XLONGDIEN", "--name", "Cán bộ mới"]) == 0
    assert main(["account", "add", "--folder", str(folder), "canbo.sai", "--role", "clerk", "--unit", "KHONG-CO",
                 "--name", "x"]) == 2
    monkeypatch.setenv("THIDUA_ACCOUNT_PASSWORD", "ngan")
    assert main(["account", "add", "--folder", str(folder), "canbo.ngan", "--role", "clerk", "--unit",
                 "DH-XLONGDIEN", "--name", "x"]) == 2
    assert main(["account", "remote", "--folder", str(folder), "lanhdao.longdien", "vnpt-smartca"]) == 0
    out = capsys.readouterr()
    assert "Không có đơn vị mã «KHONG-CO»" in out.err and "ít nhất 10 ký tự" in out.err
    assert "mat-khau-rat-dai" not in out.out + out.err
    db = Database(folder / DATABASE_NAME)
    try:
        assert authenticate(db, "canbo.moi", "mat-khau-rat-dai", "127.0.0.1").unit == "DH-XLONGDIEN"
        assert db.one("SELECT remote_service FROM accounts WHERE username=?",
                      ("lanhdao.longdien",))["remote_service"] == "vnpt-smartca"
    finally:
        db.close()
