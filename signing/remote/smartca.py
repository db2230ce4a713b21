"""An asynchronous hash-signing flow of the SmartCA kind: the certificate by the service provider's id and secret
and the user's id; one transaction carrying every hash of the run; the status polled until the user approves in the
app, refuses, or the request expires (bounded by `wait_seconds`, cancellable)."""
from __future__ import annotations

import asyncio
import base64
import hashlib
import threading
import time
import uuid

import aiohttp
from asn1crypto import x509
from pyhanko.sign.signers.pdf_cms import Signer
from pyhanko_certvalidator.registry import SimpleCertificateStore

from signing.remote.config import RemoteSecrets, SmartCaService
from signing.remote.errors import (ApprovalExpired, ApprovalRejected, CredentialRefused, RemoteSigningError,
                                   ServiceUnreachable, SigningCancelled)
from signing.remote.http import ServiceError, post_json
from signing.remote.signer import Progress, RemoteSigner


async def open_signer(http: aiohttp.ClientSession, service: SmartCaService, secrets: RemoteSecrets,
                      progress: Progress | None, cancel: threading.Event) -> "SmartCaSigner":
    if secrets.password is None:
        raise CredentialRefused(f"Chưa có mật khẩu của đơn vị tích hợp cho dịch vụ ký số «{service.name}» "
                                "(biến môi trường trong cấu hình).")
    client = SmartCaClient(http, service, secrets.password)
    cert, chain = await client.certificate()
    return SmartCaSigner(client, cert, chain, progress, cancel)


class SmartCaClient:
    def __init__(self, http, service: SmartCaService, sp_password: str):
        self.http, self.service, self._sp_password = http, service, sp_password

    def _body(self, **extra) -> dict:
        body = {"sp_id": self.service.sp_id, "sp_password": self._sp_password, "user_id": self.service.user_id,
                "transaction_id": uuid.uuid4().hex}
        if self.service.serial_number:
            body["serial_number"] = self.service.serial_number
        return {**body, **extra}

    async def _call(self, path: str, body: dict | None) -> dict:
        name = self.service.name
        try:
            data = await post_json(self.http, name, self.service.url.rstrip("/") + path, body,
                                   timeout=min(60.0, self.service.wait_seconds))
        except ServiceError as exc:
            if exc.status in (401, 403):
                raise CredentialRefused(f"Dịch vụ ký số «{name}» từ chối mã đơn vị tích hợp hoặc mật khẩu "
                                        f"(HTTP {exc.status}).") from None
            raise ServiceUnreachable(f"Dịch vụ ký số «{name}» báo lỗi HTTP {exc.status}.") from None
        if data.get("code") not in (0, "0"):
            raise CredentialRefused(f"Dịch vụ ký số «{name}» từ chối yêu cầu (mã {data.get('code')}): kiểm tra mã "
                                    "đơn vị tích hợp, mật khẩu và tài khoản người ký.")
        content = data.get("content")
        if not isinstance(content, dict):
            raise ServiceUnreachable(f"Dịch vụ ký số «{name}» trả lời không đúng định dạng.")
        return content

    async def certificate(self) -> tuple[x509.Certificate, list[x509.Certificate]]:
        content = await self._call(self.service.paths.certificate, self._body())
        certs = content.get("user_certificates") or []
        usable = [c for c in certs if isinstance(c, dict) and c.get("cert_data")
                  and (not self.service.serial_number or c.get("serial_number") == self.service.serial_number)]
        if not usable:
            raise CredentialRefused(f"Tài khoản «{self.service.user_id}» không có chứng thư số dùng được trên dịch vụ "
                                    f"«{self.service.name}».")
        chosen = usable[0]
        try:
            cert = x509.Certificate.load(base64.b64decode(chosen["cert_data"]))
            chain_data = chosen.get("chain_data") or {}
            chain = [x509.Certificate.load(base64.b64decode(chain_data[k])) for k in ("ca_cert", "root_cert")
                     if chain_data.get(k)]
        except (ValueError, TypeError):
            raise ServiceUnreachable(f"Chứng thư số do dịch vụ «{self.service.name}» gửi không đọc được.") from None
        return cert, chain

    async def submit(self, digests: list[bytes], description: str) -> str:
        files = [{"data_to_be_signed": d.hex(), "doc_id": str(i), "file_type": "pdf", "sign_type": "hash"}
                 for i, d in enumerate(digests)]
        content = await self._call(self.service.paths.sign, self._body(transaction_desc=description, sign_files=files))
        tran_id = content.get("tran_id")
        if not tran_id:
            raise ServiceUnreachable(f"Dịch vụ ký số «{self.service.name}» không trả mã giao dịch.")
        return str(tran_id)

    async def status(self, tran_id: str) -> dict:
        return await self._call(self.service.paths.status.format(tran_id=tran_id), None)


