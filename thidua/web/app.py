"""The application: middleware (body limit, session, request log), error pages, and the routes of each role."""
from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from generators.core.errors import DataError, ThiduaError
from signing.errors import SigningError
from thidua.tasks.queue import EmbeddedQueue
from thidua.web.limits import BodyLimit
from thidua.web.forms import Missing
from thidua.web.pages import back, flash, render
from thidua.web.routes import auth, board, commendation, documents, jobs, records, unit, verify
from thidua.web.security import NotLoggedIn, current
from thidua.workflows.workspace.space import Workspace
from thidua.workflows.workspace.errors import Refused

log = logging.getLogger("thidua.web")
AREAS = (auth, unit, documents, jobs, records, board, commendation, verify)
"""Every module of routes, each with its `router`."""


def routes() -> list:
    return [r for area in AREAS for r in area.router.routes]


def create_app(ws: Workspace, queue: EmbeddedQueue) -> FastAPI:
    app = FastAPI(title="thidua", docs_url=None, redoc_url=None, openapi_url=None,
                  on_startup=[queue.start], on_shutdown=[queue.stop])
    app.state.ws, app.state.queue = ws, queue

    @app.middleware("http")
    async def request_log(request: Request, call_next):
        response = await call_next(request)
        who = current(request) if "session" in request.scope else None
        # Path and status only: never a form field, a query value or a header (passwords, passphrases, tokens).
        log.info("%s %s %s %s", request.method, request.url.path, response.status_code,
                 who.username if who else "-")
        return response

    app.add_middleware(SessionMiddleware, secret_key=ws.session_secret(), session_cookie="thidua_phien",
                       max_age=8 * 3600, same_site="strict", https_only=False)
    app.add_middleware(BodyLimit, limit=ws.config.max_upload_bytes)

    @app.exception_handler(NotLoggedIn)
    async def to_login(request: Request, exc):
        return RedirectResponse("/dang-nhap", status_code=303)

    @app.exception_handler(Missing)
    async def missing(request: Request, exc: Missing):
        flash(request, str(exc), "error")
        return back(exc.back_to)

    @app.exception_handler(Refused)
    async def refused(request: Request, exc):
        return render(request, "error.html", 404, message=str(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        return render(request, "error.html", exc.status_code, message=exc.detail)

    @app.exception_handler(DataError)
    async def data_error(request: Request, exc: DataError):
        return render(request, "error.html", 400, message="; ".join(str(p) for p in exc.problems))

    @app.exception_handler(ThiduaError)
    @app.exception_handler(SigningError)
    async def user_error(request: Request, exc):
        return render(request, "error.html", 400, message=str(exc))

    app.mount("/static", StaticFiles(directory=str(Path(__file__).parent / "static")), name="static")
    for area in AREAS:
        app.include_router(area.router)
    return app
