"""The public verify page: drop a PDF, read the report; the file is not kept."""
from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from thidua.web.forms import uploaded
from thidua.web.pages import render
from thidua.web.security import checked_form
from thidua.workflows.workspace.checking import verify_dropped

router = APIRouter()


@router.get("/kiem-tra")
def verify_page(request: Request):
    return render(request, "verify.html")


@router.post("/kiem-tra")
async def verify_file(request: Request):
    form = await checked_form(request)
    file = await uploaded(form)
    if file is None:
        return render(request, "verify.html", 400, error="Hãy chọn tệp PDF cần kiểm tra.")
    # In a worker thread: pyHanko's validation runs its own event loop, which the server's would refuse.
    report = await run_in_threadpool(verify_dropped, request.app.state.ws, *file)
    return render(request, "verify.html", report=report)
