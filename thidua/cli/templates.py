"""`thidua templates check`."""
from __future__ import annotations

from pathlib import Path

from generators.core.errors import ThiduaError
from generators.documents.render import TEMPLATES


def cmd_templates_check(args, settings) -> int:
    from thidua.workflows.templates import HOW_TO_FIX, check_template

    if not args.file.exists():
        raise ThiduaError(f"Không tìm thấy tệp {args.file}")
    kind, problems, restored = check_template(args.file, settings, args.kind)
    if restored:
        print("Mẫu đã mất định dạng số trang (thường do lưu lại bằng LibreOffice); thidua tự khôi phục khi tạo văn "
              "bản:")
        for line in restored:
            print(f"  * {line}")
        print(f"  {HOW_TO_FIX}")
    if not kind:
        print(f"(Không rõ loại mẫu; dùng --kind {', '.join(TEMPLATES)} để kiểm tra biến.)")
    for p in problems:
        print(f"- {p}")
    if problems:
        print(f"{args.file}: {len(problems)} lỗi trình bày hoặc biến mẫu.")
        return 1
    print(f"{args.file}: đúng thể thức Nghị định 30/2020/NĐ-CP (các quy tắc đọc được từ tệp DOCX).")
    return 0


def add_commands(sub) -> None:
    p = sub.add_parser("templates", help="kiểm tra mẫu văn bản DOCX")
    tsub = p.add_subparsers(dest="action", required=True)
    t = tsub.add_parser("check", help="kiểm tra thể thức và biến của một mẫu hoặc văn bản DOCX")
    t.add_argument("file", type=Path)
    t.add_argument("--kind", choices=list(TEMPLATES))
    t.add_argument("--year", type=int)
    t.set_defaults(func=cmd_templates_check)
