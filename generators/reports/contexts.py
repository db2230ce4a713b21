"""The summary report's context (spec 04 §5): every figure from Statistics, the words around them fixed.

One report serves both reviews: the annual review (sơ kết) of one year and the final review (tổng kết) of the
plan's period; tables are grouped by year, so they hold one year or four alike.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generators.core.model import Province, Unit
from generators.core.text import vn_date
from generators.documents.heading import heading, punctuate_list
from generators.documents.render import Picture
from generators.reports.charts import Series, bar_chart, line_chart, printed_width_mm
from generators.reports.hierarchy import LEVELS
from generators.reports.statistics import AWARD_LEVELS, Statistics
from generators.workbooks.awards_book import FORM_ISSUERS

REFORM_DAY = dt.date(2025, 7, 1)


@dataclass(frozen=True)
class Review:
    """Which review: who reports, on which years, dated when."""

    issuer: Unit
    years: tuple[int, ...]
    day: dt.date  # the day the report is drafted (its data's last day)
    recipients: tuple[str, ...]
    scope: str | None = None  # a unit's own review: its records and its subordinates'; None: the province's

    @property
    def final(self) -> bool:
        return len(self.years) > 1

    @property
    def period(self) -> str:
        return f"giai đoạn {self.years[0]} - {self.years[-1]}" if self.final else f"năm {self.years[0]}"


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}".replace(".", ",") if whole else "0"


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def review_context(province: Province, stats: Statistics, review: Review, charts_dir: Path) -> dict:
    issuer, years, plan = review.issuer, review.years, province.plan
    ctx = heading(issuer, review.day.year, "BC")
    word = "Tổng kết" if review.final else "Sơ kết"
    total = {k: sum(stats.value(f"{k}.{y}") for y in years) for k in ("dang-ky", "boi-duong", "duoc-khen",
                                                                      "khen-thuong")}
    by_year = [{"year": y, "registered": _n(stats.value(f"dang-ky.{y}")), "fostered": _n(stats.value(f"boi-duong.{y}")),
                "commended": _n(stats.value(f"duoc-khen.{y}")),
                "rate": _share(stats.value(f"duoc-khen.{y}"), stats.value(f"dang-ky.{y}"))} for y in years]
    by_year.append({"year": "Cộng", "registered": _n(total["dang-ky"]), "fostered": _n(total["boi-duong"]),
                    "commended": _n(total["duoc-khen"]), "rate": _share(total["duoc-khen"], total["dang-ky"])})
    charts = _charts(stats, review, charts_dir)
    late = [f for y in years for f in [stats.figures.get(f"tre-han.{y}")] if f]
    off = [f for y in years for f in [stats.figures.get(f"ngoai-chi-tieu.{y}")] if f]
    unsent = [f for y in years for f in [stats.figures.get(f"chua-gui.{y}")] if f]
    reform = review.final and years[0] < REFORM_DAY.year <= years[-1]
    where = f"{issuer.name} và các đơn vị trực thuộc" if review.scope else "toàn tỉnh"
    ctx.update({
        "summary": f"{word} công tác phát hiện, bồi dưỡng, nhân rộng gương điển hình tiên tiến {review.period}",
        "intro": (f"Thực hiện Kế hoạch số {plan.notation} {vn_date(plan.date)} của {plan.issuer} về {plan.title}, "
                  f"{issuer.name} báo cáo {word.lower()} công tác phát hiện, bồi dưỡng, nhân rộng gương điển hình "
                  f"tiên tiến {review.period} như sau:"),
        "reform_note": ("Từ ngày 01/7/2025, tỉnh Bạc Liêu và tỉnh Cà Mau hợp nhất thành tỉnh Cà Mau và kết thúc hoạt "
                        "động của đơn vị hành chính cấp huyện (Nghị quyết số 202/2025/QH15). Số liệu của các huyện, "
                        "thị xã, thành phố được tổng hợp đến ngày 30/6/2025; số liệu từ ngày 01/7/2025 tính theo đơn "
                        "vị hành chính cấp xã mới trực thuộc tỉnh." if reform else ""),
        "leadership": [
            f"Các cơ quan, đơn vị, địa phương đã xây dựng kế hoạch bồi dưỡng, nhân rộng điển hình tiên tiến hằng năm; "
            f"{_n(_units_with_plans(stats, years))} lượt danh sách đăng ký được đưa vào kế hoạch bồi dưỡng.",
            "Việc đăng ký, theo dõi và tổng hợp được thực hiện trên phần mềm; mọi số liệu trong báo cáo này được "
            "tính từ danh sách đăng ký của các đơn vị và sổ khen thưởng (nguồn ghi tại Phụ lục).",
        ],
        "results_text": (f"{review.period[:1].upper() + review.period[1:]}, {where} có {_n(total['dang-ky'])} lượt mô hình, tập thể, cá "
                         f"nhân điển hình tiên tiến được đăng ký; {_n(total['boi-duong'])} lượt được đưa vào kế hoạch "
                         f"bồi dưỡng, nhân rộng; {_n(total['duoc-khen'])} lượt đã được khen thưởng "
                         f"({_share(total['duoc-khen'], total['dang-ky'])}% số lượt đăng ký)."),
        "by_year": by_year,
        "chart_results": charts[0], "chart_results_caption": f"Kết quả phát hiện, bồi dưỡng, khen "
                                                             f"thưởng điển hình tiên tiến {review.period}",
        "chart_levels": charts[1], "chart_levels_caption": f"Số lượt đăng ký theo cấp {review.period}",
        "level_groups": _grouped(stats, years, "dang-ky", "cap", list(LEVELS.values())),
        "kind_groups": _grouped(stats, years, "dang-ky", "loai", [k.capitalize() for k in plan.kinds]),
        "field_rows": _over_period(stats, years, "dang-ky", "linh-vuc"),
        "award_groups": _award_groups(stats, years),
        "award_text": (f"{review.period.capitalize()}, {_n(total['khen-thuong'])} lượt tập thể, cá nhân được khen "
                       f"thưởng (theo sổ khen thưởng); chi tiết theo hình thức và cấp khen thưởng tại bảng dưới đây."),
        "communication": ("Các điển hình tiên tiến được giới thiệu trên Báo, Đài Phát thanh - Truyền hình, cổng thông "
                          "tin điện tử của tỉnh và của các cơ quan, đơn vị; tổ chức tham quan, học tập kinh nghiệm "
                          "tại các mô hình hiệu quả."),
        "strengths": ("Công tác phát hiện, bồi dưỡng điển hình được các cấp, các ngành quan tâm; số lượt đăng ký và "
                      "số điển hình được khen thưởng được theo dõi thống nhất, không còn tổng hợp thủ công."),
        "limits": _limits(late, off, unsent),
        "lessons": ("Gắn việc bồi dưỡng điển hình với nhiệm vụ chính trị của từng đơn vị; theo dõi điển hình từ khi "
                    "đăng ký đến khi được khen thưởng; kịp thời biểu dương, nhân rộng."),
        "directions": [
            "Tiếp tục phát hiện, bồi dưỡng, nhân rộng các điển hình tiên tiến trên các lĩnh vực, nhất là ở cơ sở.",
            "Các địa phương sau sắp xếp đơn vị hành chính kế thừa, tiếp tục theo dõi các điển hình do đơn vị cũ đăng ký."
            if reform else "Các đơn vị gửi danh sách đăng ký đúng thời hạn, đúng số lượng theo kế hoạch.",
        ],
        "closing": f"Trên đây là báo cáo {word.lower()} công tác phát hiện, bồi dưỡng, nhân rộng gương điển hình "
                   f"tiên tiến {review.period} của {issuer.name}./.",
        "recipients": punctuate_list([f"- {r}" for r in review.recipients] + [f"- Lưu: VT, {issuer.drafting_abbr}"]),
        "annex_title": f"SỐ LƯỢT ĐĂNG KÝ THEO ĐỊA BÀN {review.period.upper()}",
        "area_groups": _area_groups(stats, years),
        "annex2_title": f"DANH SÁCH ĐIỂN HÌNH ĐĂNG KÝ ĐÃ ĐƯỢC KHEN THƯỞNG {review.period.upper()}",
        "annex3_title": f"SỐ LƯỢT ĐĂNG KÝ CỦA CẤP XÃ THEO ĐƠN VỊ HÀNH CHÍNH TẠI NGÀY {review.day:%d/%m/%Y}",
        "successor_rows": _successor_rows(stats, years),
        "commended": [{"no": i, "name": r.text, "year": r.day.year, "source": f"{Path(r.source).name}, dòng {r.row}"}
                      for i, r in enumerate((r for y in years for r in stats.figures[f"duoc-khen.{y}"].records
                                             if f"duoc-khen.{y}" in stats.figures), start=1)],
    })
    return ctx


def _units_with_plans(stats: Statistics, years) -> int:
    return len({(y, r.unit) for y in years if f"boi-duong.{y}" in stats.figures
                for r in stats.figures[f"boi-duong.{y}"].records})


def _grouped(stats: Statistics, years, measure: str, by: str, order: list[str]) -> list[dict]:
    """Per year, one row per label in `order` that the year has, with its share of the year's total."""
    groups = []
    for y in years:
        total = stats.value(f"{measure}.{y}")
        found = {f.label: f for f in stats.under(f"{measure}.{y}.{by}")}
        rows = [{"label": label, "value": _n(found[label].value), "share": _share(found[label].value, total)}
                for label in order if label in found]
        if rows:
            groups.append({"title": f"Năm {y}", "rows": rows})
    return groups


