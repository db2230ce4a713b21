"""The `thidua` command. Messages for users are Vietnamese; a user's mistake never shows a traceback."""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from generators.core.errors import DataError, ThiduaError
from generators.core.resources import sample_data_folder
from signing.errors import SigningError

DEFAULT_DATA = Path(os.environ.get("THIDUA_DATA", sample_data_folder()))
DEFAULT_OUT = Path(os.environ.get("THIDUA_OUT", "out"))
DEFAULT_YEAR = 2024


def cmd_check(args) -> int:
    from thidua.cycle import check
    from thidua.report import text_report, write_findings_xlsx

    province, data, findings = check(args.data, args.year)
    print(text_report(province, data, findings))
    if args.xlsx:
        write_findings_xlsx(args.xlsx, province, findings)
        print(f"Đã ghi kết quả kiểm tra vào {args.xlsx}")
    return 1 if findings else 0


def cmd_excel_template(args) -> int:
    from generators.core.config import load_plan
    from generators.workbooks.commendation import COUNCIL_TABLES, PROPOSAL_TABLES, RECORD_TABLES
    from generators.workbooks.registration import write_workbook
    from generators.workbooks.tables import write_tables

    if args.kind == "registration":
        write_workbook(args.out, load_plan(args.data / "plan.yaml"))
        print(f"Đã tạo mẫu danh sách đăng ký: {args.out}")
        return 0
    tables = {"achievements": RECORD_TABLES, "proposals": PROPOSAL_TABLES, "council": COUNCIL_TABLES}[args.kind]
    write_tables(args.out, tables)
    label = {"achievements": "hồ sơ thành tích", "proposals": "danh sách đề nghị khen thưởng",
             "council": "thành viên và biểu quyết của Hội đồng"}[args.kind]
    print(f"Đã tạo mẫu {label}: {args.out}")
    return 0


def cmd_eligibility(args) -> int:
    from generators.commendation.round import load_round
    from thidua.report import eligibility_text, write_eligibility_xlsx

    rnd = load_round(args.data, args.year)
    print(eligibility_text(rnd))
    if args.xlsx:
        write_eligibility_xlsx(args.xlsx, rnd)
        print(f"Đã ghi kết quả xét vào {args.xlsx}")
    return 0


def cmd_templates_check(args) -> int:
    from generators.documents.layout_rules import check_docx
    from thidua.templates_check import guess_kind, sample_context, variable_problems

    if not args.file.exists():
        raise ThiduaError(f"Không tìm thấy tệp {args.file}")
    problems = check_docx(args.file)
    kind = args.kind or guess_kind(args.file)
    if kind:
        problems += variable_problems(args.file, sample_context(kind, args.data, args.year))
    else:
        print("(Không rõ loại mẫu; dùng --kind KH, DS, TTr, BB hoặc QĐ để kiểm tra biến.)")
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
    from thidua.cycle import run_round

    start = time.monotonic()
    result = run_round(args.data, args.out, args.year, show_progress=not args.quiet)
    print(_summary(result, time.monotonic() - start))
    return 0


def cmd_demo(args) -> int:
    from thidua.cycle import run_round

    print(f"== Bước 1: kiểm tra danh sách đăng ký năm {args.year}")
    cmd_check(argparse.Namespace(data=args.data, year=args.year, xlsx=args.out / str(args.year) / "ket-qua-kiem-tra.xlsx"))
    print("\n== Bước 2: tạo kế hoạch của từng đơn vị và danh sách tổng hợp của tỉnh")
    start = time.monotonic()
    result = run_round(args.data, args.out, args.year, show_progress=True)
    print(_summary(result, time.monotonic() - start))
    if result.findings:
        print(f"Lưu ý: {len(result.findings)} vấn đề ở bước kiểm tra đã được ghi chú trong danh sách tổng hợp.")

    from generators.commendation.round import commendation_dir, load_round
    from thidua.cycle import write_manifest
    from thidua.dossier import council_people, produce
    from thidua.issuing_round import make_pki, password_for_demo, register_path, sign_and_issue

    rnd = load_round(args.data, args.year) if (commendation_dir(args.data) / f"round-{args.year}.yaml").exists() \
        else None
    print("\n== Bước 3: lãnh đạo ký, văn thư cấp số và phát hành (PKI thử nghiệm trong out/pki)")
    password, from_env = password_for_demo()
    if not from_env:
        print("  (Chưa đặt THIDUA_KEY_PASSWORD: khóa thử nghiệm được bảo vệ bằng mật khẩu ngẫu nhiên, không lưu lại.)")
    start = time.monotonic()
    units = [d.unit for d in result.documents] + ([rnd.meta["board"], rnd.meta["decider"]] if rnd else [])
    layout = make_pki(args.data, args.out, units, password, council_people(rnd) if rnd else [])
    jobs, issued = sign_and_issue(args.data, args.out, args.year, result.documents, password, layout)
    for job, info in zip(jobs, issued):
        info.update({"issued_pdf": job.issued, "signed_pdf": job.signed})
    documents = list(result.documents)
    print(f"Đã ký và phát hành {len(issued)} văn bản trong {time.monotonic() - start:.1f} giây.")
    if rnd:
        from thidua.report import eligibility_text, write_eligibility_xlsx

        print(f"\n== Bước 4: xét khen thưởng năm {args.year}, Hội đồng biểu quyết, tờ trình, biên bản, quyết định")
        write_eligibility_xlsx(args.out / str(args.year) / "ket-qua-xet-khen-thuong.xlsx", rnd)
        print(eligibility_text(rnd).splitlines()[-1])
        dossier = produce(_province(args), rnd, args.out, layout, register_path(args.out, args.year), password)
        for doc, info in dossier:
            documents.append(doc)
            issued.append(info)
            print(f"  {info['notation']} ngày {info['issued_date']}: {doc.title} - {info['verify']}")
        print(f"  Tổng tiền thưởng: {rnd.total:,} đồng".replace(",", "."))
    manifest = write_manifest(args.out, args.year, documents, issued, [layout.root])
    passed = sum(1 for i in issued if i["verify"] == "TOTAL_PASSED")
    print(f"\nKiểm tra chữ ký: {passed}/{len(issued)} văn bản TOTAL_PASSED.\nDanh mục: {manifest}")
    return 0 if passed == len(issued) else 1


