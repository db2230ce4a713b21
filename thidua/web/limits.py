"""The request body limit, enforced before anything is read: a too large upload never reaches a handler."""
from __future__ import annotations

from starlette.responses import HTMLResponse


def _page(status: int, message: str) -> HTMLResponse:
    return HTMLResponse(f"<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><title>thidua</title>"
                        f"<main><h1>Không nhận được yêu cầu</h1><p role=\"alert\">{message}</p>"
                        f"<p><a href=\"javascript:history.back()\">Quay lại</a></p></main></html>", status_code=status)


class BodyLimit:
    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD"):
            return await self.app(scope, receive, send)
        length = dict(scope["headers"]).get(b"content-length")
        mb = self.limit // (1024 * 1024)
        if length is None:
            return await _page(411, "Yêu cầu thiếu độ dài nội dung.")(scope, receive, send)
        if not length.isdigit() or int(length) > self.limit:
            return await _page(413, f"Tệp tải lên quá lớn: giới hạn {mb} MB.")(scope, receive, send)
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:  # a client that sent more than it declared
                return {"type": "http.disconnect"}
            return message

        return await self.app(scope, counted, send)
