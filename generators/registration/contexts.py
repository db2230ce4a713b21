"""Document contexts: everything a template says, computed from the data."""
from __future__ import annotations

import datetime as dt
from collections import Counter

from generators.core.model import Entry, Province, Registration, Unit
from generators.core.text import point_letter, roman, short_date, vn_date
from generators.documents.heading import heading, lower_first, punctuate_list
from generators.registration.rules import Finding
from generators.registration.wording import fill, wording


def _recipients(province: Province, unit: Unit, role: str, words: dict[str, str]) -> list[str]:
    items = [f"- {fill(r, words)}" for r in province.plan.recipients.get(role, ())]
    items.append(f"- Lưu: VT, {unit.drafting_abbr}")
    return punctuate_list(items)


def _grounds(province: Province, year: int) -> list[str]:
    day = dt.date(year, 1, 1)
    return punctuate_list([g.text for g in province.plan.legal_grounds if g.in_force(day)])


def _sentence(text: str) -> str:
    text = text.strip().rstrip(".;")
    return text + "."


def _entry(e: Entry, no: int) -> dict:
    return {
        "no": no,
        "letter": point_letter(no - 1),
        "name": e.name,
        "kind": e.kind.capitalize(),
        "birth": short_date(e.birth_date) if e.birth_date else "",
        "position": e.position,
        "field": e.field,
        "achievements": e.achievements,
        "measures": e.measures,
        "measures_sentence": _sentence(lower_first(e.measures)),
    }


def _decided_sentences(province: Province, reg: Registration, decided) -> list[str]:
    """What the plan says of its own list when it departs from the provincial plan, with the decision taken."""
    unit, plan = province.unit(reg.unit), province.plan
    quota = plan.quotas[unit.plan_role]
    ref = f"Kế hoạch số {plan.notation} {vn_date(plan.date)} của {plan.issuer}"
    n = len(reg.entries)
    facts = {
        "VUOT_SO_LUONG": f"Số lượng đăng ký ({n:02d}) vượt mức tối đa {quota.maximum or 0:02d} theo {ref}",
        "THIEU_SO_LUONG": f"Số lượng đăng ký ({n:02d}) dưới mức tối thiểu {quota.minimum:02d} theo {ref}",
        "TRE_HAN": (f"Danh sách đăng ký gửi {vn_date(reg.sent)}, sau thời hạn "
                    f"{vn_date(quota.deadline_in(reg.year)).removeprefix('ngày ')} theo {ref}"),
    }
    return [f"{facts[d.rule]}; {vn_date(d.date)}, {d.by} đã {d.text}." for d in decided]


