"""Load record files from disk into ``Record`` values, one per YAML file."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govcat.layout import ID_PATTERN, KINDS, Kind, Project
from govcat.model.diagnostics import Diagnostic, FieldPath
from govcat.model.yamlsource import Position, YamlDocument, parse_yaml

MAX_FILE_BYTES = 512 * 1024


@dataclass
class Record:
    """One record file: its kind, where it is, its data and where each value was written."""

    kind: Kind
    path: Path
    display_path: str
    document: YamlDocument

    @property
    def data(self) -> dict[str, Any]:
        data: dict[str, Any] = self.document.data  # a record is made only of a file whose top level is a mapping
        return data

    @property
    def stem(self) -> str:
        return self.path.stem

    @property
    def id(self) -> str:
        """The record's id as written; the file name when the id is missing or not a valid id
        (its own error says so, and references to the file still resolve)."""
        value = self.data.get("id")
        return value if isinstance(value, str) and ID_PATTERN.fullmatch(value) else self.stem

    def diagnostic(self, path: FieldPath, message: str, *, at_key: bool = False) -> Diagnostic:
        where = self.document.position_of(path, key=at_key)
        return Diagnostic(self.display_path, where.line, where.column, message)


def decode(raw: bytes) -> tuple[str | None, Position, str]:
    """Text of a record file, or None with the place and reason it is not UTF-8."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None, Position(1, 1), "文件是 UTF-16 编码：请另存为 UTF-8"
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        return None, Position(line, column), "文件不是 UTF-8 编码（可能是 GBK）：请用 UTF-8 另存"
    return text, Position(1, 1), ""


def read_record(project: Project, kind: Kind, path: Path) -> tuple[Record | None, list[Diagnostic]]:
    """Parse one file. A record is returned only when its YAML is usable."""
    shown = project.relative(path)
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // 1024
        return None, [Diagnostic(shown, 1, 1, f"文件超过 {limit} KB：一项记录不需要这么长，请拆分或删减")]
    text, where, reason = decode(raw)
    if text is None:
        return None, [Diagnostic(shown, where.line, where.column, reason)]
    document = parse_yaml(text)
    if document.problems:
        return None, [Diagnostic(shown, p.position.line, p.position.column, p.message) for p in document.problems]
    return Record(kind, path, shown, document), []


def record_paths(project: Project) -> Iterator[tuple[Kind, Path]]:
    """Every record file of every kind, in a stable order."""
    for kind in KINDS.values():
        for path in project.record_files(kind):
            yield kind, path


def kind_of(project: Project, path: Path) -> Kind | None:
    """The kind whose folder holds ``path``, if any."""
    resolved = path.resolve()
    for kind in KINDS.values():
        folder = project.folder(kind).resolve()
        if resolved.parent == folder or (kind.nested and resolved.parent.parent == folder):
            return kind
    return None
