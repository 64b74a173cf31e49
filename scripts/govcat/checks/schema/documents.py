"""The schema files themselves: reading them, the one ``$ref`` resolver, and what is refused.

Every reader of ``schemas/`` goes through here: the field descriptions (``fields``), the fast
yes/no check (``shapecheck``) and the messages (``messages``, whose jsonschema registry holds the
same parsed documents). A ``$ref`` may point into the schema's own file (``#/$defs/x``) or into
the shared definitions (``defs.schema.json#/$defs/x``) and nowhere else; ``follow_ref`` is the
only code that follows one, so the three readers cannot disagree about where a reference leads.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

DEFS_FILE = "defs.schema.json"


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
    parsed: dict[str, Any] = json.loads(text)
    return parsed


def follow_ref(
    ref: object, here: str, where: str, document: Callable[[str], dict[str, Any]]
) -> tuple[dict[str, Any], str, str]:
    """The schema object a ``$ref`` written in file ``here`` (at ``where``, ``file#pointer``) points
    at, the file it is written in and its pointer; ``document`` gives a schema file's contents by
    name. Refused with ``UnsupportedSchema`` when it leads elsewhere than this file or the shared
    definitions, or to nothing."""
    file_name, _, pointer = str(ref).partition("#")
    there = file_name or here
    missing = f"“{ref}”指向的定义不存在（只能引用本文件或 {DEFS_FILE} 中的定义）"
    if there not in (here, DEFS_FILE):
        raise UnsupportedSchema.at(
            where, f"“{ref}”引用了 {there}：只能引用本文件或 {DEFS_FILE} 中的定义，共用的写法请移到 {DEFS_FILE}"
        )
    try:
        node: Any = document(there)
    except OSError:
        raise UnsupportedSchema.at(where, missing) from None
    for part in filter(None, pointer.split("/")):
        node = node.get(part) if isinstance(node, dict) else None
    if not isinstance(node, dict):
        raise UnsupportedSchema.at(where, missing)
    return node, there, pointer
