"""A throwaway PostgreSQL server on loopback, with its own data folder under a temporary directory.

Debian's server binaries refuse to run as root: when the tests run as root the
server runs as the `postgres` user that Debian's package creates.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path


def _bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def postgres_server():
    """Yield the URL of a fresh server's `postgres` database (trust authentication, loopback only)."""
    bindir = _bindir()
    if bindir is None:
        raise RuntimeError("PostgreSQL server not installed: run 'make setup' (Debian package postgresql)")
    base = Path(tempfile.mkdtemp(prefix="thidua-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chmod(base, 0o755)
        os.chown(base, user.pw_uid, user.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    data, sock, log = base / "data", base / "sock", base / "server.log"
    port = _free_port()
    run = lambda *cmd: subprocess.run([*as_user, *cmd], check=True, capture_output=True, timeout=120)  # noqa: E731
    try:
        run("mkdir", "-p", str(sock))
        run(str(bindir / "initdb"), "-D", str(data), "-U", "thidua", "--auth=trust", "-E", "UTF8", "--no-locale")
        run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60", "-o",
            f"-h 127.0.0.1 -p {port} -k {sock} -c fsync=off -c max_connections=60", "start")
        try:
            yield f"postgresql://thidua@127.0.0.1:{port}/postgres"
        finally:
            run(str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop")
    finally:
        shutil.rmtree(base, ignore_errors=True)


def create_database(server_url: str, name: str) -> str:
    """A new empty database on the server; its URL."""
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}"')
        db.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + "/" + name
