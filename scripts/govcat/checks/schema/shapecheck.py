"""A fast yes/no check of a record against its JSON Schema.

jsonschema explains failures well, but on the happy path it is slow: it resolves every ``$ref``
again for every value, which made checking a province-sized catalog take most of its time.
Records are nearly always valid, so ``messages`` asks this compiled check first and hands only
the records it rejects to jsonschema for the messages.

It understands exactly the keywords our schemas use and refuses to compile a schema with any
other, so a schema edit can never be silently ignored; a test checks that it agrees with
jsonschema on the real records and on broken ones.
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
    seen = [json.dumps(item, sort_keys=True) for item in items]
    return len(seen) == len(set(seen))


def _keyword(
    key: str, value: Any, node: dict[str, Any], compile_node: Callable[[Any, str], Check], where: str
) -> Check:
    """The check for one keyword of the schema object at ``where``; each applies only to values
    of the kind it is about."""
    if key == "type":
        if not isinstance(value, str) or value not in TYPES:
            raise UnsupportedSchema.at(
                f"{where}/type",
                f"不支持 type: {json.dumps(value, ensure_ascii=False)}："
                f"记录中的值只有 {'、'.join(TYPES)} 三种（数字、日期也写作 string）",
            )
        kind = TYPES[value]
        return lambda data: isinstance(data, kind)
    if key == "properties":
        checks = {name: compile_node(sub, f"{where}/properties/{name}") for name, sub in value.items()}
        return lambda data: not isinstance(data, dict) or all(c(data[k]) for k, c in checks.items() if k in data)
    if key == "required":
        return lambda data: not isinstance(data, dict) or all(k in data for k in value)
    if key == "additionalProperties" and value is False:
        allowed = frozenset(node.get("properties", {}))
        return lambda data: not isinstance(data, dict) or data.keys() <= allowed
    if key == "items":
        item = compile_node(value, f"{where}/items")
        return lambda data: not isinstance(data, list) or all(item(x) for x in data)
    if key == "minItems":
        return lambda data: not isinstance(data, list) or len(data) >= value
    if key == "uniqueItems" and value is True:
        return lambda data: not isinstance(data, list) or _unique(data)
    if key == "pattern":
        pattern = re.compile(value)
        return lambda data: not isinstance(data, str) or pattern.search(data) is not None
    if key == "enum":
        return lambda data: data in value
    if key == "minLength":
        return lambda data: not isinstance(data, str) or len(data) >= value
    if key == "maxLength":
        return lambda data: not isinstance(data, str) or len(data) <= value
    raise UnsupportedSchema.at(
        f"{where}/{key}",
        f"不支持 JSON Schema 关键字 {key}: {json.dumps(value, ensure_ascii=False)}："
        "改用已支持的写法，或在 scripts/govcat/checks/schema/shapecheck.py 中加上它",
    )


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
        if len(checks) == 1:
            return checks[0]
        return lambda data: all(check(data) for check in checks)

    def compile_ref(ref: Any, here: str, where: str) -> Check:
        node, there, pointer = follow_ref(ref, here, where, documents.__getitem__)
        if (there, pointer) not in done:
            done[(there, pointer)] = compile_node(node, there, f"{there}#{pointer}")
        return done[(there, pointer)]

    return compile_node(documents[schema_name], schema_name, f"{schema_name}#")


def require_supported(schema_dir: Path, schema_file: str) -> None:
    """Raise ``UnsupportedSchema`` when a record schema uses what this check does not understand."""
    compiled(schema_text(schema_dir, DEFS_FILE), schema_text(schema_dir, schema_file), schema_file)