def kh_context(province: Province, reg: Registration, decided=()) -> dict:
    """The unit's cultivation plan (Kế hoạch) with its registration list as Phụ lục I; `decided`: the decisions
    taken on its list's departures from the provincial plan (over quota, late), which the plan states."""
    unit = province.unit(reg.unit)
    year = reg.year
    plan = province.plan
    counts = Counter(e.kind for e in reg.entries)
    ctx = heading(unit, year, "KH")
    words = wording(province, unit, dt.date(year, 1, 1))
    ctx.update({
        "summary": f"Bồi dưỡng, nhân rộng gương điển hình tiên tiến năm {year}",
        "legal_grounds": _grounds(province, year),
        "intro": (f"Nhằm tiếp tục phát hiện, bồi dưỡng, nhân rộng và tổ chức thi đua cùng các gương điển hình "
                  f"tiên tiến theo Kế hoạch số {plan.notation} {vn_date(plan.date)} của {plan.issuer}, "
                  f"{unit.name} ban hành Kế hoạch bồi dưỡng, nhân rộng gương điển hình tiên tiến năm {year} "
                  f"như sau:"),
        "purposes": [
            "a) Nâng cao nhận thức về vị trí, vai trò của công tác phát hiện, bồi dưỡng, nhân rộng điển hình "
            "tiên tiến; coi đây là nhiệm vụ thường xuyên trong tổ chức các phong trào thi đua yêu nước.",
            "b) Tạo điều kiện để các điển hình tiên tiến phát huy thành tích, lan tỏa cách làm hay, sáng tạo, "
            "hiệu quả trong cơ quan, đơn vị, địa phương và trong Nhân dân.",
        ],
        "requirements": [
            "a) Việc bồi dưỡng, nhân rộng phải thiết thực, gắn với nhiệm vụ chính trị của đơn vị; tránh hình "
            "thức, lãng phí.",
            "b) Các điển hình được bồi dưỡng có kế hoạch, lộ trình cụ thể; kịp thời đề nghị khen thưởng các "
            "điển hình tiêu biểu.",
        ],
        "registered_text": (f"{unit.name} đăng ký {len(reg.entries)} mô hình, tập thể, cá nhân điển hình tiên "
                            f"tiến, gồm {counts.get('mô hình', 0)} mô hình, {counts.get('tập thể', 0)} tập thể "
                            f"và {counts.get('cá nhân', 0)} cá nhân (danh sách tại Phụ lục I kèm theo)."
                            + "".join(" " + x for x in _decided_sentences(province, reg, decided))),
        "exemplars": [_entry(e, i) for i, e in enumerate(reg.entries, start=1)],
        "emulation_text": ("Phát động các tập thể, cá nhân trong đơn vị thi đua cùng các điển hình đã đăng ký; "
                           "tổ chức tham quan, học tập kinh nghiệm; biểu dương, giới thiệu các điển hình trên "
                           "các phương tiện thông tin đại chúng."),
        "time_text": (f"Từ ngày ban hành Kế hoạch đến ngày 31 tháng 12 năm {year}; sơ kết, đánh giá kết quả "
                      f"vào dịp kỷ niệm ngày truyền thống của đơn vị."),
        "funding": plan.funding,
        "assignments": [{"number": i, "who": fill(who, words), "task": fill(task[:1].upper() + task[1:], words)}
                        for i, (who, task) in enumerate(plan.assignments.get(unit.plan_role, ()), start=1)],
        "closing": (f"Trên đây là Kế hoạch bồi dưỡng, nhân rộng gương điển hình tiên tiến năm {year} của "
                    f"{unit.name}./."),
        "recipients": _recipients(province, unit, unit.plan_role or "", words),
        "annex_title": f"DANH SÁCH ĐĂNG KÝ MÔ HÌNH, TẬP THỂ, CÁ NHÂN ĐIỂN HÌNH TIÊN TIẾN NĂM {year}",
    })
    return ctx


GROUP_TITLES = {
    "district": "UBND CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ",
    "cluster": "CÁC CỤM, KHỐI THI ĐUA CỦA TỈNH",
    "movement_agency": "CÁC CƠ QUAN, ĐƠN VỊ CHỦ TRÌ PHONG TRÀO THI ĐUA",
    "enterprise": "CÁC DOANH NGHIỆP THUỘC KHỐI THI ĐUA DOANH NGHIỆP",
}


