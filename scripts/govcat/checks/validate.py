"""Check a loaded catalog, collecting every problem before anyone stops.

Order: what reading found (``govcat.model.load``: files that did not parse), files in record folders
that would be ignored, ids used twice, then each record's shape (schema) and the cross-record
checks of ``govcat.checks.rules`` on every field whose shape is right, so one run reports all. References always resolve against
the whole catalog, even when only some files are being checked.
"""

from __future__ import annotations

import copy
import dataclasses
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import Any

from govcat.checks.rules import CHECKS, Check, Finding
from govcat.checks.schema.documents import UnsupportedSchema, pointer_position, schema_text
from govcat.checks.schema.messages import schema_errors
from govcat.layout import KINDS, Project
from govcat.model.catalog import Catalog
from govcat.model.diagnostics import Diagnostic, FieldPath, field_name
from govcat.model.load import cycle_collection_paused, load_catalog
from govcat.model.records import Record


@dataclass
class CheckResult:
    catalog: Catalog
    diagnostics: list[Diagnostic]

    @property
    def ok(self) -> bool:
        return not self.diagnostics


def check_project(project: Project, only: Iterable[Path] | None = None) -> CheckResult:
    """Load the catalog and check every record (or, with ``only``, report on just those files)."""
    with cycle_collection_paused():  # checking, too, makes many small containers and no cycles
        catalog = load_catalog(project)
        return CheckResult(catalog, validate(catalog, only))


def validate(catalog: Catalog, only: Iterable[Path] | None = None) -> list[Diagnostic]:
    """Every problem of the catalog, sorted; with ``only``, those of the named files (and of the
    schemas they use: a schema that cannot be used concerns every file checked)."""
    project = catalog.project
    diagnostics = [*catalog.reading_problems, *stray_files(project), *duplicate_ids(catalog.loaded)]
    wanted = None if only is None else {project.relative(path) for path in only}
    read_schema = cache(partial(schema_text, project.schemas))  # each record asks; read once a run
    for record in catalog.loaded:
        if wanted is None or record.display_path in wanted:  # others are read, not checked
            diagnostics.extend(record_problems(record, catalog, read_schema))
    if wanted is not None:
        diagnostics = [d for d in diagnostics if d.path in wanted or d.path.startswith("schemas/")]
    return sorted(set(diagnostics))


def duplicate_ids(records: Iterable[Record]) -> Iterator[Diagnostic]:
    """A record whose kind and id an earlier record already has (the catalog indexes the first)."""
    first: dict[tuple[str, str], Record] = {}
    for record in records:
        key = (record.kind.name, record.id)
        if key in first:
            yield record.diagnostic(("id",), f"id: 编号“{record.id}”重复，另见 {first[key].display_path}")
        else:
            first[key] = record


def stray_files(project: Project) -> Iterator[Diagnostic]:
    """Files in record folders that would silently be ignored."""
    for kind in KINDS.values():
        folder = project.folder(kind)
        expected_depth = 2 if kind.nested else 1
        for parts in sorted(files_under(folder)):
            if parts[-1].startswith("."):
                continue
            path = folder.joinpath(*parts)
            if path.suffix in (".yml", ".YAML", ".Yaml"):
                yield Diagnostic(project.relative(path), 1, 1, f"记录文件的扩展名应为 .yaml：改名为 {path.stem}.yaml")
            elif path.suffix == ".yaml" and len(parts) != expected_depth:
                where = f"{kind.folder}/<地区>/<编号>.yaml" if kind.nested else f"{kind.folder}/<编号>.yaml"
                yield Diagnostic(project.relative(path), 1, 1, f"{kind.label}文件应放在 {where}")


def files_under(folder: Path) -> Iterator[tuple[str, ...]]:
    """Every file below ``folder`` as the names leading to it (nothing when it is not a folder):
    names, not paths, as a province's thousands of files are looked at by name only."""
    for top, _, names in os.walk(folder):
        above = Path(top).relative_to(folder).parts
        for name in names:
            yield (*above, name)


def schema_problem(project: Project, error: UnsupportedSchema) -> Diagnostic:
    """A schema that cannot be used, reported at the schema file instead of at every record."""
    path = project.schemas / error.file_name
    try:
        line, column = error.position or pointer_position(path.read_text("utf-8"), error.pointer)
    except OSError:
        line, column = 1, 1
    where = f"{error.pointer.lstrip('/')}: " if error.pointer else ""
    return Diagnostic(project.relative(path), line, column, f"{where}{error.reason}")


def record_problems(
    record: Record, catalog: Catalog, read_schema: Callable[[str], str] | None = None
) -> list[Diagnostic]:
    """Shape problems of one record and what the cross-record checks find in the rest of it: a
    wrong field does not hide the quotes, references and dates of the others (one run, every problem)."""
    try:
        findings = list(schema_errors(record, catalog.project.schemas, catalog, read_schema))
    except UnsupportedSchema as error:
        return [schema_problem(catalog.project, error)]
    shape = [record.diagnostic(path, message, at_key=at_key) for path, at_key, message in findings]
    checked, left_out = without(record, [path for path, _, _ in findings])
    said = tuple(f"{field_name(path)}{end}" for path in left_out for end in (":", "[", "."))
    return shape + [
        checked.diagnostic(path, message)
        for check in CHECKS[record.kind.name]
        for path, message in run_check(check, checked, catalog, shaped=not findings)
        if not message.startswith(said)  # a field left out for its shape gets that message only
    ]


def without(record: Record, paths: list[FieldPath]) -> tuple[Record, list[FieldPath]]:
    """The record with the wrong values at ``paths`` left out (a list item becomes empty, keeping
    the others' places), so the checks judge only what is well formed, and the paths left out. A
    mapping stays: its problem is a field of it, missing or wrong, which has its own path."""
    if not paths:
        return record, []
    data = copy.deepcopy(record.data)
    left_out = []
    for path in sorted(set(paths), key=len, reverse=True):
        container: Any = data
        for step in path[:-1]:
            container = container[step] if contains(container, step) else None
        last = path[-1] if path else None
        if last is not None and contains(container, last) and not isinstance(container[last], dict):
            if isinstance(container, dict):
                del container[last]
            else:
                container[last] = None
            left_out.append(path)
    return dataclasses.replace(record, document=dataclasses.replace(record.document, data=data)), left_out


def contains(container: Any, step: str | int) -> bool:
    """Whether ``container[step]`` is there to read."""
    if isinstance(container, dict):
        return step in container
    return isinstance(container, list) and isinstance(step, int) and 0 <= step < len(container)


def run_check(check: Check, record: Record, catalog: Catalog, *, shaped: bool) -> list[Finding]:
    """What one check finds. In a record with shape errors (already reported) a check that needs a
    field the record lacks finds nothing, and the other checks still run."""
    if shaped:
        return list(check(record, catalog))
    try:
        return list(check(record, catalog))
    except (KeyError, IndexError, TypeError, AttributeError):
        return []
