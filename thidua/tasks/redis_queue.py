"""The queue over Redis (RQ): drafting and conversion run in `thidua worker` processes, on this machine or
others that see the workspace folder and database.

The database stays the record of every job (what the pages show). An RQ job carries only where the workspace
is; when it runs, it claims every queued job it can (a batch of plans in one LibreOffice run) and runs them.
Jobs that need a passphrase never go through Redis: the server's own thread runs them, the secret held in its
memory only."""
from __future__ import annotations

from pathlib import Path

from generators.core.errors import ThiduaError
from thidua.settings import Settings
from thidua.tasks.queue import EmbeddedQueue
from thidua.tasks.store import FAILED, QUEUED, RUNNING, JobKind, JobStore
from thidua.workflows.workspace.accounts import Account
from thidua.workflows.workspace.space import Workspace, WorkspaceConfig

QUEUE_NAME = "thidua"
JOB_TIMEOUT = 1800  # seconds; a batch of plans converts in well under a minute per document
LOST = "Tiến trình xử lý nền bị dừng giữa chừng; hãy thực hiện lại."


def where(ws: Workspace) -> dict:
    """What a worker needs to open the same workspace: plain values, as RQ stores them."""
    return {"folder": str(Path(ws.config.folder).resolve()), "database": ws.config.database,
            "register": ws.config.register, "year": ws.year}


def _store(place: dict) -> JobStore:
    from thidua.tasks.jobs import KINDS

    config = WorkspaceConfig(Path(place["folder"]), place["database"], place["register"])
    return JobStore(Workspace(config, Settings.from_environment(year=place["year"])), KINDS)


def _remote(kinds: dict[str, JobKind]) -> set[str]:
    return {name for name, kind in kinds.items() if not kind.needs_secret}


def run_pending(place: dict) -> int:
    """The RQ job: claim and run queued jobs until none is left; the number run."""
    from rq import get_current_job

    store = _store(place)
    current = get_current_job()
    count = 0
    try:
        while batch := store.next_batch(_remote(store.kinds)):
            if current is not None:  # for `lost` if this process dies before the batch ends
                current.meta["claimed"] = [j.id for j in batch]
                current.save_meta()
            store.run(batch, {})
            count += len(batch)
    finally:
        store.ws.close()
    return count


def lost(rq_job, connection, kind, value, traceback) -> None:
    """RQ's failure callback: the jobs the dead run had claimed are failed, not left running forever."""
    store = _store(rq_job.args[0])
    try:
        for job_id in rq_job.meta.get("claimed", []):
            job = store.get(job_id)
            if job and job.state == RUNNING:
                store.finish(job, FAILED, LOST)
    finally:
        store.ws.close()


class RedisQueue(EmbeddedQueue):
    def __init__(self, ws: Workspace, kinds: dict[str, JobKind], url: str):
        super().__init__(ws, kinds)
        from redis import Redis
        from rq import Queue

        self.queue = Queue(QUEUE_NAME, connection=Redis.from_url(url))

    def local_kinds(self) -> set[str]:
        return set(self.kinds) - _remote(self.kinds)

    def _enqueue(self) -> None:
        from redis.exceptions import RedisError
        from rq import Callback

        try:
            self.queue.enqueue_call(run_pending, args=(where(self.ws),), timeout=JOB_TIMEOUT, result_ttl=3600,
                                    failure_ttl=7 * 86400, on_failure=Callback(lost))
        except RedisError:
            raise ThiduaError("Không gửi được việc vào hàng đợi Redis (máy chủ Redis không trả lời); hãy thử "
                              "lại sau.") from None

    def submit(self, kind: str, who: Account, args: dict, secret: bytes | None = None) -> str:
        if kind in self.local_kinds():
            return super().submit(kind, who, args, secret)
        job_id = self.record(kind, who, args)
        try:
            self._enqueue()
        except ThiduaError as exc:
            self.finish(self.get(job_id), FAILED, str(exc))
        return job_id

    def start(self) -> None:
        super().start()
        remote = _remote(self.kinds)
        if any(r["kind"] in remote for r in self.ws.db.rows("SELECT kind FROM jobs WHERE state=?", (QUEUED,))):
            self._enqueue()  # jobs recorded while Redis was unreachable, or whose RQ job was lost


def work(url: str, burst: bool = False) -> None:
    """`thidua worker`: run RQ jobs from the queue until stopped (or, with `burst`, until it is empty)."""
    from redis import Redis
    from rq import Worker

    Worker([QUEUE_NAME], connection=Redis.from_url(url)).work(burst=burst, with_scheduler=False)
