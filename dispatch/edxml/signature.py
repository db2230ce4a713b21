"""The enveloped XML signature of a package (XML-DSig, RSA-SHA256), by the sending organisation's certificate.

Signing goes through a pyHanko signer, so the key may be a PKCS#12 file or a PKCS#11 token: signxml builds
and canonicalises the signature and hands the bytes to sign to `_KeyThroughSigner`.
"""
from __future__ import annotations

import asyncio
import base64
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from lxml import etree
from signxml import InvalidCertificate, InvalidDigest, InvalidSignature, XMLSigner, XMLVerifier
from signxml.algorithms import SignatureConstructionMethod
from signxml.exceptions import InvalidInput

from dispatch.errors import PackageRefused


class _KeyThroughSigner:
    """What signxml calls on a private key (`sign`, `key_size`), done by a pyHanko signer."""

    def __init__(self, signer):
        self._signer = signer
        self.key_size = signer.signing_cert.public_key.bit_size

    def sign(self, data: bytes, padding=None, algorithm=None) -> bytes:
        if algorithm is not None and algorithm.name != "sha256":
            raise ValueError("only RSA-SHA256 is used")
        return asyncio.run(self._signer.async_sign_raw(data, "sha256"))


def _chain(signer) -> list[x509.Certificate]:
    leaf = signer.signing_cert
    others = [c for c in signer.cert_registry if c.dump() != leaf.dump()] if signer.cert_registry else []
    return [x509.load_der_x509_certificate(c.dump()) for c in [leaf, *others]]


def sign(root: etree._Element, signer) -> etree._Element:
    """The package signed (URI="" and the enveloped transform: every byte of the file but the signature)."""
    if signer.signing_cert.public_key.algorithm != "rsa":
        raise PackageRefused("Khóa của tổ chức không phải RSA; chữ ký gói tin edXML dùng RSA-SHA256.")
    xml_signer = XMLSigner(method=SignatureConstructionMethod.enveloped, signature_algorithm="rsa-sha256",
                           digest_algorithm="sha256", c14n_algorithm="http://www.w3.org/2001/10/xml-exc-c14n#")
    return xml_signer.sign(root, key=_KeyThroughSigner(signer), cert=_chain(signer))


def _signing_cert(result) -> x509.Certificate:
    """The X509Data certificate whose key verified the signature (signxml checked its chain)."""
    for el in result.signature_xml.iter("{http://www.w3.org/2000/09/xmldsig#}X509Certificate"):
        cert = x509.load_der_x509_certificate(base64.b64decode("".join((el.text or "").split())))
        if cert.public_key().public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo) == result.signature_key:
            return cert
    raise PackageRefused("Không tìm thấy chứng thư số của khóa đã ký gói tin.", "Chữ ký số XML không hợp lệ.")


def verify(root: etree._Element, trust_roots: list[Path], name: str) -> tuple[x509.Certificate, etree._Element]:
    """The signing certificate and the signed content (what the caller reads from then on, never the input),
    once the signature, the digest of the whole file and the chain to a trusted root hold; otherwise
    PackageRefused saying which failed."""
    signatures = root.findall(".//{http://www.w3.org/2000/09/xmldsig#}Signature")
    if len(signatures) != 1:
        raise PackageRefused(f"{name}: gói tin phải có đúng một chữ ký số XML (có {len(signatures)}).",
                             "Gói tin không có chữ ký số hợp lệ.")
    last = None
    for ca in trust_roots:
        try:
            result = XMLVerifier().verify(root, ca_pem_file=str(ca), expect_references=1)
        except InvalidCertificate as exc:
            last = exc
            continue
        except InvalidDigest:
            raise PackageRefused(f"{name}: nội dung gói tin đã bị thay đổi sau khi ký (sai giá trị băm).",
                                 "Nội dung gói tin bị thay đổi sau khi ký.") from None
        except (InvalidSignature, InvalidInput) as exc:
            raise PackageRefused(f"{name}: chữ ký số XML không hợp lệ ({exc}).", "Chữ ký số XML không hợp lệ.") \
                from None
        if result.signed_xml is None or result.signed_xml.getroottree().getroot().tag != root.tag:
            raise PackageRefused(f"{name}: chữ ký số không bao trùm toàn bộ gói tin.", "Chữ ký không bao trùm gói tin.")
        cert = _signing_cert(result)
        if not isinstance(cert.public_key(), rsa.RSAPublicKey):
            raise PackageRefused(f"{name}: khóa ký gói tin không phải RSA.", "Khóa ký không được chấp nhận.")
        return cert, result.signed_xml
    raise PackageRefused(f"{name}: chứng thư số ký gói tin không do tổ chức cung cấp dịch vụ tin cậy cấp "
                         f"({last}).", "Chứng thư số ký gói tin không được tin cậy.")