def _province(args):
    from generators.core.config import load_province

    return load_province(args.data)


def _unit(args):
    province = _province(args)
    if args.unit not in province.units:
        raise ThiduaError(f"Không có đơn vị mã «{args.unit}» trong {args.data / 'province.yaml'}.")
    unit = province.unit(args.unit)
    if unit.leader is None:
        raise ThiduaError(f"Đơn vị «{args.unit}» chưa có người ký trong dữ liệu.")
    return unit


def _signer(args, default_p12: Path):
    """A context manager yielding the signer: PKCS#11 token, or PKCS#12 file (secrets from env or prompt)."""
    from contextlib import nullcontext

    from signing.keys import Pkcs11Key, Pkcs12Key, load_pkcs12, pkcs11_signer, secret
    from thidua.office import PASSWORD_ENV, PIN_ENV

    if args.pkcs11_module:
        if not (args.token_label and args.key_label):
            raise ThiduaError("Dùng token cần --token-label và --key-label.")
        pin = secret(PIN_ENV, "PIN của token: ")
        chain = tuple(args.chain or [p for p in [args.pki / "intermediate.pem"] if p.exists()])
        return pkcs11_signer(Pkcs11Key(args.pkcs11_module, args.token_label, args.key_label, args.cert_label, chain),
                             pin)
    password = secret(PASSWORD_ENV, "Mật khẩu tệp khóa: ")
    return nullcontext(load_pkcs12(Pkcs12Key(args.pkcs12 or default_p12), password))


def _derived(path: Path, suffix: str) -> Path:
    stem = path.stem.removesuffix(".signed")
    return path.with_name(f"{stem}.{suffix}.pdf")


def cmd_pki_init(args) -> int:
    from signing.keys import secret
    from thidua.office import PASSWORD_ENV, init_pki

    password = secret(PASSWORD_ENV, "Mật khẩu bảo vệ các tệp khóa: ")
    units = args.units.split(",") if args.units else None
    layout = init_pki(_province(args), args.folder, password, units)
    print(f"Đã tạo PKI THỬ NGHIỆM (không dùng cho văn bản thật) trong {layout.folder}; gốc tin cậy: {layout.root}")
    return 0


def cmd_sign(args) -> int:
    from thidua.office import PkiLayout, sign_as_leader

    unit = _unit(args)
    layout = PkiLayout(args.pki)
    out = args.out or _derived(args.file, "signed")
    with _signer(args, layout.leader_p12(unit.code)) as signer:
        sign_as_leader(unit, args.file, out, signer, args.image or layout.signature_image(unit.code), args.tsa)
    print(f"{unit.leader.name} đã ký: {out}")
    return 0


def cmd_issue(args) -> int:
    import datetime as dt

    from dispatch.register import Register
    from generators.core.clock import VN
    from thidua.office import PkiLayout, issue_as_office

    unit = _unit(args)
    layout = PkiLayout(args.pki)
    out = args.out or _derived(args.file, "issued")
    if args.annex_of:
        from dispatch.issuance import issue_annex

        with _signer(args, layout.org_p12(unit.code)) as signer:
            issue_annex(args.file, out, args.annex_of, unit.name, unit.place, signer, args.tsa)
        print(f"Đã phát hành phụ lục của văn bản {args.annex_of} (chữ ký của cơ quan, tổ chức, không hình dấu): {out}")
        return 0
    day = dt.date.fromisoformat(args.date) if args.date else dt.datetime.now(VN).date()
    register = Register(args.register)
    try:
        with _signer(args, layout.org_p12(unit.code)) as signer:
            entry = issue_as_office(unit, args.file, out, register, signer, args.seal or layout.seal_image(unit.code),
                                    day, args.tsa)
    finally:
        register.close()
    print(f"Đã cấp số {entry.notation} ngày {entry.issued_date:%d/%m/%Y} và phát hành: {out}")
    return 0


