"""Names in X.509 certificates: UTF-8 names of Vietnamese agencies are often over the 64-byte limit."""
from __future__ import annotations

# Usual abbreviations of Vietnamese agency names, for names over the 64-byte limit.
_ABBREVIATIONS = (("Ủy ban nhân dân", "UBND"), ("Phát triển nông thôn", "PTNT"), ("Trách nhiệm hữu hạn", "TNHH"),
                  ("Một thành viên", "MTV"), ("Cổ phần", "CP"))


def fit(text: str, limit: int = 64) -> str:
    """A name within X.509's 64 (UTF-8 bytes, as cryptography counts): abbreviate, then cut at a word."""
    for long, short in _ABBREVIATIONS:
        if len(text.encode("utf-8")) <= limit:
            break
        text = text.replace(long, short)
    while len(text.encode("utf-8")) > limit:
        text = text.rsplit(" ", 1)[0]
    return text


def same_name(certificate_name: str, printed: str) -> bool:
    """The certificate names the person or agency printed in the document (allowing X.509's shortening)."""
    return certificate_name in (printed, fit(printed))
