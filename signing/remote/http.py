"""JSON over HTTP with the service, failures turned into typed errors with Vietnamese messages.

Nothing of a request (its body holds secrets) or of an error body goes into a message, only the status and the
service's own error code."""
from __future__ import annotations

import asyncio

import aiohttp

from signing.remote.errors import CredentialRefused, RemoteSigningError, ServiceUnreachable


def unreachable(name: str, exc: BaseException) -> RemoteSigningError:
    if isinstance(exc, (asyncio.TimeoutError, aiohttp.ServerTimeoutError)):
        return ServiceUnreachable(f"Dịch vụ ký số «{name}» không trả lời trong thời gian chờ.")
    if isinstance(exc, aiohttp.ClientResponseError):
        if exc.status in (401, 403):
            return CredentialRefused(f"Dịch vụ ký số «{name}» từ chối đăng nhập (HTTP {exc.status}): kiểm tra tài "
                                     "khoản, mật khẩu hoặc mã truy cập.")
        if exc.status in (400, 404):
            return CredentialRefused(f"Dịch vụ ký số «{name}» không nhận yêu cầu (HTTP {exc.status}): kiểm tra mã "
                                     "chứng thư (credential) trong cấu hình.")
        return ServiceUnreachable(f"Dịch vụ ký số «{name}» báo lỗi HTTP {exc.status}.")
    if isinstance(exc, aiohttp.ClientError):
        return ServiceUnreachable(f"Không kết nối được dịch vụ ký số «{name}» ({type(exc).__name__}).")
    return ServiceUnreachable(f"Dịch vụ ký số «{name}» trả lời không đúng định dạng.")


def from_pyhanko(name: str, exc: BaseException) -> RemoteSigningError:
    """pyHanko's CSC client wraps an HTTP failure (and lets a timeout through): report the failure itself, not
    pyHanko's English."""
    if isinstance(exc, RemoteSigningError):
        return exc
    if isinstance(exc, (asyncio.TimeoutError, aiohttp.ClientError)):
        return unreachable(name, exc)
    cause = exc.__cause__
    return unreachable(name, cause) if cause is not None else ServiceUnreachable(
        f"Dịch vụ ký số «{name}» trả lời không dùng được.")


async def post_json(http: aiohttp.ClientSession, name: str, url: str, body: dict | None = None,
                    headers: dict | None = None, timeout: float = 30) -> dict:
    """The decoded answer; an HTTP error status raises, with the service's JSON `error` code when it gives one."""
    try:
        async with http.post(url, json=body if body is not None else {}, headers=headers or {},
                             timeout=aiohttp.ClientTimeout(total=timeout)) as response:
            try:
                data = await response.json(content_type=None)
            except ValueError:
                data = None
            if response.status >= 400:
                error = data.get("error") if isinstance(data, dict) else None
                raise ServiceError(response.status, str(error) if error else None)
            if not isinstance(data, dict):
                raise ServiceUnreachable(f"Dịch vụ ký số «{name}» trả lời không đúng định dạng.")
            return data
    except (ServiceError, RemoteSigningError):
        raise
    except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as exc:
        raise unreachable(name, exc) from None


class ServiceError(Exception):
    """An HTTP error status with the service's error code (CSC: `invalid_pin`, `access_denied`, …)."""

    def __init__(self, status: int, code: str | None):
        super().__init__(f"HTTP {status} {code or ''}".strip())
        self.status, self.code = status, code
