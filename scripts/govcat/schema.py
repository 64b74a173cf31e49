"""Check a record's shape against its JSON Schema and explain each failure in editors' terms.

The schemas in ``schemas/`` are the single source of truth for shape; this module only turns
jsonschema's findings into Chinese messages that name the field, what was expected and what was
found, with a did-you-mean where a close match exists.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, ValidationError
from referencing import Registry, Resource

from .diagnostics import field_name
from .fields import DEFS_FILE, Field, choices_note, field_at, parse_schema, record_fields, schema_text
from .records import Record
from .shapecheck import compiled
from .yamlsource import FieldPath

TYPE_NAMES = {"string": "文字", "array": "列表（每项以“- ”开头）", "object": "“字段: 值”的映射"}


@cache
def make_validator(defs: str, schema: str) -> Draft202012Validator:
    registry = Registry().with_resource(DEFS_FILE, Resource.from_contents(parse_schema(defs)))
    return Draft202012Validator(parse_schema(schema), registry=registry)


def describe(value: Any) -> str:
    if value is None:
        return "空值"
    if isinstance(value, str):
        return f"“{value}”"
    if isinstance(value, list):
        return "列表"
    return "映射"


def empty_message(path: FieldPath, field: Field | None) -> str:
    """An empty value: a required field still to fill in, with what it means, or one to drop."""
    where = field_name(path)
    if field is None or not field.required or not path or isinstance(path[-1], int):
        return f"{where}: 值为空，请填写内容或删除这个字段"
    return f"{where}: 必填字段还没有填写。{field.description}{choices_note(field)}"


def explain(error: ValidationError, fields: tuple[Field, ...]) -> tuple[FieldPath, bool, str]:
    """The field the error belongs to, whether to point at its key, and the message."""
    path: FieldPath = tuple(error.absolute_path)
    where = field_name(path)
    validator, schema, value = error.validator, error.schema, error.instance
    if validator == "required":
        missing = error.message.split("'")[1]
        hint = schema.get("properties", {}).get(missing, {}).get("description", "")
        return path, False, f"{field_name(path + (missing,)) if path else missing}: 缺少必填字段。{hint}"
    if validator in ("additionalProperties", "unevaluatedProperties"):
        allowed = sorted(schema.get("properties", {}))
        unknown = sorted(set(value) - set(allowed))[0]
        normalised = unicodedata.normalize("NFKC", unknown)
        close = [normalised] if normalised in allowed else difflib.get_close_matches(normalised, allowed, n=1)
        width = "（字段名要用半角字母）" if normalised != unknown else ""
        hint = f"是不是“{close[0]}”？{width}" if close else f"可用的字段：{'、'.join(allowed)}"
        return path + (unknown,), True, f"{field_name(path + (unknown,))}: 未知字段“{unknown}”，{hint}"
    if validator == "type":
        if value is None:
            return path, False, empty_message(path, field_at(fields, path))
        expected = TYPE_NAMES.get(str(error.validator_value), str(error.validator_value))
        return path, False, f"{where}: 应为{expected}，实际是{describe(value)}"
    if validator == "enum":
        allowed = "、".join(str(v) for v in error.validator_value)
        return path, False, f"{where}: {describe(value)}不在可选值之内，可选：{allowed}"
    if validator == "minItems":
        return path, False, f"{where}: 至少需要 {error.validator_value} 项，现在有 {len(value)} 项"
    if validator == "minLength":
        return path, False, f"{where}: 不能为空"
    if validator == "maxLength":
        return path, False, f"{where}: 太长（最多 {error.validator_value} 个字符）"
    if validator == "uniqueItems":
        return path, False, f"{where}: 列表中有重复项"
    if validator == "pattern":
        rule = schema.get("description", "")
        return path, False, f"{where}: {describe(value)}格式不对。{rule}"
    return path, False, f"{where}: {error.message}"


def schema_errors(record: Record, schema_dir: Path) -> Iterator[tuple[FieldPath, bool, str]]:
    """Every shape problem of a record: its field path, whether it is about the key, the message."""
    defs, schema = schema_text(schema_dir, DEFS_FILE), schema_text(schema_dir, record.kind.schema_file)
    if compiled(defs, schema)(record.data):
        return  # the usual case, decided fast; jsonschema only explains what is wrong
    for error in make_validator(defs, schema).iter_errors(record.data):
        if error.instance is None and error.validator == "enum":
            continue  # an empty value: the type error already says to fill it in
        yield explain(error, record_fields(schema_dir, record.kind.schema_file))
