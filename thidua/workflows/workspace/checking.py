"""The public verify page's work: a dropped PDF checked like `thidua verify`, and nothing of it kept."""
from __future__ import annotations

import tempfile
from pathlib import Path

from signing.verify import Report, verify
from thidua.workflows.archive import trust_roots
from thidua.workflows.workspace.space import Workspace


def verify_dropped(ws: Workspace, filename: str, data: bytes) -> Report:
    with tempfile.TemporaryDirectory(prefix="thidua-kiem-tra-") as folder:
        path = Path(folder) / "van-ban.pdf"
        path.write_bytes(data)
        report = verify(path, trust_roots(ws.settings))
    report.file = Path(filename.replace("\\", "/")).name[:200] or "van-ban.pdf"
    return report
