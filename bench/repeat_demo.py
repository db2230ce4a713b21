"""Runs `make demo` N times in a row (default 10) in this checkout and prints how many succeeded.

The README's first command must never fail: this is the evidence. Each run's
exit code, wall time and last line are printed; the tail of a failed run's
output is shown. Usage: .venv/bin/python bench/repeat_demo.py [N]
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    ok, times = 0, []
    for i in range(1, runs + 1):
        start = time.monotonic()
        run = subprocess.run(["make", "demo"], cwd=ROOT, capture_output=True, text=True)
        elapsed = time.monotonic() - start
        times.append(elapsed)
        last = (run.stdout.strip().splitlines() or [""])[-2:]
        traceback = "Traceback" in run.stdout + run.stderr
        good = run.returncode == 0 and not traceback
        ok += good
        print(f"run {i:2d}: exit {run.returncode}, {elapsed:5.1f} s, {'ok' if good else 'FAILED'} | {' | '.join(last)}",
              flush=True)
        if not good:
            print((run.stdout + run.stderr)[-3000:])
    print(f"make demo: {ok}/{runs} runs succeeded; wall time min {min(times):.1f} s, max {max(times):.1f} s, "
          f"mean {sum(times) / len(times):.1f} s")
    return 0 if ok == runs else 1


if __name__ == "__main__":
    sys.exit(main())
