"""The queue a server uses: over Redis (RQ) when a URL is given, the embedded thread otherwise.

Apart from `jobs` so that `redis_queue`, whose worker entry points read the job kinds, and the kinds
themselves do not import each other."""
from __future__ import annotations

from thidua.tasks.jobs import KINDS
from thidua.tasks.queue import EmbeddedQueue
from thidua.tasks.redis_queue import RedisQueue
from thidua.workflows.workspace.space import Workspace


def open_queue(ws: Workspace, redis_url: str | None = None) -> EmbeddedQueue:
    return RedisQueue(ws, KINDS, redis_url) if redis_url else EmbeddedQueue(ws, KINDS)
