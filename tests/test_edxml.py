"""Issue 11, items 2 and 3: issued plans sent as edXML packages, checked by xmlsec1 (Debian) and by the XSD
with lxml, received into the incoming register, answered with status packages; tampered, foreign and
repeated packages refused with nothing registered."""
from __future__ import annotations

import base64
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from dispatch.edxml import signature
from dispatch.edxml.envelope import Business
from dispatch.register import open_register
from generators.core.config import load_province
from generators.core.errors import ThiduaError
from signing.keys import Pkcs12Key, load_pkcs12
from signing.testpki.pki import Subject, TestPki
from thidua.settings import Settings
from thidua.workflows.exchange import receive, send
from thidua.workflows.issuing import sign_and_issue
from thidua.workflows.pki import init_pki

from .conftest import small_round

PASSWORD = b"mat-khau-edxml"
XSD = Path(__file__).resolve().parent.parent / "dispatch" / "edxml" / "schema" / "edxml.xsd"
NS = {"e": "http://www.mic.gov.vn/TBT/QCVN_102_2016"}
UNITS = ["HD-XNINHHOA", "KHOI-DN"]


@pytest.fixture(scope="module")
def issued(tmp_path_factory):
    """Two plans (a commune's, a bloc's sealed by its lead) signed and issued, with the board's keys too."""
    base = tmp_path_factory.mktemp("edxml")
    data, result = small_round(base, {f"{u}.xlsx" for u in UNITS})
    province = load_province(data)
    layout = init_pki(province, base / "pki", PASSWORD, [*UNITS, "SNV"])
    settings = Settings(data=data, out=base / "out", year=2024, pki=layout.folder, key_password=PASSWORD)
    drafts = [d for d in result.documents if d.kind == "KH" and d.unit in UNITS]
    docs = sign_and_issue(data, drafts, PASSWORD, layout, settings.register_target, workers=1)
    return settings, province, layout, {d.issuer: d for d in docs}


def _xmlsec(package: Path, root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["xmlsec1", "--verify", "--trusted-pem", str(root), str(package)],
                          capture_output=True, text=True)


def _valid(package: Path) -> bool:
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    return schema.validate(etree.parse(str(package)))


def _board(province) -> str:
    return province.unit("SNV").organ_id


def test_a_sent_plan_is_a_valid_signed_package_saying_what_the_register_says(issued):
    settings, province, layout, docs = issued
    for code, doc in docs.items():
        sent = send(settings, doc.files.issued_pdf, [_board(province)])
        assert _valid(sent.package), code
        check = _xmlsec(sent.package, layout.root)
        assert check.returncode == 0 and "OK" in check.stderr, check.stderr
        tree = etree.parse(str(sent.package))
        text = lambda path: tree.findtext(path, namespaces=NS)  # noqa: E731
        sender = province.unit(province.unit(doc.issuer).issuer_code)
        assert text(".//e:MessageHeader/e:From/e:OrganId") == sender.organ_id
        assert text(".//e:MessageHeader/e:From/e:OrganName") == sender.name
        assert text(".//e:MessageHeader/e:To/e:OrganId") == _board(province)
        assert f"{text('.//e:CodeNumber')}/{text('.//e:CodeNotation')}" == doc.notation
        assert text(".//e:PromulgationDate") == doc.issued_date.strftime("%Y/%m/%d")
        assert text(".//e:SignerInfo/e:FullName") == province.unit(doc.issuer).leader.name
        assert text(".//e:DocumentId") == f"{sender.organ_id},{doc.issued_date:%Y/%m/%d},{doc.notation}"
        assert text(".//e:OtherInfo/e:PageAmount") == str(doc.pages) and doc.pages > 0
        attached = base64.b64decode(text(".//e:AttachmentEncoded/e:Attachment/e:Value"))
        assert attached == doc.files.issued_pdf.read_bytes()
    with open_register(settings.register_target) as register:
        entries = {e.issuer: e for e in register.entries(year=2024)}
    assert all(entries[c].dispatched_to == (_board(province),) and entries[c].dispatched_date for c in docs)


def _sent(issued, code="HD-XNINHHOA", **kw):
    settings, province, layout, docs = issued
    return send(settings, docs[code].files.issued_pdf, [_board(province)], **kw)


def _fresh(settings: Settings, tmp_path: Path) -> Settings:
    """The board's own register and folders, so each test receives into an empty incoming register."""
    return settings.but(out=tmp_path / "board", register=str(tmp_path / "board" / "so.sqlite"))


