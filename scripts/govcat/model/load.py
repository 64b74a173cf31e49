"""Read a catalog checkout into a ``Catalog``: the one way records are loaded.

``load_catalog`` reads every record file of every kind, indexes the records by kind and id (of
two with the same id, the first in file order) and reads the stored full text of each source. It
judges nothing: a file that is too large, not UTF-8 or not usable YAML cannot become a record, so
what is wrong with it is kept on the catalog (``Catalog.reading_problems``) for ``govcat.checks.validate``
to report with everything else it finds; commands that only read (``catalog new``, ``cite``,
``coverage``) go on with the records that did load.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from govcat.layout import Kind, Project
from govcat.model.catalog import Catalog
from govcat.model.diagnostics import Diagnostic
from govcat.model.records import Record, read_record, record_paths


class ReadCache:
    """Record files read before, with the size and modification time they had then: a file with
    both unchanged is not read again (the preview loads the catalog after every save)."""

    def __init__(self) -> None:
        self.entries: dict[Path, tuple[tuple[int, int], Record | None, list[Diagnostic]]] = {}

    def read(self, project: Project, kind: Kind, path: Path) -> tuple[Record | None, list[Diagnostic]]:
        status = path.stat()
        stamp = (status.st_mtime_ns, status.st_size)
        entry = self.entries.get(path)
        if entry is None or entry[0] != stamp:
            entry = (stamp, *read_record(project, kind, path))
            self.entries[path] = entry
        return entry[1], entry[2]

    def keep_only(self, paths: Iterable[Path]) -> None:
        """Forget the files that are gone."""
        kept = set(paths)
        self.entries = {path: entry for path, entry in self.entries.items() if path in kept}


def load_catalog(project: Project, cache: ReadCache | None = None) -> Catalog:
    """Every record of ``project``, indexed, with the source texts and what could not be read;
    with a ``cache``, files unchanged since it read them are not read again."""
    with cycle_collection_paused():
        problems: list[Diagnostic] = []
        records: list[Record] = []
        unreadable: dict[str, set[str]] = {}
        paths = list(record_paths(project))
        for kind, path in paths:
            record, found = cache.read(project, kind, path) if cache is not None else read_record(project, kind, path)
            problems.extend(found)
            if record is not None:
                records.append(record)
            else:
                unreadable.setdefault(kind.name, set()).add(path.stem)
        if cache is not None:
            cache.keep_only(path for _, path in paths)
        catalog = Catalog(
            project,
            loaded=records,
            source_texts=read_sources(records),
            unreadable=unreadable,
            reading_problems=problems,
        )
        for record in records:
            catalog.records.setdefault(record.kind.name, {}).setdefault(record.id, record)
        return catalog


def read_sources(records: Iterable[Record]) -> dict[str, str]:
    """Full texts of the source records whose text file exists and is UTF-8 (the validator says
    what is wrong with the others)."""
    texts = {}
    for record in records:
        name = record.data.get("text_file")
        if record.kind.name != "source" or not isinstance(name, str) or "/" in name or "\\" in name:
            continue
        try:
            texts[record.id] = (record.path.parent / name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
    return texts


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
