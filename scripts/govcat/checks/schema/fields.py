"""The fields of each record kind, read from its JSON Schema in ``schemas/``.

One walk over a schema gives every field's name, description, whether it is required, what
kind of value it takes and, for objects and lists of objects, its sub-fields. ``catalog new``
templates, the field reference page of the editors' guide and the validator's "fill this in"
messages all read fields from here, so what editors are told cannot drift from what is checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govcat.checks.schema.documents import DEFS_FILE, UnsupportedSchema, follow_ref, load_schema
from govcat.model.diagnostics import FieldPath

# How the shared definitions in defs.schema.json are called for editors.
SHARED_VALUES = {
    "id": "编号",
    "text": "文字",
    "date": "日期",
    "partialDate": "日期（可只写年或年月）",
    "url": "网址",
    "level": "层级",
    "citation": "出处",
    "citations": "出处列表",
    "idList": "编号列表",
    "aliases": "别称列表",
    "aliasesBasis": "别称依据",
}
TYPE_VALUES = {"string": "文字", "array": "列表", "object": "映射"}


@dataclass(frozen=True)
class Field:
    """One field of a record, or of an object inside a record."""

    name: str
    description: str
    required: bool
    value: str  # what is written there, in editors' words: 文字, 编号列表, 出处…
    choices: tuple[str, ...] = ()
    children: tuple[Field, ...] = ()  # sub-fields of the object, or of each item of the list
    is_list: bool = False


def resolve(schema_dir: Path, node: dict[str, Any], here: str) -> tuple[dict[str, Any], str | None, str]:
    """``node`` (written in file ``here``) with its ``$ref`` followed, local keywords winning;
    also the shared definition's name and the file the definition is written in."""
    ref = node.get("$ref")
    if ref is None:
        return node, None, here
    target, there, pointer = follow_ref(ref, here, f"{here}#", lambda name: load_schema(schema_dir, name))
    inner, _, there = resolve(schema_dir, target, there)
    local = {key: value for key, value in node.items() if key != "$ref"}
    return {**inner, **local}, pointer.rsplit("/", 1)[-1], there


def build_field(schema_dir: Path, name: str, node: dict[str, Any], required: bool, here: str) -> Field:
    schema, shared, here = resolve(schema_dir, node, here)
    if not isinstance(schema.get("type", ""), str):
        raise UnsupportedSchema(here, "", f"字段 {name} 的 type 只能写一种：string、array 或 object")
    is_list = schema.get("type") == "array"
    item, _, item_file = resolve(schema_dir, schema.get("items", {}), here) if is_list else (schema, None, here)
    return Field(
        name=name,
        description=schema.get("description", ""),
        required=required,
        value=SHARED_VALUES.get(shared or "", TYPE_VALUES.get(schema.get("type", ""), "文字")),
        choices=tuple(schema.get("enum", ())),
        children=object_fields(schema_dir, item, item_file),
        is_list=is_list,
    )


def object_fields(schema_dir: Path, schema: dict[str, Any], here: str) -> tuple[Field, ...]:
    """The properties of an object schema, in schema order."""
    required = set(schema.get("required", ()))
    return tuple(
        build_field(schema_dir, name, node, name in required, here)
        for name, node in schema.get("properties", {}).items()
    )


def record_fields(schema_dir: Path, schema_file: str) -> tuple[Field, ...]:
    """The top-level fields of one kind of record."""
    return object_fields(schema_dir, load_schema(schema_dir, schema_file), schema_file)


def choices_note(field: Field) -> str:
    """ "可选：a、b。" for a closed list, unless the description already names every choice."""
    if not field.choices or all(choice in field.description for choice in field.choices):
        return ""
    return f"可选：{'、'.join(field.choices)}。"


def field_at(fields: tuple[Field, ...], path: FieldPath) -> Field | None:
    """The field a value path (``("measures", 0, "title")``) belongs to; list indexes are skipped."""
    found: Field | None = None
    for step in path:
        if isinstance(step, int):
            continue
        found = next((f for f in fields if f.name == step), None)
        if found is None:
            return None
        fields = found.children
    return found


def shared_definitions(schema_dir: Path) -> list[tuple[str, str]]:
    """(editors' name, description) of each shared definition, as the field reference lists them."""
    defs = load_schema(schema_dir, DEFS_FILE)["$defs"]
    return [(SHARED_VALUES.get(name, name), node.get("description", "")) for name, node in defs.items()]
