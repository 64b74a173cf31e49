"""A fast yes/no check of a record against its JSON Schema.

jsonschema explains failures well, but on the happy path it is slow: it resolves every ``$ref``
again for every value, which made checking a province-sized catalog take most of its time.
Records are nearly always valid, so ``messages`` asks this compiled check first and hands only
the records it rejects to jsonschema for the messages.

It understands exactly the keywords our schemas use and refuses to compile a schema with any
other, so a schema edit can never be silently ignored; a test checks that it agrees with
jsonschema on the real records and on broken ones. Values are plain data as the YAML loader makes
them (dict, list, str, None), so a value's kind is told by its class.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from govcat.checks.schema.documents import DEFS_FILE, UnsupportedSchema, follow_ref, parse_schema, schema_text

Check = Callable[[Any], bool]
ANNOTATIONS = frozenset({"$schema", "$id", "$defs", "$comment", "title", "description"})
TYPES: dict[str, type] = {"string": str, "array": list, "object": dict}


def _unique(items: list[Any]) -> bool:
    if all(item.__class__ is str for item in items):  # the usual list: ids, names
        return len(set(items)) == len(items)
    seen = [json.dumps(item, sort_keys=True) for item in items]
    return len(seen) == len(set(seen))


def _keyword(
    key: str, value: Any, node: dict[str, Any], compile_node: Callable[[Any, str], Check], where: str
) -> Check:
    """The check for one keyword of the schema object at ``where``; each applies only to values
    of the kind it is about. Written as plain loops: this runs on every value of every record."""
    if key == "type":
        if not isinstance(value, str) or value not in TYPES:
            raise UnsupportedSchema.at(
                f"{where}/type",
                f"不支持 type: {json.dumps(value, ensure_ascii=False)}："
                f"记录中的值只有 {'、'.join(TYPES)} 三种（数字、日期也写作 string）",
            )
        kind = TYPES[value]
        return lambda data: data.__class__ is kind or isinstance(data, kind)
    if key == "properties":
        return _properties(
            tuple((name, compile_node(sub, f"{where}/properties/{name}")) for name, sub in value.items())
        )
    if key == "required":
        return lambda data: data.__class__ is not dict or all(k in data for k in value)
    if key == "additionalProperties" and value is False:
        allowed = frozenset(node.get("properties", {}))
        return lambda data: data.__class__ is not dict or data.keys() <= allowed
    if key == "items":
        return _items(compile_node(value, f"{where}/items"))
    if key == "minItems":
        return lambda data: data.__class__ is not list or len(data) >= value
    if key == "uniqueItems" and value is True:
        return lambda data: data.__class__ is not list or _unique(data)
    if key == "pattern":
        search = re.compile(value).search
        return lambda data: data.__class__ is not str or search(data) is not None
    if key == "enum":
        return lambda data: data in value
    if key == "minLength":
        return lambda data: data.__class__ is not str or len(data) >= value
    if key == "maxLength":
        return lambda data: data.__class__ is not str or len(data) <= value
    raise UnsupportedSchema.at(
        f"{where}/{key}",
        f"不支持 JSON Schema 关键字 {key}: {json.dumps(value, ensure_ascii=False)}："
        "改用已支持的写法，或在 scripts/govcat/checks/schema/shapecheck.py 中加上它",
    )


def _properties(checks: tuple[tuple[str, Check], ...]) -> Check:
    def check(data: Any) -> bool:
        if data.__class__ is dict:
            for name, check_value in checks:
                if name in data and not check_value(data[name]):
                    return False
        return True

    return check


def _items(check_item: Check) -> Check:
    def check(data: Any) -> bool:
        if data.__class__ is list:
            for item in data:
                if not check_item(item):
                    return False
        return True

    return check


def _every(checks: tuple[Check, ...]) -> Check:
    def check(data: Any) -> bool:
        for one in checks:  # noqa: SIM110 - a loop: all() over a generator costs twice as much here
            if not one(data):
                return False
        return True

    return check


@cache
def compiled(defs_text: str, schema_text: str, schema_name: str = "schema") -> Check:
    """The check for a record schema (and the shared definitions it refers to). A construct it
    does not understand is refused with ``UnsupportedSchema``, naming ``schema_name`` and the place."""
    documents = {schema_name: parse_schema(schema_text), DEFS_FILE: parse_schema(defs_text)}
    done: dict[tuple[str, str], Check] = {}

    def compile_node(node: Any, here: str, where: str) -> Check:
        """The check for the schema object ``node`` of document ``here``, found at ``where``."""
        if not isinstance(node, dict):
            raise UnsupportedSchema.at(where, "这里应是一个 JSON Schema 对象（{…}）")
        checks = []
        for key, value in node.items():
            if key in ANNOTATIONS:
                continue
            if key == "$ref":
                checks.append(compile_ref(value, here, f"{where}/$ref"))
            else:
                checks.append(_keyword(key, value, node, lambda sub, at: compile_node(sub, here, at), where))
        return checks[0] if len(checks) == 1 else _every(tuple(checks))

    def compile_ref(ref: Any, here: str, where: str) -> Check:
        node, there, pointer = follow_ref(ref, here, where, documents.__getitem__)
        if (there, pointer) not in done:
            done[(there, pointer)] = compile_node(node, there, f"{there}#{pointer}")
        return done[(there, pointer)]

    return compile_node(documents[schema_name], schema_name, f"{schema_name}#")


def require_supported(schema_dir: Path, schema_file: str) -> None:
    """Raise ``UnsupportedSchema`` when a record schema uses what this check does not understand."""
    compiled(schema_text(schema_dir, DEFS_FILE), schema_text(schema_dir, schema_file), schema_file)
