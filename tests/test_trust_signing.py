"""Issue 8, items 1, 4, 5 and 6: forgeries, wrong signers, content added between signatures, unfit certificates.

Each case is judged by `thidua verify` and by independent validators; where they disagree the stricter wins.
"""
from __future__ import annotations

import datetime as dt
import io

import pytest
from cryptography.x509.oid import ExtendedKeyUsageOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.fields import SigFieldSpec, append_signature_field

from dispatch.register import open_register
from generators.core.config import load_province
from signing.errors import DocumentStateError, KeyAccessError
from signing.keys import Pkcs12Key, load_pkcs12
from signing.testpki.pki import Subject, TestPki
from signing.verify import Expected, verify
from thidua.cli import main
from thidua.workflows.office import issue_as_office, sign_as_leader
from thidua.workflows.pki import init_pki

from .conftest import small_round
from .signing_helpers import nss_db, pdfsig

PASSWORD = b"mat-khau-tin-cay"
A, B = "HD-XLOCNINH", "HD-XNINHQUOI"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    base = tmp_path_factory.mktemp("trust")
    data, result = small_round(base, {f"{A}.xlsx", f"{B}.xlsx"})
    province = load_province(data)
    layout = init_pki(province, base / "pki", PASSWORD, [A, B])
    drafts = {d.unit: d for d in result.documents if d.kind == "KH"}
    key = lambda p: load_pkcs12(Pkcs12Key(p), PASSWORD)  # noqa: E731
    return {"base": base, "data": data, "province": province, "layout": layout, "drafts": drafts, "key": key,
            "nss": nss_db(base / "nss", layout.root)}


def _signed(world, tmp_path, unit_code=A):
    unit = world["province"].unit(unit_code)
    layout = world["layout"]
    out = tmp_path / "signed.pdf"
    sign_as_leader(unit, world["drafts"][unit_code].pdf, out, world["key"](layout.leader_p12(unit_code)),
                   layout.signature_image(unit_code))
    return unit, out


def _issue(world, tmp_path, unit, signed, org_key=None, register=None):
    layout = world["layout"]
    out = tmp_path / "issued.pdf"
    with open_register(register or tmp_path / "so.sqlite") as reg:
        issue_as_office(unit, signed, out, reg, org_key or world["key"](layout.org_p12(unit.code)),
                        layout.seal_image(unit.code), dt.date(2024, 1, 10))
    return out


def _expected(world, code=A) -> Expected:
    unit = world["province"].unit(code)
    return Expected((unit.leader.name,), unit.name)


def test_the_honest_document_passes_with_its_expected_signers(world, tmp_path):
    unit, signed = _signed(world, tmp_path)
    issued = _issue(world, tmp_path, unit, signed)
    assert verify(issued, [world["layout"].root], _expected(world)).indication == "TOTAL_PASSED"
    assert main(["--data", str(world["data"]), "verify", str(issued), "--trust", str(world["layout"].root),
                 "--unit", A]) == 0


def test_contents_rewritten_as_a_literal_string_is_refused(world, tmp_path):
    """Item 1: /Contents as a literal string frees unsigned bytes inside the signature's gap."""
    unit, signed = _signed(world, tmp_path)
    data = bytearray(_issue(world, tmp_path, unit, signed).read_bytes())
    org = [s for s in PdfFileReader(io.BytesIO(bytes(data)), strict=False).embedded_signatures
           if s.field_name == "ChuKyToChuc"][0]
    _, b, c, _ = (int(x) for x in org.sig_object["/ByteRange"])
    # The whole padded /Contents as a literal string: pyHanko's coverage arithmetic (2 hex digits a byte) still
    # adds up to the file's length, so it says ENTIRE_FILE, while about half the gap is now free, unsigned bytes.
    padded = bytes(org.sig_object["/Contents"])
    literal = b"(" + padded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)").replace(b"\r", b"\\r") + b")"
    free = c - b - len(literal)
    assert free > 5000
    data[b:c] = literal + b"\n%" + b"0" * (free - 3) + b"\n"  # the freed bytes: anything at all
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(bytes(data))
    report = verify(forged, [world["layout"].root])
    assert report.indication == "TOTAL_FAILED" and report.sub_indication == "STRUCTURE_FAILURE"
    assert any("chuỗi hex" in p for p in report.problems)
    assert not pdfsig(forged, world["nss"])[-1]["total"]  # poppler agrees: "Not total document signed"


