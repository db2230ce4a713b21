"""Contexts of the commendation dossier: the proposal (TTr), the council minutes (BB), the decision (QĐ)."""
from __future__ import annotations

import datetime as dt
from collections import Counter

from generators.core.errors import ConfigError
from generators.core.model import Province, Unit
from generators.core.text import vn_date
from generators.core.vnwords import money_figures, money_words
from generators.documents.heading import heading, lower_first, punctuate_list

CEREMONY = "kỷ niệm Ngày Thi đua yêu nước 11/6"


def _grounds(rnd, day: dt.date, extra: list[str], first: tuple[str, ...] = ()) -> list[str]:
    """First citations carry the document's date and issuer (rules.yaml «cite»)."""
    law = [b.citation for c, b in rnd.book.bases.items() if c not in rnd.book.decrees and b.in_force(day)]
    items = [f"Căn cứ {t}" for t in law] + [f"Căn cứ {rnd.book.decree_on(day).citation}"]
    return punctuate_list(list(first) + items + extra)


def subject_line(province: Province, c) -> dict:
    s = c.verdict.subject
    unit = province.units.get(s.unit)
    proposer = province.units.get(c.verdict.proposal.unit)
    return {"name": s.name, "position": s.position or (f"Trực thuộc {unit.name}" if unit and unit.name != s.name
                                                       else (unit.name if unit else s.unit)),
            "award": c.verdict.award_name, "unit": proposer.name if proposer else c.verdict.proposal.unit}


def _counts(candidates) -> list[str]:
    counter = Counter((c.verdict.award_name, c.verdict.subject.kind) for c in candidates)
    return [f"- {award}: {n} {kind}" + (";" if i < len(counter) - 1 else ".")
            for i, ((award, kind), n) in enumerate(sorted(counter.items()))]


def ttr_context(province: Province, rnd, bb_notation: str, bb_date: dt.date) -> dict:
    """The board's proposal, citing the council's issued minutes by number and date."""
    board = province.unit(rnd.meta["board"])
    day = rnd.date("proposal")
    ctx = heading(board, day.year, "TTr")
    units = {c.verdict.proposal.unit for c in rnd.candidates}
    eligible = [c for c in rnd.candidates if c.verdict.eligible]
    ctx.update({
        "summary": f"Về việc đề nghị tặng danh hiệu thi đua, hình thức khen thưởng nhân dịp {CEREMONY}/{rnd.year}",
        "addressee": "Chủ tịch Ủy ban nhân dân tỉnh.",
        "legal_grounds": _grounds(rnd, day, [
            f"Căn cứ Biên bản số {bb_notation} {vn_date(bb_date)} của {rnd.council.name}"]),
        "paragraphs": [
            f"Sở Nội vụ nhận được {len(rnd.candidates)} hồ sơ đề nghị khen thưởng của {len(units)} cơ quan, đơn vị, "
            f"địa phương. Qua thẩm định theo tiêu chuẩn của {rnd.book.decree_on(day).text}, có {len(eligible)} "
            f"trường hợp đủ điều kiện; Hội đồng Thi đua - Khen thưởng tỉnh đã biểu quyết thông qua "
            f"{len(rnd.awardees)} trường hợp.",
            "Sở Nội vụ kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định tặng:",
        ],
        "award_counts": _counts(rnd.awardees),
        "closing": "(Có danh sách kèm theo). Kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định./.",
        "recipients": punctuate_list(["- Như trên", "- Hội đồng Thi đua - Khen thưởng tỉnh",
                                      f"- Lưu: VT, {board.drafting_abbr}"]),
        "annex_title": "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
        "exemplars": [{**subject_line(province, c), "no": i, "vote": c.vote.text()} for i, c in enumerate(rnd.awardees, 1)],
    })
    return ctx


