"""The fast shape check agrees with jsonschema, on the real records and on broken copies of them."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from govcat.checks.schema.documents import DEFS_FILE, schema_text
from govcat.checks.schema.messages import make_validator
from govcat.checks.schema.shapecheck import compiled
from govcat.layout import Project
from govcat.model.load import load_catalog

REPO = Path(__file__).resolve().parent.parent


def records() -> list[tuple[str, dict[str, Any]]]:
    catalog = load_catalog(Project(REPO))
    return [(kind, catalog.get(kind, i)) for kind in sorted(catalog.records) for i in catalog.ids(kind)]


def broken_copies(data: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """The record with one thing wrong at a time, everywhere in it."""
    if isinstance(data, dict):
        yield path + ("+unknown",), {**data, "unknown_field": "x"}
        for key in data:
            yield path + (key, "-"), {k: v for k, v in data.items() if k != key}
            for where, child in broken_copies(data[key], path + (key,)):
                yield where, {**data, key: child}
    elif isinstance(data, list):
        yield path + ("[]",), []
        if data:
            yield path + ("dup",), data + [copy.deepcopy(data[0])]
        for index, item in enumerate(data):
            for where, child in broken_copies(item, path + (index,)):
                yield where, data[:index] + [child] + data[index + 1 :]
    else:
        for wrong in (None, "", ["x"], {"a": "b"}, "Not-A-Slug!", "2024-13-99x", "城市"):
            if wrong != data:
                yield path + (repr(wrong),), wrong


def test_agrees_with_jsonschema_on_every_record_and_every_single_fault() -> None:
    defs = schema_text(REPO / "schemas", DEFS_FILE)
    disagreements, tried = [], 0
    for kind, data in records():
        schema = schema_text(REPO / "schemas", f"{kind}.schema.json")
        fast, full = compiled(defs, schema), make_validator(defs, schema)
        assert fast(data) and full.is_valid(data)
        for where, broken in broken_copies(data):
            tried += 1
            if fast(broken) != full.is_valid(broken):
                disagreements.append((kind, data["id"], where))
    assert tried > 10_000
    assert disagreements == []


def test_an_unknown_keyword_is_refused_not_ignored() -> None:
    defs = schema_text(REPO / "schemas", DEFS_FILE)
    with pytest.raises(ValueError, match="maxItems"):
        compiled(defs, '{"type": "object", "properties": {"a": {"type": "array", "maxItems": 2}}}')
