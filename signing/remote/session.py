"""The key-source interface every remote provider implements: a pyHanko signer living on its own event loop.

`open_remote` yields a `RemoteSigner`; `RemoteSigner.run_all` (`signing.pades.sign_files_together`) hands it several
documents at once, so that their hashes go
to the service in one authorization (the user approves once)."""
from __future__ import annotations

import asyncio
import threading
from contextlib import contextmanager
from typing import Callable

import aiohttp

from signing.remote.config import CscService, RemoteKey, RemoteSecrets, SmartCaService
from signing.remote.errors import RemoteSigningError
from signing.remote.runner import LoopThread

Progress = Callable[[str], None]


class RemoteSigner:
    """Mixin of the providers' pyHanko signers: the loop they run on, and how many hashes the current run brings."""

    runner: LoopThread
    expected: int = 1
    failure: RemoteSigningError | None = None

    def run_all(self, coros: list) -> list:
        """Run the signing coroutines together on the signer's loop; all succeed or the first failure is raised."""
        self.expected, self.failure = len(coros), None

        async def together():
            results = await asyncio.gather(*coros, return_exceptions=True)
            failures = [r for r in results if isinstance(r, BaseException)]
            if failures:
                raise next((f for f in failures if isinstance(f, RemoteSigningError)), failures[0])
            return results

        return self.runner.run(together())


@contextmanager
def open_remote(key: RemoteKey, secrets: RemoteSecrets, progress: Progress | None = None,
                cancel: threading.Event | None = None):
    """A session with the service for the duration of the block; yields the signer (certificate read from it)."""
    from signing.remote import csc, smartca

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
