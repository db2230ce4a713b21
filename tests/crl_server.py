"""A folder served over HTTP on 127.0.0.1: where the test PKI publishes its CRLs (the tests' CRL distribution point)."""
from __future__ import annotations

import functools
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serving(folder: Path):
    """Yields (base URL, the list of paths fetched); the folder may be filled after the server starts."""
    folder.mkdir(parents=True, exist_ok=True)
    fetched: list[str] = []

    class Handler(_Quiet):
        def do_GET(self):  # noqa: N802
            fetched.append(self.path)
            super().do_GET()

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", fetched
    finally:
        server.shutdown()
        server.server_close()