class SmartCaSigner(RemoteSigner, Signer):
    """Collects the run's hashes, sends them as one transaction, waits for the user's one approval."""

    def __init__(self, client: SmartCaClient, cert, chain, progress: Progress | None, cancel: threading.Event):
        super().__init__(signing_cert=cert, cert_registry=SimpleCertificateStore.from_certs([cert, *chain]))
        self.client, self.progress, self.cancel = client, progress, cancel
        self._waiting: list[tuple[bytes, asyncio.Future]] = []

    async def async_sign_raw(self, data: bytes, digest_algorithm: str, dry_run=False) -> bytes:
        if dry_run:
            return bytes(512)
        future = asyncio.get_running_loop().create_future()
        self._waiting.append((hashlib.new(digest_algorithm, data).digest(), future))
        if len(self._waiting) >= self.expected:
            batch, self._waiting = self._waiting, []
            asyncio.ensure_future(self._sign(batch))
        return await future

    async def _sign(self, batch: list[tuple[bytes, asyncio.Future]]) -> None:
        try:
            signatures = await self._transaction([d for d, _ in batch])
        except RemoteSigningError as exc:
            self.failure = exc
            for _, future in batch:
                future.set_exception(exc)
            return
        for (_, future), signature in zip(batch, signatures):
            future.set_result(signature)

    async def _transaction(self, digests: list[bytes]) -> list[bytes]:
        service = self.client.service
        tran_id = await self.client.submit(digests, f"thidua: ký {len(digests)} văn bản")
        start = time.monotonic()
        codes = service.status
        while True:
            elapsed = time.monotonic() - start
            if self.cancel.is_set():
                raise SigningCancelled("Đã hủy yêu cầu ký theo yêu cầu người dùng; chưa văn bản nào được ký.")
            if elapsed > service.wait_seconds:
                raise ApprovalExpired(f"Quá {service.wait_seconds:g} giây mà người ký chưa xác nhận trên ứng dụng "
                                      f"«{service.name}»; yêu cầu ký hết hạn, chưa văn bản nào được ký.")
            content = await self.client.status(tran_id)
            state = content.get("tran_status")
            if state in codes.done:
                return self._signatures(content, len(digests))
            if state in codes.rejected:
                raise ApprovalRejected(f"Người ký đã từ chối yêu cầu ký {len(digests)} văn bản trên ứng dụng "
                                       f"«{service.name}»; chưa văn bản nào được ký.")
            if state in codes.expired:
                raise ApprovalExpired(f"Yêu cầu ký trên «{service.name}» đã hết hạn trước khi người ký xác nhận; "
                                      "chưa văn bản nào được ký.")
            if state not in codes.waiting:
                raise ServiceUnreachable(f"Dịch vụ ký số «{service.name}» trả trạng thái giao dịch không rõ ({state}).")
            if self.progress:
                self.progress(f"Đang chờ người ký xác nhận {len(digests)} văn bản trên ứng dụng «{service.name}»: "
                              f"{int(elapsed)}/{service.wait_seconds:g} giây")
            await asyncio.sleep(min(service.poll_seconds, max(0.05, service.wait_seconds - elapsed)))

    def _signatures(self, content: dict, count: int) -> list[bytes]:
        by_doc = {str(s.get("doc_id")): s.get("signature_value") for s in content.get("signatures") or []
                  if isinstance(s, dict)}
        try:
            return [base64.b64decode(by_doc[str(i)]) for i in range(count)]
        except (KeyError, TypeError, ValueError):
            raise RemoteSigningError(f"Dịch vụ ký số «{self.client.service.name}» trả thiếu chữ ký cho một số văn "
                                     "bản; chưa văn bản nào được ký.") from None
