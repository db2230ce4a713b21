"""The board's 2024 round: verdicts as documented, the decision's list and money, the dossier's documents."""
from __future__ import annotations

import re

import openpyxl
import pytest
from docx import Document as Docx

from generators.commendation.round import load_round
from generators.core.config import load_province
from generators.core.errors import DataError
from generators.core.vnwords import money_words
from generators.workbooks.reports import HEADER_ROW
from generators.documents.layout_rules import check_docx
from signing.verify import verify
from thidua.cli import main

from .conftest import DATA
from .signing_helpers import nss_db, pdfsig_accepts, pyhanko_validate, qpdf_ok

PASSWORD = b"mat-khau-khen-thuong"


def documented() -> list[tuple]:
    text = (DATA / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- verdicts-2024 -->(.*?)<!-- /verdicts-2024 -->", text, re.S).group(1)
    rows = []
    for line in block.strip().splitlines()[2:]:
        subject, award, eligible, votes, decided, _ = [c.strip() for c in line.strip("|").split("|")]
        rows.append((subject, award, eligible == "yes", votes, decided == "yes"))
    return rows


def test_verdicts_and_votes_equal_data_readme():
    rnd = load_round(DATA, 2024)
    got = [(c.verdict.proposal.subject, c.verdict.proposal.award, c.verdict.eligible,
            f"{c.vote.yes}/{c.vote.members}", c.awarded) for c in rnd.candidates]
    assert got == documented()


def test_eligibility_command_and_export(tmp_path, capsys):
    out = tmp_path / "xet.xlsx"
    assert main(["eligibility", "--year", "2024", "--xlsx", str(out)]) == 0
    text = capsys.readouterr().out
    assert "3 năm liên tục CSTĐCS: thiếu năm 2022" in text
    assert "đang bị thanh tra công vụ từ 15/04/2024: chưa xét khen thưởng" in text
    assert "Nghị định số 98/2023/NĐ-CP" in text and "152/2025" not in text
    rows = list(openpyxl.load_workbook(out).active.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    assert len(rows) == 13 and sum(r[9] == "Có" for r in rows) == 7
    assert {r[3] for r in rows} <= {u.name for u in load_province(DATA).units.values()}  # names, not codes


def test_a_vote_by_an_unknown_member_names_the_row(tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    path = data / "commendation" / "hoi-dong-2024.xlsx"
    wb = openpyxl.load_workbook(path)
    wb["Biểu quyết"]["C5"] = "Người Lạ"
    wb.save(path)
    with pytest.raises(DataError) as exc:
        load_round(data, 2024)
    [p] = exc.value.problems
    assert (p.sheet, p.row, p.column) == ("Biểu quyết", 5, "C") and "Người Lạ" in p.message


@pytest.fixture(scope="module")
def dossier(tmp_path_factory):
    from generators.core.config import load_province as _load
    from thidua.workflows.dossier import council_people, produce
    from thidua.workflows.pki import init_pki

    out = tmp_path_factory.mktemp("dossier")
    rnd = load_round(DATA, 2024)
    province = load_province(DATA)
    layout = init_pki(_load(DATA), out / "pki", PASSWORD, sorted({rnd.meta["board"], rnd.meta["decider"]}),
                      council_people(rnd))
    results = produce(province, rnd, out, layout, out / "2024" / "so-dang-ky-van-ban-di.sqlite", PASSWORD)
    return rnd, {doc.kind: doc for doc in results}, layout, out


def test_decision_lists_exactly_the_eligible_who_passed_the_vote(dossier):
    rnd, docs, layout, out = dossier
    doc = docs["QĐ"]
    table = Docx(str(doc.files.docx)).tables[-1]
    names = [row.cells[1].text for row in table.rows[1:]]
    expected = [s for s, _, eligible, _, decided in documented() if decided]
    by_id = {c.verdict.proposal.subject: c.verdict.subject.name for c in rnd.candidates}
    assert names == [by_id[s] for s in expected]


def test_money_in_figures_and_words(dossier):
    rnd, docs, layout, out = dossier
    doc = docs["QĐ"]
    word = Docx(str(doc.files.docx))
    rows = word.tables[-1].rows[1:]
    coefficients = {"Chiến sĩ thi đua cấp tỉnh": 3.0, "Tập thể lao động xuất sắc": 1.5,
                    "Cờ thi đua của Ủy ban nhân dân tỉnh": 8.0}
    total = 0
    for row in rows:
        coefficient = float(row.cells[4].text.replace(",", "."))
        amount = int(row.cells[5].text.replace(".", ""))
        assert amount == round(coefficient * 1_800_000)  # base salary on 5/6/2024
        if row.cells[3].text in coefficients:
            assert coefficient == coefficients[row.cells[3].text]
        total += amount
    assert total == 31_500_000 == rnd.total
    text = "\n".join(p.text for p in word.paragraphs)
    assert f"Tổng cộng: 31.500.000 đồng ({money_words(total)})." in text
    assert "Ba mươi mốt triệu năm trăm nghìn đồng" in text
    assert "chưa được xác nhận" not in text and "trước khi trình ký" not in text  # no drafting note (issue 14)
    assert "Tờ trình số " + docs["TTr"].notation in text  # the decision cites the issued proposal
    # Issue 14 item 6: first citations carry date and issuer; the proposal cites the minutes by number and date.
    decree = "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ"
    assert decree in text and "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022" in text
    proposal = "\n".join(p.text for p in Docx(str(docs["TTr"].files.docx)).paragraphs)
    assert decree in proposal
    assert f"Căn cứ Biên bản số {docs['BB'].notation} ngày 28 tháng 5 năm 2024 của {rnd.council.name}" in proposal
    for running in (text, proposal):
        assert not re.search(r"\d{2}/\d{2}/\d{4}", running)


def test_minutes_show_each_vote_against_the_threshold_of_all_members(dossier):
    rnd, docs, layout, out = dossier
    word = Docx(str(docs["BB"].files.docx))
    votes = word.tables[2]
    cells = {row.cells[1].text: [c.text for c in row.cells] for row in votes.rows[1:]}
    assert cells["Dương Hữu Lộc"][3:] == ["11", "2", "84,6% / ≥ 90%", "Không đạt"]
    assert cells["Ủy ban nhân dân huyện Hồng Dân"][3:] == ["11", "2", "84,6% / ≥ 80%", "Đạt"]
    assert cells["Huỳnh Thị Diễm"][6] == "Không đủ điều kiện"  # 13/13 votes do not make an ineligible one "Đạt"
    lines = [p.text for p in word.paragraphs if re.match(r"\d+\. ", p.text)]
    assert len(lines) == len(rnd.candidates)
    for line, c in zip(lines, rnd.candidates):  # per candidate: the verdict with its reason, the vote
        assert ("đủ điều kiện (" if c.verdict.eligible else "không đủ điều kiện (") in line
        assert c.verdict.reasons[0] in line
        assert f"biểu quyết: {c.vote.text()}" in line
        assert line.endswith("không đề nghị khen thưởng.") != (c.verdict.eligible and c.vote.passed)
    assert any("đang bị thanh tra công vụ" in line and "không đủ điều kiện" in line for line in lines)
    signers = [p.text for p in word.tables[-1].rows[0].cells[0].paragraphs + word.tables[-1].rows[0].cells[1].paragraphs
               if p.text.strip()]
    assert signers == ["THƯ KÝ", rnd.council.secretary, "CHỦ TỌA", rnd.council.chair]


def test_each_dossier_document_follows_decree_30_and_verifies_everywhere(dossier, tmp_path):
    rnd, docs, layout, out = dossier
    assert set(docs) == {"BB", "TTr", "QĐ"}
    nss = nss_db(tmp_path / "nss", layout.root)
    for kind, doc in docs.items():
        assert check_docx(doc.files.docx) == [], kind
        issued = doc.files.issued_pdf
        assert verify(issued, [layout.root]).indication == "TOTAL_PASSED", kind
        assert pyhanko_validate(issued, layout.root)[0] == 0, kind
        assert pdfsig_accepts(issued, nss) and qpdf_ok(issued), kind
    assert docs["QĐ"].notation.endswith("/QĐ-UBND") and docs["TTr"].notation.endswith("/TTr-SNV")
    assert list(docs["BB"].verification.signers)[:2] == [rnd.council.secretary, rnd.council.chair]
    decider = load_province(DATA).unit(rnd.meta["decider"])
    sig = Docx(str(docs["QĐ"].files.docx)).tables[1].cell(0, 1)
    # The chairman's own decision ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"): a deputy signs for him, with no "TM.".
    assert [p.text for p in sig.paragraphs if p.text.strip()][:3] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
                                                                      decider.leader.name]
    assert decider.leader.role == "deputy"
    board_sig = Docx(str(docs["TTr"].files.docx)).tables[1].cell(0, 1)  # the director of Sở Nội vụ: no prefix
    assert [p.text for p in board_sig.paragraphs if p.text.strip()][:2] == ["GIÁM ĐỐC", "Dương Minh Trung"]


def test_excel_templates_for_the_round(tmp_path, capsys):
    for kind, sheet in (("achievements", "Xếp loại cá nhân"), ("proposals", "Đề nghị"), ("council", "Biểu quyết")):
        out = tmp_path / f"{kind}.xlsx"
        assert main(["excel-template", kind, str(out)]) == 0
        wb = openpyxl.load_workbook(out)
        assert sheet in wb.sheetnames and wb[sheet].cell(2, 1).value


def _page_one_lines(pdf) -> list[tuple[str, float]]:
    """Page 1's printed lines with their widths (points), from poppler's word boxes."""
    import html
    import subprocess

    out = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    rows: dict[int, list[tuple[float, float, str]]] = {}
    for x0, top, x1, text in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">'
                                        r'(.*?)</word>', out):
        rows.setdefault(round(float(top)), []).append((float(x0), float(x1), html.unescape(text)))
    return [(" ".join(w[2] for w in sorted(ws)), max(w[1] for w in ws) - min(w[0] for w in ws))
            for _, ws in sorted(rows.items())]


def test_subject_lines_are_balanced_and_keep_word_pairs_whole(dossier):
    """Issue 14 item 4: the subject (trích yếu) of the minutes, the proposal and the decision breaks between
    phrases, never inside "kỷ niệm" (LibreOffice broke "kỷ / niệm" in the proposal) or another word pair, in lines
    of even length, as read back from the issued PDF."""
    rnd, docs, layout, out = dossier
    pairs = ["kỷ niệm", "thi đua", "khen thưởng", "danh hiệu", "hình thức", "nhân dịp", "đề nghị", "Hội đồng",
             "Ngày Thi đua yêu nước"]
    for kind, title in (("BB", "BIÊN BẢN"), ("TTr", "TỜ TRÌNH"), ("QĐ", "QUYẾT ĐỊNH")):
        lines = _page_one_lines(docs[kind].files.issued_pdf)
        start = next(i for i, (text, _) in enumerate(lines) if text == title) + 1
        subject = lines[start:start + 2]
        joined = " ".join(text for text, _ in subject)
        assert "Thi đua yêu nước 11/6/2024" in subject[1][0] and joined.endswith("11/6/2024"), subject
        for pair in pairs:
            words = pair.split()
            for cut in range(1, len(words)):
                assert not (subject[0][0].endswith(" ".join(words[:cut]))
                            and subject[1][0].startswith(" ".join(words[cut:]))), (kind, subject)
        short, wide = sorted(w for _, w in subject)
        assert short >= 0.6 * wide, (kind, subject)  # not a long line and a short tail
