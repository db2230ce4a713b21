"""A background job's progress, as a fragment htmx polls until the job is finished."""
from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request

from thidua.web.pages import templates
from thidua.web.security import required

router = APIRouter()


@router.get("/cong-viec/{job_id}")
def job_fragment(request: Request, job_id: str):
    who = required(request)
    job = request.app.state.queue.get(job_id)
    if job is None or job.owner != who.username:
        raise HTTPException(404, "Không có việc này.")
    return templates.TemplateResponse(request, "_job.html", {"job": job})
