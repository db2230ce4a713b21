"""Signing keys: a PKCS#12 file or a PKCS#11 token. Secrets are passed in by the caller, never read here."""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pyhanko.sign import signers

from signing.errors import KeyAccessError


@dataclass(frozen=True)
class Pkcs12Key:
    path: Path


@dataclass(frozen=True)
class Pkcs11Key:
    module: Path  # e.g. /usr/lib/softhsm/libsofthsm2.so
    token_label: str
    key_label: str
    cert_label: str | None = None
    chain: tuple[Path, ...] = ()  # CA certificates to ship with the signature (a token holds only the leaf)


def load_pkcs12(key: Pkcs12Key, password: bytes) -> signers.Signer:
    if not Path(key.path).is_file():
        raise KeyAccessError(f"Không tìm thấy tệp khóa {key.path}.")
    signer = signers.SimpleSigner.load_pkcs12(str(key.path), passphrase=password)
    if signer is None:
        raise KeyAccessError(f"Không mở được {Path(key.path).name}: sai mật khẩu hoặc tệp hỏng.")
    return signer


@contextmanager
def pkcs11_signer(key: Pkcs11Key, pin: bytes):
    """A session on the token for the duration of the block."""
    from pyhanko.config.pkcs11 import TokenCriteria
    from pyhanko.sign import pkcs11

    try:
        session = pkcs11.open_pkcs11_session(str(key.module), token_criteria=TokenCriteria(label=key.token_label),
                                             user_pin=pin.decode())
    except Exception as exc:  # the library raises many types: no token, wrong PIN, bad module
        reason = {"PinIncorrect": "sai PIN", "PinLenRange": "sai PIN", "PinLocked": "token đã bị khóa PIN"}.get(
            type(exc).__name__, f"{type(exc).__name__}: không có token này hoặc thư viện PKCS#11 không dùng được")
        raise KeyAccessError(f"Không mở được token «{key.token_label}» ({reason}).") from None
    try:
        from pyhanko.keys import load_cert_from_pemder

        chain = [load_cert_from_pemder(str(p)) for p in key.chain]
        yield pkcs11.PKCS11Signer(session, key_label=key.key_label, cert_label=key.cert_label or key.key_label,
                                  ca_chain=chain)
    finally:
        session.close()