def _over_period(stats: Statistics, years, measure: str, by: str) -> list[dict]:
    sums: dict[str, int] = {}
    for y in years:
        for f in stats.under(f"{measure}.{y}.{by}"):
            sums[f.label] = sums.get(f.label, 0) + f.value
    total = sum(sums.values())
    return [{"label": k, "value": _n(v), "share": _share(v, total)} for k, v in sorted(sums.items(), key=lambda kv: -kv[1])]


def _award_groups(stats: Statistics, years) -> list[dict]:
    groups = []
    for y in years:
        rows = [{"label": f.label, "level": AWARD_LEVELS[FORM_ISSUERS[f.label][0]], "value": _n(f.value)}
                for f in stats.under(f"khen-thuong.{y}.hinh-thuc")]
        if rows:
            groups.append({"title": f"Năm {y}", "rows": rows})
    return groups


def _area_groups(stats: Statistics, years) -> list[dict]:
    groups = []
    for y in years:
        rows = [{"label": f.label, "value": _n(f.value)} for f in
                sorted(stats.under(f"dang-ky.{y}.dia-ban"), key=lambda f: (f.label.startswith("Trực thuộc"), f.label))]
        if rows:
            groups.append({"title": f"Năm {y}", "rows": rows})
    return groups


def _successor_rows(stats: Statistics, years) -> list[dict]:
    """Each commune in office on the report's day with the registrations of the communes merged into it, over
    the period (records counted under the commune that carries their duties now)."""
    sums: dict[str, tuple[str, int]] = {}
    for y in years:
        for f in stats.under(f"xa-hien-nay.{y}"):
            code = f.key.rsplit(".", 1)[1]
            label, n = sums.get(code, (f.label, 0))
            sums[code] = (label, n + f.value)
    return [{"no": i, "label": label, "value": _n(n)}
            for i, (label, n) in enumerate(sorted(sums.values()), start=1)]


