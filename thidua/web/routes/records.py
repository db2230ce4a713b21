"""The records office: signed documents waiting for a number, issuance in a batch, the register on screen."""
from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse

from generators.core.files import file_slug
from thidua.tasks.jobs import ISSUE
from thidua.web.downloads import XLSX, removed_after, temporary_file
from thidua.web.forms import chosen, passphrase
from thidua.web.pages import back, flash, render
from thidua.web.security import checked_form, required
from thidua.workflows.registers import outgoing_entries, register_workbook
from thidua.workflows.workspace import audit, documents
from thidua.workflows.workspace.accounts import RECORDS
from thidua.workflows.workspace.errors import Refused

router = APIRouter()


@router.get("/van-thu")
def office(request: Request):
    who = required(request, RECORDS)
    ws = request.app.state.ws
    waiting = documents.visible(ws, who, documents.SIGNED)
    return render(request, "records.html", waiting=waiting, issued=documents.visible(ws, who, documents.ISSUED),
                  day=(waiting[0].default_issue_date if waiting else dt.date.today()).isoformat(),
                  jobs=request.app.state.queue.of_owner(who.username))


@router.post("/van-thu/phat-hanh")
async def issue(request: Request):
    form = await checked_form(request)
    who = required(request, RECORDS)
    ids = chosen(form)
    ws = request.app.state.ws
    documents.check_may_issue(ws, who, ids)
    try:
        day = dt.date.fromisoformat(str(form.get("day") or ""))
    except ValueError:
        raise Refused("Ngày ban hành không hợp lệ; hãy chọn ngày.") from None
    secret = passphrase(form)
    if secret is None:
        flash(request, "Hãy nhập mật khẩu bảo vệ khóa của cơ quan.", "error")
        return back("/van-thu")
    request.app.state.queue.submit(ISSUE, who, {"documents": ids, "day": day.isoformat()}, secret)
    flash(request, f"Đang cấp số và ban hành {len(ids)} văn bản; tiến độ hiện bên dưới.")
    return back("/van-thu")


@router.get("/van-thu/so-dang-ky")
def register(request: Request):
    who = required(request, RECORDS)
    ws = request.app.state.ws
    return render(request, "register.html", entries=outgoing_entries(ws.settings, who.unit),
                  unit=ws.province.unit(who.unit))


@router.get("/van-thu/so-dang-ky.xlsx")
def register_export(request: Request):
    who = required(request, RECORDS)
    ws = request.app.state.ws
    path = register_workbook(ws.settings, who.unit, temporary_file(".xlsx"))
    audit.record(ws.db, who, "Xuất sổ đăng ký văn bản đi", who.unit)
    return FileResponse(path, media_type=XLSX, filename=f"{file_slug(who.unit)}-van-ban-di-{ws.year}.xlsx",
                        background=removed_after(path))
