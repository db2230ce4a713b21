"""Issue 12: summary reports. Every figure of the generated final review equals a count made here from the raw
workbooks and YAML (never through the statistics module); the 2025 reform splits a year's figures by the
hierarchy in force on each record's date; charts read with their diacritics on the rendered page."""
from __future__ import annotations

import datetime as dt
import subprocess
import unicodedata
from collections import Counter

import openpyxl
import pytest
import yaml
from docx import Document

from generators.core.config import load_province
from generators.core.errors import DataError
from generators.documents.layout_rules import check_docx
from generators.documents.render import render_docx, template_path
from generators.reports.contexts import review_context
from generators.workbooks.awards_book import load_book, write_book
from thidua.settings import Settings
from thidua.workflows.reports import final_review, statistics

from .conftest import DATA

YEARS = (2022, 2023, 2024, 2025)
REFORM = dt.date(2025, 7, 1)
LEVEL_OF_ROLE = {"commune": "Cấp xã", "district": "Cấp huyện", "movement_agency": "Cấp tỉnh",
                 "cluster": "Cụm, Khối thi đua", "enterprise": "Doanh nghiệp"}


# ------------------------------------------------------------------ the raw data, read here

def _key(text) -> str:
    return " ".join(unicodedata.normalize("NFC", str(text or "")).casefold().split())


def _day(value):
    return value.date() if isinstance(value, dt.datetime) else value


def raw_units() -> dict:
    return {u["code"]: u for u in yaml.safe_load((DATA / "province.yaml").read_text(encoding="utf-8"))["units"]}


def raw_plan() -> dict:
    return yaml.safe_load((DATA / "plan.yaml").read_text(encoding="utf-8"))


def raw_lists(year: int) -> list[dict]:
    """Each workbook of the year: unit, sending day and its rows, straight from the cells."""
    out = []
    for path in sorted((DATA / "registrations" / str(year)).glob("*.xlsx")):
        ws = openpyxl.load_workbook(path)["Danh sách"]
        info = {str(r[0].value).strip(): r[2].value for r in ws.iter_rows(min_row=1, max_row=6) if r[0].value}
        header = next(r[0].row for r in ws.iter_rows() if r[0].value == "STT")
        names = [c.value for c in ws[header]]
        rows = [dict(zip(names, (c.value for c in r)), _row=r[0].row) for r in ws.iter_rows(min_row=header + 1)
                if r[1].value]
        out.append({"unit": info["Mã đơn vị:"], "sent": _day(info["Ngày gửi danh sách:"]), "rows": rows,
                    "file": path.name})
    return out


def raw_book() -> list[dict]:
    ws = openpyxl.load_workbook(DATA / "commendation" / "so-khen-thuong.xlsx")["Sổ khen thưởng"]
    names = [c.value for c in ws[2]]
    return [dict(zip(names, (c.value for c in r))) for r in ws.iter_rows(min_row=3) if r[0].value]


def _identity(kind, name, birth, position):
    return (_key(name), _day(birth), _key(position)) if kind == "cá nhân" else (_key(name), _key(position))