def council_unit(province: Province, rnd) -> Unit:
    """The council as an issuer: its own header and ký hiệu, the provincial committee's kind."""
    meta = rnd.meta["council"]
    base = province.unit(rnd.meta["decider"])
    return Unit(code=meta["abbr"], name=meta["name"], kind=base.kind, abbr=meta["abbr"], place=meta["place"],
                header_agency=tuple(meta["header_agency"]), header_parent=meta["header_parent"],
                drafting_abbr=province.unit(rnd.meta["board"]).drafting_abbr)


def bb_context(province: Province, rnd) -> dict:
    council = rnd.council
    unit = council_unit(province, rnd)
    day = rnd.date("minutes")
    ctx = heading(unit, day.year, "BB")
    present = [m for m in council.members if m.present]
    ctx.update({
        "summary": f"Họp Hội đồng Thi đua - Khen thưởng tỉnh xét khen thưởng nhân dịp {CEREMONY}/{rnd.year}",
        "opening": (f"Vào lúc 08 giờ 00 phút, ngày {day.day:02d} tháng {day.month} năm {day.year}, tại trụ sở Ủy ban "
                    f"nhân dân tỉnh, {council.name} họp xét khen thưởng nhân dịp {CEREMONY}/{rnd.year}."),
        "attendance": (f"Hội đồng có {council.size} thành viên; có mặt {len(present)} thành viên, vắng mặt "
                       f"{council.size - len(present)} thành viên (có ý kiến biểu quyết bằng văn bản gửi Hội đồng):"),
        "members": [{"no": i, "name": m.name, "position": m.position, "role": m.role,
                     "presence": "Có mặt" if m.present else "Vắng, biểu quyết bằng văn bản"}
                    for i, m in enumerate(council.members, 1)],
        "chair_line": f"Chủ trì: {council.chair}; Thư ký: {council.secretary}.",
        "content": (f"Hội đồng xem xét {len(rnd.candidates)} hồ sơ đề nghị khen thưởng; tỷ lệ biểu quyết tính trên "
                    f"tổng số {council.size} thành viên Hội đồng. Kết quả như sau:"),
        "votes": [{"no": i, "name": c.verdict.subject.name, "award": c.verdict.award_name, "yes": c.vote.yes,
                   "no_votes": c.vote.no, "share": f"{c.vote.share:.1%} / "
                   + (f"≥ {c.vote.threshold:.0%}" if not c.vote.strict else f"> {c.vote.threshold:.0%}"),
                   # an ineligible candidate is never "Đạt", whatever the vote
                   "result": ("Đạt" if c.vote.passed else "Không đạt") if c.verdict.eligible
                   else "Không đủ điều kiện"}
                  for i, c in enumerate(rnd.candidates, 1)],
        "verdicts_intro": "Kết quả xét điều kiện, tiêu chuẩn và biểu quyết của từng trường hợp:",
        "verdicts": [_verdict_line(i, c) for i, c in enumerate(rnd.candidates, 1)],
        "conclusion": (f"Hội đồng thống nhất đề nghị Chủ tịch Ủy ban nhân dân tỉnh khen thưởng {len(rnd.awardees)} "
                       f"trường hợp đủ điều kiện và đạt tỷ lệ biểu quyết theo quy định; giao Sở Nội vụ hoàn chỉnh "
                       f"hồ sơ, trình Chủ tịch Ủy ban nhân dân tỉnh."),
        "closing": "Cuộc họp kết thúc lúc 10 giờ 30 phút cùng ngày; biên bản đã được đọc lại và thông qua./.",
        "secretary": council.secretary,
        "chair": council.chair,
        "recipients": punctuate_list(["- Thành viên Hội đồng", f"- Lưu: VT, {unit.drafting_abbr}"]),
    })
    for v in ctx["votes"]:
        v["share"] = v["share"].replace(".", ",")
    return ctx


def _verdict_line(no: int, c) -> str:
    v = c.verdict
    name = v.subject.name if v.subject else v.proposal.subject
    reasons = "; ".join(v.reasons)
    proposed = v.eligible and c.vote.passed
    return (f"{no}. {name} - {v.award_name}: {'đủ điều kiện' if v.eligible else 'không đủ điều kiện'} ({reasons}); "
            f"biểu quyết: {c.vote.text()}; {'đề nghị khen thưởng' if proposed else 'không đề nghị khen thưởng'}.")


