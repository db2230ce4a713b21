"""Loopback signing services for the tests, signing with real keys of the test PKI:

- a CSC service (API v1 and v2: auth/login, credentials/list|info|authorize, signatures/signHash), with explicit
  PIN authorization, SADs bound to the authorized hashes and the credential's `multisign`;
- a SmartCA-style asynchronous service (certificate, one transaction per batch, status polled until the user
  approves, refuses, or the request expires).

Both record every call, and the tokens and SADs they hand out (a test checks none leaks)."""
from __future__ import annotations

import base64
import json
import secrets
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.asymmetric.utils import Prehashed
from cryptography.hazmat.primitives.serialization import pkcs12

SHA256_RSA, RSA = "1.2.840.113549.1.1.11", "1.2.840.113549.1.1.1"


@dataclass
class Credential:
    key: object
    certs: list  # the leaf first, then its CAs

    @classmethod
    def from_p12(cls, p12: Path, password: bytes, chain: list[Path]) -> "Credential":
        key, cert, _ = pkcs12.load_key_and_certificates(Path(p12).read_bytes(), password)
        return cls(key, [cert, *(x509.load_pem_x509_certificate(p.read_bytes()) for p in chain)])

    def b64_certs(self) -> list[str]:
        return [base64.b64encode(c.public_bytes(serialization.Encoding.DER)).decode() for c in self.certs]

    def sign(self, digest: bytes) -> str:
        return base64.b64encode(self.key.sign(digest, padding.PKCS1v15(), Prehashed(hashes.SHA256()))).decode()


@dataclass
class Service:
    credentials: dict[str, Credential]
    calls: list = field(default_factory=list)  # (endpoint, number of hashes)
    handed_out: list = field(default_factory=list)  # tokens and SADs
    lock: threading.Lock = field(default_factory=threading.Lock)


class _Handler(BaseHTTPRequestHandler):
    service: Service

    def log_message(self, *args):
        pass

    def _reply(self, status: int, data: dict) -> None:
        body = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _body(self) -> dict:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        return json.loads(raw) if raw else {}


# ------------------------------------------------------------------------------------------------------------ CSC

@dataclass
class CscService(Service):
    username: str = "vanthu"
    password: str = ""
    pin: str = ""
    multisign: int = 100
    sads: dict = field(default_factory=dict)  # SAD → [credential, set of hashes, signatures left]
    tokens: set = field(default_factory=set)


class _CscHandler(_Handler):
    service: CscService

    def do_POST(self):  # noqa: N802
        parts = self.path.strip("/").split("/")
        if len(parts) < 3 or parts[0] != "csc" or parts[1] not in ("v1", "v2"):
            return self._reply(404, {"error": "not_found"})
        version, endpoint = parts[1], "/".join(parts[2:])
        body = self._body()
        svc = self.service
        with svc.lock:
            svc.calls.append((endpoint, len(body.get("hash") or body.get("hashes") or [])))
        if endpoint == "auth/login":
            return self._login()
        if self.headers.get("Authorization", "").removeprefix("Bearer ") not in svc.tokens:
            return self._reply(401, {"error": "invalid_token"})
        cred_id = body.get("credentialID")
        if endpoint == "credentials/list":
            return self._reply(200, {"credentialIDs": sorted(svc.credentials)})
        if cred_id not in svc.credentials:
            return self._reply(400, {"error": "invalid_request", "error_description": "unknown credentialID"})
        credential = svc.credentials[cred_id]
        if endpoint == "credentials/info":
            return self._reply(200, {"key": {"status": "enabled", "algo": [SHA256_RSA, RSA], "len": 2048},
                                     "cert": {"status": "valid", "certificates": credential.b64_certs()},
                                     "authMode": "explicit", "SCAL": "2", "multisign": svc.multisign})
        hashes_ = body.get("hash" if version == "v1" else "hashes") or []
        if endpoint == "credentials/authorize":
            if body.get("PIN") != svc.pin:
                return self._reply(400, {"error": "invalid_pin", "error_description": "The PIN is invalid"})
            count = int(body.get("numSignatures", 0))
            if not 0 < count <= svc.multisign or len(hashes_) != count:
                return self._reply(400, {"error": "invalid_request", "error_description": "numSignatures"})
            sad = secrets.token_urlsafe(24)
            with svc.lock:
                svc.sads[sad] = [cred_id, set(hashes_), count]
                svc.handed_out.append(sad)
            return self._reply(200, {"SAD": sad, "expiresIn": 300})
        if endpoint == "signatures/signHash":
            grant = svc.sads.get(body.get("SAD"))
            if grant is None or grant[0] != cred_id or not set(hashes_) <= grant[1] or len(hashes_) > grant[2]:
                return self._reply(400, {"error": "invalid_request", "error_description": "SAD"})
            if body.get("signAlgo") not in (SHA256_RSA, RSA):
                return self._reply(400, {"error": "invalid_request", "error_description": "signAlgo"})
            grant[2] -= len(hashes_)
            return self._reply(200, {"signatures": [credential.sign(base64.b64decode(h)) for h in hashes_]})
        return self._reply(404, {"error": "not_found"})

    def _login(self):
        svc = self.service
        auth = self.headers.get("Authorization", "")
        given = base64.b64decode(auth.removeprefix("Basic ")).decode() if auth.startswith("Basic ") else ""
        if given != f"{svc.username}:{svc.password}":
            return self._reply(401, {"error": "invalid_client"})
        token = secrets.token_urlsafe(24)
        with svc.lock:
            svc.tokens.add(token)
            svc.handed_out.append(token)
        return self._reply(200, {"access_token": token, "expires_in": 3600})