def bc_context(province: Province, year: int, registrations: dict[str, Registration],
               findings: list[Finding]) -> dict:
    """The board's report on the year's registrations, the province-wide list (with the checks' notes per row)
    as its annex."""
    board = province.unit(province.plan.board)
    notes: dict[tuple[str, int | None], list[str]] = {}
    late = {f.unit for f in findings if f.rule == "TRE_HAN"}
    for f in findings:
        if f.rule == "TRUNG_LAP":
            notes.setdefault((f.unit, f.row), []).append("Đăng ký trùng với đơn vị khác")
    groups, total, units, counts = [], 0, 0, []
    for role, title in GROUP_TITLES.items():
        quota = province.plan.quotas.get(role)
        if quota is None or quota.send_to != board.code:
            continue
        entries, senders = [], 0
        for code, reg in registrations.items():
            unit = province.unit(code)
            if unit.plan_role != role:
                continue
            units, senders = units + 1, senders + 1
            for e in reg.entries:
                row = _entry(e, len(entries) + 1)
                note = list(notes.get((code, e.row), []))
                if code in late:
                    note.append(f"Gửi trễ hạn ({short_date(reg.sent)})")
                row.update({"registrant": unit.name, "note": "; ".join(note)})
                entries.append(row)
        if entries:
            groups.append({"title": f"{roman(len(groups) + 1)}. {title}", "entries": entries})
            total += len(entries)
            counts.append(f"- {quota.label}: {senders} đơn vị, {len(entries)} mô hình, tập thể, cá nhân")
    plan = province.plan
    duplicates = sum(1 for f in findings if f.rule == "TRUNG_LAP")
    late_names = sorted(province.unit(u).name for u in late if u in province.units)
    remarks = []
    if late_names:
        remarks.append(f"Có {len(late_names):02d} đơn vị gửi danh sách trễ hạn ({', '.join(late_names)}).")
    if duplicates:
        remarks.append(f"Có {duplicates:02d} lượt đăng ký trùng (một mô hình, tập thể, cá nhân được hơn một đơn vị "
                       f"đăng ký), đã ghi chú trong danh sách để các đơn vị thống nhất.")
    ctx = heading(board, year, "BC")
    ctx.update({
        "summary": f"Kết quả đăng ký mô hình, tập thể, cá nhân điển hình tiên tiến năm {year}",
        "intro": (f"Thực hiện Kế hoạch số {plan.notation} {vn_date(plan.date)} của {plan.issuer}, Sở Nội vụ báo cáo "
                  f"kết quả đăng ký năm {year}: {units} cơ quan, đơn vị, địa phương đăng ký {total} mô hình, tập "
                  f"thể, cá nhân điển hình tiên tiến (danh sách tại Phụ lục kèm theo), gồm:"),
        "group_counts": punctuate_list(counts),
        "remarks": remarks,
        "closing": "Sở Nội vụ báo cáo Ủy ban nhân dân tỉnh./.",
        "annex_title": f"DANH SÁCH MÔ HÌNH, TẬP THỂ, CÁ NHÂN ĐIỂN HÌNH TIÊN TIẾN ĐĂNG KÝ NĂM {year}",
        "groups": groups,
        "total_line": f"Tổng cộng: {total} mô hình, tập thể, cá nhân.",
        "recipients": _recipients(province, board, "board", wording(province, board, dt.date(year, 1, 1))),
    })
    return ctx


def addressee(province: Province, unit: Unit) -> str:
    """Whom a unit's list goes to: its superior (a commune's district) or the board, as the plan says."""
    quota = province.plan.quotas[unit.plan_role]
    if quota.send_to == "parent":
        return province.unit(unit.parent).name
    board = province.unit(quota.send_to)
    return f"{board.name} (Ban Thi đua - Khen thưởng)" if board.code == province.plan.board else board.name


def cv_context(province: Province, reg: Registration, plan_notation: str, plan_day: dt.date,
               day: dt.date) -> dict:
    """The unit's cover letter (công văn) sending its registration list and its issued cultivation plan upward:
    `plan_notation` and `plan_day` are the plan's number and date from the register."""
    unit, plan = province.unit(reg.unit), province.plan
    counts = Counter(e.kind for e in reg.entries)
    to = addressee(province, unit)
    ctx = heading(unit, day.year, "CV")
    ctx.update({
        "office_abbr": unit.drafting_abbr,
        "subject": f"đăng ký gương điển hình tiên tiến năm {reg.year}",
        "addressee": to,
        "paragraphs": [
            f"Thực hiện Kế hoạch số {plan.notation} {vn_date(plan.date)} của {plan.issuer} về {plan.title}, "
            f"{unit.name} đăng ký {len(reg.entries)} mô hình, tập thể, cá nhân điển hình tiên tiến năm {reg.year}, "
            f"gồm {counts.get('mô hình', 0)} mô hình, {counts.get('tập thể', 0)} tập thể và "
            f"{counts.get('cá nhân', 0)} cá nhân.",
            f"{unit.name} gửi kèm theo Công văn này Kế hoạch số {plan_notation} {vn_date(plan_day)} về bồi dưỡng, "
            f"nhân rộng gương điển hình tiên tiến năm {reg.year} (danh sách đăng ký tại Phụ lục I của Kế hoạch).",
        ],
        "closing": f"Kính đề nghị {to} xem xét, tổng hợp./.",
        "recipients": punctuate_list(["- Như trên", f"- Lưu: VT, {unit.drafting_abbr}"]),
    })
    return ctx