def expected(year: int, period_end: dt.date = dt.date(YEARS[-1], 12, 31)) -> dict:
    """The year's figures, counted from the raw files by the definitions the report states (commended: by the
    end of the report's period)."""
    units, plan = raw_units(), raw_plan()
    decided = {(d["unit"], d["rule"]) for d in (yaml.safe_load(p.read_text(encoding="utf-8"))["decisions"]
               for p in [DATA / "registrations" / str(year) / "decisions.yaml"] if p.exists()) for d in d}
    book = raw_book()
    commended = {}
    for b in book:
        commended.setdefault(_identity(b["Loại"], b["Tên tập thể, cá nhân"], b["Ngày sinh"],
                                       b["Chức vụ, đơn vị công tác"]), []).append(_day(b["Ngày quyết định"]))
    out = Counter()
    for lst in raw_lists(year):
        unit = units[lst["unit"]]
        role = unit.get("plan_role")
        quota = plan["quotas"].get(role)
        valid = (not unit.get("valid_from") or str(lst["sent"]) >= unit["valid_from"]) and \
                (not unit.get("valid_to") or str(lst["sent"]) <= unit["valid_to"])
        open_findings = set()
        if quota:
            month, day = map(int, str((quota.get("deadlines") or {}).get(year, quota["deadline"])).split("-"))
            if lst["sent"] > dt.date(year, month, day):
                open_findings.add("TRE_HAN")
                out["late"] += 1
            n = len(lst["rows"])
            if quota.get("max") is not None and n > quota["max"]:
                open_findings.add("VUOT_SO_LUONG")
            if n < quota["min"]:
                open_findings.add("THIEU_SO_LUONG")
        fostered = quota is not None and valid and all((lst["unit"], f) in decided for f in open_findings)
        for r in lst["rows"]:
            out["registered"] += 1
            out[("level", LEVEL_OF_ROLE[role])] += 1
            out[("kind", r["Loại"].capitalize())] += 1
            out[("field", r["Lĩnh vực"])] += 1
            out["fostered"] += fostered
            days = commended.get(_identity(r["Loại"], r["Tên mô hình, tập thể, cá nhân"], r["Ngày sinh"],
                                           r["Chức vụ, đơn vị công tác"]), [])
            out["commended"] += any(lst["sent"] <= d <= period_end for d in days)
    for b in book:
        if _day(b["Ngày quyết định"]).year == year:
            out[("form", b["Hình thức khen thưởng"])] += 1
    return out


# ------------------------------------------------------------------ the generated report, read back