def _limits(late, off, unsent) -> str:
    parts = []
    if late:
        parts.append(f"{sum(f.value for f in late)} lượt đơn vị gửi danh sách trễ hạn")
    if off:
        parts.append(f"{sum(f.value for f in off)} lượt đơn vị đăng ký ngoài số lượng theo kế hoạch")
    if unsent:
        parts.append(f"{sum(f.value for f in unsent)} lượt đơn vị chưa gửi danh sách")
    if not parts:
        return "Không có đơn vị gửi trễ hạn hoặc đăng ký ngoài số lượng theo kế hoạch."
    return "Còn " + "; ".join(parts) + " (chi tiết theo kết quả kiểm tra từng năm)."


def _charts(stats: Statistics, review: Review, folder: Path) -> tuple[Picture, Picture]:
    years = review.years
    labels = [str(y) for y in years]
    first = bar_chart(folder / "bieu-do-ket-qua.png", "Kết quả phát hiện, bồi dưỡng, khen thưởng điển hình", labels, [
        Series("Đăng ký", tuple(stats.value(f"dang-ky.{y}") for y in years)),
        Series("Bồi dưỡng", tuple(stats.value(f"boi-duong.{y}") for y in years)),
        Series("Được khen thưởng", tuple(stats.value(f"duoc-khen.{y}") for y in years))], "Số lượt")
    levels = [lv for lv in LEVELS.values() if any(f.label == lv for y in years for f in stats.under(f"dang-ky.{y}.cap"))]

    def count(y, lv):
        return next((f.value for f in stats.under(f"dang-ky.{y}.cap") if f.label == lv), 0)

    series = [Series(lv, tuple(count(y, lv) for y in years)) for lv in levels]
    draw = line_chart if review.final else bar_chart
    second = draw(folder / "bieu-do-theo-cap.png", "Số lượt đăng ký theo cấp", labels, series, "Số lượt")
    return Picture(first, printed_width_mm(first)), Picture(second, printed_width_mm(second))