# -------------------------------------------------------------------------------------------------------- SmartCA

@dataclass
class SmartCaService(Service):
    sp_id: str = "thidua-sp"
    sp_password: str = ""
    user_id: str = ""
    outcome: str = "approve"  # approve, reject, expire, never
    delay: float = 0.5  # seconds before the user acts on their phone
    transactions: dict = field(default_factory=dict)


class _SmartCaHandler(_Handler):
    service: SmartCaService

    def do_POST(self):  # noqa: N802
        svc = self.service
        body = self._body()
        with svc.lock:
            svc.calls.append((self.path, len(body.get("sign_files") or [])))
        if self.path.endswith("/status"):
            return self._status(self.path.split("/")[-2])
        if body.get("sp_id") != svc.sp_id or body.get("sp_password") != svc.sp_password:
            return self._reply(200, {"code": 1001, "message": "Sai thông tin đơn vị tích hợp", "content": None})
        credential = svc.credentials.get(body.get("user_id"))
        if credential is None:
            return self._reply(200, {"code": 1002, "message": "Không có tài khoản", "content": None})
        if self.path == "/v1/credentials/get_certificate":
            certs = credential.b64_certs()
            return self._reply(200, {"code": 0, "message": "success", "content": {"user_certificates": [{
                "serial_number": "01", "cert_status": "Đang hoạt động", "cert_data": certs[0],
                "chain_data": {"ca_cert": certs[1], "root_cert": certs[-1]}}]}})
        if self.path == "/v1/signatures/sign":
            tran_id = secrets.token_hex(8)
            svc.transactions[tran_id] = (time.monotonic(), credential, body["sign_files"])
            return self._reply(200, {"code": 0, "message": "success", "content": {"tran_id": tran_id}})
        return self._reply(404, {"code": 404, "message": "not found"})

    def _status(self, tran_id: str):
        svc = self.service
        if tran_id not in svc.transactions:
            return self._reply(200, {"code": 1003, "message": "Không có giao dịch", "content": None})
        started, credential, files = svc.transactions[tran_id]
        if svc.outcome == "never" or time.monotonic() - started < svc.delay:
            return self._reply(200, {"code": 0, "content": {"tran_id": tran_id, "tran_status": 4000}})
        if svc.outcome != "approve":
            return self._reply(200, {"code": 0, "content": {"tran_id": tran_id,
                                                            "tran_status": 4001 if svc.outcome == "reject" else 4002}})
        signatures = [{"doc_id": f["doc_id"], "signature_value": credential.sign(bytes.fromhex(f["data_to_be_signed"]))}
                      for f in files]
        return self._reply(200, {"code": 0, "content": {"tran_id": tran_id, "tran_status": 1,
                                                        "signatures": signatures}})


