"""The `thidua` command: parse arguments into Settings, call one workflow, print its result."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from thidua.cli import commendation, exchange, registration, reports, review, signing, templates, web
from thidua.cli.errors import run_reporting_errors
from thidua.settings import Settings

# Arguments that become Settings fields when given; every other default comes from Settings.
SETTING_ARGS = ("data", "out", "year", "register", "workers", "pki", "tsa_url", "redis_url")


def _round_options(p) -> None:
    p.add_argument("--year", type=int)
    p.add_argument("--out", type=Path, help="thư mục kết quả (mặc định out/)")
    p.add_argument("--register", help="sổ đăng ký: tệp SQLite hoặc postgresql://… (mặc định trong thư mục kết quả)")
    p.add_argument("--workers", type=int, help="số tiến trình ký và phát hành song song (mặc định 2)")
    p.add_argument("--quiet", action="store_true")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="thidua", description="Văn bản thi đua, khen thưởng theo Nghị định 30/2020/NĐ-CP")
    parser.add_argument("--data", type=Path, help="thư mục dữ liệu (mặc định: dữ liệu mẫu)")
    sub = parser.add_subparsers(dest="command", required=True)
    registration.add_commands(sub, _round_options)
    commendation.add_commands(sub)
    reports.add_commands(sub, _round_options)
    templates.add_commands(sub)
    signing.add_commands(sub)
    review.add_commands(sub)
    exchange.add_commands(sub)
    exchange.add_archive_commands(sub)
    web.add_commands(sub)
    return parser


def settings_from(args) -> Settings:
    return Settings.from_environment(**{k: getattr(args, k) for k in SETTING_ARGS if hasattr(args, k)})


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return run_reporting_errors(lambda a: a.func(a, settings_from(a)), args)


if __name__ == "__main__":
    sys.exit(main())
