"""`thidua review`: the records office's review of a year's generated or issued documents."""
from __future__ import annotations

from collections import Counter
from pathlib import Path


def cmd_review(args, settings) -> int:
    from generators.documents.review import RULES
    from thidua.workflows.review import review_year

    result = review_year(settings)
    for finding in result.findings:
        print(f"- {finding}")
    counts = Counter(f.rule for f in result.findings)
    summary = ", ".join(f"{RULES[r].lower()}: {n}" for r, n in sorted(counts.items()))
    print(f"Đã soát {result.documents} văn bản năm {settings.year}: "
          + (f"{len(result.findings)} vấn đề ({summary})." if result.findings else "không có vấn đề nào."))
    return 1 if result.findings else 0


def add_commands(sub) -> None:
    p = sub.add_parser("review", help="soát văn bản đã tạo hoặc đã phát hành của một năm (thẩm quyền ký, trang "
                                      "trống, tên cơ quan, ghi chú dự thảo, dòng số và ngày)")
    p.add_argument("--year", type=int)
    p.add_argument("--out", type=Path, help="thư mục kết quả (mặc định out/)")
    p.set_defaults(func=cmd_review)
