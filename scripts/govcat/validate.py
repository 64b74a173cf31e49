"""Load and check the whole catalog, collecting every problem before anyone stops.

Order: read each file (YAML problems), check its shape (schema), then, for records whose shape
is right, the cross-record checks. References always resolve against the whole catalog, even
when only some files are being checked.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .catalog import Catalog
from .checks import CHECKS
from .diagnostics import Diagnostic
from .fields import UnsupportedSchema, pointer_position
from .layout import KINDS, Project
from .records import Record, read_record, record_paths
from .schema import schema_errors


@dataclass
class CheckResult:
    catalog: Catalog
    diagnostics: list[Diagnostic]

    @property
    def ok(self) -> bool:
        return not self.diagnostics


def stray_files(project: Project) -> Iterable[Diagnostic]:
    """Files in record folders that would silently be ignored."""
    for kind in KINDS.values():
        folder = project.folder(kind)
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_dir() or path.name.startswith("."):
                continue
            depth = len(path.relative_to(folder).parts)
            expected_depth = 2 if kind.nested else 1
            shown = project.relative(path)
            if path.suffix in (".yml", ".YAML", ".Yaml"):
                yield Diagnostic(shown, 1, 1, f"记录文件的扩展名应为 .yaml：改名为 {path.stem}.yaml")
            elif path.suffix == ".yaml" and depth != expected_depth:
                where = f"{kind.folder}/<地区>/<编号>.yaml" if kind.nested else f"{kind.folder}/<编号>.yaml"
                yield Diagnostic(shown, 1, 1, f"{kind.label}文件应放在 {where}")


def read_sources(project: Project, records: list[Record]) -> dict[str, str]:
    """Full texts of the source records whose text file exists and is UTF-8."""
    texts = {}
    for record in records:
        name = record.data.get("text_file")
        if record.kind.name != "source" or not isinstance(name, str) or "/" in name or "\\" in name:
            continue
        path = record.path.parent / name
        try:
            texts[record.id] = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
    return texts


def duplicate_ids(records: list[Record]) -> Iterable[Diagnostic]:
    first: dict[tuple[str, str], Record] = {}
    for record in records:
        key = (record.kind.name, record.id)
        if key in first:
            yield record.diagnostic(("id",), f"id: 编号“{record.id}”重复，另见 {first[key].display_path}")
        else:
            first[key] = record


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Loading builds hundreds of thousands of small containers and no reference cycles; Python's
    cycle collector would scan them again and again as they pile up (a third of the time of
    checking 10,000 records), so it waits until the catalog is loaded."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def check_project(project: Project, only: Iterable[Path] | None = None) -> CheckResult:
    """Check every record (or, with ``only``, report on just those files) and index the catalog."""
    with cycle_collection_paused():
        return _check_project(project, only)


def _check_project(project: Project, only: Iterable[Path] | None) -> CheckResult:
    diagnostics: list[Diagnostic] = list(stray_files(project))
    records: list[Record] = []
    unreadable: dict[str, set[str]] = {}
    for kind, path in record_paths(project):
        record, problems = read_record(project, kind, path)
        diagnostics.extend(problems)
        if record is not None:
            records.append(record)
        else:
            unreadable.setdefault(kind.name, set()).add(path.stem)
    diagnostics.extend(duplicate_ids(records))

    catalog = Catalog(project, source_texts=read_sources(project, records), unreadable=unreadable)
    for record in records:
        catalog.records.setdefault(record.kind.name, {}).setdefault(record.id, record)

    wanted = None if only is None else {project.relative(path) for path in only}
    for record in records:
        if wanted is None or record.display_path in wanted:  # others are read, not checked
            diagnostics.extend(record_problems(record, catalog))

    if wanted is not None:  # a schema that cannot be used concerns every file checked
        diagnostics = [d for d in diagnostics if d.path in wanted or d.path.startswith("schemas/")]
    return CheckResult(catalog, sorted(set(diagnostics)))


def schema_problem(project: Project, error: UnsupportedSchema) -> Diagnostic:
    """A schema that cannot be used, reported at the schema file instead of at every record."""
    path = project.schemas / error.file_name
    try:
        line, column = error.position or pointer_position(path.read_text("utf-8"), error.pointer)
    except OSError:
        line, column = 1, 1
    where = f"{error.pointer.lstrip('/')}: " if error.pointer else ""
    return Diagnostic(project.relative(path), line, column, f"{where}{error.reason}")


def record_problems(record: Record, catalog: Catalog) -> list[Diagnostic]:
    """Shape problems of one record; when its shape is right, what the cross-record checks find."""
    try:
        shape = [record.diagnostic(path, message, at_key=at_key)
                 for path, at_key, message in schema_errors(record, catalog.project.schemas, catalog)]
    except UnsupportedSchema as error:
        return [schema_problem(catalog.project, error)]
    if shape:
        return shape
    return [record.diagnostic(path, message)
            for check in CHECKS[record.kind.name] for path, message in check(record, catalog)]
