"""One document: its page with the preview, its files, and the actions its state allows to the account."""
from __future__ import annotations

import subprocess

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, Response
from pypdf import PdfReader
from starlette.concurrency import run_in_threadpool

from thidua.tasks.jobs import DOCX, SIGN, SIGN_REMOTE
from thidua.web.downloads import DOCX as DOCX_TYPE
from thidua.web.downloads import PDF
from thidua.web.forms import chosen, passphrase, required_file
from thidua.web.pages import back, flash, render
from thidua.web.security import checked_form, required
from thidua.workflows.workspace import audit, documents
from thidua.workflows.workspace.accounts import BOARD, CLERK, LEADER, SIGNERS

router = APIRouter()
FILE_NAMES = {"docx": "", "pdf": "", "signed": ".signed", "issued": ".issued"}


def _doc(request: Request, doc_id: str, *roles: str):
    who = required(request, *roles)
    return who, documents.get(request.app.state.ws, who, doc_id)


def _pages(path) -> int:
    try:
        return len(PdfReader(str(path)).pages)
    except Exception:
        return 0


@router.get("/van-ban/{doc_id}")
def document_page(request: Request, doc_id: str):
    who, doc = _doc(request, doc_id)
    ws = request.app.state.ws
    return render(request, "document.html", doc=doc, pages=_pages(ws.path(doc.current_pdf)),
                  jobs=request.app.state.queue.of_owner(who.username), signs_in=documents.SIGNS_IN.get(who.role),
                  dossier_kinds=documents.DOSSIER_KINDS)


@router.get("/van-ban/{doc_id}/tep/{which}")
def document_file(request: Request, doc_id: str, which: str):
    who, doc = _doc(request, doc_id)
    if which not in FILE_NAMES:
        raise HTTPException(404, "Không có tệp này.")
    path = request.app.state.ws.path(doc.file(which))
    if not path.is_file():
        raise HTTPException(404, "Văn bản chưa có tệp này.")
    audit.record(request.app.state.ws.db, who, "Tải về", f"{doc.unit}: {path.name}")
    return FileResponse(path, media_type=DOCX_TYPE if which == "docx" else PDF, filename=path.name)


@router.get("/van-ban/{doc_id}/trang/{page}.png")
def document_page_image(request: Request, doc_id: str, page: int):
    """Page `page` of the document's current PDF as an image: a preview that works on any phone."""
    _, doc = _doc(request, doc_id)
    ws = request.app.state.ws
    pdf = ws.path(doc.current_pdf)
    if not 1 <= page <= _pages(pdf):
        raise HTTPException(404, "Không có trang này.")
    cached = ws.path("previews", f"{doc.id}-{doc.sha256[:16]}-{page}.png")
    if not cached.exists():
        cached.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
                        str(cached.with_suffix(""))], check=True, capture_output=True, timeout=60)
    return Response(cached.read_bytes(), media_type="image/png")


@router.post("/van-ban/{doc_id}/docx")
async def upload_docx(request: Request, doc_id: str):
    form = await checked_form(request)
    who, doc = _doc(request, doc_id, CLERK)
    file = await required_file(form, "Hãy chọn tệp Word (.docx) đã sửa.", f"/van-ban/{doc.id}")
    ws = request.app.state.ws
    doc, incoming = await run_in_threadpool(documents.check_docx_upload, ws, who, doc.id, file[1])
    request.app.state.queue.submit(DOCX, who, {"document": doc.id, "incoming": ws.relative(incoming)})
    flash(request, "Văn bản đúng thể thức; đang chuyển sang PDF/A.")
    return back(f"/van-ban/{doc.id}")


@router.post("/van-ban/{doc_id}/trinh-ky")
async def send(request: Request, doc_id: str):
    await checked_form(request)
    who, doc = _doc(request, doc_id, CLERK, BOARD)
    documents.send_to_leader(request.app.state.ws, who, doc.id)
    flash(request, "Đã trình lãnh đạo ký.")
    return back(f"/van-ban/{doc.id}")


@router.post("/van-ban/{doc_id}/tra-lai")
async def return_document(request: Request, doc_id: str):
    form = await checked_form(request)
    who, doc = _doc(request, doc_id, *SIGNERS)
    documents.return_to_unit(request.app.state.ws, who, doc.id, str(form.get("reason") or ""))
    flash(request, "Đã trả lại văn bản cho đơn vị.")
    return back("/ky")


@router.post("/van-ban/{doc_id}/tai-len-ban-ky")
async def upload_signed(request: Request, doc_id: str):
    form = await checked_form(request)
    who, doc = _doc(request, doc_id, LEADER)
    file = await required_file(form, "Hãy chọn tệp PDF đã ký.", f"/van-ban/{doc.id}")
    await run_in_threadpool(documents.accept_signed_upload, request.app.state.ws, who, doc.id, file[1])
    flash(request, "Đã nhận văn bản đã ký; chữ ký hợp lệ.")
    return back("/ky")


@router.get("/ky")
def waiting(request: Request):
    who = required(request, *SIGNERS)
    ws = request.app.state.ws
    state = documents.SIGNS_IN[who.role]
    return render(request, "leader.html", waiting=documents.visible(ws, who, state),
                  others=[d for d in documents.visible(ws, who) if d.state != state],
                  jobs=request.app.state.queue.of_owner(who.username))


@router.post("/ky")
async def sign(request: Request):
    form = await checked_form(request)
    who = required(request, *SIGNERS)
    ids = chosen(form)
    if form.get("method") == "remote":
        documents.check_may_sign_remotely(request.app.state.ws, who, ids)
        request.app.state.queue.submit(SIGN_REMOTE, who, {"documents": ids})
        flash(request, f"Đã gửi yêu cầu ký {len(ids)} văn bản tới dịch vụ ký số từ xa; hãy xác nhận trên điện thoại.")
        return back("/ky")
    documents.check_may_sign(request.app.state.ws, who, ids)
    secret = passphrase(form)
    if secret is None:
        flash(request, "Hãy nhập mật khẩu bảo vệ khóa ký.", "error")
        return back("/ky")
    request.app.state.queue.submit(SIGN, who, {"documents": ids}, secret)
    flash(request, f"Đang ký {len(ids)} văn bản; tiến độ hiện bên dưới.")
    return back("/ky")
