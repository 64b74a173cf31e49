"""The fields of each record kind, read from its JSON Schema in ``schemas/``.

One walk over a schema gives every field's name, description, whether it is required, what
kind of value it takes and, for objects and lists of objects, its sub-fields. ``catalog new``
templates, the field reference page of the editors' guide and the validator's "fill this in"
messages all read fields from here, so what editors are told cannot drift from what is checked.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .diagnostics import FieldPath

DEFS_FILE = "defs.schema.json"
# How the shared definitions in defs.schema.json are called for editors.
SHARED_VALUES = {
    "id": "编号", "text": "文字", "date": "日期", "url": "网址", "level": "层级",
    "citation": "出处", "citations": "出处列表", "idList": "编号列表",
}
TYPE_VALUES = {"string": "文字", "array": "列表", "object": "映射"}


class UnsupportedSchema(ValueError):
    """A schema that is not valid JSON or uses a construct the tools do not understand, with the
    schema file, the JSON pointer of the place (``/properties/metrics``) and the reason."""

    def __init__(self, file_name: str, pointer: str, reason: str, position: tuple[int, int] | None = None) -> None:
        super().__init__(f"{file_name}#{pointer}: {reason}")
        self.file_name, self.pointer, self.reason, self.position = file_name, pointer, reason, position

    @classmethod
    def at(cls, where: str, reason: str) -> UnsupportedSchema:
        """For a place written ``file#pointer``."""
        file_name, _, pointer = where.partition("#")
        return cls(file_name, pointer, reason)


def pointer_position(text: str, pointer: str) -> tuple[int, int]:
    """Roughly where a JSON pointer's place is written: the last of its keys found in order."""
    offset = 0
    for part in filter(None, pointer.split("/")):
        found = text.find(f'"{part}"', offset)
        if not part.isdigit() and found >= 0:
            offset = found
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


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


def schema_text(schema_dir: Path, file_name: str) -> str:
    """A schema's text as it is on disk now (``mkdocs serve`` runs on while schemas are edited)."""
    path = schema_dir / file_name
    stat = path.stat()
    return _read_text(path, stat.st_mtime_ns, stat.st_size)


@cache
def _read_text(path: Path, modified_ns: int, size: int) -> str:
    """Read once per version of the file (the checker asks for every record); refused unless JSON."""
    text = path.read_text(encoding="utf-8")
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        raise UnsupportedSchema(path.name, "", f"不是有效的 JSON（{error.msg}）", (error.lineno, error.colno)) from None
    return text


def load_schema(schema_dir: Path, file_name: str) -> dict[str, Any]:
    return parse_schema(schema_text(schema_dir, file_name))


@cache
def parse_schema(text: str) -> dict[str, Any]:
    """Parsed once per distinct text; callers must not change the result."""
    return json.loads(text)


def resolve(schema_dir: Path, node: dict[str, Any], here: str) -> tuple[dict[str, Any], str | None, str]:
    """``node`` (written in file ``here``) with its ``$ref`` followed, local keywords winning;
    also the shared definition's name and the file the definition is written in."""
    ref = node.get("$ref")
    if ref is None:
        return node, None, here
    file_name, _, pointer = str(ref).partition("#")
    try:
        target: Any = load_schema(schema_dir, file_name or here)
        for part in filter(None, pointer.split("/")):
            target = target[part]
    except (OSError, KeyError, TypeError):
        raise UnsupportedSchema(here, "", f"“{ref}”指向的定义不存在（只能引用本文件或 {DEFS_FILE} 中的定义）") from None
    inner, _, there = resolve(schema_dir, target, file_name or here)
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
    return tuple(build_field(schema_dir, name, node, name in required, here)
                 for name, node in schema.get("properties", {}).items())


def record_fields(schema_dir: Path, schema_file: str) -> tuple[Field, ...]:
    """The top-level fields of one kind of record."""
    return object_fields(schema_dir, load_schema(schema_dir, schema_file), schema_file)


def choices_note(field: Field) -> str:
    """"可选：a、b。" for a closed list, unless the description already names every choice."""
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
