"""JSON Schemas of province.yaml and plan.yaml, and Vietnamese messages naming the line of each mistake.

The loader still checks what a schema cannot say (references between units, cycles, quotas' roles); the schema
makes every wrong type, missing field or misspelt key a message instead of a traceback.
"""
from __future__ import annotations

import datetime as dt

from jsonschema import Draft202012Validator

from generators.core.errors import ConfigError
from generators.core.yamlfile import YamlDocument

_TEXT = {"type": "string", "minLength": 1, "maxLength": 2000}
_NAME = {"type": "string", "minLength": 1, "maxLength": 300}
_DATE = {"type": "string", "format": "date"}
_CODE = {"type": "string", "minLength": 1, "maxLength": 40}
_TEXTS = {"type": "array", "items": _TEXT}


def _record(required: dict, optional: dict | None = None) -> dict:
    return {"type": "object", "required": list(required), "additionalProperties": False,
            "properties": {**required, **(optional or {})}}


PROVINCE = _record(
    {
        "province": _record({"name": _NAME, "place": _NAME}),
        "kinds": {"type": "object", "minProperties": 1, "additionalProperties": _record(
            {"label": _NAME, "head": _NAME, "deputy": _NAME},
            {"body": _NAME, "seal_mm": {"type": "number", "minimum": 20, "maximum": 60},
             "own_authority": {"type": "array", "items": _CODE}, "sealed": {"type": "boolean"}})},
        "units": {"type": "array", "minItems": 1, "items": _record(
            {"code": {"type": "string"},  # what a unit code may be, check_code says
             "name": _NAME, "kind": _CODE, "abbr": _CODE, "place": _NAME,
             "header": _record({"agency": {"type": "array", "minItems": 1, "maxItems": 4, "items": _NAME}},
                               {"parent": {"type": ["string", "null"], "maxLength": 300}})},
            {"short": _NAME, "parent": {"type": ["string", "null"]}, "plan_role": {"type": ["string", "null"]},
             "leader": {**_record({"name": _NAME}, {"role": {"enum": ["head", "deputy", "acting", "by_order", "authorized"]},
                                                     "title": _NAME}), "type": ["object", "null"]},
             "body": {"type": ["string", "null"]}, "drafting_abbr": _CODE, "valid_from": _DATE, "valid_to": _DATE,
             "successor": {"type": ["string", "null"]}, "members": {"type": "array", "items": _CODE},
             "lead": _CODE,
             # mã định danh (Decision 20/2020/QĐ-TTg, QCVN 102): A-Z, 0-9 and dots, up to 35 characters
             "organ_id": {"type": "string", "pattern": "^[A-Z0-9.]{1,35}$"},
             "level": {"enum": ["thành phố", "thị xã", "huyện", "phường", "xã", "thị trấn"]}})},
    },
)

PLAN = _record(
    {
        "plan": _record({"notation": _NAME, "date": _DATE, "issuer": _NAME, "title": _TEXT}),
        "board": _CODE,
        "quotas": {"type": "object", "minProperties": 1, "additionalProperties": _record(
            {"label": _NAME, "min": {"type": "integer", "minimum": 0},
             "deadline": {"type": "string", "pattern": r"^\d{2}-\d{2}$", "description": "THÁNG-NGÀY (ví dụ 01-15)"},
             "send_to": _CODE},
            {"max": {"type": ["integer", "null"], "minimum": 0}, "target": {"type": ["integer", "null"], "minimum": 0},
             "kinds": {"type": ["array", "null"], "items": _NAME},
             "deadlines": {"type": "object", "propertyNames": {"pattern": r"^\d{4}$"}, "additionalProperties": {
                 "type": "string", "pattern": r"^\d{2}-\d{2}$", "description": "THÁNG-NGÀY (ví dụ 10-15)"}}})},
        "entry_kinds": {**_TEXTS, "minItems": 1},
        "fields": {**_TEXTS, "minItems": 1},
        "legal_grounds": {"type": "array", "items": _record({"text": _TEXT},
                                                             {"valid_from": _DATE, "valid_to": _DATE})},
        "funding": _TEXT,
        "recipients": {"type": "object", "additionalProperties": _TEXTS},
        "assignments": {"type": "object", "additionalProperties": {
            "type": "array", "items": _record({"who": _TEXT, "task": _TEXT})}},
    },
)

DECISIONS = _record({"decisions": {"type": "array", "items": _record(
    {"unit": _CODE, "rule": {"enum": ["VUOT_SO_LUONG", "THIEU_SO_LUONG", "TRE_HAN"]}, "by": _NAME, "date": _DATE,
     "decision": _TEXT})}})

_TYPES = {"string": "chuỗi chữ", "integer": "số nguyên", "number": "số", "object": "bảng khóa: giá trị",
          "array": "danh sách", "null": "để trống", "boolean": "đúng/sai"}


def _jsonable(value):
    """Dates as the ISO text JSON Schema checks (YAML reads an unquoted 2024-01-15 as a date)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def _where(location) -> str:
    out = ""
    for step in location:
        out += f"[{step + 1}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out or "(gốc tệp)"


def _message(error) -> str:
    v, value, at = error.validator, error.instance, _where(error.absolute_path)
    shown = repr(value)[:80]
    if v == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        return f"«{at}» phải là {' hoặc '.join(_TYPES.get(t, t) for t in wanted)}, đang ghi {shown}"
    if v == "required":
        missing = [k for k in error.validator_value if k not in value]
        return f"«{at}» thiếu trường {', '.join(f'«{k}»' for k in missing)}"
    if v == "additionalProperties":
        known = set(error.schema.get("properties", {}))
        extra = sorted(str(k) for k in value if k not in known)
        return (f"«{at}» có trường không được biết đến {', '.join(f'«{k}»' for k in extra)} (viết sai tên?); "
                f"các trường hợp lệ: {', '.join(sorted(known))}")
    if v == "format":
        return f"«{at}» = {shown} không phải một ngày có thật dạng NĂM-THÁNG-NGÀY (ví dụ 2024-01-15)"
    if v == "pattern":
        return f"«{at}» = {shown} không đúng dạng {error.schema.get('description', 'quy định')}"
    if v == "enum":
        return f"«{at}» = {shown} phải là một trong: {', '.join(map(str, error.validator_value))}"
    if v in ("minLength", "minItems", "minProperties"):
        return f"«{at}» không được để trống"
    if v in ("maxLength", "maxItems"):
        return f"«{at}» quá dài (tối đa {error.validator_value})"
    if v in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return f"«{at}» = {shown} ngoài khoảng cho phép"
    return f"«{at}» = {shown} không hợp lệ"


def check(document: YamlDocument, schema: dict, limit: int = 10) -> None:
    """Raise one ConfigError listing the first `limit` mistakes of the file, each with its line."""
    if not isinstance(document.data, dict):
        raise ConfigError(f"Tệp cấu hình {document.path} rỗng hoặc không phải một bảng khóa: giá trị.")
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = list(validator.iter_errors(_jsonable(document.data)))
    if not errors:
        return
    lines = sorted(((document.line_of(e.absolute_path) or 0), _message(e)) for e in errors)
    shown = [f"  dòng {line}: {text}" for line, text in lines[:limit]]
    more = f"\n  … và {len(lines) - limit} lỗi khác" if len(lines) > limit else ""
    raise ConfigError(f"Tệp cấu hình {document.path} có {len(lines)} lỗi:\n" + "\n".join(shown) + more)
