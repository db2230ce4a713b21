"""Typed errors of the records office's layer: the register, dispatch and receipt."""
from __future__ import annotations

from generators.core.errors import ThiduaError


class DispatchError(ThiduaError):
    """Base of every error of `dispatch`; its message is Vietnamese, for the records office."""


class RegisterError(DispatchError):
    """The register cannot be opened or written (wrong address, server down, unknown schema version)."""


class PackageRefused(DispatchError):
    """An edXML package failed a check (schema, XML signature, attachment, its signatures, the register); the
    message says which, in Vietnamese. `status_reason` is what the status package tells the sender."""

    def __init__(self, message: str, status_reason: str | None = None):
        super().__init__(message)
        self.status_reason = status_reason or message


class ArchiveError(DispatchError):
    """An archival package cannot be written (metadata over the circular's lengths, a document not extended)."""
