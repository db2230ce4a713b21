"""A session with a remote signing service: `open_remote` yields the provider's `RemoteSigner` (signer.py)."""
from __future__ import annotations

import threading
from contextlib import contextmanager

import aiohttp

from signing.remote import csc, smartca
from signing.remote.config import CscService, RemoteKey, RemoteSecrets, SmartCaService
from signing.remote.errors import RemoteSigningError
from signing.remote.runner import LoopThread
from signing.remote.signer import Progress

@contextmanager
def open_remote(key: RemoteKey, secrets: RemoteSecrets, progress: Progress | None = None,
                cancel: threading.Event | None = None):
    """A session with the service for the duration of the block; yields the signer (certificate read from it)."""
    runner = LoopThread()
    http = runner.run(_client())
    try:
        service = key.service
        if isinstance(service, CscService):
            signer = runner.run(csc.open_signer(http, service, secrets, progress))
        elif isinstance(service, SmartCaService):
            signer = runner.run(smartca.open_signer(http, service, secrets, progress, cancel or threading.Event()))
        else:
            raise RemoteSigningError(f"Không biết loại dịch vụ ký số từ xa «{type(service).__name__}».")
        signer.runner = runner
        yield signer
    finally:
        runner.close(http.close())


async def _client() -> aiohttp.ClientSession:
    return aiohttp.ClientSession()