def test_the_board_receives_registers_and_answers(issued, tmp_path):
    settings, province, layout, docs = issued
    board = _fresh(settings, tmp_path)
    sent = _sent(issued)
    got = receive(board, sent.package)
    assert got.refused is None and got.entry.number == 1 and got.entry.receiver == "SNV"
    assert got.entry.document.read_bytes() == docs["HD-XNINHHOA"].files.issued_pdf.read_bytes()
    assert got.entry.notation == docs["HD-XNINHHOA"].notation
    codes = []
    for answer in got.statuses:
        assert _valid(answer) and _xmlsec(answer, layout.root).returncode == 0
        codes.append(etree.parse(str(answer)).findtext(".//e:StatusCode", namespaces=NS))
    assert codes == ["01", "03"]
    with open_register(board.register_target) as register:
        assert [r.number for r in register.received("SNV")] == [1]

    again = receive(board, sent.package)  # the same document twice: refused, not registered again
    assert "đã vào sổ đến số 1" in again.refused
    with open_register(board.register_target) as register:
        assert len(register.received("SNV")) == 1

    answered = receive(settings, got.statuses[-1])  # the sender reads the answer: column (9) Ký nhận
    assert answered.answered.code == "03"
    with open_register(settings.register_target) as register:
        entry = next(e for e in register.entries("HD-XNINHHOA"))
    assert any("Sở Nội vụ" in line and "vào sổ" in line for line in entry.receipts)


def _rewrite(package: Path, out: Path, change) -> Path:
    tree = etree.parse(str(package))
    change(tree)
    tree.write(str(out), xml_declaration=True, encoding="UTF-8")
    return out


def _set_subject(tree):
    tree.find(".//e:Subject", NS).text += " (đã sửa)"