def test_another_units_leader_and_seal_fail_against_the_data(world, tmp_path):
    """Item 4: a plan of A signed by B's leader and sealed by B."""
    unit_a = world["province"].unit(A)
    layout = world["layout"]
    b_leader, b_org = world["key"](layout.leader_p12(B)), world["key"](layout.org_p12(B))
    with pytest.raises(KeyAccessError) as exc:  # `sign` refuses a key naming someone else
        sign_as_leader(unit_a, world["drafts"][A].pdf, tmp_path / "x.pdf", b_leader, layout.signature_image(B))
    assert "không phải người ký" in str(exc.value) and not (tmp_path / "x.pdf").exists()
    unit, signed = _signed(world, tmp_path)
    with pytest.raises(KeyAccessError):  # and `issue` an organisation key of another agency
        _issue(world, tmp_path, unit, signed, org_key=b_org)
    with open_register(tmp_path / "so.sqlite") as reg:
        assert reg.entries() == []  # no number consumed


def test_a_personal_certificate_cannot_seal(world, tmp_path):
    unit, signed = _signed(world, tmp_path)
    with pytest.raises(KeyAccessError) as exc:
        _issue(world, tmp_path, unit, signed, org_key=world["key"](world["layout"].leader_p12(A)))
    assert "chứng thư số cá nhân" in str(exc.value)


def _with_added_field(world, tmp_path):
    """The leader's signed plan with one more visible signature field, added in an update of its own."""
    unit, signed = _signed(world, tmp_path)
    tampered = tmp_path / "tampered.pdf"
    with open(signed, "rb") as fh, open(tampered, "wb") as out:
        writer = IncrementalPdfFileWriter(fh, strict=False)
        append_signature_field(writer, SigFieldSpec("ChuKyThem", on_page=0, box=(100, 100, 300, 200)))
        writer.write(out)
    return unit, tampered


def test_a_field_added_between_the_signatures_stops_issuance(world, tmp_path):
    """Item 5: an insider adds a visible signature field after the leader signed, before the seal."""
    unit, tampered = _with_added_field(world, tmp_path)
    with pytest.raises(DocumentStateError) as exc:
        _issue(world, tmp_path, unit, tampered)
    assert "ChuKyThem" in str(exc.value)
    with open_register(tmp_path / "so.sqlite") as reg:
        assert reg.entries() == []


def test_a_field_added_and_sealed_anyway_fails_verification(world, tmp_path, monkeypatch):
    """Item 5: the same document sealed by a tool that does not check (here: thidua with its check removed)."""
    import dispatch.issuance

    unit, tampered = _with_added_field(world, tmp_path)
    monkeypatch.setattr(dispatch.issuance, "pre_issue_problems", lambda data, reader: [])
    monkeypatch.setattr(dispatch.issuance, "_check_state", lambda reader, path: None)
    issued = _issue(world, tmp_path, unit, tampered)
    report = verify(issued, [world["layout"].root])
    assert report.indication == "TOTAL_FAILED" and any("ChuKyThem" in p for p in report.problems)


def test_a_server_only_certificate_is_refused(world, tmp_path):
    """Item 6: extended key usage serverAuth only."""
    unit = world["province"].unit(A)
    pki = TestPki(tmp_path / "pki", PASSWORD)
    cert = pki.issue(Subject("web", unit.leader.name, unit.name), "people", ekus=[ExtendedKeyUsageOID.SERVER_AUTH])
    with pytest.raises(KeyAccessError) as exc:
        sign_as_leader(unit, world["drafts"][A].pdf, tmp_path / "x.pdf", world["key"](cert.p12), None)
    assert "không dùng để ký văn bản" in str(exc.value)


