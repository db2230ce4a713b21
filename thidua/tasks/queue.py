"""The embedded queue: one worker thread in the server process runs the jobs the database keeps.

A job's state, progress and failure survive a page reload and a server restart: at start, a job that was
running when the server stopped is queued again, unless it needed a secret (a passphrase is held in memory
only, never stored), in which case it is failed with a message asking to act again."""
from __future__ import annotations

import threading

from thidua.tasks.store import FAILED, INTERRUPTED, QUEUED, Job, JobKind, JobStore
from thidua.workflows.workspace.accounts import Account
from thidua.workflows.workspace.space import Workspace


class EmbeddedQueue(JobStore):
    def __init__(self, ws: Workspace, kinds: dict[str, JobKind], poll: float = 0.2):
        super().__init__(ws, kinds)
        self.poll = poll
        self._secrets: dict[str, bytes] = {}
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def local_kinds(self) -> set[str] | None:
        """The kinds this process's thread runs: all of them here."""
        return None

    def submit(self, kind: str, who: Account, args: dict, secret: bytes | None = None) -> str:
        job_id = self.record(kind, who, args)
        if secret is not None:
            self._secrets[job_id] = secret
        self._wake.set()
        return job_id

    def _interrupted(self, job: Job) -> None:
        """A job this process was running when it stopped."""
        if self.kinds.get(job.kind, JobKind(None)).needs_secret:
            self.finish(job, FAILED, INTERRUPTED)
        else:
            self.update(job, state=QUEUED)

    def start(self) -> None:
        local = self.local_kinds()
        for job in self.running():
            if local is None or job.kind in local:
                self._interrupted(job)
        self._thread = threading.Thread(target=self._loop, name="thidua-worker", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread:
            self._thread.join(timeout=120)

    def _loop(self) -> None:
        while not self._stop.is_set():
            batch = self.next_batch(self.local_kinds())
            if not batch:
                self._wake.wait(self.poll)
                self._wake.clear()
                continue
            secrets = {j.id: self._secrets.pop(j.id) for j in batch if j.id in self._secrets}
            try:
                self.run(batch, secrets)
            finally:
                secrets.clear()
