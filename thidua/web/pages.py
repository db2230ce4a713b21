"""Rendering a page: the template with the account, its navigation, the CSRF token and the flashed messages."""
from __future__ import annotations

from pathlib import Path

from fastapi import Request
from fastapi.responses import RedirectResponse
from fastapi.templating import Jinja2Templates

from thidua.web.security import csrf_token, current
from thidua.workflows.workspace.accounts import ARCHIVIST, BOARD, CHAIR, CLERK, LEADER, RECORDS, SECRETARY
from thidua.workflows.workspace.clock import shown

templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
templates.env.filters["when"] = shown

NAVIGATION = {
    CLERK: [("/don-vi", "Danh sách và kế hoạch")],
    LEADER: [("/ky", "Văn bản chờ ký")],
    RECORDS: [("/van-thu", "Cấp số, ban hành"), ("/van-thu/so-dang-ky", "Sổ đăng ký văn bản đi")],
    BOARD: [("/ban-thi-dua", "Tình hình các đơn vị"), ("/ban-thi-dua/khen-thuong", "Xét khen thưởng"),
            ("/ban-thi-dua/nhat-ky", "Nhật ký thao tác")],
    SECRETARY: [("/ky", "Văn bản chờ ký")],
    CHAIR: [("/ky", "Văn bản chờ ký")],
    ARCHIVIST: [("/luu-tru", "Văn bản đã ban hành")],
}
HOME = {role: links[0][0] for role, links in NAVIGATION.items()}


def flash(request: Request, text: str, kind: str = "info") -> None:
    request.session.setdefault("flash", []).append([kind, text])


def render(request: Request, name: str, status: int = 200, **context):
    who = current(request)
    messages = request.session.pop("flash", [])
    return templates.TemplateResponse(request, name, {
        "who": who, "nav": NAVIGATION.get(who.role, []) if who else [], "csrf": csrf_token(request),
        "messages": messages, "year": request.app.state.ws.year, **context}, status_code=status)


def back(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)