def qd_context(province: Province, rnd, ttr_notation: str, ttr_date: dt.date) -> dict:
    decider = province.unit(rnd.meta["decider"])
    day = rnd.date("decision")
    ctx = heading(decider, day.year, "QĐ")
    awardees = rnd.awardees
    confirmed = rnd.meta.get("confirmations") or {}
    unconfirmed = sorted({c.reward.source for c in awardees
                          if c.reward and not c.reward.confirmed and c.reward.table not in confirmed})
    missing = [c for c in awardees if c.reward is None]
    if unconfirmed or missing:  # a figure nobody confirmed never reaches a document put up for signature
        raise ConfigError(
            f"Chưa dự thảo Quyết định khen thưởng năm {rnd.year} để trình ký: "
            + (f"hệ số tiền thưởng theo {'; '.join(unconfirmed)} chưa được đối chiếu với văn bản gốc "
               f"(money.yaml ghi confirmed: false)" if unconfirmed else "")
            + ("; " if unconfirmed and missing else "")
            + (f"chưa có hệ số tiền thưởng cho {len(missing)} trường hợp "
               f"({', '.join(c.verdict.award_name for c in missing)})" if missing else "")
            + f". Sở Nội vụ đối chiếu rồi ghi vào round-{rnd.year}.yaml, mục «confirmations», mã bảng hệ số "
              f"({', '.join(sorted({c.reward.table for c in awardees if c.reward and not c.reward.confirmed}))}) "
              f"với người và ngày xác nhận (hoặc sửa money.yaml).")
    total = rnd.total
    base = awardees[0].reward.base_salary if awardees and awardees[0].reward else 0
    place_upper = decider.header_agency[-1]
    ctx.update({
        "summary": f"Về việc tặng danh hiệu thi đua, hình thức khen thưởng nhân dịp {CEREMONY}/{rnd.year}",
        "authority": f"CHỦ TỊCH ỦY BAN NHÂN DÂN {place_upper}",
        "legal_grounds": _grounds(rnd, day, [
            f"Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số {ttr_notation} {vn_date(ttr_date)}"],
            first=("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",)),
        "article1": (f"Tặng danh hiệu thi đua, hình thức khen thưởng cho {len(awardees)} tập thể, cá nhân "
                     f"(có danh sách kèm theo), đã có thành tích xuất sắc trong phong trào thi đua yêu nước:"),
        "award_counts": _counts(awardees),
        "article2": (f"Tiền thưởng kèm theo được tính theo hệ số nhân với mức lương cơ sở {money_figures(base)}, "
                     f"tổng cộng {money_figures(total)} ({money_words(total)}), trích từ quỹ thi đua, khen thưởng "
                     f"của tỉnh."),
        "article3": ("Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Giám đốc Sở Tài chính, Thủ trưởng các "
                     "cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành "
                     "Quyết định này./."),
        "recipients": punctuate_list(["- Như Điều 3", "- Thường trực Tỉnh ủy, HĐND tỉnh (b/c)",
                                      "- CT, các PCT UBND tỉnh", "- Sở Nội vụ (Ban Thi đua - Khen thưởng)",
                                      f"- Lưu: VT, {decider.drafting_abbr}"]),
        "decider": f"Chủ tịch {lower_first(decider.name) if not decider.name.startswith('Ủy') else decider.name}",
        "annex_title": "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG",
        "exemplars": [{**subject_line(province, c), "no": i,
                       "coefficient": f"{c.reward.coefficient:g}".replace(".", ",") if c.reward else "chưa có",
                       "amount": f"{c.reward.amount:,}".replace(",", ".") if c.reward else "chưa có"}
                      for i, c in enumerate(awardees, 1)],
        "total_line": f"Tổng cộng: {money_figures(total)} ({money_words(total)}).",
        "total": total,
    })
    return ctx
