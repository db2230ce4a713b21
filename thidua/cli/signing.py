"""Commands of the leader, the records office and the archive: pki init, sign, issue, verify, timestamp."""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from generators.core.clock import now_vn
from generators.core.errors import ThiduaError
from signing.keys import Pkcs11Key, Pkcs12Key
from thidua.cli.terminal import ask_secret, with_key_password
from thidua.settings import PIN_ENV


def _derived(path: Path, suffix: str) -> Path:
    stem = path.stem.removesuffix(".signed")
    return path.with_name(f"{stem}.{suffix}.pdf")


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _key(args, settings):
    """The key the arguments name (None: the test PKI's), and the settings holding its secret."""
    if args.remote:
        from thidua.workflows.remote import RemoteChoice

        return RemoteChoice(args.remote, progress=_progress), settings
    if args.pkcs11_module:
        if not (args.token_label and args.key_label):
            raise ThiduaError("Dùng token cần --token-label và --key-label.")
        if settings.pin is None:
            settings = settings.but(pin=ask_secret("PIN của token: ", PIN_ENV))
        chain = tuple(args.chain or [p for p in [settings.pki_folder / "intermediate.pem"] if p.exists()])
        return Pkcs11Key(args.pkcs11_module, args.token_label, args.key_label, args.cert_label, chain), settings
    settings = with_key_password(settings)
    return (Pkcs12Key(args.pkcs12) if args.pkcs12 else None), settings


def cmd_pki_init(args, settings) -> int:
    from generators.core.config import load_province
    from thidua.workflows.pki import init_pki

    settings = with_key_password(settings, "Mật khẩu bảo vệ các tệp khóa: ")
    units = args.units.split(",") if args.units else None
    layout = init_pki(load_province(settings.data), args.folder, settings.key_password, units)
    print(f"Đã tạo PKI THỬ NGHIỆM (không dùng cho văn bản thật) trong {layout.folder}; gốc tin cậy: {layout.root}")
    return 0


def cmd_sign(args, settings) -> int:
    from thidua.workflows.office import sign_documents

    if args.out_file and len(args.files) > 1:
        raise ThiduaError("--out chỉ dùng khi ký một tệp; ký nhiều tệp thì mỗi tệp ra <tên>.signed.pdf.")
    key, settings = _key(args, settings)
    pairs = [(f, args.out_file or _derived(f, "signed")) for f in args.files]
    unit = sign_documents(settings, args.unit, pairs, key, args.image)
    for _, out in pairs:
        print(f"{unit.leader.name} đã ký: {out}")
    return 0


def cmd_issue(args, settings) -> int:
    from thidua.workflows.office import issue_document, issue_separate_annex

    key, settings = _key(args, settings)
    out = args.out_file or _derived(args.file, "issued")
    if args.annex_of:
        issue_separate_annex(settings, args.unit, args.file, out, args.annex_of, key)
        print(f"Đã phát hành phụ lục của văn bản {args.annex_of} (chữ ký của cơ quan, tổ chức, không hình dấu): {out}")
        return 0
    try:
        day = dt.date.fromisoformat(args.date) if args.date else now_vn().date()
    except ValueError:
        raise ThiduaError(f"Ngày «{args.date}» không hợp lệ; hãy ghi theo dạng YYYY-MM-DD.") from None
    doc = issue_document(settings, args.unit, args.file, out, day, key, args.seal)
    print(f"Đã cấp số {doc.notation} ngày {doc.issued_date:%d/%m/%Y} và phát hành: {out}")
    return 0


def cmd_verify(args, settings) -> int:
    from signing.verify import verify
    from thidua.workflows.office import expected_signers

    if args.long_term:
        return _long_term(args, settings)
    roots = args.trust or ([settings.pki_folder / "root.pem"] if (settings.pki_folder / "root.pem").exists() else [])
    report = verify(args.file, roots, expected_signers(settings, args.unit) if args.unit else None)
    print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2) if args.json else report.text())
    return report.exit_code


def cmd_timestamp(args, settings) -> int:
    from thidua.workflows.archive import add_archive_timestamp

    out = args.out_file or args.file.with_name(f"{args.file.stem}.timestamped.pdf")
    name = add_archive_timestamp(settings, args.file, out, args.tsa_url)
    print(f"Đã gắn dấu thời gian lưu trữ (trường {name}): {out}")
    return 0


def cmd_extend(args, settings) -> int:
    from thidua.workflows.archive import extend_for_archive

    out = args.out_file or args.file.with_name(f"{args.file.stem}.ltv.pdf")
    level = extend_for_archive(settings, args.file, out, args.trust, args.tsa_url)
    print(f"Đã bổ sung dữ liệu kiểm tra hiệu lực dài hạn (PAdES {level}): {out}")
    return 0


VERDICTS = {"valid": "hợp lệ", "revoked": "CHỨNG THƯ ĐÃ BỊ THU HỒI", "no validation data": "không có dữ liệu kiểm tra "
            "hiệu lực nhúng trong tệp", "not intact": "KHÔNG TOÀN VẸN", "untrusted": "không chứng minh được"}