def test_a_signing_time_before_the_certificate_is_not_passed(world, tmp_path, monkeypatch):
    """Item 6: the claimed signing time lies before the certificate's validity."""
    import pyhanko.sign.signers.pdf_cms as pdf_cms
    import pyhanko.sign.signers.pdf_signer as pdf_signer

    class Past(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return dt.datetime(2020, 1, 1, 9, 0, tzinfo=dt.timezone.utc).astimezone(tz)

    monkeypatch.setattr(pdf_signer, "datetime", Past)
    monkeypatch.setattr(pdf_cms, "datetime", Past)
    unit, signed = _signed(world, tmp_path)
    monkeypatch.undo()
    issued = _issue(world, tmp_path, unit, signed)
    report = verify(issued, [world["layout"].root])
    leader = report.signatures[0]
    assert leader.signing_time.startswith("2020-01-01") and leader.certificate_valid_at_signing_time is False
    assert report.indication != "TOTAL_PASSED"


def test_verify_refuses_missing_files_directories_and_non_certificates(world, tmp_path, capsys):
    """Item 10: clear messages, no traceback, never "changed after signing"."""
    root = str(world["layout"].root)
    assert main(["verify", str(tmp_path / "khong-co.pdf"), "--trust", root]) == 2
    assert "Không tìm thấy" in capsys.readouterr().err
    assert main(["verify", str(tmp_path), "--trust", root]) == 2
    assert "thư mục" in capsys.readouterr().err
    text = tmp_path / "ghi-chu.pdf"
    text.write_text("không phải PDF")
    assert main(["verify", str(text), "--trust", root]) == 1
    assert "không phải tệp PDF" in capsys.readouterr().out
    unit, signed = _signed(world, tmp_path)
    assert main(["verify", str(signed), "--trust", str(text)]) == 2
    err = capsys.readouterr().err
    assert "không phải chứng thư số" in err and "Traceback" not in err


def _with_dss(issued, out, extra=None):
    """Validation data (DSS: the chain's certificates) appended after issuance, as pyHanko adds it."""
    from pyhanko.keys import load_cert_from_pemder
    from pyhanko.sign.validation.dss import DocumentSecurityStore

    data = issued.read_bytes()
    last = PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures[-1]
    buf = io.BytesIO(data)
    certs = [load_cert_from_pemder(str(issued.parent / "pki" / n)) for n in ("root.pem", "intermediate.pem")]
    DocumentSecurityStore.add_dss(buf, sig_contents=last.pkcs7_content, certs=certs, ocsps=None, crls=None)
    if extra:
        w = IncrementalPdfFileWriter(io.BytesIO(buf.getvalue()), strict=False)
        extra(w)
        buf = io.BytesIO()
        w.write(buf)
    out.write_bytes(buf.getvalue())
    return out


@pytest.fixture
def issued_plan(world, tmp_path):
    import shutil

    unit, signed = _signed(world, tmp_path)
    issued = _issue(world, tmp_path, unit, signed)
    shutil.copytree(world["layout"].folder, tmp_path / "pki")
    return issued


def test_validation_data_added_after_issuance_is_permitted(world, tmp_path, issued_plan):
    """Item 6: the permitted post-issuance update (DSS) verifies; pyHanko alone calls it a forbidden change."""
    with_dss = _with_dss(issued_plan, tmp_path / "dss.pdf")
    report = verify(with_dss, [world["layout"].root])
    assert report.indication == "TOTAL_PASSED" and report.signatures[-1].modifications_after == "LTA_UPDATES"


def test_anything_else_after_issuance_is_refused(world, tmp_path, issued_plan):
    from pyhanko.pdf_utils import generic

    orphan = _with_dss(issued_plan, tmp_path / "orphan.pdf", lambda w: w.add_object(generic.TextStringObject("x")))
    assert verify(orphan, [world["layout"].root]).indication == "TOTAL_FAILED"

    def retitle(w):
        w.root["/Lang"] = generic.TextStringObject("en")  # a catalog change beside the DSS
        w.update_root()
    changed = _with_dss(issued_plan, tmp_path / "lang.pdf", retitle)
    report = verify(changed, [world["layout"].root])
    assert report.indication == "TOTAL_FAILED"


def test_a_document_signed_and_sealed_by_another_unit_fails_against_the_data(world, tmp_path, monkeypatch):
    """Item 4, verification side: made by a tool that does not check (here: thidua with its checks removed)."""
    import dispatch.issuance
    import thidua.workflows.office

    monkeypatch.setattr(thidua.workflows.office, "check_signer", lambda *a: None)
    monkeypatch.setattr(dispatch.issuance, "check_signer", lambda *a: None)
    unit_a, layout = world["province"].unit(A), world["layout"]
    signed = tmp_path / "signed.pdf"
    sign_as_leader(unit_a, world["drafts"][A].pdf, signed, world["key"](layout.leader_p12(B)),
                   layout.signature_image(B))
    issued = _issue(world, tmp_path, unit_a, signed, org_key=world["key"](layout.org_p12(B)))
    assert verify(issued, [layout.root]).indication == "TOTAL_PASSED"  # pyHanko has nothing against it
    report = verify(issued, [layout.root], _expected(world, A))
    assert report.indication == "TOTAL_FAILED" and report.sub_indication == "CERTIFICATE_NOT_FIT"
    assert main(["--data", str(world["data"]), "verify", str(issued), "--trust", str(layout.root), "--unit", A]) == 1


@pytest.fixture(scope="module")
def tsa(world):
    from .tsa_server import running_tsa

    tsa_pki = TestPki(world["base"] / "tsa-pki", b"tsa")
    cert, key = tsa_pki.issue_tsa()
    with running_tsa(cert, key, [tsa_pki.intermediate]) as (url, _):
        yield url, tsa_pki


def _openssl_ts_verify(pdf, span_field, tsa_pki, folder) -> str:
    """OpenSSL's own RFC 3161 check of a document timestamp's token against the bytes its range covers."""
    import subprocess

    from asn1crypto import cms

    data = pdf.read_bytes()
    sig = next(s for s in PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures
               if "".join(s.field_name) == span_field)
    a, b, c, d = (int(x) for x in sig.sig_object["/ByteRange"])
    (folder / "covered.bin").write_bytes(data[a:a + b] + data[c:c + d])
    (folder / "token.der").write_bytes(cms.ContentInfo.load(bytes(sig.sig_object["/Contents"]).rstrip(b"\0")).dump())
    out = subprocess.run(["openssl", "ts", "-verify", "-data", str(folder / "covered.bin"), "-in",
                          str(folder / "token.der"), "-token_in", "-CAfile", str(tsa_pki.root_path),
                          "-untrusted", str(tsa_pki.folder / "intermediate.pem")], capture_output=True, text=True)
    return out.stdout + out.stderr


def test_archive_timestamps_after_issuance_are_permitted(world, tmp_path, issued_plan, tsa, capsys):
    """Item 6: the second permitted post-issuance update. pyHanko alone calls the seal's revision changed."""
    from signing.timestamping import timestamp_document
    from signing.verify import TIMESTAMP_ROLE

    url, tsa_pki = tsa
    once, twice = tmp_path / "ts1.pdf", tmp_path / "ts2.pdf"
    assert main(["timestamp", str(issued_plan), "--tsa", url, "--out", str(once)]) == 0
    assert "LuuTruDauThoiGian1" in capsys.readouterr().out
    assert timestamp_document(_with_dss(once, tmp_path / "ts1-dss.pdf"), twice, url) == "LuuTruDauThoiGian2"
    report = verify(twice, [world["layout"].root, tsa_pki.root_path], _expected(world))
    assert report.indication == "TOTAL_PASSED", report.text()
    assert [s.role for s in report.signatures[-2:]] == [TIMESTAMP_ROLE] * 2
    assert all(s.indication == "TOTAL_PASSED" for s in report.signatures)
    assert all(s.timestamp for s in report.signatures[-2:])
    for name in ("LuuTruDauThoiGian1", "LuuTruDauThoiGian2"):  # a validator we did not write
        assert "Verification: OK" in _openssl_ts_verify(twice, name, tsa_pki, tmp_path)
    people = [s for s in pdfsig(twice, world["nss"]) if not s["field"].startswith("LuuTru")]
    assert len(people) == 2 and all(s["valid"] and s["trusted"] for s in people)
    untrusted = verify(twice, [world["layout"].root])  # the TSA's root not given: not proven
    assert untrusted.indication == "INDETERMINATE"


def _raw_timestamp(src, dst, url, field="LuuTruDauThoiGian1", change=None):
    """A document timestamp made by a tool that does not check (pyHanko directly), with an optional change
    written into the same revision."""
    from pyhanko.sign import signers, timestamps

    with open(src, "rb") as fh:
        w = IncrementalPdfFileWriter(fh, strict=False)
        if change:
            change(w)
        with open(dst, "wb") as out:
            signers.PdfTimeStamper(timestamps.HTTPTimeStamper(url), field_name=field).timestamp_pdf(
                w, "sha256", output=out)
    return dst


def test_a_timestamp_carrying_other_changes_is_refused(world, tmp_path, issued_plan, tsa):
    from pyhanko.pdf_utils import generic

    url, tsa_pki = tsa
    roots = [world["layout"].root, tsa_pki.root_path]

    def overlay(w):  # a forged line of body text drawn over page 1
        stream = generic.StreamObject(stream_data=b"BT /F1 14 Tf 150 735 Td (So: 99) Tj ET")
        w.add_stream_to_page(0, w.add_object(stream))

    def retitle(w):
        w.root["/Lang"] = generic.TextStringObject("en")
        w.update_root()
    for change in (overlay, retitle):
        forged = _raw_timestamp(issued_plan, tmp_path / f"{change.__name__}.pdf", url, change=change)
        report = verify(forged, roots)
        assert report.indication == "TOTAL_FAILED", (change.__name__, report.text())
    misnamed = _raw_timestamp(issued_plan, tmp_path / "misnamed.pdf", url, field="ChuKyThem")
    report = verify(misnamed, roots)
    assert report.indication == "TOTAL_FAILED" and any("ChuKyThem" in p for p in report.problems)


def test_a_timestamp_before_issuance_is_refused(world, tmp_path, tsa):
    from signing.timestamping import timestamp_document

    url, tsa_pki = tsa
    unit, signed = _signed(world, tmp_path)
    with pytest.raises(DocumentStateError):
        timestamp_document(signed, tmp_path / "early.pdf", url)
    early = _raw_timestamp(signed, tmp_path / "early.pdf", url)
    with pytest.raises(DocumentStateError) as exc:
        _issue(world, tmp_path, unit, early)
    assert "dấu thời gian" in str(exc.value)
    with open_register(tmp_path / "so.sqlite") as reg:
        assert reg.entries() == []
