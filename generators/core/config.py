"""Load the province and plan configuration (YAML) into the typed model."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from generators.core.errors import ConfigError
from generators.core.model import LegalGround, Plan, Province, Quota, Signer, Unit, UnitKind
from generators.core.text import nfc


def _norm(value):
    """NFC every string of a loaded YAML tree."""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list):
        return [_norm(v) for v in value]
    if isinstance(value, dict):
        return {_norm(k): _norm(v) for k, v in value.items()}
    return value


def _read(path: Path) -> dict:
    try:
        with open(path, encoding="utf-8") as fh:
            return _norm(yaml.safe_load(fh))
    except FileNotFoundError:
        raise ConfigError(f"Không tìm thấy tệp cấu hình {path}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"Tệp cấu hình {path} sai cú pháp YAML: {exc}") from None


def _date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def load_province(data_dir: Path) -> Province:
    data_dir = Path(data_dir)
    prov = _read(data_dir / "province.yaml")
    plan = load_plan(data_dir / "plan.yaml")
    kinds = {
        code: UnitKind(code=code, label=k["label"], head=k["head"], deputy=k["deputy"], body=k.get("body"),
                       seal_mm=float(k.get("seal_mm", 36)))
        for code, k in prov["kinds"].items()
    }
    units: dict[str, Unit] = {}
    for raw in prov["units"]:
        try:
            code = raw["code"]
            kind = kinds[raw["kind"]]
            leader = raw.get("leader")
            units[code] = Unit(
                code=code,
                name=raw["name"],
                kind=kind,
                abbr=raw["abbr"],
                place=raw["place"],
                header_agency=tuple(raw["header"]["agency"]),
                header_parent=raw["header"].get("parent"),
                parent=raw.get("parent"),
                plan_role=raw.get("plan_role"),
                leader=Signer(leader["name"], leader.get("role", "head")) if leader else None,
                body=raw.get("body"),
                drafting_abbr=raw.get("drafting_abbr", "VP"),
                valid_from=_date(raw.get("valid_from")),
                valid_to=_date(raw.get("valid_to")),
                successor=raw.get("successor"),
                members=tuple(raw.get("members", ())),
            )
        except KeyError as exc:
            raise ConfigError(
                f"province.yaml: đơn vị {raw.get('code', '?')} thiếu trường {exc.args[0]}"
            ) from None
    for unit in units.values():
        for ref in [unit.parent, unit.successor, *unit.members]:
            if ref and ref not in units:
                raise ConfigError(f"province.yaml: đơn vị {unit.code} tham chiếu mã {ref} không có")
    return Province(name=prov["province"]["name"], place=prov["province"]["place"], units=units, plan=plan, kinds=kinds)


def load_plan(path: Path) -> Plan:
    raw = _read(path)
    quotas = {}
    for role, q in raw["quotas"].items():
        month, day = (int(x) for x in str(q["deadline"]).split("-"))
        quotas[role] = Quota(
            role=role,
            label=q["label"],
            minimum=q["min"],
            maximum=q.get("max"),
            target=q.get("target"),
            deadline=(month, day),
            send_to=q["send_to"],
            kinds=tuple(q["kinds"]) if q.get("kinds") else None,
        )
    return Plan(
        notation=raw["plan"]["notation"],
        date=_date(raw["plan"]["date"]),
        issuer=raw["plan"]["issuer"],
        title=raw["plan"]["title"],
        quotas=quotas,
        kinds=tuple(raw["entry_kinds"]),
        fields=tuple(raw["fields"]),
        legal_grounds=tuple(
            LegalGround(g["text"], _date(g.get("valid_from")), _date(g.get("valid_to")))
            for g in raw["legal_grounds"]
        ),
        recipients={role: tuple(r) for role, r in raw["recipients"].items()},
        assignments={
            role: tuple((a["who"], a["task"]) for a in items) for role, items in raw["assignments"].items()
        },
        board=raw["board"],
        funding=raw["funding"],
    )
