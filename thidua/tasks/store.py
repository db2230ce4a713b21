"""Jobs kept in the workspace's database: their state, progress and failure, and how a batch of them runs.

Whoever runs jobs (the server's own thread, or an RQ worker over Redis) claims them here first, one row at a
time, so two runners never run the same job."""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Callable

from generators.core.errors import ThiduaError
from signing.errors import SigningError
from thidua.workflows.workspace.accounts import Account
from thidua.workflows.workspace.clock import new_id, stamp
from thidua.workflows.workspace.space import Workspace

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
STATE_NAMES = {QUEUED: "Đang chờ", RUNNING: "Đang chạy", DONE: "Xong", FAILED: "Lỗi"}
INTERRUPTED = "Máy chủ đã khởi động lại khi việc này đang chạy; hãy thực hiện lại."

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


@dataclass(frozen=True)
class Failed:
    """One job of a batch that could not be done, while the others were."""
    message: str


Progress = Callable[[int, int, str], None]
Handler = Callable[[Workspace, list[Job], dict[str, bytes], Callable[[Job], Progress]],
                   dict[str, "tuple[str, str] | Failed"]]
"""Runs a batch of jobs of one kind; returns each job's (message, result), what to show and what it made, or
Failed. An error it raises fails the whole batch."""


@dataclass(frozen=True)
class JobKind:
    handler: Handler
    batch: bool = False
    """Queued jobs of this kind run together (one LibreOffice batch for every plan waiting)."""
    needs_secret: bool = False
    """The job needs what its owner typed (a passphrase): it runs only in the process that holds it in memory."""


class JobStore:
    def __init__(self, ws: Workspace, kinds: dict[str, JobKind]):
        self.ws, self.kinds = ws, kinds

    def record(self, kind: str, who: Account, args: dict) -> str:
        job_id = new_id()
        now = stamp()
        self.ws.db.run("INSERT INTO jobs (id, kind, owner, unit, args, state, created, updated) VALUES (?,?,?,?,?,?,?,?)",
                       (job_id, kind, who.username, who.unit, json.dumps(args), QUEUED, now, now))
        return job_id

    def get(self, job_id: str) -> Job | None:
        row = self.ws.db.one("SELECT * FROM jobs WHERE id=?", (job_id,))
        return _job(row) if row else None

    def of_owner(self, username: str, limit: int = 5) -> list[Job]:
        rows = self.ws.db.rows("SELECT * FROM jobs WHERE owner=? ORDER BY created DESC", (username,))
        return [_job(r) for r in rows[:limit]]

    def running(self) -> list[Job]:
        return [_job(r) for r in self.ws.db.rows("SELECT * FROM jobs WHERE state=?", (RUNNING,))]

    def update(self, job: Job, **changes) -> None:
        changes["updated"] = stamp()
        names = ", ".join(f"{k}=?" for k in changes)
        self.ws.db.run(f"UPDATE jobs SET {names} WHERE id=?", (*changes.values(), job.id))

    def finish(self, job: Job, state: str, message: str, result: str = "") -> None:
        self.update(job, state=state, message=message, result=result)

    def next_batch(self, kinds: set[str] | None = None) -> list[Job]:
        """The oldest queued job, with every queued job of its kind when that kind runs in batches; claimed."""
        rows = [r for r in self.ws.db.rows("SELECT * FROM jobs WHERE state=? ORDER BY created", (QUEUED,))
                if kinds is None or r["kind"] in kinds]
        if not rows:
            return []
        first = _job(rows[0])
        kind = self.kinds.get(first.kind)
        wanted = [_job(r) for r in rows if r["kind"] == first.kind] if kind and kind.batch else [first]
        return [j for j in wanted if self.ws.db.run(
            "UPDATE jobs SET state=?, message=?, updated=? WHERE id=? AND state=?",
            (RUNNING, "Đang thực hiện…", stamp(), j.id, QUEUED)) == 1]

    def run(self, batch: list[Job], secrets: dict[str, bytes]) -> None:
        """Run claimed jobs; each ends done or failed with a message a user can read."""
        if not batch:
            return
        kind = self.kinds.get(batch[0].kind)
        if kind is None:
            for job in batch:
                self.finish(job, FAILED, f"Không có loại việc «{job.kind}».")
            return
        if kind.needs_secret:
            for job in [j for j in batch if j.id not in secrets]:
                self.finish(job, FAILED, "Mật khẩu không còn giữ trên máy chủ; hãy thực hiện lại.")
            batch = [j for j in batch if j.id in secrets]

        def progress_of(job: Job) -> Progress:
            return lambda done, total, message: self.update(job, done=done, total=total, message=message)

        try:
            results = kind.handler(self.ws, batch, secrets, progress_of)
        except (ThiduaError, SigningError) as exc:
            for job in batch:
                self.finish(job, FAILED, str(exc))
            return
        except Exception:
            log.exception("job %s (%s) failed", batch[0].id, batch[0].kind)
            for job in batch:
                self.finish(job, FAILED, "Lỗi hệ thống khi thực hiện; nhật ký máy chủ ghi chi tiết.")
            return
        for job in batch:
            outcome = results.get(job.id, ("Đã xong.", ""))
            if isinstance(outcome, Failed):
                self.finish(job, FAILED, outcome.message)
            else:
                self.finish(job, DONE, *outcome)