def _flip_attachment_byte(tree):
    value = tree.find(".//e:Attachment/e:Value", NS)
    data = bytearray(base64.b64decode(value.text))
    data[len(data) // 2] ^= 0x01
    value.text = base64.b64encode(bytes(data)).decode()


@pytest.mark.parametrize("change, reason", [(_set_subject, "bị thay đổi"), (_flip_attachment_byte, "bị thay đổi")])
def test_a_changed_header_or_attachment_is_refused_by_xmlsec1_and_by_receive(issued, tmp_path, change, reason):
    settings, province, layout, docs = issued
    board = _fresh(settings, tmp_path)
    bad = _rewrite(_sent(issued).package, tmp_path / "bad.edxml", change)
    assert _valid(bad)  # still well-formed and schema-valid: only the signature can tell
    assert _xmlsec(bad, layout.root).returncode != 0
    got = receive(board, bad)
    assert got.entry is None and reason in got.refused
    assert not (board.year_dir / "van-ban-den").exists()
    with open_register(board.register_target) as register:
        assert register.received() == []
    (refusal,) = got.statuses
    assert etree.parse(str(refusal)).findtext(".//e:StatusCode", namespaces=NS) == "02"


def _resigned(package: Path, signer, out: Path) -> Path:
    """The same package, its signature replaced by one made with `signer`."""
    tree = etree.parse(str(package))
    old = tree.find(".//{http://www.w3.org/2000/09/xmldsig#}Signature")
    old.getparent().remove(old)
    etree.SubElement(tree.find(".//e:edXMLHeader", NS), "{http://www.w3.org/2000/09/xmldsig#}Signature",
                     Id="placeholder")
    out.write_bytes(etree.tostring(signature.sign(tree.getroot(), signer), xml_declaration=True, encoding="UTF-8"))
    return out


def test_a_package_signed_by_an_untrusted_key_is_refused(issued, tmp_path):
    """An impostor PKI naming the same organisation: xmlsec1 and receive both refuse it."""
    settings, province, layout, docs = issued
    sender = province.unit("HD-XNINHHOA")
    fake = TestPki(tmp_path / "fake", PASSWORD)
    fake.issue(Subject(sender.code, sender.name, sender.name, sender.place), "to-chuc")
    forger = load_pkcs12(Pkcs12Key(tmp_path / "fake" / "to-chuc" / f"{sender.code}.p12"), PASSWORD)
    bad = _resigned(_sent(issued).package, forger, tmp_path / "forged.edxml")
    assert _valid(bad)
    assert _xmlsec(bad, layout.root).returncode != 0
    assert _xmlsec(bad, tmp_path / "fake" / "root.pem").returncode == 0  # a real signature, by another root
    got = receive(_fresh(settings, tmp_path), bad)
    assert got.entry is None and "không do tổ chức cung cấp dịch vụ tin cậy" in got.refused


def test_a_package_signed_by_another_trusted_organisation_is_refused(issued, tmp_path):
    """A trusted certificate is not enough: it must be the sender's own."""
    settings, province, layout, docs = issued
    other = load_pkcs12(Pkcs12Key(layout.org_p12("PCBL")), PASSWORD)
    bad = _resigned(_sent(issued).package, other, tmp_path / "other.edxml")
    assert _xmlsec(bad, layout.root).returncode == 0  # cryptographically fine
    got = receive(_fresh(settings, tmp_path), bad)
    assert got.entry is None and "không phải của cơ quan gửi" in got.refused


def test_revocation_update_and_replacement_refer_to_a_registered_document(issued, tmp_path):
    settings, province, layout, docs = issued
    board = _fresh(settings, tmp_path)
    first = _sent(issued)
    orphan = _sent(issued, business=Business(1, "Ban hành nhầm", "000.00.00.H05,2024/01/01,99/KH-UBND"))
    refused = receive(board, orphan.package)
    assert refused.entry is None and "chưa có trong sổ đến" in refused.refused
    assert receive(board, first.package).entry.number == 1
    for kind, word in ((2, "Cập nhật"), (3, "Thay thế"), (1, "Thu hồi")):
        later = _sent(issued, business=Business(kind, "Sửa lỗi chính tả", first.header.document_id))
        got = receive(board, later.package)
        assert got.refused is None, got.refused
        assert got.entry.business_type == kind and got.entry.note.startswith(f"{word} văn bản số đến 1")
    with open_register(board.register_target) as register:
        assert [r.number for r in register.received("SNV")] == [1, 2, 3, 4]


def test_a_document_not_in_the_register_or_changed_is_not_sent(issued, tmp_path):
    settings, province, layout, docs = issued
    copy = tmp_path / "changed.pdf"
    copy.write_bytes(docs["HD-XNINHHOA"].files.issued_pdf.read_bytes() + b"\n%")
    with pytest.raises(ThiduaError, match="không có trong sổ đăng ký văn bản đi"):
        send(settings, copy, [_board(province)])
    with pytest.raises(ThiduaError, match="mã định danh"):
        send(settings, docs["HD-XNINHHOA"].files.issued_pdf, ["000.99.99.H99"])


def test_the_printed_register_lists_every_issued_document_in_number_order(issued):
    import openpyxl

    from generators.documents.layout_rules import check_book_docx
    from thidua.workflows.registers import export_registers

    settings, province, layout, docs = issued
    books = {b.unit: b for b in export_registers(settings)}
    with open_register(settings.register_target) as register:
        entries = register.entries(year=2024)
    assert set(books) == {e.issuer for e in entries}
    for code, book in books.items():
        mine = [e for e in entries if e.issuer == code]
        rows = list(openpyxl.load_workbook(book.xlsx).active.iter_rows(values_only=True))
        head = next(i for i, r in enumerate(rows) if r[0] == "(1)")
        assert list(rows[head - 1]) == ["Số, ký hiệu văn bản", "Ngày tháng văn bản",
                                        "Tên loại và trích yếu nội dung văn bản", "Người ký", "Nơi nhận văn bản",
                                        "Đơn vị, người nhận bản lưu", "Số lượng bản", "Ngày chuyển", "Ký nhận",
                                        "Ghi chú"]
        table = [r for r in rows[head + 1:] if r[0]]
        assert [r[0] for r in table] == [e.notation for e in sorted(mine, key=lambda e: e.number)]
        assert all(r[1] and r[2] and r[3] and r[4] and r[5] and r[6] for r in table)  # what the data always has
        assert f"Từ số {mine[0].notation} đến số {mine[-1].notation}" in [r[0] for r in rows[:head]]
        assert check_book_docx(book.docx) == []
        text = subprocess.run(["pdftotext", "-layout", str(book.pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "SỔ ĐĂNG KÝ VĂN BẢN ĐI" in text and all(e.notation in text for e in mine)
        assert b"pdfaid:part" in book.pdf.read_bytes()  # PDF/A, like every document


def test_exported_cells_never_become_formulas(tmp_path):
    import openpyxl

    from generators.core.book import Book
    from generators.workbooks.book import write_book_xlsx

    book = Book(("SỞ NỘI VỤ",), "SỔ ĐĂNG KÝ VĂN BẢN ĐI", 2024, (), ("A", "B"), (20, 20),
                (("=HYPERLINK(\"http://x\",\"y\")", "+1"),))
    cells = [c for row in openpyxl.load_workbook(write_book_xlsx(book, tmp_path / "b.xlsx")).active.iter_rows()
             for c in row if c.value]
    assert cells and all(c.data_type == "s" for c in cells)


def test_the_command_line_sends_and_receives_in_vietnamese(issued, tmp_path, monkeypatch, capsys):
    from thidua.cli import main

    settings, province, layout, docs = issued
    monkeypatch.setenv("THIDUA_KEY_PASSWORD", PASSWORD.decode())
    monkeypatch.setenv("THIDUA_PKI", str(layout.folder))
    common = ["--data", str(settings.data)]
    pdf = docs["HD-XNINHHOA"].files.issued_pdf
    assert main([*common, "dispatch", str(pdf), "--to", _board(province), "--out", str(settings.out)]) == 0
    said = capsys.readouterr().out
    assert "Đã lập gói tin edXML" in said and "Sở Nội vụ tỉnh Bạc Liêu" in said
    package = Path(said.rsplit(": ", 1)[1].strip())
    board = ["--out", str(tmp_path / "so"), "--register", str(tmp_path / "so" / "so.sqlite")]
    assert main([*common, "receive", str(package), *board]) == 0
    assert "số đến 1" in capsys.readouterr().out
    assert main([*common, "receive", str(package), *board]) == 1
    assert "TỪ CHỐI" in capsys.readouterr().out
    assert main([*common, "receive", str(tmp_path / "khong-co.edxml"), *board]) != 0
    said = capsys.readouterr()
    assert "Không tìm thấy gói tin" in said.err + said.out and "Traceback" not in said.err
    assert PASSWORD.decode() not in said.err + said.out


def test_the_date_order_is_configuration_and_either_is_received(issued, tmp_path):
    """Sources disagree on yyyy/MM/dd and dd/MM/yyyy: the sender's settings choose, the receiver reads both."""
    from generators.core.errors import ConfigError

    settings, province, layout, docs = issued
    doc = docs["HD-XNINHHOA"]
    sent = send(settings.but(edxml_dates="dd/MM/yyyy"), doc.files.issued_pdf, [_board(province)])
    tree = etree.parse(str(sent.package))
    assert tree.findtext(".//e:PromulgationDate", namespaces=NS) == doc.issued_date.strftime("%d/%m/%Y")
    assert _valid(sent.package) and _xmlsec(sent.package, layout.root).returncode == 0
    got = receive(_fresh(settings, tmp_path), sent.package)  # the board keeps the default order
    assert got.refused is None and got.entry.issued_date == doc.issued_date
    with pytest.raises(ConfigError, match="THIDUA_EDXML_DATES"):
        Settings.from_environment({"THIDUA_EDXML_DATES": "MM/dd/yyyy"})


def test_a_signed_package_with_an_impossible_date_is_refused_not_a_traceback(issued, tmp_path):
    settings, province, layout, docs = issued
    sender = load_pkcs12(Pkcs12Key(layout.org_p12("HD-XNINHHOA")), PASSWORD)

    def bad_date(tree):
        tree.find(".//e:PromulgationDate", NS).text = "2024/13/45"

    changed = _rewrite(_sent(issued).package, tmp_path / "ngay.edxml", bad_date)
    bad = _resigned(changed, sender, tmp_path / "ngay-ky.edxml")
    assert _valid(bad) and _xmlsec(bad, layout.root).returncode == 0  # well-formed, schema-valid, signed
    got = receive(_fresh(settings, tmp_path), bad)
    assert got.entry is None and "không đọc được" in got.refused


def test_the_command_line_lists_and_prints_the_registers(issued, tmp_path, capsys):
    from thidua.cli import main

    settings, province, layout, docs = issued
    board = _fresh(settings, tmp_path)
    year = str(receive(board, _sent(issued).package).entry.year)  # the year it arrived, today
    common = ["--data", str(settings.data)]
    assert main([*common, "register", "list", "--year", "2024", "--out", str(settings.out)]) == 0
    said = capsys.readouterr().out
    assert all(d.notation in said for d in docs.values()) and f"{len(docs)} văn bản đi năm 2024" in said
    assert main([*common, "register", "export", "--incoming", "--year", year, "--out", str(board.out),
                 "--register", board.register]) == 0
    said = capsys.readouterr().out
    assert "Sổ đăng ký văn bản đến của SNV (1 văn bản)" in said
    assert (board.out / year / "so-dang-ky" / f"SNV-van-ban-den-{year}.pdf").exists()
    assert main([*common, "register", "export", "--year", "2023", "--out", str(tmp_path / "trong")]) == 2
    assert "chưa có văn bản nào" in capsys.readouterr().err
