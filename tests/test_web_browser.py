"""The web workspace in a real browser (Debian's Chromium driven by Playwright) against `thidua serve`:
a clerk's errors and correction, the plan drafted in the background, the leader's signature, issuance, the
register, the board's view and the public verify page. Screenshots land in out/test-artefacts/web/."""
from __future__ import annotations

import re
import subprocess

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.web_helpers import ARTEFACTS, ROOT, SAMPLE_LIST, launch_chromium, list_with_errors, running_server
from thidua.workflows.workspace.setup import DEMO_PASSPHRASE, DEMO_PASSWORD

pytestmark = pytest.mark.slow
UNIT = "DH-XLONGDIEN"
ROOT_DATA = ROOT / "data"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with running_server(tmp_path_factory.mktemp("web") / "ws") as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = launch_chromium(p)
        yield b
        b.close()


def shot(page, name: str) -> None:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / f"{name}.png"), full_page=True)


def log_in(browser, server, username: str):
    context = browser.new_context(base_url=server, accept_downloads=True)
    page = context.new_page()
    page.on("dialog", lambda d: pytest.fail(f"a script ran in the page: {d.message}"))
    page.goto("/dang-nhap")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_text("Đăng xuất")).to_be_visible()
    return page


def wait_for_job(page) -> None:
    """The job's progress fragment, polled by htmx, reaches Xong (or the test fails on Lỗi)."""
    job = page.locator(".job").first
    expect(job).to_have_class(re.compile(r"\b(done|failed)\b"), timeout=180_000)
    assert "done" in job.get_attribute("class"), job.inner_text()


def board_row(browser, server, name: str):
    page = log_in(browser, server, "bantdkt")
    page.goto("/ban-thi-dua")
    row = page.locator(f"tr[data-unit='{UNIT}']")
    text = row.inner_text()
    shot(page, name)
    page.context.close()
    return text


