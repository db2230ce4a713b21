"""`thidua serve`: the web workspace."""
from __future__ import annotations

from pathlib import Path


def cmd_serve(args, settings) -> int:
    from thidua.web.server import serve
    from thidua.workflows.workspace.space import WorkspaceConfig

    folder = args.folder or settings.out / "web"
    serve(settings, WorkspaceConfig(folder, database=args.database), args.host, args.port)
    return 0


def cmd_worker(args, settings) -> int:
    from generators.core.errors import ThiduaError
    from thidua.tasks.redis_queue import work

    if not settings.redis_url:
        raise ThiduaError("Cần địa chỉ máy chủ Redis: --redis redis://… hoặc biến THIDUA_REDIS.")
    work(settings.redis_url, burst=args.burst)
    return 0


def _workspace(args, settings):
    from thidua.workflows.workspace.setup import create_demo_workspace
    from thidua.workflows.workspace.space import WorkspaceConfig

    return create_demo_workspace(WorkspaceConfig(args.folder or settings.out / "web", database=args.database),
                                 settings)


def cmd_account_list(args, settings) -> int:
    from thidua.workflows.workspace.accounts import accounts

    ws = _workspace(args, settings)
    for a in accounts(ws.db):
        extras = [x for x in ("có khóa ký trên máy chủ" if a.key_file else "",
                              f"ký số từ xa: {a.remote_service}" if a.remote_service else "") if x]
        print(f"{a.username:<20} {a.role:<10} {a.unit:<14} {a.display_name}" + (f" ({'; '.join(extras)})"
                                                                             if extras else ""))
    return 0


def cmd_account_add(args, settings) -> int:
    from thidua.cli.terminal import ask_secret
    from thidua.settings import ACCOUNT_PASSWORD_ENV
    from thidua.workflows.workspace.people import add_person

    password = settings.account_password or ask_secret("Mật khẩu của tài khoản mới: ", ACCOUNT_PASSWORD_ENV)
    who = add_person(_workspace(args, settings), args.username, args.role, args.unit or "", args.name, password,
                     args.key_file)
    print(f"Đã tạo tài khoản {who.username} ({who.role_name}, {who.unit or 'không thuộc đơn vị'}).")
    return 0


def cmd_account_remote(args, settings) -> int:
    from thidua.workflows.workspace.accounts import use_remote_service

    use_remote_service(_workspace(args, settings).db, args.username, args.service)
    print(f"Tài khoản {args.username} ký số từ xa qua dịch vụ «{args.service}»." if args.service
          else f"Tài khoản {args.username} không ký số từ xa nữa.")
    return 0


def add_commands(sub) -> None:
    p = sub.add_parser("serve", help="chạy không gian làm việc trên web (mặc định http://127.0.0.1:8000/)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--folder", type=Path, help="thư mục của không gian làm việc (mặc định out/web)")
    p.add_argument("--database", help="cơ sở dữ liệu: postgresql://… (mặc định tệp SQLite trong thư mục)")
    p.add_argument("--redis", dest="redis_url", help="hàng đợi trên Redis (redis://…); chạy kèm «thidua worker»")
    p.add_argument("--year", type=int)
    p.add_argument("--out", type=Path)
    p.set_defaults(func=cmd_serve)
    account = sub.add_parser("account", help="tài khoản của không gian làm việc trên web").add_subparsers(
        dest="account_command", required=True)
    for name, func, text in (("list", cmd_account_list, "liệt kê tài khoản"),
                             ("add", cmd_account_add, "tạo tài khoản (mật khẩu nhập khi được hỏi hoặc biến "
                                                      "THIDUA_ACCOUNT_PASSWORD)"),
                             ("remote", cmd_account_remote, "gán dịch vụ ký số từ xa cho lãnh đạo")):
        p = account.add_parser(name, help=text)
        p.add_argument("--folder", type=Path, help="thư mục của không gian làm việc (mặc định out/web)")
        p.add_argument("--database", help="cơ sở dữ liệu: postgresql://…")
        p.set_defaults(func=func)
        if name == "add":
            p.add_argument("username")
            p.add_argument("--role", required=True, help="clerk, leader, records, board, archivist, secretary, chair")
            p.add_argument("--unit", help="mã đơn vị (cơ quan phát hành với văn thư)")
            p.add_argument("--name", required=True, help="họ tên hoặc tên hiển thị")
            p.add_argument("--key-file", type=Path, help="tệp PKCS#12 của người ký, bảo vệ bằng mật khẩu riêng")
        if name == "remote":
            p.add_argument("username")
            p.add_argument("service", help="tên dịch vụ trong tệp THIDUA_REMOTE_CONFIG ('' để bỏ)")
    p = sub.add_parser("worker", help="chạy các việc nền (lập, chuyển đổi văn bản) từ hàng đợi Redis")
    p.add_argument("--redis", dest="redis_url", help="máy chủ Redis (redis://…; mặc định biến THIDUA_REDIS)")
    p.add_argument("--burst", action="store_true", help="dừng khi hàng đợi trống")
    p.set_defaults(func=cmd_worker)
