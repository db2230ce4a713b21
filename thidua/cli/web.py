"""`thidua serve`: the web workspace."""
from __future__ import annotations

from pathlib import Path


def cmd_serve(args, settings) -> int:
    from thidua.web.server import serve
    from thidua.workflows.workspace.space import WorkspaceConfig

    folder = args.folder or settings.out / "web"
    serve(settings, WorkspaceConfig(folder, database=args.database), args.host, args.port)
    return 0


def add_commands(sub) -> None:
    p = sub.add_parser("serve", help="chạy không gian làm việc trên web (mặc định http://127.0.0.1:8000/)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--folder", type=Path, help="thư mục của không gian làm việc (mặc định out/web)")
    p.add_argument("--database", help="cơ sở dữ liệu: postgresql://… (mặc định tệp SQLite trong thư mục)")
    p.add_argument("--year", type=int)
    p.add_argument("--out", type=Path)
    p.set_defaults(func=cmd_serve)
