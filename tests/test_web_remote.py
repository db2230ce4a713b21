"""The leader signs from the web through a remote signing service (a CSC service on loopback holding the
leader's TEST key): one request for the chosen documents, the signature verified, no secret in the log."""
from __future__ import annotations

import re
import time

import httpx
import pytest

from tests.remote_servers import Credential, CscService, running_csc
from tests.web_helpers import SAMPLE_LIST, running_server
from signing.verify import verify
from thidua.settings import Settings
from thidua.workflows.workspace import documents, uploads
from thidua.workflows.workspace.accounts import account, use_remote_service
from thidua.workflows.workspace.setup import DEMO_PASSPHRASE, DEMO_PASSWORD, create_demo_workspace
from thidua.workflows.workspace.space import WorkspaceConfig

pytestmark = pytest.mark.slow
UNIT = "DH-XLONGDIEN"
CSC_PASSWORD, CSC_PIN = "csc-mat-khau-web", "246810"


def test_the_leader_signs_through_a_remote_service(tmp_path):
    folder = tmp_path / "ws"
    ws = create_demo_workspace(WorkspaceConfig(folder), Settings.from_environment())
    clerk = account(ws.db, "canbo.longdien")
    uploads.upload_list(ws, clerk, "ds.xlsx", SAMPLE_LIST.read_bytes())
    (doc,) = documents.draft_plans(ws, [UNIT], {UNIT: clerk})
    documents.send_to_leader(ws, clerk, doc.id)
    use_remote_service(ws.db, "lanhdao.longdien", "lanh-dao")
    pki = ws.settings.pki_folder
    credential = Credential.from_p12(ws.path("keys", "lanhdao.longdien.p12"), DEMO_PASSPHRASE.encode(),
                                     [pki / "intermediate.pem", pki / "root.pem"])
    signed = ws.path(doc.signed_pdf)
    ws.close()
    service = CscService({"leader": credential}, password=CSC_PASSWORD, pin=CSC_PIN)
    with running_csc(service) as csc_url:
        config = tmp_path / "ky-so-tu-xa.yaml"
        config.write_text("services:\n  lanh-dao:\n    provider: csc\n    url: " + csc_url + "\n    credential: leader\n"
                          "    username: vanthu\n    password_env: THIDUA_REMOTE_CSC_PASSWORD\n"
                          "    pin_env: THIDUA_REMOTE_CSC_PIN\n    wait_seconds: 20\n", encoding="utf-8")
        env = {"THIDUA_REMOTE_CONFIG": str(config), "THIDUA_REMOTE_CSC_PASSWORD": CSC_PASSWORD,
               "THIDUA_REMOTE_CSC_PIN": CSC_PIN}
        with running_server(folder, env) as url:
            c = httpx.Client(base_url=url, timeout=120)
            token = re.search(r'name="csrf" value="([^"]+)"', c.get("/dang-nhap").text).group(1)
            c.post("/dang-nhap", data={"csrf": token, "username": "lanhdao.longdien", "password": DEMO_PASSWORD})
            page = c.get("/ky").text
            assert "Ký số từ xa (lanh-dao)" in page
            token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
            r = c.post("/ky", data={"csrf": token, "document": doc.id, "method": "remote"}, follow_redirects=True)
            assert "hãy xác nhận trên điện thoại" in r.text
            deadline = time.monotonic() + 120
            while 'class="job done"' not in (page := c.get("/ky").text):
                assert 'class="job failed"' not in page and time.monotonic() < deadline, page
                time.sleep(0.5)
            assert "Không có văn bản nào chờ ký" in page and "(ký số từ xa)" in page
    report = verify(signed, [pki / "root.pem"])
    assert report.sub_indication == "NOT_ISSUED"
    assert [(s.role, s.indication) for s in report.signatures] == [("lãnh đạo", "TOTAL_PASSED")]
    assert [n for e, n in service.calls if e == "signatures/signHash"] == [1]
    log = (folder / "thidua-web.log").read_text(encoding="utf-8")
    for secret in (CSC_PASSWORD, CSC_PIN, *service.handed_out):
        assert secret not in log
