"""Blank workbooks for units and the board to fill in."""
from __future__ import annotations

from pathlib import Path

from generators.core.config import load_plan
from generators.workbooks.commendation import COUNCIL_TABLES, PROPOSAL_TABLES, RECORD_TABLES
from generators.workbooks.registration import write_workbook
from generators.workbooks.tables import write_tables
from thidua.settings import Settings

LABELS = {"registration": "danh sách đăng ký", "achievements": "hồ sơ thành tích",
          "proposals": "danh sách đề nghị khen thưởng", "council": "thành viên và biểu quyết của Hội đồng"}


def blank_workbook(settings: Settings, kind: str, out: Path) -> Path:
    if kind == "registration":
        write_workbook(out, load_plan(settings.data / "plan.yaml"))
    else:
        write_tables(out, {"achievements": RECORD_TABLES, "proposals": PROPOSAL_TABLES,
                           "council": COUNCIL_TABLES}[kind])
    return Path(out)
