"""Starting the real web server (`thidua serve`) on loopback, and Debian's Chromium through Playwright."""
from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import openpyxl
import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTEFACTS = ROOT / "out" / "test-artefacts" / "web"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update"]
SAMPLE_LIST = ROOT / "data" / "registrations" / "2024" / "DH-XLONGDIEN.xlsx"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_server(folder: Path, extra_env: dict | None = None, extra_args: tuple[str, ...] = ()):
    """`thidua serve` in its own process; yields the base URL. Its console output goes to server-output.txt."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    output = open(folder / "server-output.txt", "wb")
    env = {**os.environ, **(extra_env or {})}
    proc = subprocess.Popen([sys.executable, "-m", "thidua", "serve", "--folder", str(folder), "--port", str(port),
                             *extra_args],
                            stdout=output, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                urllib.request.urlopen(url + "/dang-nhap", timeout=2)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    output.flush()
                    pytest.fail("thidua serve did not start:\n" + (folder / "server-output.txt").read_text())
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
        output.close()


def launch_chromium(playwright):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package.")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def list_with_errors() -> bytes:
    """The sample commune's list with an unknown kind in C9 and an impossible birth date in D9."""
    wb = openpyxl.load_workbook(SAMPLE_LIST)
    ws = wb["Danh sách"]
    ws["C9"] = "cá thể"
    ws["D9"] = "31/02/1979"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