def _long_term(args, settings) -> int:
    from thidua.workflows.archive import long_term_report

    report = long_term_report(settings, args.file, args.trust)
    for name, verdict in report.signatures:
        print(f"  {name}: {VERDICTS.get(verdict, verdict)}")
    print("Kiểm tra dài hạn (chỉ dữ liệu nhúng trong tệp, không truy cập mạng, bắt buộc kiểm tra thu hồi): "
          + (f"ĐẠT PAdES {report.level}." if report.ok else "KHÔNG ĐẠT."))
    return 0 if report.ok else 1


def _key_options(p, image_flag: str, many: bool = False) -> None:
    if many:
        p.add_argument("files", type=Path, nargs="+", metavar="file")
    else:
        p.add_argument("file", type=Path)
    p.add_argument("--unit", required=True, help="mã đơn vị ban hành (trong province.yaml)")
    p.add_argument("--out", dest="out_file", type=Path, help="tệp kết quả")
    p.add_argument("--pki", type=Path, help="thư mục PKI (mặc định out/pki)")
    p.add_argument("--pkcs12", type=Path, help="tệp khóa .p12 (mật khẩu: biến THIDUA_KEY_PASSWORD hoặc nhập)")
    p.add_argument("--pkcs11-module", type=Path, help="thư viện PKCS#11 của token (PIN: biến THIDUA_PIN hoặc nhập)")
    p.add_argument("--token-label")
    p.add_argument("--key-label")
    p.add_argument("--cert-label")
    p.add_argument("--chain", type=Path, action="append",
                   help="chứng thư CA trung gian (PEM) gửi kèm chữ ký khi ký bằng token (mặc định: intermediate.pem của --pki)")
    p.add_argument("--remote", metavar="TÊN",
                   help="ký số từ xa qua dịch vụ TÊN của tệp cấu hình (biến THIDUA_REMOTE_CONFIG); bí mật lấy từ "
                        "các biến môi trường tệp đó ghi")
    p.add_argument("--tsa", dest="tsa_url", help="địa chỉ máy chủ dấu thời gian RFC 3161")
    p.add_argument(image_flag, type=Path)


def add_commands(sub) -> None:
    p = sub.add_parser("pki", help="PKI thử nghiệm")
    psub = p.add_subparsers(dest="action", required=True)
    t = psub.add_parser("init", help="tạo PKI thử nghiệm, chữ ký và con dấu mẫu cho các đơn vị")
    t.add_argument("folder", type=Path)
    t.add_argument("--units", help="chỉ các mã đơn vị này, cách nhau bởi dấu phẩy")
    t.set_defaults(func=cmd_pki_init)

    p = sub.add_parser("sign", help="người có thẩm quyền ký văn bản (PAdES, hình chữ ký); nhiều tệp ký từ xa chỉ "
                                    "cần xác nhận một lần")
    _key_options(p, "--image", many=True)
    p.set_defaults(func=cmd_sign)

    p = sub.add_parser("issue", help="văn thư cấp số, ngày, ký số của cơ quan và phát hành")
    _key_options(p, "--seal")
    p.add_argument("--date", help="ngày ban hành YYYY-MM-DD (mặc định hôm nay)")
    p.add_argument("--annex-of", metavar="SỐ/KÝ HIỆU",
                   help="phụ lục tách tệp của văn bản này: chỉ ký số của cơ quan, dạng chữ ở góc trên bên phải trang 1")
    p.add_argument("--register", help="sổ đăng ký: tệp SQLite (mặc định out/so-dang-ky-van-ban-di.sqlite) hoặc "
                                      "postgresql://…")
    p.set_defaults(func=cmd_issue)

    p = sub.add_parser("verify", help="kiểm tra chữ ký số của văn bản")
    p.add_argument("file", type=Path)
    p.add_argument("--trust", type=Path, action="append", help="chứng thư gốc tin cậy (PEM); lặp lại được")
    p.add_argument("--pki", type=Path)
    p.add_argument("--unit", help="mã đơn vị ban hành: người ký và cơ quan phải đúng như dữ liệu của đơn vị")
    p.add_argument("--json", action="store_true")
    p.add_argument("--long-term", action="store_true",
                   help="kiểm tra dài hạn: chỉ dùng dữ liệu kiểm tra hiệu lực nhúng trong tệp (PAdES B-LT, B-LTA)")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("extend", help="bổ sung dữ liệu kiểm tra hiệu lực (CRL) và dấu thời gian trước khi lưu trữ "
                                      "(PAdES B-LT, B-LTA)")
    p.add_argument("file", type=Path)
    p.add_argument("--trust", type=Path, action="append", help="chứng thư gốc tin cậy (PEM); lặp lại được")
    p.add_argument("--pki", type=Path)
    p.add_argument("--tsa", dest="tsa_url", help="máy chủ dấu thời gian (mặc định biến THIDUA_TSA): có thì đạt B-LTA")
    p.add_argument("--out", dest="out_file", type=Path, help="tệp kết quả (mặc định <tên>.ltv.pdf)")
    p.set_defaults(func=cmd_extend)

    p = sub.add_parser("timestamp", help="gắn dấu thời gian lưu trữ (RFC 3161) vào văn bản đã ban hành")
    p.add_argument("file", type=Path)
    p.add_argument("--tsa", dest="tsa_url", help="địa chỉ máy chủ dấu thời gian (mặc định biến THIDUA_TSA)")
    p.add_argument("--out", dest="out_file", type=Path, help="tệp kết quả (mặc định <tên>.timestamped.pdf)")
    p.set_defaults(func=cmd_timestamp)