@contextmanager
def _serving(handler, service):
    handler_class = type("Handler", (handler,), {"service": service})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_class)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def running_csc(service: CscService):
    return _serving(_CscHandler, service)


def running_smartca(service: SmartCaService):
    return _serving(_SmartCaHandler, service)


# ---------------------------------------------------------------- certomancer-csc-dummy, an implementation not ours

@contextmanager
def running_csc_dummy(folder: Path, credentials: dict[str, tuple[Path, bytes]], root: Path, intermediate: Path):
    """pyHanko's author's CSC test service (certomancer-csc-dummy) serving the test PKI's own certificates and keys:
    `credentials` maps a label to (PKCS#12 file, password); credential IDs are `thidua/<label>`. Yields the URL and
    the list of endpoints called."""
    import asyncio

    from aiohttp import web
    from certomancer.registry import CertomancerConfig
    from csc_dummy.csc_dummy_server import CSCWithCertomancer, DummyServiceParams

    folder.mkdir(parents=True, exist_ok=True)
    pem = serialization.Encoding.PEM
    spki = serialization.PublicFormat.SubjectPublicKeyInfo
    validity = '{valid-from: "2000-01-01T00:00:00+0000", valid-to: "2100-01-01T00:00:00+0000"}'
    keys, entities, certs = [], [], []
    for label, path, issuer in (("root", root, "root"), ("inter", intermediate, "root")):
        cert = x509.load_pem_x509_certificate(path.read_bytes())
        (folder / f"{label}.crt").write_bytes(cert.public_bytes(pem))
        (folder / f"{label}.pub.pem").write_bytes(cert.public_key().public_bytes(pem, spki))
        keys.append(f"      {label}: {{path: {label}.pub.pem, public-only: true}}")
        entities.append(f"      {label}: {{common-name: {label}}}")
        certs.append(f"      {label}: {{certificate-file: {label}.crt, subject: {label}, issuer: {issuer}, "
                     f"validity: {validity}}}")
    for label, (p12, password) in credentials.items():
        key, cert, _ = pkcs12.load_key_and_certificates(Path(p12).read_bytes(), password)
        (folder / f"{label}.crt").write_bytes(cert.public_bytes(pem))
        (folder / f"{label}.key.pem").write_bytes(key.private_bytes(pem, serialization.PrivateFormat.PKCS8,
                                                                     serialization.NoEncryption()))
        keys.append(f"      {label}: {{path: {label}.key.pem}}")
        entities.append(f"      {label}: {{common-name: {label}}}")
        certs.append(f"      {label}: {{certificate-file: {label}.crt, subject: {label}, issuer: inter, "
                     f"validity: {validity}}}")
    config = folder / "certomancer.yml"
    config.write_text("\n".join([
        'external-url-prefix: "http://127.0.0.1"', "keysets:", "  thidua:", f"    path-prefix: {folder}", "    keys:",
        *keys, "pki-architectures:", "  thidua:", "    keyset: thidua", "    entities:", *entities, "    certs:",
        *certs]) + "\n", encoding="utf-8")
    csc_app = CSCWithCertomancer(CertomancerConfig.from_file(str(config)),
                                 service_params=DummyServiceParams(hash_pinning_required=True))
    csc_app.register_routes()
    calls = []

    @web.middleware
    async def record(request, handler):
        calls.append(request.path)
        return await handler(request)

    csc_app.app.middlewares.append(record)
    loop = asyncio.new_event_loop()
    runner = web.AppRunner(csc_app.app)
    loop.run_until_complete(runner.setup())
    site = web.TCPSite(runner, "127.0.0.1", 0)
    loop.run_until_complete(site.start())
    port = site._server.sockets[0].getsockname()[1]
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}", calls
    finally:
        asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(timeout=10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        loop.close()
