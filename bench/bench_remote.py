"""Benchmark: a leader's batch of 40 documents through a remote-signing service on loopback, against signing the
same 40 one by one (a session and an authorization per document, as a naive client would).

    .venv/bin/python bench/bench_remote.py

The services are the tests' loopback CSC and SmartCA-style servers, signing with the test PKI's keys. One draft
is generated (not timed) and copied 40 times. Prints the service calls and the wall time; asserts nothing."""
from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generators.core.config import load_province  # noqa: E402
from signing.testpki.layout import PkiLayout  # noqa: E402
from tests.remote_servers import (CscService, Credential, SmartCaService, running_csc,  # noqa: E402
                                  running_smartca)
from thidua.settings import Settings  # noqa: E402
from thidua.workflows.office import sign_documents  # noqa: E402
from thidua.workflows.pki import init_pki  # noqa: E402
from thidua.workflows.registration import generate  # noqa: E402
from thidua.workflows.remote import RemoteChoice  # noqa: E402

UNIT, N, PASSWORD = "HD-XLOCNINH", 40, b"bench"


def _copies(pdf: Path, folder: Path) -> list[tuple[Path, Path]]:
    folder.mkdir(parents=True, exist_ok=True)
    pairs = []
    for i in range(N):
        src = folder / f"du-thao-{i + 1:02d}.pdf"
        shutil.copyfile(pdf, src)
        pairs.append((src, src.with_suffix(".signed.pdf")))
    return pairs


def _run(settings: Settings, name: str, pairs, service, batch: bool) -> tuple[float, dict]:
    service.calls.clear()
    t = time.perf_counter()
    if batch:
        sign_documents(settings, UNIT, pairs, RemoteChoice(name))
    else:
        for pair in pairs:
            sign_documents(settings, UNIT, [pair], RemoteChoice(name))
    seconds = time.perf_counter() - t
    counts: dict[str, int] = {}
    for endpoint, _ in service.calls:
        endpoint = re.sub(r"/sign/\w+/status$", "/sign/{tran_id}/status", endpoint)
        counts[endpoint] = counts.get(endpoint, 0) + 1
    return seconds, counts


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="thidua-bench-remote-"))
    try:
        data = work / "data"
        shutil.copytree(ROOT / "data", data)
        for f in (data / "registrations" / "2024").glob("*.xlsx"):
            if f.name != f"{UNIT}.xlsx":
                f.unlink()
        result = generate(Settings(data=data, out=work / "out", year=2024))
        pdf = next(d for d in result.documents if d.kind == "KH").pdf
        layout = init_pki(load_province(data), work / "pki", PASSWORD, [UNIT])
        credential = Credential.from_p12(PkiLayout(layout.folder).leader_p12(UNIT), PASSWORD,
                                         [layout.intermediate, layout.root])
        csc = CscService({"leader": credential}, password="bench-pw", pin="bench-pin", multisign=100)
        smartca = SmartCaService({"0791": credential}, sp_password="bench-sp", user_id="0791", delay=0.0)
        with running_csc(csc) as csc_url, running_smartca(smartca) as smartca_url:
            config = work / "ky-so-tu-xa.yaml"
            config.write_text(
                "services:\n"
                f"  csc:\n    provider: csc\n    url: {csc_url}\n    credential: leader\n    username: vanthu\n"
                "    password_env: THIDUA_REMOTE_PW\n    pin_env: THIDUA_REMOTE_PIN\n"
                f"  smartca:\n    provider: smartca\n    url: {smartca_url}\n    sp_id: thidua-sp\n"
                "    sp_password_env: THIDUA_REMOTE_SP\n    user_id: \"0791\"\n    poll_seconds: 0.2\n",
                encoding="utf-8")
            env = {"THIDUA_REMOTE_CONFIG": str(config), "THIDUA_REMOTE_PW": "bench-pw",
                   "THIDUA_REMOTE_PIN": "bench-pin", "THIDUA_REMOTE_SP": "bench-sp"}
            settings = Settings.from_environment(env, data=data, out=work / "out", pki=layout.folder)
            print(f"{N} copies of one plan ({pdf.stat().st_size // 1024} KiB), leader's signature with image, "
                  f"loopback services signing with RSA-2048 keys")
            for name, service in (("csc", csc), ("smartca", smartca)):
                one_by_one = _run(settings, name, _copies(pdf, work / name / "one"), service, batch=False)
                together = _run(settings, name, _copies(pdf, work / name / "batch"), service, batch=True)
                for label, (seconds, counts) in (("one by one (baseline)", one_by_one), ("one batch", together)):
                    calls = ", ".join(f"{k} ×{v}" for k, v in sorted(counts.items()))
                    print(f"{name:8s} {label:22s}: {seconds:6.2f} s wall, {seconds / N * 1000:6.1f} ms/doc; "
                          f"{sum(counts.values())} calls ({calls})")
    finally:
        shutil.rmtree(work, ignore_errors=True)
        os.environ.pop("THIDUA_REMOTE_CONFIG", None)


if __name__ == "__main__":
    main()
