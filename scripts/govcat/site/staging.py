"""Building a site beside the served one, then bringing the served one up to date file by file.

An engine writes its whole site afresh; were it to write into the served folder, every file would
get a new modification time (so a publisher's ``rsync`` would copy everything) and a failed build
would leave half a site. So the pipeline builds into a fresh folder beside the output
(``.site.building-XXXXXXXX`` beside ``site/``), and only when every stage has succeeded brings the
output up to date (``update_folder``):

* a file whose bytes did not change is left alone: the old file, its old modification time;
* a new file is moved in, then a changed one replaces the old one in one rename (``os.replace``),
  so a reader never meets half a page; new files go first, so that a changed page never names a
  script or search file that is not there yet;
* a file the new build no longer has is removed last, and folders left empty with it.

A build that fails, or is killed before it updates the output, leaves the output as it was (one
killed while updating leaves whole files, some old and some new, until the next build). Builds
into one folder take turns (the lock file ``.site.lock`` beside it, ``generate.output.writing``),
so the next build can safely remove a killed build's unfinished folder.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from govcat.site.generate.output import writing

CHUNK = 1024 * 1024


@dataclass
class Updated:
    """What bringing a folder up to date did, by path inside it."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0


def building_prefix(out: Path) -> str:
    return f".{out.name}.building-"


@contextmanager
def staged(out: Path) -> Iterator[Path]:
    """A fresh folder beside ``out`` to build into; when the block ends without an error, ``out``
    is brought up to date from it. The folder is removed either way."""
    out = out.absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    with writing(out):
        remove_unfinished(out)
        staging = Path(tempfile.mkdtemp(dir=out.parent, prefix=building_prefix(out)))
        try:
            yield staging
            update_folder(staging, out)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def remove_unfinished(out: Path) -> None:
    """The folders of builds into ``out`` that were killed before they cleared up."""
    unfinished = re.compile(re.escape(building_prefix(out)) + r"[a-z0-9_]{8}")
    for path in sorted(out.parent.iterdir()):
        if unfinished.fullmatch(path.name) and path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)


def files_below(folder: Path) -> list[str]:
    """Every file below ``folder`` (symbolic links to files included), by sorted relative path."""
    if not folder.is_dir():
        return []
    found = []
    for parent, _, names in os.walk(folder):
        for name in names:
            path = Path(parent, name)
            if path.is_file():
                found.append(path.relative_to(folder).as_posix())
    return sorted(found)


def same_bytes(one: Path, other: Path) -> bool:
    if one.stat().st_size != other.stat().st_size:
        return False
    with one.open("rb") as first, other.open("rb") as second:
        while True:
            block = first.read(CHUNK)
            if block != second.read(CHUNK):
                return False
            if not block:
                return True


def update_folder(new: Path, out: Path) -> Updated:
    """Make ``out`` hold exactly the files of ``new``, touching only those that differ; the files
    moved in are taken out of ``new``."""
    wanted = files_below(new)
    present = set(files_below(out))
    updated = Updated(removed=sorted(present - set(wanted)))
    for relative in wanted:
        if relative not in present:
            updated.added.append(relative)
        elif same_bytes(new / relative, out / relative):
            updated.unchanged += 1
        else:
            updated.replaced.append(relative)
    out.mkdir(parents=True, exist_ok=True)
    for relative in updated.added + updated.replaced:
        make_room(out, relative)
        move_in(new / relative, out / relative)
    for relative in updated.removed:
        gone = out / relative
        if gone.is_symlink() or gone.is_file():  # not a folder that a new file's path made of it
            gone.unlink()
    remove_empty_folders(out)
    return updated


def make_room(out: Path, relative: str) -> None:
    """The folders on the way to ``out/relative``, where a file of an earlier build may stand in
    the way of one; and no folder where the file goes."""
    folder = out
    for part in PurePosixPath(relative).parts[:-1]:
        folder = folder / part
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            folder.unlink()
        folder.mkdir(exist_ok=True)
    target = out / relative
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)


def move_in(source: Path, target: Path) -> None:
    """``source`` to ``target`` in one rename; from another file system (the output folder is a
    mount point of its own), copied beside ``target`` first."""
    try:
        os.replace(source, target)
    except OSError as error:
        if error.errno != errno.EXDEV:
            raise
        copy = target.with_name(f".{target.name}.new")
        shutil.copyfile(source, copy)
        os.replace(copy, target)


def remove_empty_folders(out: Path) -> None:
    for parent, folders, _ in os.walk(out, topdown=False):
        for name in folders:
            folder = Path(parent, name)
            if not folder.is_symlink() and not any(folder.iterdir()):
                folder.rmdir()
