"""The year's commendation round as the workspace needs it: the round file's facts, the whole round."""
from __future__ import annotations

from generators.commendation.round import Round, commendation_dir
from generators.core.yamlfile import read_yaml
from thidua.workflows import commendation
from thidua.workflows.workspace.space import Workspace


def round_facts(ws: Workspace) -> dict:
    """`round-<year>.yaml` as written (board, decider, council), or {} when the year has no round."""
    path = commendation_dir(ws.settings.data) / f"round-{ws.year}.yaml"
    return read_yaml(path).data if path.exists() else {}


def council_code(ws: Workspace) -> str:
    return str((round_facts(ws).get("council") or {}).get("abbr") or "")


def whole_round(ws: Workspace) -> Round:
    """Verdicts and votes from the workspace's data (raises DataError naming the workbook's cells)."""
    return commendation.eligibility(ws.settings, province=ws.province)
