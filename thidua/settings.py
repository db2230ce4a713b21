"""Settings: the only place that reads the environment. Front ends build one, workflows receive it."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Mapping

from dispatch.edxml.config import DATE_ORDERS
from generators.core.errors import ConfigError
from generators.core.resources import sample_data_folder

PASSWORD_ENV = "THIDUA_KEY_PASSWORD"
PIN_ENV = "THIDUA_PIN"
ACCOUNT_PASSWORD_ENV = "THIDUA_ACCOUNT_PASSWORD"
REMOTE_CONFIG_ENV = "THIDUA_REMOTE_CONFIG"
REMOTE_SECRET_PREFIX = "THIDUA_REMOTE_"  # the services file names its secrets' variables, all with this prefix
REGISTER_NAME = "so-dang-ky-van-ban-di.sqlite"


def _date_order(text: str) -> str:
    if text not in DATE_ORDERS:
        raise ValueError(text)
    return text


@dataclass(frozen=True)
class Settings:
    data: Path
    """The province's data folder (province.yaml, plan.yaml, registrations/, commendation/)."""
    out: Path
    """Where documents, the register and the test PKI are written."""
    year: int = 2024
    """The round's year."""
    register: str | None = None
    """The register: a SQLite file path, `sqlite:///path` or `postgresql://…`; None: the year's file in `out`."""
    workers: int = 2
    """Processes that sign and issue in parallel."""
    pki: Path | None = None
    """The test PKI folder; None: `out/pki`."""
    tsa_url: str | None = None
    """An RFC 3161 time-stamping service, or None."""
    key_password: bytes | None = field(default=None, repr=False)
    """The PKCS#12 files' password (THIDUA_KEY_PASSWORD); never printed."""
    pin: bytes | None = field(default=None, repr=False)
    """The token's PIN (THIDUA_PIN); never printed."""
    account_password: bytes | None = field(default=None, repr=False)
    """The password of a workspace account being created (THIDUA_ACCOUNT_PASSWORD); never printed."""
    remote_config: Path | None = None
    """The remote-signing services file (THIDUA_REMOTE_CONFIG), or None."""
    remote_secrets: Mapping[str, str] = field(default_factory=dict, repr=False)
    """Every THIDUA_REMOTE_* variable but the file's: the secrets the services file names; never printed."""
    redis_url: str | None = None
    """The Redis server of the task queue (THIDUA_REDIS), e.g. redis://127.0.0.1:6379/0; None: the web server
    runs its jobs in its own thread."""
    edxml_dates: str = "yyyy/MM/dd"
    """How edXML packages write dates (THIDUA_EDXML_DATES): "yyyy/MM/dd" (the government office's samples) or
    "dd/MM/yyyy"; packages received are read in either."""

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None, **given) -> "Settings":
        """Values given by a front end win; the rest come from THIDUA_* variables, then the defaults."""
        env = os.environ if environ is None else environ
        given = {k: v for k, v in given.items() if v is not None}

        def pick(key: str, var: str, convert, default):
            if key in given:
                return given[key]
            if env.get(var):
                try:
                    return convert(env[var])
                except ValueError:
                    raise ConfigError(f"Biến môi trường {var} có giá trị không hợp lệ: «{env[var]}».") from None
            return default

        secret = lambda var: env[var].encode("utf-8") if var in env else None  # noqa: E731
        return cls(
            data=Path(pick("data", "THIDUA_DATA", Path, sample_data_folder())),
            out=Path(pick("out", "THIDUA_OUT", Path, Path("out"))),
            year=pick("year", "THIDUA_YEAR", int, 2024),
            register=pick("register", "THIDUA_REGISTER", str, None),
            workers=pick("workers", "THIDUA_WORKERS", int, 2),
            pki=pick("pki", "THIDUA_PKI", Path, None),
            tsa_url=pick("tsa_url", "THIDUA_TSA", str, None),
            key_password=given.get("key_password", secret(PASSWORD_ENV)),
            pin=given.get("pin", secret(PIN_ENV)),
            account_password=given.get("account_password", secret(ACCOUNT_PASSWORD_ENV)),
            remote_config=pick("remote_config", REMOTE_CONFIG_ENV, Path, None),
            redis_url=pick("redis_url", "THIDUA_REDIS", str, None),
            edxml_dates=pick("edxml_dates", "THIDUA_EDXML_DATES", _date_order, "yyyy/MM/dd"),
            remote_secrets=given.get("remote_secrets", {k: v for k, v in env.items()
                                                        if k.startswith(REMOTE_SECRET_PREFIX) and k != REMOTE_CONFIG_ENV}),
        )

    def __post_init__(self):
        if self.edxml_dates not in DATE_ORDERS:
            raise ConfigError(f"Cách ghi ngày của gói tin edXML «{self.edxml_dates}» không hợp lệ; chọn một trong: "
                              f"{', '.join(DATE_ORDERS)}.")

    def but(self, **changes) -> "Settings":
        return replace(self, **changes)

    @property
    def year_dir(self) -> Path:
        return self.out / str(self.year)

    @property
    def pki_folder(self) -> Path:
        return self.pki or self.out / "pki"

    @property
    def register_target(self) -> str | Path:
        return self.register or self.year_dir / REGISTER_NAME
