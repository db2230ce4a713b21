"""What the command line prints about results: Vietnamese, for the clerk and the board."""
from __future__ import annotations

from collections import defaultdict

from generators.registration.rules import RULE_TITLES


def check_report(checked) -> str:
    province, data, findings = checked.province, checked.data, checked.findings
    entries = sum(len(r.entries) for r in data.registrations.values())
    lines = [f"KIỂM TRA DANH SÁCH ĐĂNG KÝ NĂM {data.year} THEO KẾ HOẠCH SỐ {province.plan.notation}",
             f"Đã đọc {len(data.registrations)} danh sách hợp lệ, gồm {entries} mô hình, tập thể, cá nhân.", ""]
    by_rule = defaultdict(list)
    for f in findings:
        by_rule[f.rule].append(f)
    for rule, items in by_rule.items():
        lines.append(f"{RULE_TITLES.get(rule, rule).upper()} ({len(items)})")
        for f in items:
            lines.append(f"  - {f.message}")
            if f.where:
                lines.append(f"    tại: {f.where}")
        lines.append("")
    if findings:
        lines.append(f"Kết quả: {len(findings)} vấn đề cần xử lý.")
    else:
        lines.append("Kết quả: mọi danh sách đều đúng quy định của kế hoạch.")
    return "\n".join(lines)


def eligibility_text(rnd) -> str:
    lines = [f"XÉT ĐIỀU KIỆN KHEN THƯỞNG NĂM {rnd.year} (thành tích năm {rnd.meta.get('achievement_year', rnd.year)})", ""]
    for i, c in enumerate(rnd.candidates, start=1):
        v = c.verdict
        name = v.subject.name if v.subject else v.proposal.subject
        lines.append(f"{i}. {name} ({v.proposal.subject}) - {v.award_name}, do {v.proposal.unit} đề nghị "
                     f"ngày {v.proposal.date:%d/%m/%Y}")
        lines.append(f"   {'ĐỦ ĐIỀU KIỆN' if v.eligible else 'KHÔNG ĐỦ ĐIỀU KIỆN'} - quy tắc {v.rule}; căn cứ {v.basis}")
        for r in v.reasons:
            lines.append(f"   - {r}")
        lines.append(f"   Hội đồng: {c.vote.text()}")
    awarded = rnd.awardees
    lines += ["", f"Kết quả: {sum(c.verdict.eligible for c in rnd.candidates)}/{len(rnd.candidates)} đủ điều kiện; "
                  f"{len(awarded)} được Hội đồng thông qua và đưa vào dự thảo quyết định."]
    return "\n".join(lines)


def generated_summary(result, elapsed: float) -> str:
    kinds: dict[str, int] = {}
    for d in result.documents:
        kinds[d.kind] = kinds.get(d.kind, 0) + 1
    parts = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
    return (f"Đã tạo {len(result.documents)} văn bản ({parts}), mỗi văn bản một tệp DOCX và một tệp PDF/A-2b, "
            f"trong {elapsed:.1f} giây ({result.conversion_processes} tiến trình LibreOffice, "
            f"{result.conversion_restarts} lần khởi động lại).")