def test_the_year_from_upload_to_verified_issue(server, browser, tmp_path):
    assert "Chưa gửi" in board_row(browser, server, "00-board-before")

    page = log_in(browser, server, "canbo.longdien")
    with page.expect_download() as blank:
        page.get_by_role("link", name="Tải mẫu danh sách (Excel)").click()
    assert blank.value.suggested_filename.endswith(".xlsx")

    # A list with two mistakes: each finding names its sheet, row, column and the cell's value.
    page.get_by_label("Tệp danh sách (.xlsx)").set_input_files(
        {"name": "danh-sach-long-dien.xlsx", "mimeType": XLSX, "buffer": list_with_errors()})
    page.get_by_role("button", name="Tải lên và kiểm tra").click()
    rows = page.locator("#findings tbody tr")
    expect(rows).to_have_count(2)
    cells = [rows.nth(i).locator("td").all_inner_texts() for i in range(2)]
    assert cells[0][:4] == ["Danh sách", "9", "C", "cá thể"]
    assert cells[1][:4] == ["Danh sách", "9", "D", "31/02/1979"]
    assert "không có trong danh mục" in cells[0][4] and "không tồn tại" in cells[1][4]
    expect(page.get_by_text("Danh sách hiện hành: chưa có")).to_be_visible()
    shot(page, "01-clerk-findings")

    # The corrected list replaces it; both stay in the history.
    page.get_by_label("Tệp danh sách (.xlsx)").set_input_files(
        {"name": "danh-sach-long-dien-da-sua.xlsx", "mimeType": XLSX, "buffer": SAMPLE_LIST.read_bytes()})
    page.get_by_role("button", name="Tải lên và kiểm tra").click()
    expect(page.locator("#no-findings")).to_be_visible()
    expect(page.locator("#history tbody tr")).to_have_count(2)
    expect(page.locator("#history")).to_contain_text("Không đọc được")
    expect(page.locator("#history")).to_contain_text("Hiện hành")
    shot(page, "02-clerk-corrected")

    page.get_by_role("button", name=re.compile("Lập kế hoạch")).click()
    expect(page.locator(".job progress")).to_be_visible()
    shot(page, "03-clerk-plan-progress")
    wait_for_job(page)
    page.reload()  # progress and result survive a reload: they are in the database
    expect(page.locator("#plan-state")).to_have_text("Dự thảo")
    page.get_by_role("link", name="Xem văn bản").click()
    preview = page.locator(".preview img").first
    expect(preview).to_be_visible()
    page.wait_for_function("img => img.complete && img.naturalWidth > 300", arg=preview.element_handle())
    with page.expect_download() as docx:
        page.get_by_role("link", name="DOCX").click()
    with page.expect_download() as pdf:
        page.get_by_role("link", name="Dự thảo PDF/A").click()
    draft = tmp_path / "draft.pdf"
    pdf.value.save_as(draft)
    assert docx.value.suggested_filename == f"KH-2024-{UNIT}.docx"
    text = subprocess.run(["pdftotext", str(draft), "-"], capture_output=True, text=True, check=True).stdout
    assert "Trạm Y tế xã Long Điền" in text  # the plan says what the list says
    shot(page, "04-clerk-preview")
    page.get_by_role("button", name="Trình lãnh đạo ký").click()
    expect(page.locator("#doc-state")).to_have_text("Chờ ký")
    page.context.close()

    page = log_in(browser, server, "lanhdao.longdien")
    expect(page.get_by_text("Kế hoạch bồi dưỡng, nhân rộng gương điển hình tiên tiến năm 2024")).to_be_visible()
    page.get_by_label("Mật khẩu bảo vệ khóa ký").fill(DEMO_PASSPHRASE)
    shot(page, "05-leader-waiting")
    page.get_by_role("button", name="Ký các văn bản đã chọn").click()
    wait_for_job(page)
    page.reload()
    expect(page.locator("#nothing-waiting")).to_be_visible()
    shot(page, "06-leader-signed")
    page.context.close()

    page = log_in(browser, server, "vanthu.longdien")
    expect(page.locator("#day")).to_have_value("2024-01-06")  # the sample round's drafting day
    page.get_by_label("Mật khẩu bảo vệ khóa của cơ quan").fill(DEMO_PASSPHRASE)
    page.get_by_role("button", name="Cấp số và ban hành").click()
    wait_for_job(page)
    page.reload()
    expect(page.locator("#issued")).to_contain_text("01/KH-UBND")
    with page.expect_download() as issued_download:
        page.locator("#issued").get_by_role("link", name="PDF").click()
    issued = tmp_path / "issued.pdf"
    issued_download.value.save_as(issued)
    shot(page, "07-records-issued")
    page.get_by_role("link", name="Sổ đăng ký văn bản đi").click()
    expect(page.locator("#register tbody tr")).to_have_count(1)
    expect(page.locator("#register")).to_contain_text("01/KH-UBND")
    expect(page.locator("#register")).to_contain_text("06/01/2024")
    shot(page, "08-register")
    page.context.close()

    after = board_row(browser, server, "09-board-after")
    assert "Đã ban hành kế hoạch" in after and "Chưa gửi" not in after

    # The public verify page, with no account: the issued file is valid, a tampered copy is not.
    tampered = tmp_path / "tampered.pdf"
    data = bytearray(issued.read_bytes())
    at = data.index(b"Long")
    data[at:at + 4] = b"Lung"
    tampered.write_bytes(bytes(data))
    context = browser.new_context(base_url=server)
    page = context.new_page()
    for path, verdict, name in ((issued, "HỢP LỆ", "10-verify-valid"), (tampered, "KHÔNG HỢP LỆ", "11-verify-tampered")):
        page.goto("/kiem-tra")
        page.get_by_label("Tệp PDF").set_input_files(str(path))
        page.get_by_role("button", name="Kiểm tra").click()
        expect(page.locator("#verdict")).to_have_text(verdict)
        shot(page, name)
    context.close()


def sign_all_waiting(browser, server, username: str, name: str) -> None:
    page = log_in(browser, server, username)
    page.get_by_label("Mật khẩu bảo vệ khóa ký").fill(DEMO_PASSPHRASE)
    page.get_by_role("button", name="Ký các văn bản đã chọn").click()
    wait_for_job(page)
    page.reload()
    expect(page.locator("#nothing-waiting")).to_be_visible()
    shot(page, name)
    page.context.close()


def issue_all_signed(browser, server, username: str, notation: str, name: str) -> None:
    page = log_in(browser, server, username)
    page.get_by_label("Mật khẩu bảo vệ khóa của cơ quan").fill(DEMO_PASSPHRASE)
    page.get_by_role("button", name="Cấp số và ban hành").click()
    wait_for_job(page)
    page.reload()
    expect(page.locator("#issued")).to_contain_text(notation)
    shot(page, name)
    page.context.close()


