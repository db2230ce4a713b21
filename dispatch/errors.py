"""Typed errors of the records office's layer: the register, and later dispatch and archive."""
from __future__ import annotations

from generators.core.errors import ThiduaError


class DispatchError(ThiduaError):
    """Base of every error of `dispatch`; its message is Vietnamese, for the records office."""


class RegisterError(DispatchError):
    """The register cannot be opened or written (wrong address, server down, unknown schema version)."""
