"""The board's commendation round: verdicts with their reasons, the council's workbook, the dossier."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse
from starlette.concurrency import run_in_threadpool

from thidua.tasks.jobs import DOSSIER
from thidua.web.downloads import XLSX, removed_after, temporary_file
from thidua.web.forms import required_file
from thidua.web.pages import back, flash, render
from thidua.web.security import checked_form, required
from thidua.workflows.workbooks import blank_workbook
from thidua.workflows.workspace import dossier
from thidua.workflows.workspace.accounts import BOARD

router = APIRouter()
PAGE = "/ban-thi-dua/khen-thuong"


@router.get(PAGE)
def round_page(request: Request):
    who = required(request, BOARD)
    ws = request.app.state.ws
    rows, council, problems = dossier.verdicts(ws)
    return render(request, "commendation.html", rows=rows, council=council, problems=problems,
                  dossier=dossier.dossier(ws), next_kind=dossier.next_kind(ws), names=dossier.DOSSIER_NAMES,
                  council_problems=request.session.pop("council_problems", []),
                  jobs=request.app.state.queue.of_owner(who.username))


@router.get(PAGE + "/mau-hoi-dong.xlsx")
def council_blank(request: Request):
    required(request, BOARD)
    path = blank_workbook(request.app.state.ws.settings, "council", temporary_file(".xlsx"))
    return FileResponse(path, media_type=XLSX, filename="mau-hoi-dong-bieu-quyet.xlsx", background=removed_after(path))


@router.get(PAGE + "/hoi-dong.xlsx")
def council_current(request: Request):
    required(request, BOARD)
    ws = request.app.state.ws
    return FileResponse(dossier.council_file(ws), media_type=XLSX, filename=f"hoi-dong-{ws.year}.xlsx")


@router.post(PAGE + "/hoi-dong")
async def council_upload(request: Request):
    form = await checked_form(request)
    who = required(request, BOARD)
    file = await required_file(form, "Hãy chọn tệp biểu quyết của Hội đồng (.xlsx).", PAGE)
    problems = await run_in_threadpool(dossier.replace_council_workbook, request.app.state.ws, who, *file)
    if problems:
        request.session["council_problems"] = problems[:50]
        flash(request, f"Tệp «{file[0]}» có lỗi; biểu quyết hiện hành không đổi.", "error")
    else:
        flash(request, f"Đã cập nhật thành viên và biểu quyết của Hội đồng từ «{file[0]}».")
    return back(PAGE)


@router.post(PAGE + "/lap-van-ban")
async def draft_next(request: Request):
    await checked_form(request)
    who = required(request, BOARD)
    ws = request.app.state.ws
    kind = dossier.check_may_draft(ws, who)
    request.app.state.queue.submit(DOSSIER, who, {"kind": kind})
    flash(request, f"Đang lập {dossier.DOSSIER_NAMES[kind].lower()}; tiến độ hiện bên dưới.")
    return back(PAGE)
