"""The embedded queue: jobs kept in the workspace's database, run by one worker thread in the server process.

A job's state, progress and failure survive a page reload and a server restart: at start, a job that was
running when the server stopped is queued again, unless it needed a secret (a passphrase is held in memory
only, never stored), in which case it is failed with a message asking to act again."""
from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass
from typing import Callable

from generators.core.errors import ThiduaError
from signing.errors import SigningError
from thidua.workflows.workspace.accounts import Account
from thidua.workflows.workspace.clock import new_id, stamp
from thidua.workflows.workspace.space import Workspace

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
STATE_NAMES = {QUEUED: "Đang chờ", RUNNING: "Đang chạy", DONE: "Xong", FAILED: "Lỗi"}

log = logging.getLogger("thidua.tasks")


@dataclass(frozen=True)
class Job:
    id: str
    kind: str
    owner: str
    unit: str
    args: dict
    state: str
    done: int
    total: int
    message: str
    result: str
    created: str
    updated: str

    @property
    def finished(self) -> bool:
        return self.state in (DONE, FAILED)

    @property
    def state_name(self) -> str:
        return STATE_NAMES[self.state]

    @property
    def percent(self) -> int:
        return 100 if self.state == DONE else int(100 * self.done / self.total) if self.total else 0


def _job(row: dict) -> Job:
    return Job(**{**row, "args": json.loads(row["args"])})


Progress = Callable[[int, int, str], None]
Handler = Callable[[Workspace, list[Job], dict[str, bytes], Callable[[Job], Progress]], dict[str, tuple[str, str]]]
"""Runs a batch of jobs of one kind; returns each job's (message, result): what to show, what it made."""


@dataclass(frozen=True)
class JobKind:
    handler: Handler
    batch: bool = False
    """Queued jobs of this kind run together (one LibreOffice batch for every plan waiting)."""
    needs_secret: bool = False


class EmbeddedQueue:
    def __init__(self, ws: Workspace, kinds: dict[str, JobKind], poll: float = 0.2):
        self.ws, self.kinds, self.poll = ws, kinds, poll
        self._secrets: dict[str, bytes] = {}
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def submit(self, kind: str, who: Account, args: dict, secret: bytes | None = None) -> str:
        job_id = new_id()
        if secret is not None:
            self._secrets[job_id] = secret
        now = stamp()
        self.ws.db.run("INSERT INTO jobs (id, kind, owner, unit, args, state, created, updated) VALUES (?,?,?,?,?,?,?,?)",
                       (job_id, kind, who.username, who.unit, json.dumps(args), QUEUED, now, now))
        self._wake.set()
        return job_id

    def get(self, job_id: str) -> Job | None:
        row = self.ws.db.one("SELECT * FROM jobs WHERE id=?", (job_id,))
        return _job(row) if row else None

    def of_owner(self, username: str, limit: int = 5) -> list[Job]:
        rows = self.ws.db.rows("SELECT * FROM jobs WHERE owner=? ORDER BY created DESC", (username,))
        return [_job(r) for r in rows[:limit]]

    def start(self) -> None:
        for row in self.ws.db.rows("SELECT * FROM jobs WHERE state=?", (RUNNING,)):
            job = _job(row)
            if self.kinds.get(job.kind, JobKind(None)).needs_secret:
                self._finish(job, FAILED, "Máy chủ đã khởi động lại khi việc này đang chạy; hãy thực hiện lại.")
            else:
                self._update(job, state=QUEUED)
        self._thread = threading.Thread(target=self._loop, name="thidua-worker", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread:
            self._thread.join(timeout=120)

    def _update(self, job: Job, **changes) -> None:
        changes["updated"] = stamp()
        names = ", ".join(f"{k}=?" for k in changes)
        self.ws.db.run(f"UPDATE jobs SET {names} WHERE id=?", (*changes.values(), job.id))

    def _finish(self, job: Job, state: str, message: str, result: str = "") -> None:
        self._secrets.pop(job.id, None)
        self._update(job, state=state, message=message, result=result)

    def _next_batch(self) -> list[Job]:
        rows = self.ws.db.rows("SELECT * FROM jobs WHERE state=? ORDER BY created", (QUEUED,))
        if not rows:
            return []
        first = _job(rows[0])
        kind = self.kinds.get(first.kind)
        if kind is None or not kind.batch:
            return [first]
        return [_job(r) for r in rows if r["kind"] == first.kind]

    def _loop(self) -> None:
        while not self._stop.is_set():
            batch = self._next_batch()
            if not batch:
                self._wake.wait(self.poll)
                self._wake.clear()
                continue
            self._run(batch)

    def _run(self, batch: list[Job]) -> None:
        kind = self.kinds.get(batch[0].kind)
        for job in batch:
            self._update(job, state=RUNNING, message="Đang thực hiện…")
        if kind is None:
            for job in batch:
                self._finish(job, FAILED, f"Không có loại việc «{job.kind}».")
            return
        secrets = {j.id: self._secrets[j.id] for j in batch if j.id in self._secrets}
        if kind.needs_secret and len(secrets) < len(batch):
            for job in batch:
                if job.id not in secrets:
                    self._finish(job, FAILED, "Mật khẩu không còn giữ trên máy chủ; hãy thực hiện lại.")
            batch = [j for j in batch if j.id in secrets]

        def progress_of(job: Job) -> Progress:
            return lambda done, total, message: self._update(job, done=done, total=total, message=message)

        try:
            results = kind.handler(self.ws, batch, secrets, progress_of)
        except (ThiduaError, SigningError) as exc:
            for job in batch:
                self._finish(job, FAILED, str(exc))
            return
        except Exception:
            log.exception("job %s (%s) failed", batch[0].id, batch[0].kind)
            for job in batch:
                self._finish(job, FAILED, "Lỗi hệ thống khi thực hiện; nhật ký máy chủ ghi chi tiết.")
            return
        finally:
            secrets.clear()
        for job in batch:
            self._finish(job, DONE, *results.get(job.id, ("Đã xong.", "")))
