"""The board (every unit's status, the audit log) and the archivist (issued documents)."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse

from thidua.web.downloads import XLSX, removed_after, temporary_file
from thidua.web.pages import render
from thidua.web.security import required
from thidua.workflows.workspace import audit, board, documents
from thidua.workflows.workspace.accounts import ARCHIVIST, BOARD

router = APIRouter()


@router.get("/ban-thi-dua")
def status_page(request: Request, trang_thai: str = ""):
    required(request, BOARD)
    ws = request.app.state.ws
    chosen = trang_thai if trang_thai in board.STATUS_NAMES else ""
    every = board.statuses(ws)
    counts = {code: sum(code in s.flags for s in every) for code in board.STATUS_NAMES}
    shown = [s for s in every if not chosen or chosen in s.flags]
    return render(request, "board.html", statuses=shown, chosen=chosen, names=board.STATUS_NAMES, counts=counts,
                  total=len(every))


@router.get("/ban-thi-dua/nhat-ky")
def audit_page(request: Request):
    required(request, BOARD)
    return render(request, "audit.html", entries=audit.entries(request.app.state.ws.db, limit=500))


@router.get("/ban-thi-dua/nhat-ky.xlsx")
def audit_export(request: Request):
    who = required(request, BOARD)
    ws = request.app.state.ws
    path = audit.export_xlsx(ws.db, temporary_file(".xlsx"))
    audit.record(ws.db, who, "Xuất nhật ký thao tác", "nhat-ky")
    return FileResponse(path, media_type=XLSX, filename=f"nhat-ky-thao-tac-{ws.year}.xlsx",
                        background=removed_after(path))


@router.get("/luu-tru")
def archive_page(request: Request):
    who = required(request, ARCHIVIST, BOARD)
    return render(request, "archive.html", issued=documents.visible(request.app.state.ws, who, documents.ISSUED))
