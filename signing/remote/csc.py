"""CSC (Cloud Signature Consortium API v1 and v2) through pyHanko's CSC signer.

The signer collects the hashes of every document of a run and commits them together: one `credentials/authorize`
(the hashes bound into the SAD) and one `signatures/signHash` per `multisign` hashes, the most the credential
allows per authorization (CSC 1.0.4 §8.5)."""
from __future__ import annotations

import asyncio
import base64

import aiohttp
from asn1crypto import algos
from pyhanko.sign.general import SigningError as PyhankoSigningError
from pyhanko.sign.signers.csc_signer import (CSCAuthorizationInfo, CSCAuthorizationManager, CSCServiceSessionInfo,
                                             CSCSigner, base64_digest,
                                             fetch_certs_in_csc_credential)

from signing.remote.config import CscService, RemoteSecrets
from signing.remote.errors import ApprovalRejected, CredentialRefused, RemoteSigningError
from signing.remote.http import ServiceError, from_pyhanko, post_json
from signing.remote.signer import Progress, RemoteSigner

V2_NAMES = {"hash": "hashes", "hashAlgo": "hashAlgorithmOID"}  # v1 field → v2 field, in authorize and signHash


async def open_signer(http: aiohttp.ClientSession, service: CscService, secrets: RemoteSecrets,
                      progress: Progress | None) -> "CscBatchSigner":
    if service.api_version not in ("v1", "v2"):
        raise RemoteSigningError(f"Dịch vụ «{service.name}»: api_version phải là v1 hoặc v2.")
    token = secrets.token
    if service.username:
        token = await _login(http, service, secrets)
    info = CSCServiceSessionInfo(service.url.rstrip("/"), service.credential, oauth_token=token,
                                 api_ver=service.api_version)
    timeout = max(1, int(service.wait_seconds))  # pyHanko takes whole seconds
    try:
        credential = await fetch_certs_in_csc_credential(http, info, timeout=timeout)
    except (PyhankoSigningError, asyncio.TimeoutError, aiohttp.ClientError) as exc:
        raise from_pyhanko(service.name, exc) from None
    auth = PinAuthorization(info, credential, http, service, secrets.pin, progress)
    return CscBatchSigner(http, auth, batch_size=credential.max_batch_size, sign_timeout=timeout, service=service)


async def _login(http, service: CscService, secrets: RemoteSecrets) -> str:
    if secrets.password is None:
        raise CredentialRefused(f"Chưa có mật khẩu đăng nhập dịch vụ ký số «{service.name}» (biến môi trường).")
    url = f"{service.url.rstrip('/')}/csc/{service.api_version}/auth/login"
    try:
        basic = base64.b64encode(f"{service.username}:{secrets.password}".encode()).decode()
        data = await post_json(http, service.name, url, {"rememberMe": False}, {"Authorization": f"Basic {basic}"},
                               timeout=service.wait_seconds)
    except ServiceError as exc:
        raise CredentialRefused(f"Dịch vụ ký số «{service.name}» từ chối đăng nhập của «{service.username}» "
                                f"(HTTP {exc.status}): sai tài khoản hoặc mật khẩu.") from None
    token = data.get("access_token")
    if not isinstance(token, str) or not token:
        raise CredentialRefused(f"Dịch vụ ký số «{service.name}» không cấp mã truy cập khi đăng nhập.")
    return token


class PinAuthorization(CSCAuthorizationManager):
    """`credentials/authorize` for exactly the hashes about to be signed, with the PIN when the credential asks."""

    def __init__(self, info, credential, http, service: CscService, pin: str | None, progress: Progress | None):
        super().__init__(info, credential)
        self.http, self.service, self._pin, self.progress = http, service, pin, progress
        self.mode = str(credential.response_data.get("authMode", "implicit"))

    async def authorize_signature(self, hash_b64s: list[str]) -> CSCAuthorizationInfo:
        name = self.service.name
        if self.mode == "explicit" and self._pin is None:
            raise CredentialRefused(f"Chứng thư «{self.service.credential}» của dịch vụ «{name}» cần PIN: đặt biến "
                                    "môi trường của PIN trong cấu hình.")
        body = self.format_csc_auth_request(pin=self._pin if self.mode == "explicit" else None, hash_b64s=hash_b64s,
                                            description=f"thidua: ký {len(hash_b64s)} văn bản")
        if self.service.api_version == "v2":
            body = {V2_NAMES.get(k, k): v for k, v in body.items()}
            body["hashAlgorithmOID"] = algos.DigestAlgorithmId("sha256").dotted
        if self.progress:
            self.progress(f"Đang xin phép ký {len(hash_b64s)} văn bản qua dịch vụ «{name}»…")
        try:
            data = await post_json(self.http, name, self.csc_session_info.endpoint_url("credentials/authorize"), body,
                                   self.auth_headers, timeout=self.service.wait_seconds)
        except ServiceError as exc:
            if exc.code in ("invalid_pin", "invalid_otp"):
                raise CredentialRefused(f"Dịch vụ ký số «{name}» báo sai PIN của chứng thư «{self.service.credential}».") \
                    from None
            if exc.code in ("access_denied", "rejected"):
                raise ApprovalRejected(f"Người ký đã từ chối yêu cầu ký trên dịch vụ «{name}».") from None
            raise CredentialRefused(f"Dịch vụ ký số «{name}» không cho phép ký (HTTP {exc.status}"
                                    f"{', ' + exc.code if exc.code else ''}).") from None
        try:
            return self.parse_csc_auth_response(data)
        except PyhankoSigningError:
            raise CredentialRefused(f"Dịch vụ ký số «{name}» không cấp dữ liệu kích hoạt chữ ký (SAD).") from None


class CscBatchSigner(RemoteSigner, CSCSigner):
    """pyHanko's CSC signer, committing when the run's last document has brought its hash."""

    def __init__(self, *args, service: CscService, **kwargs):
        super().__init__(*args, batch_autocommit=False, **kwargs)
        self.service = service
        self._arrived = 0

    async def format_csc_signing_req(self, tbs_hashes, digest_algorithm):
        request = await super().format_csc_signing_req(tbs_hashes, digest_algorithm)
        if self.service.api_version == "v2":
            request = {V2_NAMES.get(k, k): v for k, v in request.items()}
        return request

    async def async_sign_raw(self, data: bytes, digest_algorithm: str, dry_run=False) -> bytes:
        """CSCSigner's own batching, committing also when the run's last hash has joined the open batch."""
        if dry_run:
            return bytes(self.est_raw_signature_size)
        batch = await self._ensure_batch(digest_algorithm)
        ix = batch.add(base64_digest(data, digest_algorithm))
        self._arrived += 1
        last = self._arrived >= self.expected
        if last:
            self._arrived = 0
        if last or ix == self.batch_size - 1:
            await self._commit_quietly()
        await batch.notifier.wait()
        if not batch.results:
            raise self.failure or RemoteSigningError(f"Dịch vụ ký số «{self.service.name}» không trả chữ ký.")
        return batch.results[ix]

    async def commit(self):
        try:
            await super().commit()
        except (PyhankoSigningError, RemoteSigningError, asyncio.TimeoutError, aiohttp.ClientError) as exc:
            self.failure = self.failure or from_pyhanko(self.service.name, exc)
            raise self.failure from None

    async def _commit_quietly(self):
        try:
            await self.commit()
        except RemoteSigningError:
            pass  # every waiting document raises it
