"""The key-source interface every remote provider implements: a pyHanko signer living on its own event loop.

`RemoteSigner.run_all` (`signing.pades.sign_files_together`) hands it several documents at once, so that their
hashes go to the service in one authorization (the user approves once)."""
from __future__ import annotations

import asyncio
from typing import Callable

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
