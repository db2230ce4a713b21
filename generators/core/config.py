"""Load the province and plan configuration (YAML) into the typed model."""
from __future__ import annotations

import datetime as dt
import re
from contextlib import contextmanager
from pathlib import Path

from generators.core.errors import ConfigError
from generators.core.model import LegalGround, Plan, Province, Quota, Signer, Unit, UnitKind
from generators.core.schema import PLAN, PROVINCE, check
from generators.core.titles import conflicting_leaders, title_of
from generators.core.yamlfile import read_yaml


def _read(path: Path, schema: dict) -> dict:
    document = read_yaml(path)
    check(document, schema)
    return document.data


@contextmanager
def _reading(path: Path, what: str = ""):
    """A missing key or a value of the wrong type anywhere in the file becomes one ConfigError naming it."""
    try:
        yield
    except KeyError as exc:
        raise ConfigError(f"{path}: {what}thiếu trường «{exc.args[0]}».") from None
    except (TypeError, ValueError, AttributeError) as exc:
        raise ConfigError(f"{path}: {what}giá trị sai kiểu hoặc không hợp lệ ({exc}).") from None


def _date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


# Unit codes name folders and files: letters (Vietnamese capitals allowed), digits, '-' and '_', at most 40.
SAFE_CODE = re.compile(r"[A-Z0-9ĐƠƯÂÊÔĂ][A-Z0-9ĐƠƯÂÊÔĂ_-]{0,39}")


def check_code(code, where: str) -> str:
    if not isinstance(code, str) or not SAFE_CODE.fullmatch(code):
        shown = repr(code)[:60]
        raise ConfigError(f"{where}: mã đơn vị {shown} không hợp lệ: mã chỉ gồm chữ in hoa, chữ số, '-' hoặc '_', "
                          f"tối đa 40 ký tự (mã dùng để đặt tên thư mục và tệp).")
    return code


def _deadline(value) -> tuple[int, int]:
    month, day = (int(x) for x in str(value).split("-"))
    dt.date(2024, month, day)  # a day that exists (29/02 allowed)
    return month, day


def load_province(data_dir: Path) -> Province:
    data_dir = Path(data_dir)
    path = data_dir / "province.yaml"
    prov = _read(path, PROVINCE)
    plan = load_plan(data_dir / "plan.yaml")
    with _reading(path, "mục «kinds»: "):
        kinds = {
            code: UnitKind(code=code, label=k["label"], head=k["head"], deputy=k["deputy"], body=k.get("body"),
                           seal_mm=float(k.get("seal_mm", 36)), own_authority=tuple(k.get("own_authority", ())),
                           sealed=bool(k.get("sealed", True)))
            for code, k in prov["kinds"].items()
        }
    units: dict[str, Unit] = {}
    for n, raw in enumerate(prov["units"], start=1):  # types, keys and shapes: checked by the schema
        with _reading(path, f"đơn vị thứ {n} ({raw['code']}): "):
            code = check_code(raw["code"], "province.yaml")
            if code in units:
                raise ConfigError(f"{path}: mã đơn vị «{code}» lặp lại (đơn vị thứ {n}); mỗi mã chỉ dùng một lần.")
            if raw["kind"] not in kinds:
                raise ConfigError(f"{path}: đơn vị {code} có loại «{raw['kind']}» không có trong «kinds».")
            kind = kinds[raw["kind"]]
            leader = raw.get("leader")
            units[code] = Unit(
                code=code,
                name=str(raw["name"]),
                kind=kind,
                abbr=str(raw["abbr"]),
                place=str(raw["place"]),
                header_agency=tuple(str(x) for x in raw["header"]["agency"]),
                header_parent=raw["header"].get("parent"),
                parent=raw.get("parent"),
                plan_role=raw.get("plan_role"),
                leader=_signer(code, leader) if leader else None,
                body=raw.get("body"),
                drafting_abbr=raw.get("drafting_abbr", "VP"),
                valid_from=_date(raw.get("valid_from")),
                valid_to=_date(raw.get("valid_to")),
                successor=raw.get("successor"),
                members=tuple(raw.get("members", ())),
                lead=raw.get("lead"),
                level=raw.get("level"),
                organ_id=raw.get("organ_id"),
            )
    for unit in units.values():
        for ref in [unit.parent, unit.successor, unit.lead, *unit.members]:
            if ref and ref not in units:
                raise ConfigError(f"province.yaml: đơn vị {unit.code} tham chiếu mã {ref} không có")
    _refuse_cycles(units, path)
    for first, second in conflicting_leaders(units):
        raise ConfigError(f"{path}: «{second.leader.name}» ký cho hai đơn vị trong cùng thời gian, với hai chức vụ: "
                          f"{title_of(first)} (đơn vị {first.code}) và {title_of(second)} (đơn vị {second.code}); "
                          f"một người chỉ giữ một chức vụ tại một ngày.")
    with _reading(path):
        return Province(name=prov["province"]["name"], place=prov["province"]["place"], units=units, plan=plan,
                        kinds=kinds)


def _refuse_cycles(units: dict[str, Unit], path: Path) -> None:
    """A unit that is its own ancestor would make every walk up the hierarchy endless."""
    for code in units:
        seen, cur = [code], units[code].parent
        while cur:
            if cur in seen:
                raise ConfigError(f"{path}: cấp trên của các đơn vị tạo thành vòng: {' → '.join(seen + [cur])}.")
            seen.append(cur)
            cur = units[cur].parent


def _signer(code: str, leader: dict) -> Signer:
    role = leader.get("role", "head")
    if role in ("by_order", "authorized") and not leader.get("title"):
        prefix = "TL." if role == "by_order" else "TUQ."
        raise ConfigError(f"Đơn vị «{code}»: người ký {prefix} ({role}) cần ghi chức vụ của mình (leader.title), ví "
                          "dụ «CHÁNH VĂN PHÒNG».")
    return Signer(str(leader["name"]), role, leader.get("title"))


def load_plan(path: Path) -> Plan:
    raw = _read(path, PLAN)
    with _reading(path):
        quotas = {}
        for role, q in raw["quotas"].items():
            quotas[role] = Quota(
                role=role,
                label=q["label"],
                minimum=q["min"],
                maximum=q.get("max"),
                target=q.get("target"),
                deadline=_deadline(q["deadline"]),
                send_to=q["send_to"],
                kinds=tuple(q["kinds"]) if q.get("kinds") else None,
                deadlines=tuple(sorted((int(y), _deadline(d)) for y, d in (q.get("deadlines") or {}).items())),
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
