"""Check a record's shape against its JSON Schema and explain each failure in editors' terms.

The schemas in ``schemas/`` are the single source of truth for shape; this module only turns
jsonschema's findings into Chinese messages that name the field, what was expected and what was
found, with a did-you-mean where a close match exists.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import cache, partial
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, ValidationError
from referencing import Registry, Resource

from govcat.checks.metricwording import written_value_hint
from govcat.checks.schema.documents import DEFS_FILE, parse_schema, schema_text
from govcat.checks.schema.fields import Field, choices_note, field_at, record_fields
from govcat.checks.schema.shapecheck import compiled
from govcat.checks.suggest import LISTED_KINDS, missing_hint, reference_hint
from govcat.layout import KINDS
from govcat.model.catalog import DATE_FIELDS, Catalog, reference_kind
from govcat.model.dates import date_problem, iso_form
from govcat.model.diagnostics import FieldPath, field_name
from govcat.model.records import Record

Finding = tuple[FieldPath, bool, str]  # field path, whether the problem is the key itself, message
DATE_PATHS = {(name,) for name in DATE_FIELDS.values()}
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


def parts(error: ValidationError) -> tuple[Any, Any, Any]:
    """The schema object that failed, the value it failed on and the failing keyword's value in the
    schema (jsonschema types each as possibly unset; the errors ``iter_errors`` yields have all three)."""
    schema: Any = error.schema
    instance: Any = error.instance
    expected: Any = error.validator_value
    return schema, instance, expected


def unknown_keys(error: ValidationError) -> Iterator[Finding]:
    """Every key the schema does not allow, each with the closest allowed name."""
    path: FieldPath = tuple(error.absolute_path)
    schema, instance = parts(error)[:2]
    allowed = sorted(schema.get("properties", {}))
    for unknown in sorted(set(instance) - set(allowed)):
        normalised = unicodedata.normalize("NFKC", unknown)
        close = [normalised] if normalised in allowed else difflib.get_close_matches(normalised, allowed, n=1)
        width = "（字段名要用半角字母）" if normalised != unknown else ""
        hint = f"是不是“{close[0]}”？{width}" if close else f"可用的字段：{'、'.join(allowed)}"
        yield path + (unknown,), True, f"{field_name(path + (unknown,))}: 未知字段“{unknown}”，{hint}"


def missing_fields(error: ValidationError, fields: tuple[Field, ...]) -> Iterator[Finding]:
    """Every required field absent from the object, named and described from the schema."""
    path: FieldPath = tuple(error.absolute_path)
    parent = field_at(fields, path)
    described = fields if not path else parent.children if parent else ()
    _, instance, required = parts(error)
    for name in required:
        if name not in instance:
            field = next((f for f in described if f.name == name), None)
            hint = f"{field.description}{choices_note(field)}" if field else ""
            yield path, False, f"{field_name(path + (name,))}: 缺少必填字段。{hint}"


def pattern_message(
    path: FieldPath, value: str, schema: dict[str, Any], kind: str | None, catalog: Catalog | None, quote: str = ""
) -> str:
    """A value of the wrong form; where an id of ``kind`` belongs, the id it most likely means; a
    metric's value written with 万 or 亿, the right ways by its ``quote``."""
    where, rule = field_name(path), schema.get("description", "")
    written = written_value_hint(value, quote) if path[-1:] == ("value",) else None
    if written:
        return f"{where}: {describe(value)}格式不对：{written}"
    meant = iso_form(value) if path[-1:] in DATE_PATHS else None
    if meant and date_problem(meant):
        return f"{where}: {describe(value)}不是真实存在的日期：{date_problem(meant)}"
    if meant and re.search(schema.get("pattern", ""), meant):
        return f"{where}: {describe(value)}格式不对：写成 {meant}。{rule}"
    if kind is None:
        return f"{where}: {describe(value)}格式不对。{rule}"
    hint = reference_hint(catalog, kind, value) if catalog is not None else None
    if hint:
        return f"{where}: {describe(value)}不是编号。{hint}"
    if catalog is not None and kind in LISTED_KINDS:
        return f"{where}: {describe(value)}不是编号：这里要写{KINDS[kind].label}的编号。{missing_hint(catalog, kind)}"
    return (
        f"{where}: {describe(value)}不是编号：这里要写{KINDS[kind].label}的编号"
        f"（{KINDS[kind].folder}/ 中的文件名，不含 .yaml）。{rule}"
    )