def money(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def demo_summary(result) -> str:
    lines = [check_report(result.checked), f"Đã ghi kết quả kiểm tra vào {result.findings_xlsx}", "",
             generated_summary(result.drafted, result.timings["generate"])]
    if result.checked.findings:
        lines.append(f"Lưu ý: {len(result.checked.findings)} vấn đề ở bước kiểm tra đã được ghi chú trong danh sách "
                     f"tổng hợp.")
    if result.random_password:
        lines.append("(Chưa đặt THIDUA_KEY_PASSWORD: khóa thử nghiệm được bảo vệ bằng mật khẩu ngẫu nhiên, "
                     "không lưu lại.)")
    round_docs = len(result.drafted.documents) - len(result.held)
    lines.append(f"Đã ký và phát hành {round_docs} văn bản trong {result.timings['issue']:.1f} giây.")
    for draft in result.held:
        lines.append(f"  Chưa trình ký {draft.pdf.name} (văn bản chưa hoàn chỉnh): {'; '.join(draft.undecided)}.")
    if result.letters:
        lines.append(f"Đã ký và phát hành {len(result.letters)} công văn gửi danh sách và kế hoạch lên cấp trên "
                     f"trong {result.timings.get('letters', 0):.1f} giây.")
    round_docs += len(result.letters)
    if result.commendation:
        rnd = result.commendation
        lines += ["", eligibility_text(rnd).splitlines()[-1], f"Đã ghi kết quả xét vào {result.eligibility_xlsx}"]
        for doc in result.issued[round_docs:]:
            lines.append(f"  {doc.notation} ngày {doc.issued_date.isoformat()}: {doc.title} - "
                         f"{doc.verification.indication}")
        lines.append(f"  Tổng tiền thưởng: {money(rnd.total)} đồng")
        if result.certificates:
            batch = result.certificates
            passed = sum(1 for c in batch.certificates if c.indication == "TOTAL_PASSED")
            lines.append(f"  Bằng khen, giấy chứng nhận: {len(batch.certificates)} bản ký số ({passed} TOTAL_PASSED), "
                         f"bản in chung: {batch.printed}"
                         + (f"; không in bằng: {'; '.join(batch.not_printed)}" if batch.not_printed else ""))
    if result.review_report:
        lines.append(f"Báo cáo sơ kết năm {result.drafted.year}: {result.review_report.pdf.parent}")
    if result.final_review:
        doc = result.final_review
        lines.append(f"Báo cáo tổng kết: {doc.notation} ngày {doc.issued_date.isoformat()} ({doc.organ_name}) - "
                     f"{doc.verification.indication}; {doc.files.issued_pdf}")
    lines += ["", f"Kiểm tra chữ ký: {result.passed}/{len(result.issued)} văn bản TOTAL_PASSED."]
    if result.review is not None:
        lines.append(f"Soát văn bản: {result.review.documents} văn bản, "
                     + (f"{len(result.review.findings)} vấn đề:" if result.review.findings else "không có vấn đề nào."))
        lines += [f"  - {f}" for f in result.review.findings]
    if result.sent:
        registered = len(result.received) - len(result.refused)
        lines.append(f"Gửi, nhận edXML: {len(result.sent)} kế hoạch gửi Sở Nội vụ, {registered} văn bản vào sổ đến "
                     f"({result.timings.get('exchange', 0):.1f} giây); gói tin trong "
                     f"{result.sent[0].package.parent}.")
        lines += [f"  TỪ CHỐI {r.package.name}: {r.refused}" for r in result.refused]
    if result.registers:
        out = sum(1 for b in result.registers if not b.incoming)
        lines.append(f"Sổ đăng ký: {out} sổ văn bản đi, {len(result.registers) - out} sổ văn bản đến (DOCX, PDF/A, "
                     f"XLSX) trong {result.registers[0].pdf.parent}.")
    if result.archived:
        passed = sum(1 for r in result.archive_reports if r.ok)
        docs = sum(len(p.dossier.documents) for p in result.archived)
        levels = "/".join(sorted({a.level for p in result.archived for a in p.dossier.documents}))
        lines.append(f"Lưu trữ: {len(result.archived)} gói hồ sơ ({docs} văn bản, PAdES {levels}), {passed}/"
                     f"{len(result.archive_reports)} gói kiểm tra đạt ({result.timings.get('archive', 0):.1f} giây); "
                     f"trong {result.archived[0].path.parent}.")
        lines += [f"  KHÔNG ĐẠT {r.package}: {'; '.join(r.problems[:3])}" for r in result.archive_reports if not r.ok]
    lines.append(f"Danh mục: {result.manifest}")
    return "\n".join(lines)
