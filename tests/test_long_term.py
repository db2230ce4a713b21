"""Issue 11, items 4 and 5: issued documents extended for the long term, then archived. The test PKI publishes
its CRLs on loopback; extension embeds them (PAdES B-LT), a real RFC 3161 TSA adds the document timestamp
(B-LTA); validation runs with revocation checking on and asks the network for nothing. Packages verify, fail on
damage naming the cause, and are valid for eark-validator."""
from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from generators.core.config import load_province
from signing.errors import SigningError
from signing.keys import Pkcs12Key, load_pkcs12
from signing.ltv import B_LT, B_LTA, extend_long_term, validate_long_term
from signing.testpki.layout import PkiLayout
from signing.testpki.pki import Subject, TestPki
from signing.testpki.publication import publishing
from signing.verify import verify
from thidua.settings import Settings
from thidua.workflows.archiving import archive_year, verify_archive
from thidua.workflows.issuing import sign_and_issue
from thidua.workflows.office import issue_as_office, sign_as_leader

from .conftest import small_round
from .eark_helpers import eark_errors, eark_report
from .signing_helpers import nss_db, pdfsig
from .tsa_server import running_tsa

PASSWORD = b"mat-khau-luu-tru"
UNIT = "HD-XNINHHOA"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A plan issued with certificates that name the PKI's CRLs, the CRL server and a TSA still running."""
    base = tmp_path_factory.mktemp("ltv")
    data, result = small_round(base, {f"{UNIT}.xlsx"})
    province = load_province(data)
    layout = PkiLayout(base / "pki")
    with publishing(layout.folder / "crl") as publication:
        url, fetched = publication.url, publication.fetched
        pki = TestPki(layout.folder, PASSWORD, crl_url=url)
        unit = province.unit(UNIT)
        pki.issue(Subject(UNIT, unit.leader.name, unit.name, unit.place), "nguoi-ky")
        pki.issue(Subject(UNIT, unit.name, unit.name, unit.place), "to-chuc")
        from signing.testpki.images import seal_png, signature_png

        signature_png(unit.leader.name, layout.signature_image(UNIT))
        seal_png(list(unit.header_agency), layout.seal_image(UNIT), unit.kind.seal_mm)
        [draft] = [d for d in result.documents if d.unit == UNIT]
        [doc] = sign_and_issue(data, [draft], PASSWORD, layout, base / "so.sqlite", workers=1)
        tsa_cert, tsa_key = pki.issue_tsa()
        with running_tsa(tsa_cert, tsa_key, [pki.intermediate, pki.root]) as (tsa_url, _):
            yield {"base": base, "data": data, "province": province, "layout": layout, "pki": pki, "doc": doc,
                   "draft": draft, "url": url, "fetched": fetched, "tsa": tsa_url}


def test_an_extended_document_validates_as_b_lt_with_no_network(world, tmp_path):
    doc, layout = world["doc"], world["layout"]
    out = tmp_path / "lt.pdf"
    assert extend_long_term(doc.files.issued_pdf, out, [layout.root]) == B_LT
    assert any(p.endswith("intermediate.crl") for p in world["fetched"])
    fetched = len(world["fetched"])
    before = validate_long_term(doc.files.issued_pdf, [layout.root])
    assert not before.ok  # the issued file alone has no revocation data to prove anything in ten years
    report = validate_long_term(out, [layout.root])
    assert report.ok and report.level == B_LT, report
    assert len(world["fetched"]) == fetched  # validation asked the network for nothing
    assert verify(out, [layout.root]).indication == "TOTAL_PASSED"  # the issuance checks still hold
    seen = pdfsig(out, nss_db(tmp_path / "nss", layout.root))  # poppler and NSS: each still valid and trusted
    assert len(seen) == 2 and all(s["valid"] and s["trusted"] for s in seen), seen


def test_with_a_tsa_the_extension_reaches_b_lta(world, tmp_path):
    doc, layout = world["doc"], world["layout"]
    out = tmp_path / "lta.pdf"
    assert extend_long_term(doc.files.issued_pdf, out, [layout.root], world["tsa"]) == B_LTA
    report = validate_long_term(out, [layout.root])
    assert report.ok and report.level == B_LTA, report
    assert verify(out, [layout.root]).indication == "TOTAL_PASSED"


def _signed_by_a_revoked_leader(world, tmp_path, key: str, hours_before: int):
    """The plan signed by a leader certificate revoked `hours_before` now; (unit, that certificate, the PDF)."""
    pki, layout, province = world["pki"], world["layout"], world["province"]
    unit = province.unit(UNIT)
    revoked = pki.issue(Subject(key, unit.leader.name, unit.name, unit.place), "nguoi-ky")
    pki.revoke(revoked.cert, dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=hours_before))
    signed = tmp_path / "signed.pdf"
    sign_as_leader(unit, world["draft"].pdf, signed, load_pkcs12(Pkcs12Key(revoked.p12), PASSWORD),
                   layout.signature_image(UNIT))
    return unit, revoked, signed