def cmd_verify(args) -> int:
    import json

    from signing.verify import verify

    roots = args.trust or ([args.pki / "root.pem"] if (args.pki / "root.pem").exists() else [])
    report = verify(args.file, roots)
    print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2) if args.json else report.text())
    return report.exit_code


def _key_options(p, image_flag: str) -> None:
    p.add_argument("file", type=Path)
    p.add_argument("--unit", required=True, help="mã đơn vị ban hành (trong province.yaml)")
    p.add_argument("--out", type=Path)
    p.add_argument("--pki", type=Path, default=DEFAULT_OUT / "pki", help="thư mục PKI (mặc định out/pki)")
    p.add_argument("--pkcs12", type=Path, help="tệp khóa .p12 (mật khẩu: biến THIDUA_KEY_PASSWORD hoặc nhập)")
    p.add_argument("--pkcs11-module", type=Path, help="thư viện PKCS#11 của token (PIN: biến THIDUA_PIN hoặc nhập)")
    p.add_argument("--token-label")
    p.add_argument("--key-label")
    p.add_argument("--cert-label")
    p.add_argument("--chain", type=Path, action="append",
                   help="chứng thư CA trung gian (PEM) gửi kèm chữ ký khi ký bằng token (mặc định: intermediate.pem của --pki)")
    p.add_argument("--tsa", help="địa chỉ máy chủ dấu thời gian RFC 3161")
    p.add_argument(image_flag, type=Path)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="thidua", description="Văn bản thi đua, khen thưởng theo Nghị định 30/2020/NĐ-CP")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="thư mục dữ liệu (mặc định: data/)")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("check", help="kiểm tra danh sách đăng ký theo kế hoạch")
    p.add_argument("--year", type=int, default=DEFAULT_YEAR)
    p.add_argument("--xlsx", type=Path, help="ghi kết quả ra tệp Excel, mỗi vấn đề một dòng")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("excel-template", help="tạo tệp Excel mẫu để đơn vị điền")
    p.add_argument("kind", choices=["registration", "achievements", "proposals", "council"])
    p.add_argument("out", type=Path)
    p.set_defaults(func=cmd_excel_template)

    p = sub.add_parser("eligibility", help="xét điều kiện khen thưởng từng đề nghị, theo căn cứ pháp lý có hiệu lực")
    p.add_argument("--year", type=int, default=DEFAULT_YEAR)
    p.add_argument("--xlsx", type=Path, help="ghi kết quả ra tệp Excel")
    p.set_defaults(func=cmd_eligibility)

    p = sub.add_parser("templates", help="kiểm tra mẫu văn bản DOCX")
    tsub = p.add_subparsers(dest="action", required=True)
    t = tsub.add_parser("check", help="kiểm tra thể thức và biến của một mẫu hoặc văn bản DOCX")
    t.add_argument("file", type=Path)
    t.add_argument("--kind", choices=["KH", "DS", "TTr", "BB", "QĐ"])
    t.add_argument("--year", type=int, default=DEFAULT_YEAR)
    t.set_defaults(func=cmd_templates_check)

    p = sub.add_parser("pki", help="PKI thử nghiệm")
    psub = p.add_subparsers(dest="action", required=True)
    t = psub.add_parser("init", help="tạo PKI thử nghiệm, chữ ký và con dấu mẫu cho các đơn vị")
    t.add_argument("folder", type=Path)
    t.add_argument("--units", help="chỉ các mã đơn vị này, cách nhau bởi dấu phẩy")
    t.set_defaults(func=cmd_pki_init)

    p = sub.add_parser("sign", help="người có thẩm quyền ký văn bản (PAdES, hình chữ ký)")
    _key_options(p, "--image")
    p.set_defaults(func=cmd_sign)

    p = sub.add_parser("issue", help="văn thư cấp số, ngày, ký số của cơ quan và phát hành")
    _key_options(p, "--seal")
    p.add_argument("--date", help="ngày ban hành YYYY-MM-DD (mặc định hôm nay)")
    p.add_argument("--annex-of", metavar="SỐ/KÝ HIỆU",
                   help="phụ lục tách tệp của văn bản này: chỉ ký số của cơ quan, dạng chữ ở góc trên bên phải trang 1")
    p.add_argument("--register", type=Path, default=Path(os.environ.get("THIDUA_REGISTER",
                                                                          DEFAULT_OUT / "so-dang-ky-van-ban-di.sqlite")))
    p.set_defaults(func=cmd_issue)

    p = sub.add_parser("verify", help="kiểm tra chữ ký số của văn bản")
    p.add_argument("file", type=Path)
    p.add_argument("--trust", type=Path, action="append", help="chứng thư gốc tin cậy (PEM); lặp lại được")
    p.add_argument("--pki", type=Path, default=DEFAULT_OUT / "pki")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_verify)

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
    except (ThiduaError, SigningError) as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Đã dừng theo yêu cầu.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
