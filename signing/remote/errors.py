"""Why a remote signature was not made, in words for the signer. No message carries a secret."""
from __future__ import annotations

from signing.errors import KeyAccessError, SigningError


class RemoteSigningError(SigningError):
    """The service did not sign; every document stays unsigned."""


class ServiceUnreachable(RemoteSigningError):
    """No answer, or no usable answer, from the service."""


class CredentialRefused(KeyAccessError, RemoteSigningError):
    """Wrong login, client secret, PIN or credential."""


class ApprovalRejected(RemoteSigningError):
    """The signer refused the request on their phone."""


class ApprovalExpired(RemoteSigningError):
    """The request was not approved in time."""


class SigningCancelled(RemoteSigningError):
    """Stopped at the user's request while waiting for approval."""
