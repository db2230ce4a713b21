"""Files sent to the browser: workspace files by name, temporary exports removed once sent."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from starlette.background import BackgroundTask

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"


def temporary_file(suffix: str) -> Path:
    handle, name = tempfile.mkstemp(prefix="thidua-", suffix=suffix)
    os.close(handle)
    return Path(name)


def removed_after(path: Path) -> BackgroundTask:
    return BackgroundTask(lambda: path.unlink(missing_ok=True))
