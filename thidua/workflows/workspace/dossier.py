"""The board's commendation round in the workspace: the verdicts and votes, the council's workbook replaced
after it is checked, and the dossier (minutes, proposal, decision) drafted one after the other, each citing
the number and date of the one before once that one is issued."""
from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generators.commendation.contexts import bb_context, council_unit, qd_context, ttr_context
from generators.commendation.round import commendation_dir, load_round
from generators.core.errors import ConfigError, DataError
from generators.core.files import atomic_path, sha256
from generators.documents.convert import Converter
from thidua.workflows.dossier import convert_drafts, render_draft
from thidua.workflows.workspace import audit, documents
from thidua.workflows.workspace.accounts import BOARD, Account
from thidua.workflows.workspace.clock import new_id
from thidua.workflows.workspace.documents import DOSSIER_KINDS, Document
from thidua.workflows.workspace.rounds import council_code, round_facts, whole_round
from thidua.workflows.workspace.space import Workspace
from thidua.workflows.workspace.errors import Refused

DOSSIER_NAMES = {"BB": "Biên bản họp Hội đồng", "TTr": "Tờ trình đề nghị khen thưởng",
                 "QĐ": "Quyết định khen thưởng"}


@dataclass(frozen=True)
class VerdictRow:
    subject: str
    name: str
    unit: str
    award: str
    eligible: bool
    basis: str
    reasons: str
    vote: str
    awarded: bool
    reward: str


def verdicts(ws: Workspace) -> tuple[list[VerdictRow], object, list[str]]:
    """The verdicts with their reasons, the council, and the problems that keep the round from being read."""
    try:
        rnd = whole_round(ws)
    except DataError as exc:
        return [], None, [str(p) for p in exc.problems]
    except ConfigError as exc:
        return [], None, [str(exc)]
    rows = []
    for c in rnd.candidates:
        v = c.verdict
        unit = ws.province.units.get(v.proposal.unit)
        rows.append(VerdictRow(v.proposal.subject, v.subject.name if v.subject else "", unit.name if unit else
                               v.proposal.unit, v.award_name, v.eligible, v.basis, "; ".join(v.reasons),
                               c.vote.text(), c.awarded,
                               f"{c.reward.amount:,} đồng".replace(",", ".") if c.awarded and c.reward else ""))
    return rows, rnd.council, []


def council_file(ws: Workspace) -> Path:
    return commendation_dir(ws.settings.data) / f"hoi-dong-{ws.year}.xlsx"


def replace_council_workbook(ws: Workspace, who: Account, filename: str, data: bytes) -> list[str]:
    """The council's members and votes from the uploaded workbook: checked with the whole round in a copy of
    the data, and put in place only when the round reads; otherwise the problems, each naming its cell."""
    if who.role != BOARD:
        raise Refused("Chỉ Ban Thi đua - Khen thưởng được cập nhật biểu quyết của Hội đồng.")
    minutes = documents.of_unit(ws, council_code(ws), "BB")
    if minutes and minutes.state not in (documents.DRAFT, documents.RETURNED):
        raise Refused("Biên bản họp Hội đồng đã trình ký; không thay đổi biểu quyết được nữa.")
    name = Path(filename.replace("\\", "/")).name[:120] or "hoi-dong.xlsx"
    with tempfile.TemporaryDirectory(prefix="thidua-hoi-dong-") as folder:
        trial = Path(folder) / "data"
        shutil.copytree(commendation_dir(ws.settings.data), commendation_dir(trial))
        candidate = commendation_dir(trial) / council_file(ws).name
        candidate.write_bytes(data)
        try:
            load_round(trial, ws.year, ws.province)
        except DataError as exc:
            return [str(p).replace(str(candidate.relative_to(trial.parent)), name) for p in exc.problems]
        except ConfigError as exc:
            return [str(exc)]
    kept = ws.path("uploads", "hoi-dong", f"{new_id()}.xlsx")
    kept.parent.mkdir(parents=True, exist_ok=True)
    kept.write_bytes(data)
    with atomic_path(council_file(ws)) as tmp:
        Path(tmp).write_bytes(data)
    audit.record(ws.db, who, "Cập nhật biểu quyết của Hội đồng", name, sha256(kept))
    return []


def _code(ws: Workspace, kind: str) -> str:
    facts = round_facts(ws)
    return {"BB": council_code(ws), "TTr": str(facts.get("board") or ""), "QĐ": str(facts.get("decider") or "")}[kind]


def dossier(ws: Workspace) -> list[tuple[str, Document | None]]:
    return [(kind, documents.of_unit(ws, _code(ws, kind), kind)) for kind in DOSSIER_KINDS]


def next_kind(ws: Workspace) -> str | None:
    """The document to draft now: the first not yet drafted (or returned), once every one before is issued."""
    for kind, doc in dossier(ws):
        if doc is None or doc.state in (documents.DRAFT, documents.RETURNED):
            return kind
        if doc.state != documents.ISSUED:
            return None
    return None


def check_may_draft(ws: Workspace, who: Account) -> str:
    if who.role != BOARD:
        raise Refused("Chỉ Ban Thi đua - Khen thưởng lập hồ sơ khen thưởng.")
    if not round_facts(ws):
        raise Refused(f"Năm {ws.year} không có đợt xét khen thưởng trong dữ liệu.")
    kind = next_kind(ws)
    if kind is None:
        raise Refused("Chưa lập được văn bản tiếp theo: văn bản trước chưa ban hành, hoặc hồ sơ đã đủ.")
    return kind


def draft_next(ws: Workspace, who: Account) -> Document:
    """The next document of the dossier as DOCX and PDF/A, citing the issued one before it."""
    kind = check_may_draft(ws, who)
    rnd, province = whole_round(ws), ws.province
    folder = ws.settings.out / str(ws.year) / "khen-thuong"
    earlier = dict(dossier(ws))
    if kind == "BB":
        council = council_unit(province, rnd)
        draft = render_draft("BB", council.abbr, f"Biên bản họp {rnd.council.name} năm {rnd.year}",
                             bb_context(province, rnd), folder, rnd.date("minutes"), council.name)
    elif kind == "TTr":
        board, bb = province.unit(rnd.meta["board"]), earlier["BB"]
        draft = render_draft("TTr", board.code, f"Tờ trình đề nghị khen thưởng năm {rnd.year}",
                             ttr_context(province, rnd, bb.notation, _day(bb)), folder, rnd.date("proposal"),
                             board.name)
    else:
        decider, ttr = province.unit(rnd.meta["decider"]), earlier["TTr"]
        draft = render_draft("QĐ", decider.code, f"Quyết định khen thưởng năm {rnd.year}",
                             qd_context(province, rnd, ttr.notation, _day(ttr)), folder, rnd.date("decision"),
                             decider.name)
    convert_drafts([draft], Converter())
    return documents.record_draft(ws, draft, who, f"Lập dự thảo {DOSSIER_NAMES[kind].lower()}")


def _day(doc: Document) -> dt.date:
    return dt.date.fromisoformat(doc.issued_date)
