"""The test PKI's publication point: its CRL folder served over HTTP on 127.0.0.1 while a run needs it
(the demo, the tests). Never a production service."""
from __future__ import annotations

import functools
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


@dataclass
class Publication:
    url: str
    fetched: list[str] = field(default_factory=list)
    """Paths asked for, in order (tests check that validation asks for none)."""


@contextmanager
def publishing(folder: Path, port: int = 0):
    """Serve `folder` (it may be filled after the server starts) until the block ends; `port` 0: any free one
    (a later run serving the same PKI again names the port its certificates give)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    publication = Publication("")

    class Handler(SimpleHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            publication.fetched.append(self.path)
            super().do_GET()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=str(folder)))
    publication.url = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield publication
    finally:
        server.shutdown()
        server.server_close()