def quote_beside(record: Record, path: FieldPath) -> str:
    """The quote of the citation next to the value at ``path`` (a metric's), or ""."""
    citation = walk_to(record.data, path[:-1] + ("citation", "quote"))
    return citation if isinstance(citation, str) else ""


def walk_to(data: Any, path: FieldPath) -> Any:
    """The value at ``path``, or None where the path leads nowhere."""
    for step in path:
        if isinstance(data, dict) and isinstance(step, str):
            data = data.get(step)
        elif isinstance(data, list) and isinstance(step, int) and 0 <= step < len(data):
            data = data[step]
        else:
            return None
    return data


def explain(
    error: ValidationError, record: Record, fields: tuple[Field, ...], catalog: Catalog | None
) -> Iterator[Finding]:
    """The findings of one jsonschema error: field path, whether to point at its key, message."""
    path: FieldPath = tuple(error.absolute_path)
    where = field_name(path)
    validator = error.validator
    schema, value, expected = parts(error)
    if validator == "required":
        yield from missing_fields(error, fields)
    elif validator in ("additionalProperties", "unevaluatedProperties"):
        yield from unknown_keys(error)
    elif validator == "type" and value is None:
        yield path, False, empty_message(path, field_at(fields, path))
    elif validator == "type":
        yield path, False, f"{where}: 应为{TYPE_NAMES.get(str(expected), str(expected))}，实际是{describe(value)}"
    elif validator == "enum":
        allowed = "、".join(str(v) for v in expected)
        yield path, False, f"{where}: {describe(value)}不在可选值之内，可选：{allowed}"
    elif validator == "minItems":
        yield path, False, f"{where}: 至少需要 {expected} 项，现在有 {len(value)} 项"
    elif validator == "minLength":
        yield path, False, f"{where}: 不能为空"
    elif validator == "maxLength":
        yield path, False, f"{where}: 太长（最多 {expected} 个字符）"
    elif validator == "uniqueItems":
        yield path, False, f"{where}: 列表中有重复项"
    elif validator == "pattern":
        kind = reference_kind(record.kind.name, path)
        yield path, False, pattern_message(path, value, schema, kind, catalog, quote_beside(record, path))
    else:
        yield path, False, f"{where}: {error.message}"


def schema_errors(
    record: Record,
    schema_dir: Path,
    catalog: Catalog | None = None,
    read_schema: Callable[[str], str] | None = None,
) -> Iterator[Finding]:
    """Every shape problem of a record: its field path, whether it is about the key, the message.
    With the catalog, a name typed where an id belongs gets the id it names. ``read_schema`` gives
    a schema's text by file name when a run has read them already (by default, from disk now)."""
    read = read_schema or partial(schema_text, schema_dir)
    defs, schema = read(DEFS_FILE), read(record.kind.schema_file)
    if compiled(defs, schema, record.kind.schema_file)(record.data):
        return  # the usual case, decided fast; jsonschema only explains what is wrong
    fields = record_fields(schema_dir, record.kind.schema_file)
    seen: set[Finding] = set()  # jsonschema reports each missing field of an object as its own error
    for error in make_validator(defs, schema).iter_errors(record.data):
        if error.instance is None and error.validator == "enum":
            continue  # an empty value: the type error already says to fill it in
        for finding in explain(error, record, fields, catalog):
            if finding not in seen:
                seen.add(finding)
                yield finding
