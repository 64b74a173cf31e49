"""A fast yes/no check of a record against its JSON Schema.

jsonschema explains failures well, but on the happy path it is slow: it resolves every ``$ref``
again for every value, which made checking a province-sized catalog take most of its time.
Records are nearly always valid, so ``schema.py`` asks this compiled check first and hands only
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
from typing import Any

from .fields import DEFS_FILE, parse_schema

Check = Callable[[Any], bool]
ANNOTATIONS = frozenset({"$schema", "$id", "$defs", "$comment", "title", "description"})
TYPES: dict[str, type] = {"string": str, "array": list, "object": dict}


def _unique(items: list[Any]) -> bool:
    seen = [json.dumps(item, sort_keys=True) for item in items]
    return len(seen) == len(set(seen))


def _keyword(key: str, value: Any, node: dict[str, Any], compile_node: Callable[[Any], Check]) -> Check:
    """The check for one keyword; each applies only to values of the kind it is about."""
    if key == "type":
        kind = TYPES[value]
        return lambda data: isinstance(data, kind)
    if key == "properties":
        checks = {name: compile_node(sub) for name, sub in value.items()}
        return lambda data: not isinstance(data, dict) or all(c(data[k]) for k, c in checks.items() if k in data)
    if key == "required":
        return lambda data: not isinstance(data, dict) or all(k in data for k in value)
    if key == "additionalProperties" and value is False:
        allowed = frozenset(node.get("properties", {}))
        return lambda data: not isinstance(data, dict) or data.keys() <= allowed
    if key == "items":
        item = compile_node(value)
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
    raise ValueError(f"shapecheck 不认识 JSON Schema 关键字 {key}: {value!r}；请在 shapecheck.py 中加上它")


@cache
def compiled(defs_text: str, schema_text: str) -> Check:
    """The check for a record schema (and the shared definitions it refers to)."""
    documents = {"": parse_schema(schema_text), DEFS_FILE: parse_schema(defs_text)}
    done: dict[tuple[str, str], Check] = {}

    def target(ref: str, here: str) -> tuple[dict[str, Any], str]:
        file_name, _, pointer = ref.partition("#")
        where = file_name or here
        node: Any = documents[where]
        for part in filter(None, pointer.split("/")):
            node = node[part]
        return node, where

    def compile_node(node: dict[str, Any], here: str) -> Check:
        checks = []
        for key, value in node.items():
            if key in ANNOTATIONS:
                continue
            if key == "$ref":
                referenced, there = target(value, here)
                checks.append(compile_ref(value, referenced, there))
            else:
                checks.append(_keyword(key, value, node, lambda sub: compile_node(sub, here)))
        if len(checks) == 1:
            return checks[0]
        return lambda data: all(check(data) for check in checks)

    def compile_ref(ref: str, referenced: dict[str, Any], there: str) -> Check:
        key = (there, ref.partition("#")[2])
        if key not in done:
            done[key] = compile_node(referenced, there)
        return done[key]

    return compile_node(documents[""], "")
