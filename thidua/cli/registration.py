"""Commands of the registration round: check, excel-template, generate, demo."""
from __future__ import annotations

import time
from pathlib import Path

from thidua.cli.terminal import QuietObserver, TerminalObserver
from thidua.cli.texts import check_report, demo_summary, generated_summary


def cmd_check(args, settings) -> int:
    from thidua.workflows.registration import check

    checked = check(settings, xlsx=args.xlsx)
    print(check_report(checked))
    if args.xlsx:
        print(f"Đã ghi kết quả kiểm tra vào {args.xlsx}")
    return 1 if checked.findings else 0


def cmd_excel_template(args, settings) -> int:
    from thidua.workflows.workbooks import LABELS, blank_workbook

    blank_workbook(settings, args.kind, args.out)
    print(f"Đã tạo mẫu {LABELS[args.kind]}: {args.out}")
    return 0


def cmd_generate(args, settings) -> int:
    from thidua.workflows.registration import generate

    start = time.monotonic()
    result = generate(settings, observer=QuietObserver() if args.quiet else TerminalObserver())
    print(generated_summary(result, time.monotonic() - start) + f"\nDanh mục: {result.manifest}")
    return 0


def cmd_demo(args, settings) -> int:
    from thidua.workflows.demo import run_demo

    result = run_demo(settings, QuietObserver() if args.quiet else TerminalObserver())
    print(demo_summary(result))
    return 0 if result.ok else 1


def add_commands(sub, with_round_options) -> None:
    p = sub.add_parser("check", help="kiểm tra danh sách đăng ký theo kế hoạch")
    p.add_argument("--year", type=int)
    p.add_argument("--xlsx", type=Path, help="ghi kết quả ra tệp Excel, mỗi vấn đề một dòng")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("excel-template", help="tạo tệp Excel mẫu để đơn vị điền")
    p.add_argument("kind", choices=["registration", "achievements", "proposals", "council"])
    p.add_argument("out", type=Path)
    p.set_defaults(func=cmd_excel_template)

    for name, func, helptext in (("generate", cmd_generate, "tạo văn bản DOCX và PDF/A của một năm"),
                                 ("demo", cmd_demo, "chạy toàn bộ vòng đăng ký năm 2024 trên dữ liệu mẫu")):
        p = sub.add_parser(name, help=helptext)
        with_round_options(p)
        p.set_defaults(func=func)