@pytest.fixture(scope="module")
def final_docx(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("final")
    settings = Settings(data=DATA, out=tmp)
    province = load_province(DATA)
    review = final_review(province, YEARS, dt.date(2025, 10, 20))
    ctx = review_context(province, statistics(settings, YEARS, province, as_of=review.day), review, tmp / "charts")
    return render_docx(template_path("BC-TK"), ctx, tmp / "BC-TK.docx")


def _int(text: str) -> int:
    return int(text.replace(".", ""))


def _table(doc, *headers: str):
    """The table whose header row starts with `headers`."""
    return next(t for t in doc.tables if [c.text.strip() for c in t.rows[0].cells][:len(headers)] == list(headers))


def _grouped(table) -> dict[int, dict[str, list[str]]]:
    """{year: {label: [other cells]}} from a table whose groups open with a «Năm <year>» row."""
    out, year = {}, None
    for row in table.rows[1:]:
        cells = [c.text.strip() for c in row.cells]
        if len(set(cells)) == 1 and cells[0].startswith("Năm "):
            year = int(cells[0].removeprefix("Năm "))
            out[year] = {}
        elif year is not None:
            out[year][cells[0]] = cells[1:]
    return out


def test_every_figure_of_the_final_review_equals_an_independent_count(final_docx):
    doc = Document(final_docx)
    want = {y: expected(y) for y in YEARS}
    by_year = {r.cells[0].text.strip(): [c.text.strip() for c in r.cells[1:]] for r in _table(doc, "Năm").rows[1:]}
    for y in YEARS:
        registered, fostered, commended, _ = by_year[str(y)]
        assert (_int(registered), _int(fostered), _int(commended)) == \
            (want[y]["registered"], want[y]["fostered"], want[y]["commended"]), y
    assert _int(by_year["Cộng"][0]) == sum(w["registered"] for w in want.values())
    assert want[2022]["fostered"] < want[2022]["registered"]  # the late list without a decision is not fostered
    for header, measure in (("Cấp", "level"), ("Loại", "kind")):
        for y, rows in _grouped(_table(doc, header)).items():
            assert {label: _int(cells[0]) for label, cells in rows.items()} == \
                {k[1]: v for k, v in want[y].items() if isinstance(k, tuple) and k[0] == measure}, (header, y)
    fields = {r.cells[0].text.strip(): _int(r.cells[1].text.strip()) for r in _table(doc, "Lĩnh vực").rows[1:]}
    assert fields == dict(sum((Counter({k[1]: v for k, v in w.items() if isinstance(k, tuple) and k[0] == "field"})
                               for w in want.values()), Counter()))
    awards = _grouped(_table(doc, "Hình thức khen thưởng"))
    for y in YEARS:
        assert {label: _int(cells[1]) for label, cells in awards[y].items()} == \
            {k[1]: v for k, v in want[y].items() if isinstance(k, tuple) and k[0] == "form"}, y
    commended_rows = _table(doc, "STT", "Tên điển hình (đơn vị đăng ký)").rows[1:]
    assert len(commended_rows) == sum(w["commended"] for w in want.values())
    text = "\n".join(p.text for p in doc.paragraphs)
    total = sum(w["registered"] for w in want.values())
    assert f"có {total:,} lượt".replace(",", ".") in text


def test_every_figure_of_the_annual_review_equals_an_independent_count(tmp_path):
    from thidua.workflows.reports import annual_review

    settings = Settings(data=DATA, out=tmp_path)
    province = load_province(DATA)
    ctx = review_context(province, statistics(settings, (2024,), province), annual_review(province, 2024),
                         tmp_path / "charts")
    doc = Document(render_docx(template_path("BC-TK"), ctx, tmp_path / "SK.docx"))
    want = expected(2024, dt.date(2024, 12, 31))  # commended within the year reviewed
    row = next([c.text.strip() for c in r.cells] for r in _table(doc, "Năm").rows if r.cells[0].text.strip() == "2024")
    assert [_int(x) for x in row[1:4]] == [want["registered"], want["fostered"], want["commended"]]
    assert want["commended"] < expected(2024)["commended"]  # some of 2024's exemplars were commended in 2025
    for header, measure in (("Cấp", "level"), ("Loại", "kind")):
        rows = _grouped(_table(doc, header))[2024]
        assert {label: _int(cells[0]) for label, cells in rows.items()} == \
            {k[1]: v for k, v in want.items() if isinstance(k, tuple) and k[0] == measure}
    awards = _grouped(_table(doc, "Hình thức khen thưởng"))[2024]
    assert {label: _int(cells[1]) for label, cells in awards.items()} == \
        {k[1]: v for k, v in want.items() if isinstance(k, tuple) and k[0] == "form"}


def test_a_2025_figure_counts_a_commune_under_its_district_before_the_reform_and_under_the_province_after(
        final_docx):
    units = raw_units()
    want = Counter()
    for lst in raw_lists(2025):
        unit = units[lst["unit"]]
        if unit.get("plan_role") == "district":
            area = unit["name"]
        elif unit.get("plan_role") == "commune" and lst["sent"] < REFORM:
            assert units[unit["parent"]]["valid_to"] == "2025-06-30"
            area = units[unit["parent"]]["name"]  # under its district
        elif lst["sent"] >= REFORM:
            area = "Ủy ban nhân dân tỉnh Cà Mau"  # a merged commune, under the province after the reform
        else:
            area = "Ủy ban nhân dân tỉnh Bạc Liêu"
        want[area.removeprefix("Ủy ban nhân dân ").casefold()] += len(lst["rows"])
    after = sum(len(lst["rows"]) for lst in raw_lists(2025) if lst["sent"] >= REFORM)
    assert after > 0 and any(lst["sent"] < REFORM and units[lst["unit"]].get("plan_role") == "commune"
                             for lst in raw_lists(2025))
    annex = _grouped(_table(Document(final_docx), "Địa bàn (theo đơn vị hành chính tại ngày đăng ký)"))[2025]
    got = {label.split(" (đến")[0].removeprefix("Trực thuộc ").casefold(): _int(cells[0])
           for label, cells in annex.items()}
    assert got == dict(want)
    assert got["tỉnh cà mau"] == after
    assert all("(đến 30/06/2025)" in label for label in annex if label.startswith(("Huyện", "Thị xã", "Thành phố")))


def test_merged_communes_are_followed_through_their_successor_links(final_docx):
    units, day = raw_units(), "2025-10-20"
    want = Counter()
    for y in YEARS:
        for lst in raw_lists(y):
            unit = units[lst["unit"]]
            if unit.get("plan_role") != "commune":
                continue
            while unit.get("valid_to") and unit["valid_to"] < day:  # ended: its successor carries its duties
                unit = units[unit["successor"]]
            want[unit["name"].removeprefix("Ủy ban nhân dân ")] += len(lst["rows"])
    table = _table(Document(final_docx), "STT", "Đơn vị cấp xã (kế thừa các xã, phường, thị trấn đã sáp nhập)")
    got = {r.cells[1].text.strip().lower(): _int(r.cells[2].text.strip()) for r in table.rows[1:]}
    assert got == {k.lower(): v for k, v in want.items()}
    assert got["phường bạc liêu"] > 0  # the former wards 1, 2, 3 of Bạc Liêu city under the merged ward


def test_a_unit_review_counts_its_own_and_its_communes_records(tmp_path):
    from thidua.workflows.reports import unit_review

    settings = Settings(data=DATA, out=tmp_path)
    province = load_province(DATA)
    review = unit_review(province, "HD", 2024)
    stats = statistics(settings, (2024,), province, scope="HD")
    path = render_docx(template_path("BC-TK"), review_context(province, stats, review, tmp_path / "charts"),
                       tmp_path / "SK-HD.docx")
    units = raw_units()
    own = sum(len(lst["rows"]) for lst in raw_lists(2024)
              if lst["unit"] == "HD" or units[lst["unit"]].get("parent") == "HD")
    doc = Document(path)
    row = next(r for r in _table(doc, "Năm").rows if r.cells[0].text.strip() == "2024")
    assert _int(row.cells[1].text.strip()) == own
    assert "Ủy ban nhân dân huyện Hồng Dân và các đơn vị trực thuộc có" in " ".join(p.text for p in doc.paragraphs)
    assert check_docx(path) == []


def test_the_final_review_passes_the_layout_rules(final_docx):
    assert check_docx(final_docx) == []


def test_charts_are_embedded_at_print_resolution_in_grey(final_docx):
    """Each picture's pixels over the size the DOCX places it at: at least 300 dpi; grey levels only."""
    import io

    from PIL import Image

    doc = Document(final_docx)
    shapes = doc.inline_shapes
    assert len(shapes) == 2
    for shape in shapes:
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip.embed
        with Image.open(io.BytesIO(doc.part.related_parts[blip].blob)) as image:
            assert image.mode == "L"
            assert image.width / (shape.width / 914400) >= 299.5, image.width / (shape.width / 914400)


def test_explain_prints_the_records_a_figure_counts(capsys):
    from thidua.cli import main

    assert main(["--data", str(DATA), "stats", "--year", "2025", "--explain", "dang-ky.2025.dia-ban.UBND-CM"]) == 0
    out = capsys.readouterr().out
    late = [lst for lst in raw_lists(2025) if lst["sent"] >= REFORM]
    lines = [line for line in out.splitlines() if line.strip()[:1].isdigit()]
    assert len(lines) == sum(len(lst["rows"]) for lst in late)
    for lst in late:
        for r in lst["rows"]:
            assert any(f"{lst['file']}, trang tính «Danh sách», dòng {r['_row']}: {r['Tên mô hình, tập thể, cá nhân']}"
                       in line for line in lines)
    assert main(["--data", str(DATA), "stats", "--explain", "dang-ky.2031"]) != 0
    assert "Không có số liệu «dang-ky.2031»" in capsys.readouterr().err


def test_the_commendation_book_refuses_an_award_no_body_could_give_that_day(tmp_path):
    province = load_province(DATA)
    rows = [{"decision": "30/QĐ-UBND", "day": dt.date(2025, 9, 1), "issuer": "HD",
             "form": "Giấy khen của Chủ tịch UBND cấp huyện", "kind": "cá nhân", "name": "Lê Văn Thử",
             "birth": dt.date(1980, 1, 2), "position": "Công chức"},
            {"decision": "31/QĐ-UBND", "day": dt.date(2024, 9, 1), "issuer": "HD-XNINHQUOI",
             "form": "Bằng khen của Chủ tịch UBND tỉnh", "kind": "tập thể", "name": "Ấp Nội Ô",
             "birth": None, "position": "Xã Ninh Quới"}]
    path = tmp_path / "so-khen-thuong.xlsx"
    write_book(path, rows)
    with pytest.raises(DataError) as err:
        load_book(path, province)
    problems = err.value.problems
    assert [(p.sheet, p.row, p.column) for p in problems] == [("Sổ khen thưởng", 3, "C"), ("Sổ khen thưởng", 4, "D")]
    assert "không còn hoặc chưa hoạt động ngày 01/09/2025" in problems[0].message
    assert "không tặng «Bằng khen của Chủ tịch UBND tỉnh»" in problems[1].message


def _caption_top(pdf, page: int, number: str) -> float:
    """The top (pt) of the caption «Biểu đồ <number>.» on a page, from poppler's word boxes."""
    import re

    words = re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>',
                       subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                                      capture_output=True, text=True, check=True).stdout)
    return next(float(y) for i, (y, w) in enumerate(words) if w == "Biểu" and words[i + 1][1] == "đồ"
                and words[i + 2][1] == f"{number}.")


