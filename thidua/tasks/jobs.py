"""The kinds of background job and what each calls."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from thidua.tasks.store import Failed, Job, JobKind
from thidua.workflows.workspace import documents, dossier
from thidua.workflows.workspace.accounts import account
from thidua.workflows.workspace.space import Workspace

PLAN, DOCX, SIGN, ISSUE, DOSSIER, SIGN_REMOTE = "plan", "docx", "sign", "issue", "dossier", "sign-remote"


def _plans(ws: Workspace, jobs: list[Job], secrets, progress_of) -> dict:
    units = sorted({j.unit for j in jobs})
    for j in jobs:
        progress_of(j)(0, 2, "Đang tạo văn bản và chuyển sang PDF/A…")
    owners = {j.unit: account(ws.db, j.owner) for j in jobs}
    made = {d.unit: d for d in documents.draft_plans(ws, units, owners)}
    return {j.id: ("Đã lập dự thảo kế hoạch.", made[j.unit].id) if j.unit in made else Failed(
        "Không lập được kế hoạch: đơn vị chưa có danh sách đọc được hoặc không có chỉ tiêu trong kế hoạch năm.")
        for j in jobs}


def _docx(ws: Workspace, jobs: list[Job], secrets, progress_of) -> dict:
    out = {}
    for j in jobs:
        progress_of(j)(0, 1, "Đang chuyển văn bản đã sửa sang PDF/A…")
        doc = documents.get_any(ws, j.args["document"])
        incoming = ws.path(j.args["incoming"])
        try:
            documents.accept_docx(ws, account(ws.db, j.owner), doc, incoming)
        finally:
            Path(incoming).unlink(missing_ok=True)
        out[j.id] = ("Đã nhận văn bản đã sửa.", doc.id)
    return out


def _dossier(ws: Workspace, jobs: list[Job], secrets, progress_of) -> dict:
    out = {}
    for j in jobs:
        progress_of(j)(0, 1, "Đang tạo văn bản và chuyển sang PDF/A…")
        doc = dossier.draft_next(ws, account(ws.db, j.owner))
        out[j.id] = (f"Đã lập dự thảo {dossier.DOSSIER_NAMES[doc.kind].lower()}.", doc.id)
    return out


def _remote(ws: Workspace, jobs: list[Job], secrets, progress_of) -> dict:
    """Signing through the leader's remote service: the service's own progress ("approve on your phone")
    shown as the job's message."""
    out = {}
    for j in jobs:
        ids, step = j.args["documents"], progress_of(j)
        step(0, len(ids), "Đang gửi yêu cầu ký tới dịch vụ ký số từ xa…")
        done = documents.sign_remotely(ws, account(ws.db, j.owner), ids,
                                       notes=lambda message: step(0, len(ids), message))
        out[j.id] = (f"Đã ký {len(done)} văn bản (ký số từ xa).", ",".join(d.id for d in done))
    return out


def _signing(action, done_text: str, options=lambda args: {}):
    """Each job signs its documents with the secret its owner typed; progress after every document."""
    def run(ws: Workspace, jobs: list[Job], secrets, progress_of) -> dict:
        out = {}
        for j in jobs:
            ids = j.args["documents"]
            step = progress_of(j)
            step(0, len(ids), "Đang ký…")
            counter = iter(range(1, len(ids) + 1))
            done = action(ws, account(ws.db, j.owner), ids, secrets[j.id], **options(j.args),
                          progress=lambda title: step(next(counter), len(ids), title))
            out[j.id] = (f"{done_text} {len(done)} văn bản.", ",".join(d.id for d in done))
        return out
    return run


KINDS = {PLAN: JobKind(_plans, batch=True), DOCX: JobKind(_docx), DOSSIER: JobKind(_dossier),
         SIGN: JobKind(_signing(documents.sign, "Đã ký"), needs_secret=True),
         SIGN_REMOTE: JobKind(_remote),
         ISSUE: JobKind(_signing(documents.issue, "Đã cấp số, ban hành",
                                 lambda args: {"day": dt.date.fromisoformat(args["day"])}), needs_secret=True)}

