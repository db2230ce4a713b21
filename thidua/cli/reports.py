"""Commands of the summary reports: stats (with --explain) and report (annual or final review)."""
from __future__ import annotations

import datetime as dt

from generators.core.errors import ThiduaError


def cmd_stats(args, settings) -> int:
    from thidua.workflows.reports import plan_years, statistics

    years = (args.year,) if args.year else plan_years(settings)
    stats = statistics(settings, years)
    if args.explain:
        figure = stats.figures.get(args.explain)
        if figure is None:
            near = [k for k in stats.figures if k.startswith(args.explain.split(".")[0])][:8]
            raise ThiduaError(f"Không có số liệu «{args.explain}» trong các năm {', '.join(map(str, years))}. "
                              + (f"Ví dụ số liệu có: {', '.join(near)}." if near else
                                 "Xem danh sách số liệu bằng lệnh «thidua stats» (không có --explain)."))
        print(f"{figure.label}: {figure.value} (số liệu «{figure.key}»), gồm:")
        for n, record in enumerate(figure.records, start=1):
            print(f"  {n}. {record}")
        return 0
    print(f"SỐ LIỆU THI ĐUA, KHEN THƯỞNG CÁC NĂM {', '.join(map(str, years))}")
    width = max(len(k) for k in stats.figures) if stats.figures else 0
    for key, figure in stats.figures.items():
        print(f"  {key:<{width}}  {figure.value:>6}  {figure.label}")
    print("Xem các bản ghi của một số liệu: thidua stats --explain <mã số liệu>")
    return 0


def cmd_report(args, settings) -> int:
    from generators.core.config import load_province
    from thidua.workflows.reports import annual_review, draft_review, final_review, plan_years, statistics, unit_review

    province = load_province(settings.data)
    if args.final:
        years = plan_years(settings)
        review = final_review(province, years, args.date or dt.date(years[-1], 10, 20))
    elif args.unit:
        if args.unit not in province.units:
            raise ThiduaError(f"Không có đơn vị mã «{args.unit}» trong province.yaml.")
        years = (settings.year,)
        review = unit_review(province, args.unit, settings.year)
    else:
        years = (settings.year,)
        review = annual_review(province, settings.year)
    stats = statistics(settings, years, province, scope=review.scope, as_of=review.day if review.final else None)
    draft = draft_review(settings, review, stats, province)
    print(f"Đã tạo báo cáo «{draft.title}»:\n  {draft.docx}\n  {draft.pdf}")
    return 0


def add_commands(sub, with_round_options) -> None:
    p = sub.add_parser("stats", help="số liệu đăng ký, bồi dưỡng, khen thưởng tính từ dữ liệu")
    p.add_argument("--year", type=int, help="một năm (mặc định: mọi năm của kế hoạch)")
    p.add_argument("--explain", metavar="MÃ", help="in các bản ghi (tệp, dòng) mà số liệu này đếm")
    p.set_defaults(func=cmd_stats)
    p = sub.add_parser("report", help="báo cáo sơ kết một năm hoặc tổng kết cả giai đoạn (DOCX, PDF/A)")
    with_round_options(p)
    p.add_argument("--final", action="store_true", help="báo cáo tổng kết cả giai đoạn của kế hoạch")
    p.add_argument("--unit", help="báo cáo sơ kết của một đơn vị (mã trong province.yaml) và các đơn vị trực thuộc")
    p.add_argument("--date", type=dt.date.fromisoformat, help="ngày lập báo cáo tổng kết (YYYY-MM-DD)")
    p.set_defaults(func=cmd_report)
