"""Remote signing from the settings: the services file (THIDUA_REMOTE_CONFIG) read and checked, each secret taken
from the environment variable the file names, the provider's session opened."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from generators.core.errors import ConfigError
from generators.core.schema import check
from generators.core.yamlfile import read_yaml
from signing.remote.config import (CscService, RemoteKey, RemoteSecrets, SmartCaPaths, SmartCaService,
                                   SmartCaStatus)
from signing.remote.session import open_remote
from thidua.settings import REMOTE_CONFIG_ENV, REMOTE_SECRET_PREFIX, Settings

_URL = {"type": "string", "pattern": "^https?://", "maxLength": 500, "description": "địa chỉ http:// hoặc https://"}
_TEXT = {"type": "string", "minLength": 1, "maxLength": 300}
_ENV = {"type": "string", "pattern": f"^{REMOTE_SECRET_PREFIX}[A-Z0-9_]+$",
        "description": f"tên biến môi trường {REMOTE_SECRET_PREFIX}… (chữ in hoa, số, dấu _)"}
_SECONDS = {"type": "number", "exclusiveMinimum": 0, "maximum": 3600}
_CODES = {"type": "array", "items": {"type": "integer"}, "minItems": 1}
_CSC = {"type": "object", "additionalProperties": False, "required": ["provider", "url", "credential"],
        "properties": {"provider": {"const": "csc"}, "url": _URL, "credential": _TEXT,
                       "api_version": {"enum": ["v1", "v2"]}, "username": _TEXT, "password_env": _ENV,
                       "token_env": _ENV, "pin_env": _ENV, "wait_seconds": _SECONDS}}
_SMARTCA = {"type": "object", "additionalProperties": False,
            "required": ["provider", "url", "sp_id", "sp_password_env", "user_id"],
            "properties": {"provider": {"const": "smartca"}, "url": _URL, "sp_id": _TEXT, "sp_password_env": _ENV,
                           "user_id": _TEXT, "serial_number": _TEXT, "wait_seconds": _SECONDS,
                           "poll_seconds": _SECONDS,
                           "paths": {"type": "object", "additionalProperties": False,
                                     "properties": {k: _TEXT for k in ("certificate", "sign", "status")}},
                           "status": {"type": "object", "additionalProperties": False,
                                      "properties": {k: _CODES for k in ("done", "waiting", "rejected", "expired")}}}}
SCHEMA = {"type": "object", "required": ["services"], "additionalProperties": False,
          "properties": {"services": {"type": "object", "minProperties": 1,
                                      "additionalProperties": {
                                          "type": "object", "required": ["provider"],
                                          "properties": {"provider": {"enum": ["csc", "smartca"]}},
                                          "if": {"properties": {"provider": {"const": "csc"}}},
                                          "then": _CSC, "else": _SMARTCA}}}}


@dataclass(frozen=True)
class RemoteChoice:
    """The key source a front end chose: a service of the services file by name."""

    name: str
    progress: Callable[[str], None] | None = field(default=None, compare=False)
    cancel: threading.Event | None = field(default=None, compare=False)


def load_services(path: Path) -> dict[str, tuple[object, dict]]:
    """Each service by name: its typed description and the names of its secrets' variables."""
    document = read_yaml(Path(path))
    check(document, SCHEMA)
    services = {}
    for name, raw in document.data["services"].items():
        if raw["provider"] == "csc":
            service = CscService(name=name, url=raw["url"], credential=raw["credential"],
                                 api_version=raw.get("api_version", "v1"), username=raw.get("username"),
                                 wait_seconds=raw.get("wait_seconds", 120))
            names = {k: raw.get(f"{k}_env") for k in ("password", "token", "pin")}
        else:
            status = {k: tuple(v) for k, v in raw.get("status", {}).items()}
            service = SmartCaService(name=name, url=raw["url"], sp_id=raw["sp_id"], user_id=raw["user_id"],
                                     serial_number=raw.get("serial_number"),
                                     wait_seconds=raw.get("wait_seconds", 300), poll_seconds=raw.get("poll_seconds", 2),
                                     paths=SmartCaPaths(**raw.get("paths", {})), status=SmartCaStatus(**status))
            names = {"password": raw["sp_password_env"]}
        services[name] = (service, names)
    return services


def remote_key(settings: Settings, name: str) -> tuple[RemoteKey, RemoteSecrets]:
    if settings.remote_config is None:
        raise ConfigError(f"Chưa có tệp cấu hình ký số từ xa: đặt biến môi trường {REMOTE_CONFIG_ENV}.")
    services = load_services(settings.remote_config)
    if name not in services:
        raise ConfigError(f"Tệp {settings.remote_config} không có dịch vụ ký số «{name}»; có: "
                          + ", ".join(sorted(services)) + ".")
    service, names = services[name]
    secrets = {k: settings.remote_secrets.get(var) for k, var in names.items() if var}
    missing = [var for k, var in names.items() if var and secrets.get(k) is None]
    if missing:
        raise ConfigError(f"Dịch vụ ký số «{name}» cần biến môi trường {', '.join(missing)} (không ghi vào lệnh).")
    return RemoteKey(service), RemoteSecrets(**secrets)


def open_remote_signer(choice: RemoteChoice, settings: Settings):
    key, secrets = remote_key(settings, choice.name)
    return open_remote(key, secrets, choice.progress, choice.cancel)
