"""Who is asking, and whether a form really comes from our page: the session's account and CSRF token."""
from __future__ import annotations

import hmac
import secrets

from fastapi import HTTPException, Request
from starlette.datastructures import FormData

from thidua.workflows.workspace.accounts import Account, account

CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"


class NotLoggedIn(Exception):
    """The page needs an account: the handler sends the browser to the login page."""


def csrf_token(request: Request) -> str:
    token = request.session.get(CSRF_FIELD)
    if not token:
        token = request.session[CSRF_FIELD] = secrets.token_urlsafe(32)
    return token


async def checked_form(request: Request) -> FormData:
    """The posted form, refused (403) unless it carries the session's token in the form or the htmx header."""
    form = await request.form()
    sent = form.get(CSRF_FIELD) or request.headers.get(CSRF_HEADER) or ""
    expected = request.session.get(CSRF_FIELD) or ""
    if not expected or not isinstance(sent, str) or not hmac.compare_digest(sent, expected):
        raise HTTPException(403, "Biểu mẫu đã hết hạn hoặc không gửi từ trang của thidua; hãy tải lại trang rồi "
                                 "thử lại.")
    return form


def current(request: Request) -> Account | None:
    username = request.session.get("user")
    if not username:
        return None
    return account(request.app.state.ws.db, username)


def required(request: Request, *roles: str) -> Account:
    who = current(request)
    if who is None:
        raise NotLoggedIn()
    if roles and who.role not in roles:
        raise HTTPException(403, "Tài khoản của bạn không có quyền mở trang này.")
    return who


def log_in(request: Request, who: Account) -> None:
    request.session.clear()  # a new session at login: a token planted before it is worthless
    request.session["user"] = who.username
    csrf_token(request)
