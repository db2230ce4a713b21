"""Decisions recorded on a year's findings: who accepted a list sent late or over its quota, when, and why.

A plan whose unit has such a finding says so; without a recorded decision the plan is drafted but not final,
and issuance refuses it (data/registrations/<year>/decisions.yaml, optional).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generators.core.errors import ConfigError
from generators.core.schema import DECISIONS, check
from generators.core.yamlfile import read_yaml
from generators.registration.lists import DECISIONS_FILE as FILE_NAME
from generators.registration.rules import Finding

# Findings that a decision can settle; the others (data errors, duplicates) are fixed in the data.
DECIDABLE = {"VUOT_SO_LUONG": "vượt số lượng", "THIEU_SO_LUONG": "chưa đủ số lượng", "TRE_HAN": "gửi trễ hạn"}


@dataclass(frozen=True)
class Decision:
    unit: str
    rule: str
    by: str  # who decided, e.g. "Ủy ban nhân dân huyện Hòa Bình"
    date: dt.date
    text: str  # what was decided, in running text: "chấp thuận danh sách"


def load_decisions(folder: Path, known_units: set[str]) -> dict[tuple[str, str], Decision]:
    path = Path(folder) / FILE_NAME
    if not path.exists():
        return {}
    document = read_yaml(path)
    check(document, DECISIONS)
    for n, d in enumerate(document.data["decisions"]):
        if d["unit"] not in known_units:
            raise ConfigError(f"{path} (dòng {document.line_of(['decisions', n, 'unit'])}): không có đơn vị mã "
                              f"«{d['unit']}» trong province.yaml.")
    return {(d["unit"], d["rule"]): Decision(d["unit"], d["rule"], d["by"], dt.date.fromisoformat(str(d["date"])),
                                             d["decision"])
            for d in document.data["decisions"]}


def settle(findings: list[Finding], decisions: dict[tuple[str, str], Decision],
           unit: str) -> tuple[list[Decision], list[str]]:
    """For one unit: the decisions its plan states, and each finding still undecided (what blocks issuance)."""
    decided, undecided = [], []
    for f in findings:
        if f.unit != unit or f.rule not in DECIDABLE:
            continue
        decision = decisions.get((unit, f.rule))
        if decision:
            decided.append(decision)
        else:
            undecided.append(f"{DECIDABLE[f.rule]}: {f.message.rstrip('.')}; chưa có quyết định xử lý "
                             f"(ghi vào {FILE_NAME} của năm)")
    return decided, undecided
