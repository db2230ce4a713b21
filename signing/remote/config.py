"""What a remote-signing service is, as plain typed objects; secrets are a separate object passed in by the caller.

The SmartCA defaults (paths, status codes) are our reading of integrators' public reports of VNPT SmartCA's
hash-signing flow, not of VNPT's own document, which could not be checked here: each is configuration."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class CscService:
    """A Cloud Signature Consortium service (API v1 or v2)."""

    name: str
    url: str  # the base before /csc/v1/…
    credential: str  # credentialID
    api_version: str = "v1"  # "v1" or "v2"
    username: str | None = None  # auth/login with HTTP Basic (the password is a secret); else a bearer token, or none
    wait_seconds: float = 120  # the longest wait for one call (an authorization may wait for the user)
    provider: str = "csc"


@dataclass(frozen=True)
class SmartCaStatus:
    """Transaction status codes of the hash-signing flow."""

    done: tuple[int, ...] = (1,)
    waiting: tuple[int, ...] = (4000,)
    rejected: tuple[int, ...] = (4001,)
    expired: tuple[int, ...] = (4002,)


@dataclass(frozen=True)
class SmartCaPaths:
    certificate: str = "/v1/credentials/get_certificate"
    sign: str = "/v1/signatures/sign"
    status: str = "/v1/signatures/sign/{tran_id}/status"


@dataclass(frozen=True)
class SmartCaService:
    """An asynchronous hash-signing flow: submit a transaction, the user approves in the app, poll its status."""

    name: str
    url: str
    sp_id: str  # the service provider's (integrator's) id; its password is a secret
    user_id: str  # the signer's account (often a citizen id number)
    serial_number: str | None = None  # which of the user's certificates, when they have several
    wait_seconds: float = 300  # how long the user has to approve
    poll_seconds: float = 2
    paths: SmartCaPaths = field(default_factory=SmartCaPaths)
    status: SmartCaStatus = field(default_factory=SmartCaStatus)
    provider: str = "smartca"


RemoteService = CscService | SmartCaService


@dataclass(frozen=True)
class RemoteKey:
    service: RemoteService


@dataclass(frozen=True)
class RemoteSecrets:
    """Held only in memory: never printed (no repr), never in an argument."""

    password: str | None = field(default=None, repr=False)  # CSC login password, or SmartCA's sp_password
    token: str | None = field(default=None, repr=False)  # a CSC bearer token obtained elsewhere
    pin: str | None = field(default=None, repr=False)  # a CSC credential's PIN (authMode explicit)