def test_a_certificate_revoked_before_signing_is_reported_revoked(world, tmp_path):
    layout, draft = world["layout"], world["draft"]
    unit, _, signed = _signed_by_a_revoked_leader(world, tmp_path, "da-thu-hoi", 1)
    issued = tmp_path / "issued.pdf"
    from dispatch.register import open_register

    with open_register(tmp_path / "so.sqlite") as register:
        issue_as_office(unit, signed, issued, register, load_pkcs12(Pkcs12Key(layout.org_p12(UNIT)), PASSWORD),
                        layout.seal_image(UNIT), draft.created.date())
    out = tmp_path / "lt.pdf"
    with pytest.raises(SigningError, match="chứng thư số đã bị thu hồi") as refused:  # not extended, not archived
        extend_long_term(issued, out, [layout.root])
    assert not out.exists() and str(refused.value).startswith("Không bổ sung được")


def test_embedded_revocation_data_naming_the_signer_revoked_fails_long_term_validation(world, tmp_path):
    """What an archivist may be handed: a file whose DSS already carries the CRL that revokes its signer."""
    import io

    from asn1crypto import crl as asn1_crl
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.sign.validation.dss import DocumentSecurityStore

    pki, layout = world["pki"], world["layout"]
    _, revoked, signed = _signed_by_a_revoked_leader(world, tmp_path, "thu-hoi-truoc", 2)
    der = lambda c: asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))  # noqa: E731
    crls = [asn1_crl.CertificateList.load((layout.folder / "crl" / f"{n}.crl").read_bytes())
            for n in ("root", "intermediate")]
    buf = io.BytesIO(signed.read_bytes())
    DocumentSecurityStore.add_dss(buf, None, certs=[der(pki.intermediate), der(revoked.cert)], crls=crls)
    (tmp_path / "with-dss.pdf").write_bytes(buf.getvalue())
    report = validate_long_term(tmp_path / "with-dss.pdf", [layout.root])
    assert not report.ok and ("ChuKyLanhDao", "revoked") in report.signatures, report


def test_the_command_line_extends_and_checks_for_the_long_term(world, tmp_path, capsys):
    from thidua.cli import main

    doc, layout = world["doc"], world["layout"]
    out = tmp_path / "luu-tru.pdf"
    common = ["--data", str(world["data"])]
    assert main([*common, "extend", str(doc.files.issued_pdf), "--pki", str(layout.folder), "--tsa", world["tsa"],
                 "--out", str(out)]) == 0
    assert "PAdES B-LTA" in capsys.readouterr().out
    assert main([*common, "verify", str(out), "--long-term", "--pki", str(layout.folder)]) == 0
    said = capsys.readouterr().out
    assert "ĐẠT PAdES B-LTA" in said and "ChuKyToChuc: hợp lệ" in said
    assert main([*common, "verify", str(doc.files.issued_pdf), "--long-term", "--pki", str(layout.folder)]) == 1
    assert "không có dữ liệu kiểm tra hiệu lực" in capsys.readouterr().out


# ---------------------------------------------------------------- item 5: archival packages


@pytest.fixture(scope="module")
def packages(world):
    base = world["base"]
    settings = Settings(data=world["data"], out=base / "out", year=2024, register=str(base / "so.sqlite"),
                        pki=world["layout"].folder)
    made = archive_year(settings, base / "luu-tru", tsa_url=world["tsa"])
    return settings, made


def test_each_agency_dossier_is_one_package_that_verifies(packages, world):
    settings, made = packages
    assert [m.dossier.organ_id for m in made] == [world["province"].unit(UNIT).organ_id]
    [package] = made
    names = zipfile.ZipFile(package.path).namelist()
    top = package.dossier.file_code
    for part in ("METS.xml", "metadata/descriptive/EAD.xml", "metadata/descriptive/EAD_doc_001.xml",
                 "metadata/preservation/PREMIS.xml", "representations/rep1/METS.xml", "schemas/tt05-metadata.xsd",
                 "documentation/README.txt"):
        assert f"{top}/{part}" in names, part
    assert {a.level for a in package.dossier.documents} == {B_LTA}
    report = verify_archive(settings, package.path)
    assert report.ok, report.problems
    assert report.checked and report.not_checked  # says what it did not check


