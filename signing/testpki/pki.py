"""A clearly labelled TEST PKI: root CA, intermediate CA, and signing certificates for people and agencies.

Never for real documents: every CA name says so, and so does the README it writes.
Keys are PKCS#12, protected by a password the caller passes in (taken from the
environment or a prompt by the command line, never from an argument).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from generators.core.files import write_bytes
from signing.names import fit

TEST_MARK = "THỬ NGHIỆM - KHÔNG DÙNG THẬT"


@dataclass(frozen=True)
class Subject:
    """Who a certificate is for: a person (the leader) or an organisation (the agency)."""

    key: str  # file name stem, e.g. the unit code
    common_name: str  # the person's or the agency's name, Vietnamese UTF-8
    organisation: str
    locality: str = "Bạc Liêu"


@dataclass(frozen=True)
class Issued:
    p12: Path
    cert: x509.Certificate


def _name(cn: str, org: str, locality: str | None = None) -> x509.Name:
    cn, org = fit(cn), fit(org)
    attrs = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")]
    if locality:
        attrs.append(x509.NameAttribute(NameOID.LOCALITY_NAME, locality))
    attrs += [x509.NameAttribute(NameOID.ORGANIZATION_NAME, org), x509.NameAttribute(NameOID.COMMON_NAME, cn)]
    return x509.Name(attrs)


def _key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _crl_point(url: str) -> x509.CRLDistributionPoints:
    return x509.CRLDistributionPoints([x509.DistributionPoint([x509.UniformResourceIdentifier(url)], None, None,
                                                              None)])


def _cert(subject, issuer, public_key, signing_key, *, ca: bool, path_length=None,
          not_before: dt.datetime, not_after: dt.datetime, ekus=None, crl: str | None = None) -> x509.Certificate:
    builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer).public_key(public_key)
               .serial_number(x509.random_serial_number()).not_valid_before(not_before).not_valid_after(not_after)
               .add_extension(x509.BasicConstraints(ca=ca, path_length=path_length), critical=True)
               .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False))
    if crl:
        builder = builder.add_extension(_crl_point(crl), critical=False)
    if ca:
        builder = builder.add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False,
                                                      key_encipherment=False, data_encipherment=False,
                                                      key_agreement=False, key_cert_sign=True, crl_sign=True,
                                                      encipher_only=False, decipher_only=False), critical=True)
    else:
        builder = (builder.add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True,
                                                       key_encipherment=False, data_encipherment=False,
                                                       key_agreement=False, key_cert_sign=False, crl_sign=False,
                                                       encipher_only=False, decipher_only=False), critical=True)
                   .add_extension(x509.ExtendedKeyUsage(ekus or [ExtendedKeyUsageOID.EMAIL_PROTECTION]),
                                  critical=False))
    if issuer != subject:
        ski = signing_key.public_key()
        builder = builder.add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ski), critical=False)
    return builder.sign(signing_key, hashes.SHA256())


def _write_private(path: Path, data: bytes) -> None:
    write_bytes(path, data, mode=0o600)


CRL_DIR = "crl"  # root.crl and intermediate.crl, served by whoever publishes the test PKI at `crl_url`


class TestPki:
    """Root and intermediate CAs in a folder; issues PKCS#12 files for subjects. With `crl_url`, every
    certificate below the root names its issuer's CRL (`<crl_url>/root.crl`, `<crl_url>/intermediate.crl`),
    and the CRLs are written to `crl/` at once and after each revocation."""

    __test__ = False  # a test PKI, not a pytest test class

    def __init__(self, folder: Path, password: bytes, crl_url: str | None = None):
        self.folder = Path(folder)
        self.password = password
        self.crl_url = crl_url.rstrip("/") if crl_url else None
        self.revoked: dict[str, list[tuple[int, dt.datetime]]] = {"root": [], "intermediate": []}
        now = dt.datetime.now(dt.timezone.utc)
        self.not_before = now - dt.timedelta(days=1)
        self.not_after = now + dt.timedelta(days=5 * 365)
        self.root_key, self.inter_key = _key(), _key()
        root_name = _name(f"thidua Root CA ({TEST_MARK})", "thidua - PKI thử nghiệm")
        inter_name = _name(f"thidua Issuing CA ({TEST_MARK})", "thidua - PKI thử nghiệm")
        self.root = _cert(root_name, root_name, self.root_key.public_key(), self.root_key, ca=True, path_length=1,
                          not_before=self.not_before, not_after=now + dt.timedelta(days=10 * 365))
        self.intermediate = _cert(inter_name, root_name, self.inter_key.public_key(), self.root_key, ca=True,
                                  path_length=0, not_before=self.not_before, not_after=now + dt.timedelta(days=8 * 365),
                                  crl=self._crl("root"))
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "root.pem").write_bytes(self.root.public_bytes(serialization.Encoding.PEM))
        (self.folder / "intermediate.pem").write_bytes(self.intermediate.public_bytes(serialization.Encoding.PEM))
        (self.folder / "README.txt").write_text(
            f"PKI THỬ NGHIỆM của thidua - {TEST_MARK}.\n"
            "Chứng thư số và khóa trong thư mục này chỉ dùng để chạy thử và kiểm thử; "
            "văn bản ký bằng chúng không có giá trị pháp lý.\n", encoding="utf-8")
        if self.crl_url:
            self.publish_crls()

    def _crl(self, issuer: str) -> str | None:
        return f"{self.crl_url}/{issuer}.crl" if self.crl_url else None

    def revoke(self, cert: x509.Certificate, when: dt.datetime) -> None:
        """Revoke a certificate issued by the intermediate CA as of `when`, and publish the CRLs again."""
        self.revoked["intermediate"].append((cert.serial_number, when))
        self.publish_crls()

    def publish_crls(self, valid_for: dt.timedelta = dt.timedelta(days=7)) -> None:
        now = dt.datetime.now(dt.timezone.utc)
        for name, ca, key in (("root", self.root, self.root_key), ("intermediate", self.intermediate, self.inter_key)):
            builder = (x509.CertificateRevocationListBuilder().issuer_name(ca.subject)
                       .last_update(now - dt.timedelta(minutes=1)).next_update(now + valid_for)
                       .add_extension(x509.CRLNumber(int(now.timestamp() * 1000)), critical=False)
                       .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(key.public_key()),
                                      critical=False))
            for serial, when in self.revoked[name]:
                builder = builder.add_revoked_certificate(
                    x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(when).build())
            crl = builder.sign(key, hashes.SHA256())
            write_bytes(self.folder / CRL_DIR / f"{name}.crl", crl.public_bytes(serialization.Encoding.DER))

    @property
    def root_path(self) -> Path:
        return self.folder / "root.pem"

    def issue(self, subject: Subject, folder: str, *, not_before: dt.datetime | None = None,
              not_after: dt.datetime | None = None, ekus=None) -> Issued:
        """A signing certificate and key (PKCS#12); `ekus` overrides emailProtection (tests of unfit keys)."""
        key = _key()
        cert = _cert(_name(subject.common_name, subject.organisation, subject.locality), self.intermediate.subject,
                     key.public_key(), self.inter_key, ca=False,
                     not_before=not_before or self.not_before, not_after=not_after or self.not_after, ekus=ekus,
                     crl=self._crl("intermediate"))
        blob = pkcs12.serialize_key_and_certificates(
            subject.common_name.encode("utf-8"), key, cert, [self.intermediate, self.root],
            serialization.BestAvailableEncryption(self.password))
        path = self.folder / folder / f"{subject.key}.p12"
        _write_private(path, blob)
        return Issued(path, cert)

    def issue_tsa(self, name: str = "thidua TSA (THỬ NGHIỆM)"):
        """A time-stamping authority's certificate and key (EKU timeStamping, critical), for a test TSA."""
        key = _key()
        subject = _name(name, "thidua - PKI thử nghiệm")
        builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(self.intermediate.subject)
                   .public_key(key.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(self.not_before).not_valid_after(self.not_after)
                   .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                   .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
                   .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(self.inter_key.public_key()),
                                  critical=False))
        if self.crl_url:
            builder = builder.add_extension(_crl_point(self._crl("intermediate")), critical=False)
        return builder.sign(self.inter_key, hashes.SHA256()), key
