"""Commands of the records office beyond issuance: the registers, edXML dispatch and receipt."""
from __future__ import annotations

from pathlib import Path

from generators.core.errors import ThiduaError
from thidua.cli.terminal import with_key_password

BUSINESS = {"revoke": 1, "update": 2, "replace": 3}


def _with_password(settings):
    return with_key_password(settings, "Mật khẩu tệp khóa của tổ chức: ")


def cmd_register_list(args, settings) -> int:
    from thidua.workflows.registers import outgoing_entries

    entries = outgoing_entries(settings, args.issuer)
    for d in entries:
        sent = f"  chuyển {d.dispatched_date:%d/%m/%Y}" if d.dispatched_date else ""
        print(f"{d.issuer:<14} {d.notation:<18} {d.issued_date:%d/%m/%Y}  {d.subject}  ({d.signer.full_name}){sent}")
    print(f"{len(entries)} văn bản đi năm {settings.year}" + (f" của {args.issuer}" if args.issuer else "") + ".")
    return 0


def cmd_register_export(args, settings) -> int:
    from thidua.workflows.registers import export_registers

    for book in export_registers(settings, args.issuer, incoming=args.incoming):
        kind = "đến" if book.incoming else "đi"
        print(f"Sổ đăng ký văn bản {kind} của {book.unit} ({book.entries} văn bản): {book.pdf}, {book.docx.name}, "
              f"{book.xlsx.name}")
    return 0


def cmd_dispatch(args, settings) -> int:
    from dispatch.edxml.envelope import Business
    from thidua.workflows.exchange import send

    chosen = [k for k in BUSINESS if getattr(args, k)]
    if len(chosen) > 1:
        raise ThiduaError("Chỉ chọn một trong --revoke, --update, --replace.")
    business = Business(BUSINESS[chosen[0]], args.reason or "", getattr(args, chosen[0])) if chosen else Business()
    to = [x.strip() for x in args.to.split(",") if x.strip()]
    sent = send(_with_password(settings), args.file, to, business)
    print(f"Đã lập gói tin edXML {sent.header.document_id} gửi {', '.join(o.name for o in sent.header.recipients)}: "
          f"{sent.package}")
    return 0


def cmd_receive(args, settings) -> int:
    from dispatch.edxml.status import MEANING
    from thidua.workflows.exchange import receive

    got = receive(_with_password(settings), args.package, args.unit)
    if got.answered:
        a = got.answered
        print(f"Trạng thái văn bản {a.code_answered} từ {a.sender.name}: {MEANING.get(a.code, a.code)} "
              f"({a.timestamp}). {a.description}")
        return 0
    answers = "".join(f"\nGói trạng thái gửi lại: {p}" for p in got.statuses)
    if got.refused:
        print(f"TỪ CHỐI tiếp nhận: {got.refused}{answers}")
        return 1
    e = got.entry
    print(f"Đã tiếp nhận văn bản {e.notation} của {e.sender_name}: số đến {e.number}, lưu tại {e.document}{answers}")
    return 0


def add_commands(sub) -> None:
    reg = sub.add_parser("register", help="sổ đăng ký văn bản đi, đến").add_subparsers(dest="register_command",
                                                                                     required=True)
    for name, func, helptext in (("list", cmd_register_list, "liệt kê văn bản đi của một năm"),
                                 ("export", cmd_register_export, "in sổ đăng ký (DOCX, PDF/A, XLSX) để đóng quyển")):
        p = reg.add_parser(name, help=helptext)
        p.add_argument("--year", type=int)
        p.add_argument("--issuer", help="mã đơn vị (mặc định: mọi đơn vị)")
        p.add_argument("--out", type=Path, help="thư mục kết quả (mặc định out/)")
        p.add_argument("--register", help="sổ đăng ký: tệp SQLite hoặc postgresql://…")
        if name == "export":
            p.add_argument("--incoming", action="store_true", help="in sổ đăng ký văn bản đến")
        p.set_defaults(func=func)

    p = sub.add_parser("dispatch", help="gửi văn bản đã phát hành bằng gói tin edXML (QCVN 102:2016/BTTTT)")
    p.add_argument("file", type=Path, help="tệp PDF đã phát hành")
    p.add_argument("--to", required=True, help="mã định danh cơ quan nhận, cách nhau bằng dấu phẩy")
    p.add_argument("--year", type=int)
    p.add_argument("--out", type=Path)
    p.add_argument("--register")
    for name, word in (("revoke", "thu hồi"), ("update", "cập nhật"), ("replace", "thay thế")):
        p.add_argument(f"--{name}", metavar="DOCUMENT_ID", help=f"{word} văn bản đã gửi có mã này")
    p.add_argument("--reason", help="lý do thu hồi, cập nhật, thay thế")
    p.set_defaults(func=cmd_dispatch)

    p = sub.add_parser("receive", help="tiếp nhận gói tin edXML: kiểm tra, vào sổ đến, trả lời trạng thái")
    p.add_argument("package", type=Path)
    p.add_argument("--unit", help="mã đơn vị nhận, khi gói tin gửi nhiều đơn vị trong tỉnh")
    p.add_argument("--year", type=int)
    p.add_argument("--out", type=Path)
    p.add_argument("--register")
    p.set_defaults(func=cmd_receive)


def cmd_archive(args, settings) -> int:
    if args.items and args.items[0] == "verify":
        return _archive_verify(args, settings)
    if len(args.items) != 1:
        raise ThiduaError("Dùng: thidua archive --year Y THƯ_MỤC, hoặc thidua archive verify GÓI.zip.")
    from thidua.workflows.archiving import archive_year

    for made in archive_year(settings, Path(args.items[0]), args.trust, args.tsa_url):
        d = made.dossier
        print(f"Hồ sơ {d.file_code} ({d.notation}, {len(d.documents)} văn bản, PAdES "
              f"{'/'.join(sorted({a.level for a in d.documents}))}): {made.path}")
    return 0


def _archive_verify(args, settings) -> int:
    from thidua.workflows.archiving import verify_archive

    if len(args.items) < 2:
        raise ThiduaError("Dùng: thidua archive verify GÓI.zip [GÓI.zip …].")
    failed = 0
    for item in args.items[1:]:
        report = verify_archive(settings, Path(item), args.trust)
        print(f"Gói {item}: {'ĐẠT' if report.ok else 'KHÔNG ĐẠT'}")
        for p in report.problems:
            print(f"  - {p}")
        print("  Đã kiểm tra: " + "; ".join(report.checked) + ".")
        print("  Không kiểm tra: " + "; ".join(report.not_checked) + ".")
        failed += not report.ok
    return 1 if failed else 0


def add_archive_commands(sub) -> None:
    p = sub.add_parser("archive", help="lập gói lưu trữ cho mỗi hồ sơ của năm (E-ARK CSIP, Thông tư 05/2025), "
                                       "hoặc «archive verify GÓI.zip» để kiểm tra gói")
    p.add_argument("items", nargs="+", metavar="THƯ_MỤC | verify GÓI.zip")
    p.add_argument("--year", type=int)
    p.add_argument("--out", type=Path)
    p.add_argument("--register")
    p.add_argument("--pki", type=Path)
    p.add_argument("--trust", type=Path, action="append", help="chứng thư gốc tin cậy (PEM); lặp lại được")
    p.add_argument("--tsa", dest="tsa_url", help="máy chủ dấu thời gian: có thì đạt PAdES B-LTA")
    p.set_defaults(func=cmd_archive)
