"""The web workspace refuses what it must, against the real server: another unit's data through any route, a
form without its CSRF token, oversized, non-workbook and zip-bomb uploads, markup in names, password guessing;
and no password or passphrase in the server's log, the audit log or any response."""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import httpx
import openpyxl
import pytest
from fastapi.routing import APIRoute

from tests.web_helpers import SAMPLE_LIST, running_server
from thidua.settings import Settings
from thidua.tasks.jobs import PLAN
from thidua.tasks.opening import open_queue
from thidua.web.app import routes as app_routes
from thidua.workflows.workspace import documents, uploads
from thidua.workflows.workspace.accounts import account
from thidua.workflows.workspace.setup import DEMO_PASSPHRASE, DEMO_PASSWORD, create_demo_workspace
from thidua.workflows.workspace.space import WorkspaceConfig

pytestmark = pytest.mark.slow
OTHER = "DH-XLONGDIEN"  # the unit whose data the Điền Hải accounts try to reach
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
RESPONSES: list[str] = []


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A workspace where Long Điền has a drafted plan and a job, served by `thidua serve`."""
    folder = tmp_path_factory.mktemp("web-security") / "ws"
    config = WorkspaceConfig(folder)
    ws = create_demo_workspace(config, Settings.from_environment())
    clerk = account(ws.db, "canbo.longdien")
    uploads.upload_list(ws, clerk, "long-dien.xlsx", SAMPLE_LIST.read_bytes())
    (doc,) = documents.draft_plans(ws, [OTHER], {OTHER: clerk})
    job = open_queue(ws).submit(PLAN, clerk, {})
    routes = [r for r in app_routes() if isinstance(r, APIRoute)]
    ws.close()
    with running_server(folder) as url:
        yield {"url": url, "folder": folder, "doc": doc, "job": job, "routes": routes, "config": config}


def client(site, username: str | None = None) -> tuple[httpx.Client, str]:
    c = httpx.Client(base_url=site["url"], timeout=120)
    page = c.get("/dang-nhap")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    if username:
        r = c.post("/dang-nhap", data={"csrf": token, "username": username, "password": DEMO_PASSWORD})
        assert r.status_code == 303, r.text
        token = re.search(r'name="csrf" value="([^"]+)"', c.get("/kiem-tra").text).group(1)
    return c, token


def kept(response: httpx.Response) -> httpx.Response:
    RESPONSES.append(response.text if "text" in response.headers.get("content-type", "") else "")
    return response


def filled(path: str, site) -> str:
    return (path.replace("{doc_id}", site["doc"].id).replace("{job_id}", site["job"])
            .replace("{which}", "pdf").replace("{page}", "1"))


PUBLIC = {"/", "/dang-nhap", "/dang-xuat", "/kiem-tra"}


@pytest.mark.parametrize("username", ["canbo.dienhai", "lanhdao.dienhai", "vanthu.dienhai"])
def test_another_units_data_is_out_of_reach_on_every_route(site, username):
    c, token = client(site, username)
    tried = 0
    for route in site["routes"]:
        if route.path in PUBLIC:
            continue
        path = filled(route.path, site)
        for method in route.methods:
            if method == "GET":
                r = kept(c.get(path))
            else:
                r = kept(c.post(path, data={"csrf": token, "document": site["doc"].id, "passphrase": DEMO_PASSPHRASE,
                                            "day": "2024-01-06", "reason": "thử"},
                                files={"file": ("x.pdf", site["folder"].joinpath(site["doc"].pdf).read_bytes())}))
            tried += 1
            if "{" in route.path:
                assert r.status_code in (403, 404), (method, path, r.status_code)
            assert site["doc"].id not in r.text and "Long Điền" not in r.text, (method, path, r.status_code)
    assert tried >= 20
    c2, _ = client(site, "canbo.longdien")
    page = c2.get(f"/van-ban/{site['doc'].id}")
    assert page.status_code == 200 and "Dự thảo" in page.text  # nothing was done to it


def test_a_form_without_its_token_is_refused(site):
    c, _ = client(site, "canbo.longdien")
    posts = [r for r in site["routes"] if "POST" in r.methods]
    assert len(posts) >= 8
    for route in posts:
        r = kept(c.post(filled(route.path, site), data={"document": site["doc"].id}))
        assert r.status_code == 403 and "Biểu mẫu đã hết hạn" in r.text, route.path
        r = kept(c.post(filled(route.path, site), data={"csrf": "forged", "document": site["doc"].id}))
        assert r.status_code == 403, route.path


def _zip_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (150 * 1024 * 1024))
    return buf.getvalue()


def test_bad_uploads_are_refused_with_a_message(site):
    c, token = client(site, "canbo.dienhai")
    r = kept(c.post("/don-vi/danh-sach", data={"csrf": token}, files={"file": ("lon.xlsx", b"\0" * (6 << 20), XLSX)}))
    assert r.status_code == 413 and "quá lớn: giới hạn 5 MB" in r.text
    r = kept(c.post("/don-vi/danh-sach", data={"csrf": token}, follow_redirects=True,
                    files={"file": ("danh-sach.xlsx", "Họ và tên;Loại\n".encode() * 50, XLSX)}))
    assert "không phải tệp Excel (.xlsx)" in r.text
    bomb = _zip_bomb()
    assert len(bomb) < 1 << 20
    r = kept(c.post("/don-vi/danh-sach", data={"csrf": token}, follow_redirects=True,
                    files={"file": ("bom.xlsx", bomb, XLSX)}))
    assert "giải nén ra 150 MB, quá giới hạn" in r.text
    assert "Danh sách hiện hành: chưa có" in r.text  # none of them became the unit's list
    r = kept(c.post("/don-vi/danh-sach", data={"csrf": token}, follow_redirects=True))  # no file chosen
    assert r.status_code == 200 and "Hãy chọn tệp danh sách (.xlsx) để tải lên." in r.text


def test_markup_in_names_shows_as_text(site):
    c, token = client(site, "canbo.dienhai")
    wb = openpyxl.load_workbook(SAMPLE_LIST)
    wb["Danh sách"]["C8"] = '<script>alert("x")</script> & co'
    buf = io.BytesIO()
    wb.save(buf)
    name = "<img src=x onerror=alert(1)> & Điền Hải.xlsx"  # a '"' in a multipart name arrives as %22
    r = kept(c.post("/don-vi/danh-sach", data={"csrf": token}, follow_redirects=True,
                    files={"file": (name, buf.getvalue(), XLSX)}))
    assert "<script>alert" not in r.text and "<img src=x" not in r.text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; co" in r.text
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; Điền Hải.xlsx" in r.text


def test_password_guessing_is_throttled(site):
    c, token = client(site)
    for _ in range(5):
        r = kept(c.post("/dang-nhap", data={"csrf": token, "username": "luutru", "password": "doan-mo"}))
        assert r.status_code == 401 and "không đúng" in r.text
    r = kept(c.post("/dang-nhap", data={"csrf": token, "username": "luutru", "password": DEMO_PASSWORD}))
    assert r.status_code == 401 and "quá 5 lần" in r.text


def test_no_secret_in_logs_audit_or_responses(site):
    """Runs last in the module: every response above was kept."""
    c, token = client(site, "bantdkt")
    exported = c.get("/ban-thi-dua/nhat-ky.xlsx")
    wb = openpyxl.load_workbook(io.BytesIO(exported.content))
    cells = " ".join(str(v) for row in wb.active.iter_rows(values_only=True) for v in row if v is not None)
    assert "Đăng nhập không thành công" in cells and "Tải lên danh sách" in cells
    folder: Path = site["folder"]
    log = (folder / "thidua-web.log").read_text(encoding="utf-8")
    assert "POST /dang-nhap" in log
    console = (folder / "server-output.txt").read_text(encoding="utf-8").split("Nhật ký máy chủ:", 1)[1]
    assert len(RESPONSES) > 50
    for secret in (DEMO_PASSWORD, DEMO_PASSPHRASE, "doan-mo"):
        for where, text in (("log", log), ("console after the banner", console), ("audit", cells),
                            *((f"response {i}", t) for i, t in enumerate(RESPONSES))):
            assert secret not in text, where
