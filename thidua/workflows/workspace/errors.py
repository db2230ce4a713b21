"""The workspace's refusals: what a front end shows the user as is, never a traceback."""
from __future__ import annotations

from generators.core.errors import ThiduaError


class Refused(ThiduaError):
    """An action the account may not take, or on a thing it may not see."""


class LoginRefused(ThiduaError):
    """Wrong name or password, or too many failures: one message for both, so names cannot be probed."""