@pytest.mark.slow
def test_chart_labels_read_with_their_diacritics_on_the_rendered_page(final_docx, tmp_path):
    """The PDF the converter makes, rendered by poppler at print resolution; the chart alone (the area above its
    caption, as tall as the picture) read by tesseract's Vietnamese model: the title and legends come back with
    their tone marks. (Case is not compared: the model reads a capital B as a small one; the y axis label is
    turned a quarter and not read.)"""
    from PIL import Image

    from generators.documents.convert import Converter

    pdf = tmp_path / "BC-TK.pdf"
    Converter(None).convert([(final_docx, pdf)])
    pages = int(next(line.split()[-1] for line in subprocess.run(["pdfinfo", str(pdf)], capture_output=True,
                                                                   text=True).stdout.splitlines()
                     if line.startswith("Pages:")))
    read = {}
    for number, chart in (("1", "bieu-do-ket-qua.png"), ("2", "bieu-do-theo-cap.png")):
        page = next(n for n in range(1, pages + 1) if f"Biểu đồ {number}." in subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True, text=True).stdout)
        png = tmp_path / f"page-{page}"
        subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", "-f", str(page), "-l", str(page),
                        str(pdf), str(png)], check=True)
        with Image.open(final_docx.parent / "charts" / chart) as picture:
            height_pt = picture.height / 300 * 72  # placed at its own size at 300 dpi
        bottom = _caption_top(pdf, page, number)
        scale = 300 / 72
        with Image.open(f"{png}.png") as rendered:
            rendered.crop((0, int((bottom - height_pt - 6) * scale), rendered.width, int(bottom * scale))).save(
                tmp_path / f"chart-{number}.png")
        ocr = subprocess.run(["tesseract", str(tmp_path / f"chart-{number}.png"), "-", "-l", "vie", "--psm", "11"],
                             capture_output=True, text=True, check=True).stdout
        read[number] = " ".join(ocr.split()).casefold()
    for label in ("Kết quả phát hiện, bồi dưỡng, khen thưởng điển hình", "Bồi dưỡng", "Được khen thưởng"):
        assert label.casefold() in read["1"], (label, read["1"])
    for label in ("Số lượt đăng ký theo cấp", "Cấp xã", "Cấp huyện", "Cấp tỉnh"):
        assert label.casefold() in read["2"], (label, read["2"])
    assert "biểu đồ" not in read["1"] + read["2"]  # the crop holds the chart only, not its caption or the text
