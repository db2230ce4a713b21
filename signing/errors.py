"""Typed errors of signing; messages are Vietnamese, for the person at the keyboard."""
from __future__ import annotations


class SigningError(Exception):
    """Base of every signing error reported to a user instead of a traceback."""


class KeyAccessError(SigningError):
    """A key or certificate cannot be opened (missing file, wrong password or PIN, no token)."""


class PlacementError(SigningError):
    """The PDF lacks an anchor (title, name, Số:, date line) where a field must go."""


class DocumentStateError(SigningError):
    """The document is not in the state this step needs (e.g. issuing an unsigned file)."""