def _rewritten(src: Path, dst: Path, change) -> Path:
    """A copy of the package with `change(name, data) -> data | None` applied (None drops the file)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = change(info.filename, zin.read(info))
            if data is not None:
                zout.writestr(info, data)
    return dst


def _flip_pdf_byte(name, data):
    if name.endswith(".pdf"):
        data = bytearray(data)
        data[len(data) // 3] ^= 0x01
    return bytes(data)


def _drop_premis(name, data):
    return None if name.endswith("PREMIS.xml") else data


def _wrong_checksum(name, data):
    if name.endswith("/METS.xml") and name.count("/") == 1:
        return data.replace(b'CHECKSUM="', b'CHECKSUM="0', 1)
    return data


@pytest.mark.parametrize("change, cause", [
    (_flip_pdf_byte, "giá trị băm SHA-256 không khớp"),
    (_drop_premis, "thiếu tệp metadata/preservation/PREMIS.xml"),
    (_wrong_checksum, "giá trị băm SHA-256 không khớp"),
])
def test_a_damaged_package_fails_naming_the_cause(packages, tmp_path, change, cause):
    settings, [package] = packages
    bad = _rewritten(package.path, tmp_path / "hong.zip", change)
    report = verify_archive(settings, bad)
    assert not report.ok and any(cause in p for p in report.problems), report.problems
    if change is _flip_pdf_byte:  # the signatures say so too, not only the checksum
        assert any("chữ ký số" in p or "hiệu lực dài hạn" in p for p in report.problems), report.problems


def test_a_metadata_field_over_its_length_fails_naming_the_field(packages, tmp_path):
    import hashlib

    settings, [package] = packages
    long_subject = b"<subject>" + "Trích yếu quá dài ".encode() * 40 + b"</subject>"
    edited = {}

    def change(name, data):
        if name.endswith("EAD_doc_001.xml"):
            import re

            data = re.sub(rb"<subject>.*?</subject>", long_subject, data, flags=re.S)
            edited["ead"] = data
        return data

    step = _rewritten(package.path, tmp_path / "dai.zip", change)

    def fix_mets(name, data):  # the checksum made right again: only the length is wrong
        if name.endswith("/METS.xml") and name.count("/") == 1:
            with zipfile.ZipFile(package.path) as z:
                old = z.read(name.replace("METS.xml", "metadata/descriptive/EAD_doc_001.xml"))
            data = data.replace(hashlib.sha256(old).hexdigest().encode(),
                                hashlib.sha256(edited["ead"]).hexdigest().encode())
            data = data.replace(f'SIZE="{len(old)}"'.encode(), f'SIZE="{len(edited["ead"])}"'.encode())
        return data

    bad = _rewritten(step, tmp_path / "dai2.zip", fix_mets)
    report = verify_archive(settings, bad)
    assert not report.ok
    assert any("EAD_doc_001.xml" in p and "subject" in p for p in report.problems), report.problems
    assert not any("băm" in p for p in report.problems), report.problems


def test_eark_validator_finds_the_package_valid(packages, tmp_path):
    """The E-ARK structural checks of an independent validator: eark-validator 1.1.3 (its own environment, made
    by `make test`), CSIP 2.1: package structure, METS schema, CSIP Schematron rules."""
    settings, [package] = packages
    report = eark_report(package.path)
    assert report["structure"]["status"] == "WellFormed"
    assert report["metadata"]["schema_results"]["status"] == "VALID"
    assert report["metadata"]["schematron_results"]["status"] == "VALID"
    assert eark_errors(report) == []
    # and the validator does find a broken one: the METS without its profile
    broken = _rewritten(package.path, tmp_path / "khong-profile.zip",
                        lambda n, d: d.replace(b' PROFILE="', b' XPROFILE="', 1) if n.count("/") == 1
                        and n.endswith("METS.xml") else d)
    assert "CSIP6" in eark_errors(eark_report(broken))


def test_the_command_line_archives_and_verifies(world, tmp_path, capsys):
    from thidua.cli import main

    base = world["base"]
    common = ["--data", str(world["data"])]
    options = ["--year", "2024", "--register", str(base / "so.sqlite"), "--pki", str(world["layout"].folder)]
    assert main([*common, "archive", str(tmp_path / "kho"), *options]) == 0
    said = capsys.readouterr().out
    assert "Hồ sơ 000." in said and "PAdES B-LT" in said
    [package] = sorted((tmp_path / "kho").glob("*.zip"))
    assert main([*common, "archive", "verify", str(package), *options]) == 0
    said = capsys.readouterr().out
    assert "ĐẠT" in said and "Không kiểm tra:" in said
    bad = _rewritten(package, tmp_path / "hong.zip", _drop_premis)
    assert main([*common, "archive", "verify", str(bad), *options]) == 1
    assert "KHÔNG ĐẠT" in capsys.readouterr().out
