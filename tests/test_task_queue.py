"""The task queue over Debian's Redis (RQ) with `thidua worker`: jobs wait through a server restart, run in
the worker process, batch the plans waiting into one LibreOffice run, and fail with a message when they cannot
be done."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time

import httpx
import pytest
from redis import Redis
from rq import Queue
from rq.registry import FinishedJobRegistry

from tests.redis_server import redis_server
from tests.web_helpers import ROOT, SAMPLE_LIST, running_server
from thidua.settings import Settings
from thidua.tasks.jobs import PLAN
from thidua.tasks.opening import open_queue
from thidua.tasks.redis_queue import QUEUE_NAME
from thidua.tasks.store import DONE, FAILED, QUEUED
from thidua.workflows.workspace import documents, uploads
from thidua.workflows.workspace.accounts import account
from thidua.workflows.workspace.setup import DEMO_PASSWORD, create_demo_workspace
from thidua.workflows.workspace.space import WorkspaceConfig

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def redis_url():
    with redis_server() as url:
        yield url


def worker(url: str, burst: bool) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "thidua", "worker", "--redis", url, *(["--burst"] if burst else [])],
                            cwd=ROOT, env=os.environ.copy(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def logged_in(url: str) -> httpx.Client:
    c = httpx.Client(base_url=url, timeout=120)
    token = re.search(r'name="csrf" value="([^"]+)"', c.get("/dang-nhap").text).group(1)
    r = c.post("/dang-nhap", data={"csrf": token, "username": "canbo.longdien", "password": DEMO_PASSWORD})
    assert r.status_code == 303
    return c


def token(page: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def test_a_plan_waits_through_a_server_restart_and_the_worker_drafts_it(redis_url, tmp_path):
    folder = tmp_path / "ws"
    env = {"THIDUA_REDIS": redis_url}
    with running_server(folder, env) as url:
        c = logged_in(url)
        page = c.get("/don-vi").text
        c.post("/don-vi/danh-sach", data={"csrf": token(page)},
               files={"file": ("ds.xlsx", SAMPLE_LIST.read_bytes())})
        r = c.post("/don-vi/ke-hoach", data={"csrf": token(page)}, follow_redirects=True)
        assert "Đang chờ" in r.text  # no worker yet: the job waits in Redis and in the database
    assert "Hàng đợi: Redis redis://127.0.0.1" in (folder / "server-output.txt").read_text()
    with running_server(folder, env) as url:  # the server restarted
        c = logged_in(url)
        assert "Đang chờ" in c.get("/don-vi").text
        w = worker(redis_url, burst=False)
        try:
            deadline = time.monotonic() + 240
            while "Dự thảo" not in (page := c.get("/don-vi").text):
                assert time.monotonic() < deadline, page
                time.sleep(1)
        finally:
            w.terminate()
            w.wait(timeout=60)
        assert re.search(r'class="job done"', page)


def test_waiting_plans_run_in_one_batch_and_failures_are_kept(redis_url, tmp_path):
    config = WorkspaceConfig(tmp_path / "ws")
    ws = create_demo_workspace(config, Settings.from_environment())
    longdien, dienhai = account(ws.db, "canbo.longdien"), account(ws.db, "canbo.dienhai")
    uploads.upload_list(ws, longdien, "ds.xlsx", SAMPLE_LIST.read_bytes())
    uploads.upload_list(ws, dienhai, "ds.xlsx", (ROOT / "data/registrations/2024/DH-XDIENHAI.xlsx").read_bytes())
    queue = open_queue(ws, redis_url)
    queue.start()
    try:
        jobs = [queue.submit(PLAN, who, {}) for who in (longdien, dienhai)]
        ws.db.run("DELETE FROM uploads WHERE unit=?", ("DH-XDIENHAI",))
        (ws.settings.data / "registrations" / "2024" / "DH-XDIENHAI.xlsx").unlink()  # its list withdrawn meanwhile
        assert {queue.get(j).state for j in jobs} == {QUEUED}
        w = worker(redis_url, burst=True)
        output = w.communicate(timeout=300)[0].decode()
        assert w.returncode == 0, output
    finally:
        queue.stop()
    done, failed = queue.get(jobs[0]), queue.get(jobs[1])
    assert done.state == DONE and documents.of_unit(ws, "DH-XLONGDIEN").state == documents.DRAFT
    assert failed.state == FAILED and "chưa có danh sách đọc được" in failed.message
    registry = FinishedJobRegistry(QUEUE_NAME, connection=Redis.from_url(redis_url))
    runs = [Queue(QUEUE_NAME, connection=registry.connection).fetch_job(i) for i in registry.get_job_ids()]
    claimed = [r.meta.get("claimed") for r in runs if r.meta.get("claimed")]
    assert sorted(jobs) in [sorted(c) for c in claimed]  # both plans in one run, one LibreOffice batch
    ws.close()
