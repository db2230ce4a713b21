"""Commands of the board's commendation round."""
from __future__ import annotations

from pathlib import Path

from thidua.cli.texts import eligibility_text


def cmd_eligibility(args, settings) -> int:
    from thidua.workflows.commendation import eligibility

    rnd = eligibility(settings, xlsx=args.xlsx)
    print(eligibility_text(rnd))
    if args.xlsx:
        print(f"Đã ghi kết quả xét vào {args.xlsx}")
    return 0


def add_commands(sub) -> None:
    p = sub.add_parser("eligibility", help="xét điều kiện khen thưởng từng đề nghị, theo căn cứ pháp lý có hiệu lực")
    p.add_argument("--year", type=int)
    p.add_argument("--xlsx", type=Path, help="ghi kết quả ra tệp Excel")
    p.set_defaults(func=cmd_eligibility)
