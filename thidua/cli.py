"""The `thidua` command. Messages for users are Vietnamese; a user's mistake never shows a traceback."""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from generators.errors import DataError, ThiduaError

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = Path(os.environ.get("THIDUA_DATA", REPO / "data"))
DEFAULT_OUT = Path(os.environ.get("THIDUA_OUT", "out"))
DEFAULT_YEAR = 2024


def cmd_check(args) -> int:
    from .cycle import check
    from .report import text_report, write_findings_xlsx

    province, data, findings = check(args.data, args.year)
    print(text_report(province, data, findings))
    if args.xlsx:
        write_findings_xlsx(args.xlsx, province, findings)
        print(f"Đã ghi kết quả kiểm tra vào {args.xlsx}")
    return 1 if findings else 0


def cmd_excel_template(args) -> int:
    from generators.config import load_plan
    from generators.excel import write_workbook

    if args.kind != "registration":
        print(f"Chưa có mẫu Excel «{args.kind}»; hiện có: registration.", file=sys.stderr)
        return 2
    write_workbook(args.out, load_plan(args.data / "plan.yaml"))
    print(f"Đã tạo mẫu danh sách đăng ký: {args.out}")
    return 0


def cmd_templates_check(args) -> int:
    from generators.layout_check import check_docx

    from .templates_check import guess_kind, sample_context, variable_problems

    if not args.file.exists():
        raise ThiduaError(f"Không tìm thấy tệp {args.file}")
    problems = check_docx(args.file)
    kind = args.kind or guess_kind(args.file)
    if kind:
        problems += variable_problems(args.file, sample_context(kind, args.data, args.year))
    else:
        print("(Không rõ loại mẫu; dùng --kind KH hoặc --kind DS để kiểm tra biến.)")
    for p in problems:
        print(f"- {p}")
    if problems:
        print(f"{args.file}: {len(problems)} lỗi trình bày hoặc biến mẫu.")
        return 1
    print(f"{args.file}: đúng thể thức Nghị định 30/2020/NĐ-CP (các quy tắc đọc được từ tệp DOCX).")
    return 0


def _summary(result, elapsed: float) -> str:
    kinds = {}
    for d in result.documents:
        kinds[d.kind] = kinds.get(d.kind, 0) + 1
    parts = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
    return (f"Đã tạo {len(result.documents)} văn bản ({parts}), mỗi văn bản một tệp DOCX và một tệp PDF/A-2b, "
            f"trong {elapsed:.1f} giây ({result.conversion_processes} tiến trình LibreOffice, "
            f"{result.conversion_restarts} lần khởi động lại).\nDanh mục: {result.manifest}")


def cmd_generate(args) -> int:
    from .cycle import run_round

    start = time.monotonic()
    result = run_round(args.data, args.out, args.year, show_progress=not args.quiet)
    print(_summary(result, time.monotonic() - start))
    return 0


def cmd_demo(args) -> int:
    from .cycle import run_round

    print(f"== Bước 1: kiểm tra danh sách đăng ký năm {args.year}")
    cmd_check(argparse.Namespace(data=args.data, year=args.year, xlsx=args.out / str(args.year) / "ket-qua-kiem-tra.xlsx"))
    print(f"\n== Bước 2: tạo kế hoạch của từng đơn vị và danh sách tổng hợp của tỉnh")
    start = time.monotonic()
    result = run_round(args.data, args.out, args.year, show_progress=True)
    print(_summary(result, time.monotonic() - start))
    if result.findings:
        print(f"Lưu ý: {len(result.findings)} vấn đề ở bước kiểm tra đã được ghi chú trong danh sách tổng hợp.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="thidua", description="Văn bản thi đua, khen thưởng theo Nghị định 30/2020/NĐ-CP")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="thư mục dữ liệu (mặc định: data/)")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("check", help="kiểm tra danh sách đăng ký theo kế hoạch")
    p.add_argument("--year", type=int, default=DEFAULT_YEAR)
    p.add_argument("--xlsx", type=Path, help="ghi kết quả ra tệp Excel, mỗi vấn đề một dòng")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("excel-template", help="tạo tệp Excel mẫu để đơn vị điền")
    p.add_argument("kind", choices=["registration"])
    p.add_argument("out", type=Path)
    p.set_defaults(func=cmd_excel_template)

    p = sub.add_parser("templates", help="kiểm tra mẫu văn bản DOCX")
    tsub = p.add_subparsers(dest="action", required=True)
    t = tsub.add_parser("check", help="kiểm tra thể thức và biến của một mẫu hoặc văn bản DOCX")
    t.add_argument("file", type=Path)
    t.add_argument("--kind", choices=["KH", "DS"])
    t.add_argument("--year", type=int, default=DEFAULT_YEAR)
    t.set_defaults(func=cmd_templates_check)

    for name, func, helptext in (("generate", cmd_generate, "tạo văn bản DOCX và PDF/A của một năm"),
                                 ("demo", cmd_demo, "chạy toàn bộ vòng đăng ký năm 2024 trên dữ liệu mẫu")):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("--year", type=int, default=DEFAULT_YEAR)
        p.add_argument("--out", type=Path, default=DEFAULT_OUT)
        p.add_argument("--quiet", action="store_true")
        p.set_defaults(func=func)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except DataError as exc:
        print("Dữ liệu có lỗi, chưa xử lý:", file=sys.stderr)
        for p in exc.problems:
            print(f"  - {p}", file=sys.stderr)
        return 2
    except ThiduaError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Đã dừng theo yêu cầu.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