def draft_and_send(browser, server, label: str, name: str) -> None:
    page = log_in(browser, server, "bantdkt")
    page.goto("/ban-thi-dua/khen-thuong")
    page.get_by_role("button", name=f"Lập {label}").click()
    wait_for_job(page)
    page.reload()
    row = page.locator("#dossier tbody tr").filter(has_text=label[0].upper() + label[1:])
    expect(row).to_contain_text("Dự thảo")
    row.get_by_role("link", name="Xem").click()
    page.wait_for_function("img => img.complete && img.naturalWidth > 300",
                           arg=page.locator(".preview img").first.element_handle())
    shot(page, name)
    page.get_by_role("button", name="Trình ký").click()
    expect(page.locator("#doc-state")).to_have_text("Chờ ký")
    page.context.close()


def test_the_commendation_dossier_from_votes_to_decision(server, browser, tmp_path):
    import io

    import openpyxl

    page = log_in(browser, server, "bantdkt")
    page.get_by_role("link", name="Xét khen thưởng").click()
    verdicts = page.locator("#verdicts tbody tr")
    expect(verdicts).to_have_count(13)
    expect(page.locator("#verdicts")).to_contain_text("Không đủ điều kiện")
    expect(page.locator("#verdicts")).to_contain_text("Luật Thi đua, khen thưởng số 06/2022/QH15")  # the basis
    council = ROOT_DATA / "commendation" / "hoi-dong-2024.xlsx"
    wb = openpyxl.load_workbook(council)
    wb["Biểu quyết"]["D5"] = "Có lẽ"
    broken = io.BytesIO()
    wb.save(broken)
    page.get_by_label("Tệp thành viên và biểu quyết của Hội đồng (.xlsx)").set_input_files(
        {"name": "hoi-dong-sai.xlsx", "mimeType": XLSX, "buffer": broken.getvalue()})
    page.get_by_role("button", name="Tải lên và kiểm tra").click()
    expect(page.locator("#council-problems")).to_contain_text("hoi-dong-sai.xlsx, trang tính «Biểu quyết», dòng 5, "
                                                              "cột D (Biểu quyết): «Có lẽ» không có trong danh mục")
    shot(page, "20-board-council-refused")
    page.get_by_label("Tệp thành viên và biểu quyết của Hội đồng (.xlsx)").set_input_files(str(council))
    page.get_by_role("button", name="Tải lên và kiểm tra").click()
    expect(page.get_by_text("Đã cập nhật thành viên và biểu quyết")).to_be_visible()
    shot(page, "21-board-verdicts")
    page.context.close()

    draft_and_send(browser, server, "biên bản họp hội đồng", "22-minutes-draft")
    sign_all_waiting(browser, server, "thuky.hoidong", "23-secretary-signed")
    sign_all_waiting(browser, server, "chutoa.hoidong", "24-chair-signed")
    issue_all_signed(browser, server, "vanthu.ubnd", "01/BB-HĐTĐKT", "25-minutes-issued")
    draft_and_send(browser, server, "tờ trình đề nghị khen thưởng", "26-proposal-draft")
    sign_all_waiting(browser, server, "lanhdao.snv", "27-proposal-signed")
    issue_all_signed(browser, server, "vanthu.snv", "01/TTr-SNV", "28-proposal-issued")
    draft_and_send(browser, server, "quyết định khen thưởng", "29-decision-draft")
    sign_all_waiting(browser, server, "chutich.ubnd", "30-decision-signed")
    issue_all_signed(browser, server, "vanthu.ubnd", "01/QĐ-UBND", "31-decision-issued")

    page = log_in(browser, server, "bantdkt")
    page.goto("/ban-thi-dua/khen-thuong")
    for kind, notation in (("BB", "01/BB-HĐTĐKT"), ("TTr", "01/TTr-SNV"), ("QĐ", "01/QĐ-UBND")):
        expect(page.locator(f"#dossier tr[data-kind='{kind}']")).to_contain_text(notation)
        expect(page.locator(f"#dossier tr[data-kind='{kind}']")).to_contain_text("Đã ban hành")
    shot(page, "32-board-dossier-issued")
    page.locator("#dossier tr[data-kind='QĐ']").get_by_role("link", name="Xem").click()
    with page.expect_download() as issued_download:
        page.get_by_role("link", name="Bản ban hành").click()
    decision = tmp_path / "quyet-dinh.pdf"
    issued_download.value.save_as(decision)
    text = subprocess.run(["pdftotext", str(decision), "-"], capture_output=True, text=True, check=True).stdout
    assert "01/TTr-SNV" in text  # the decision cites the proposal issued before it
    page.goto("/kiem-tra")
    page.get_by_label("Tệp PDF").set_input_files(str(decision))
    page.get_by_role("button", name="Kiểm tra").click()
    expect(page.locator("#verdict")).to_have_text("HỢP LỆ")
    page.context.close()
