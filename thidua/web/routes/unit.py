"""The unit clerk: the blank list, uploads with their findings, the plan drafted in the background."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse
from starlette.concurrency import run_in_threadpool

from thidua.tasks.jobs import PLAN
from thidua.web.downloads import XLSX, removed_after, temporary_file
from thidua.web.forms import required_file
from thidua.web.pages import back, flash, render
from thidua.web.security import checked_form, required
from thidua.workflows.workbooks import blank_workbook
from thidua.workflows.workspace import documents, uploads
from thidua.workflows.workspace.accounts import CLERK

router = APIRouter()


@router.get("/don-vi")
def unit_page(request: Request):
    who = required(request, CLERK)
    ws = request.app.state.ws
    history = uploads.history(ws, who.unit)
    return render(request, "unit.html", unit=ws.province.unit(who.unit), history=history,
                  latest=history[0] if history else None, current=uploads.current(ws, who.unit),
                  document=documents.of_unit(ws, who.unit), jobs=request.app.state.queue.of_owner(who.username))


@router.get("/don-vi/mau-danh-sach.xlsx")
def blank(request: Request):
    required(request, CLERK)
    path = blank_workbook(request.app.state.ws.settings, "registration", temporary_file(".xlsx"))
    return FileResponse(path, media_type=XLSX, filename="mau-danh-sach-dang-ky.xlsx", background=removed_after(path))


@router.post("/don-vi/danh-sach")
async def upload(request: Request):
    form = await checked_form(request)
    who = required(request, CLERK)
    file = await required_file(form, "Hãy chọn tệp danh sách (.xlsx) để tải lên.", "/don-vi")
    result = await run_in_threadpool(uploads.upload_list, request.app.state.ws, who, *file)
    if not result.readable:
        flash(request, f"Tệp «{result.filename}» chưa đọc được; danh sách hiện hành không đổi. Xem lỗi bên dưới.",
              "error")
    elif result.findings:
        flash(request, f"Đã nhận «{result.filename}»; có {len(result.findings)} điểm cần xem bên dưới.", "warning")
    else:
        flash(request, f"Đã nhận «{result.filename}»; danh sách không có lỗi.")
    return back("/don-vi")


@router.post("/don-vi/ke-hoach")
async def draft_plan(request: Request):
    await checked_form(request)
    who = required(request, CLERK)
    ws = request.app.state.ws
    if uploads.current(ws, who.unit) is None:
        flash(request, "Đơn vị chưa có danh sách đọc được; hãy tải lên danh sách trước.", "error")
        return back("/don-vi")
    documents.check_may_draft(ws, who)
    request.app.state.queue.submit(PLAN, who, {})
    flash(request, "Đang lập kế hoạch; tiến độ hiện bên dưới.")
    return back("/don-vi")
