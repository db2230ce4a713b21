"""DOCX -> PDF/A-2b through LibreOffice headless, in batches: no cold start per document.

One soffice process per core converts a batch of files; each has its own profile
directory and HOME (a shared or unwritable profile loses files or hangs). A batch
that hangs past its timeout is killed with its process group, and the documents
it had not finished are converted again in a fresh process.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from generators.core.errors import ConversionError
from generators.core.files import atomic_path, remove_stale

PDFA2_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'


@dataclass
class ConverterConfig:
    soffice: str = "soffice"
    workers: int = max(1, min(os.cpu_count() or 1, 4))
    startup_timeout: float = 60.0  # seconds allowed for a process to start
    per_document_timeout: float = 30.0  # added per document in the batch
    attempts: int = 3  # tries per document before giving up
    work_dir: Path | None = None  # where profiles and batch folders live (a temp dir by default)


@dataclass
class ConversionReport:
    converted: list[Path] = field(default_factory=list)
    processes: int = 0  # soffice processes started
    restarts: int = 0  # batches killed or crashed, then retried
    log: list[str] = field(default_factory=list)


class Converter:
    def __init__(self, config: ConverterConfig | None = None):
        self.config = config or ConverterConfig()
        self._lock = threading.Lock()

    def convert(self, jobs: list[tuple[Path, Path]], progress=None) -> ConversionReport:
        """Convert each (docx, pdf) pair; raise ConversionError naming what failed."""
        report = ConversionReport()
        remove_stale(Path(self.config.work_dir or tempfile.gettempdir()), r"thidua-lo-(?P<pid>\d+)-\w+")
        if not jobs:
            return report
        if shutil.which(self.config.soffice) is None and not Path(self.config.soffice).exists():
            raise ConversionError(f"Không tìm thấy LibreOffice ({self.config.soffice}); hãy chạy 'make setup'.")
        root = Path(tempfile.mkdtemp(prefix=f"thidua-lo-{os.getpid()}-", dir=self.config.work_dir))
        try:
            workers = max(1, min(self.config.workers, len(jobs)))
            chunks = [jobs[i::workers] for i in range(workers)]
            failures: list[str] = []
            threads = [threading.Thread(target=self._worker, args=(root, i, chunk, report, failures, progress))
                       for i, chunk in enumerate(chunks)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            if failures:
                raise ConversionError("LibreOffice không chuyển được: " + "; ".join(failures))
            return report
        finally:
            shutil.rmtree(root, ignore_errors=True)

    def _worker(self, root: Path, index: int, chunk, report: ConversionReport, failures: list, progress) -> None:
        pending = list(chunk)
        for attempt in range(1, self.config.attempts + 1):
            if not pending:
                return
            batch = root / f"w{index}-a{attempt}"
            done, ok = self._run_batch(batch, pending, report)
            for docx, pdf in pending:
                if (docx, pdf) in done:
                    with self._lock:
                        report.converted.append(pdf)
                    if progress:
                        progress(pdf)
            pending = [job for job in pending if job not in done]
            if pending:
                with self._lock:
                    report.restarts += 1
                    report.log.append(f"worker {index} attempt {attempt}: {'timeout' if not ok else 'incomplete'}, "
                                      f"{len(pending)} left")
        if pending:
            with self._lock:
                failures.extend(str(d) for d, _ in pending)

    def _run_batch(self, batch: Path, jobs, report: ConversionReport):
        """Run one soffice over the jobs; return (jobs whose PDF is complete, exited normally)."""
        profile, inputs, outputs = batch / "profile", batch / "in", batch / "out"
        for d in (profile, inputs, outputs):
            d.mkdir(parents=True)
        names = []
        for i, (docx, _) in enumerate(jobs):
            name = f"{i:04d}.docx"  # unique names: units' files may share a basename
            shutil.copyfile(docx, inputs / name)
            names.append(name)
        cmd = [sys.executable, "-c", _WATCHDOG, self.config.soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible",
               "--norestore", "--nologo", "--nodefault", "--nolockcheck",
               "--convert-to", PDFA2_FILTER, "--outdir", str(outputs), *[str(inputs / n) for n in names]]
        env = _minimal_environment(profile)
        timeout = self.config.startup_timeout + self.config.per_document_timeout * len(jobs)
        with self._lock:
            report.processes += 1
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
                                start_new_session=True)
        finished = True
        try:
            out, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            finished = False
            os.killpg(proc.pid, signal.SIGKILL)
            out, _ = proc.communicate()
        finished = finished and proc.returncode == 0
        done = set()
        for (docx, pdf), name in zip(jobs, names):
            produced = outputs / name.replace(".docx", ".pdf")
            if _complete_pdf(produced):
                _install(produced, Path(pdf))
                done.add((docx, pdf))
        if not finished:
            with self._lock:
                report.log.append(out.decode("utf-8", "replace")[-2000:])
        return done, finished


# LibreOffice runs under a small watchdog, the leader of its own process group: when the run that started it
# dies (even by SIGKILL), the kernel sends the watchdog SIGTERM (PR_SET_PDEATHSIG) and it kills the group.
_WATCHDOG = """
import ctypes, os, signal, subprocess, sys
def stop(*_):
    os.killpg(os.getpgrp(), signal.SIGKILL)
signal.signal(signal.SIGTERM, stop)
ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
if os.getppid() == 1:
    stop()
sys.exit(subprocess.call(sys.argv[1:]))
"""

# What LibreOffice may see of the environment: never the key password, the PIN or other secrets.
_PASSED_ON = ("PATH", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR", "SAL_USE_VCLPLUGIN")


def _minimal_environment(profile: Path) -> dict[str, str]:
    env = {k: os.environ[k] for k in _PASSED_ON if k in os.environ}
    env["HOME"] = str(profile)
    return env


def _complete_pdf(path: Path) -> bool:
    """A PDF a killed process may have left half-written lacks its final %%EOF."""
    if not path.exists() or path.stat().st_size < 100:
        return False
    with open(path, "rb") as fh:
        fh.seek(-1024, os.SEEK_END)
        return b"%%EOF" in fh.read()


def _install(produced: Path, target: Path) -> None:
    """Copy next to the target, then rename: the PDF appears whole or not at all."""
    with atomic_path(target) as tmp:
        shutil.copyfile(produced, tmp)
