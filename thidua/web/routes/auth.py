"""Logging in and out; the home page sends each role to its own."""
from __future__ import annotations

from fastapi import APIRouter, Request

from thidua.web.pages import HOME, back, render
from thidua.web.security import checked_form, current, log_in
from thidua.workflows.workspace import audit
from thidua.workflows.workspace.accounts import authenticate
from thidua.workflows.workspace.errors import LoginRefused

router = APIRouter()


@router.get("/")
def home(request: Request):
    who = current(request)
    return back(HOME[who.role] if who else "/dang-nhap")


@router.get("/dang-nhap")
def login_page(request: Request):
    return render(request, "login.html")


@router.post("/dang-nhap")
async def login(request: Request):
    form = await checked_form(request)
    ws = request.app.state.ws
    username = str(form.get("username") or "").strip()
    try:
        who = authenticate(ws.db, username, str(form.get("password") or ""),
                           request.client.host if request.client else "")
    except LoginRefused as exc:
        audit.record(ws.db, None, "Đăng nhập không thành công", username[:100])
        return render(request, "login.html", 401, error=str(exc), username=username)
    log_in(request, who)
    audit.record(ws.db, who, "Đăng nhập", who.username)
    return back(HOME[who.role])


@router.post("/dang-xuat")
async def logout(request: Request):
    await checked_form(request)
    who = current(request)
    if who:
        audit.record(request.app.state.ws.db, who, "Đăng xuất", who.username)
    request.session.clear()
    return back("/dang-nhap")
