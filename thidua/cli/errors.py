"""The one place that turns thidua's errors into messages: a user's mistake never shows a traceback."""
from __future__ import annotations

import sys

from generators.core.errors import DataError, ThiduaError
from signing.errors import SigningError


def run_reporting_errors(func, args) -> int:
    try:
        return func(args)
    except DataError as exc:
        print("Dữ liệu có lỗi, chưa xử lý:", file=sys.stderr)
        for p in exc.problems:
            print(f"  - {p}", file=sys.stderr)
        return 2
    except (ThiduaError, SigningError) as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Đã dừng theo yêu cầu.", file=sys.stderr)
        return 130
