"""An event loop in a thread of its own, so synchronous callers can drive an asynchronous signing service whose
HTTP session lives on that loop."""
from __future__ import annotations

import asyncio
import threading


class LoopThread:
    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, name="thidua-remote-signing", daemon=True)
        self._thread.start()

    def run(self, coro):
        """Run `coro` on the loop and wait for its result (its exception is raised here)."""
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result()

    def close(self, last=None) -> None:
        """Cancel what still runs (a wait interrupted by Ctrl-C), run `last` (closing the HTTP session), stop."""
        try:
            self.run(_cancel_others())
            if last is not None:
                self.run(last)
        finally:
            self._stop()

    def _stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout=10)
        self.loop.close()


async def _cancel_others() -> None:
    others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    for task in others:
        task.cancel()
    await asyncio.gather(*others, return_exceptions=True)
