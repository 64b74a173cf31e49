"""Writing a generator-owned folder all at once.

``build/generated`` (and a docs tree, ``catalog generate --docs-tree DIR``) is a symbolic link to
a complete tree beside it. A new tree is assembled in a fresh folder, each file as it is handed
over (files that did not change are hard-linked from the current tree, so they keep their
timestamps and are not rewritten), then the link is switched with one rename. A generation killed
half-way, or one whose files stop with an exception, therefore leaves the previous pages, never a
mix; its unfinished folder is removed at once, or by the next run. Only folders named after the
link (``.generated-*`` beside ``build/generated``, ``.docs-*`` beside ``docs``) are ever deleted,
so two trees written into one folder leave each other alone.

Two processes may write the same tree at once (``catalog generate`` while ``mkdocs serve``
regenerates). They take turns: each holds the link's lock file (``.generated.lock`` beside
``build/generated``) from reading the current tree to clearing up, so that no writer removes a
folder another is still filling or hard-linking from. The operating system lets go of the lock of
a writer that is killed. The lock file itself stays: removed, the next two writers could each lock
a file of their own.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

if sys.platform == "win32":
    import msvcrt

    def hold(descriptor: int) -> None:
        """Wait for the lock of the open file ``descriptor`` (its first byte)."""
        while True:
            try:
                msvcrt.locking(descriptor, msvcrt.LK_LOCK, 1)  # gives up after 10 s: ask again
                return
            except OSError:
                continue

    def let_go(descriptor: int) -> None:
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def hold(descriptor: int) -> None:
        """Wait for the lock of the open file ``descriptor``."""
        fcntl.flock(descriptor, fcntl.LOCK_EX)

    def let_go(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)


def prefix(link: Path) -> str:
    """How the folders of ``link``'s own beside it start: ``.generated-`` for build/generated."""
    return f".{link.name}-"


@contextmanager
def writing(link: Path) -> Iterator[None]:
    """Hold the lock of ``link``'s writers while the block runs, waiting for one that holds it
    (the folder of the link and its lock is made when missing)."""
    link.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(link.with_name(f".{link.name}.lock"), os.O_RDWR | os.O_CREAT, 0o666)
    try:
        hold(descriptor)
        try:
            yield
        finally:
            let_go(descriptor)
    finally:
        os.close(descriptor)


def own_folders(link: Path) -> list[Path]:
    """The folders beside ``link`` that its writes made: trees (``mkdtemp``'s eight characters),
    a plain folder moved aside, a link being switched; not those of another link's name that
    happens to start the same (``.docs-tree-…`` beside ``docs``)."""
    mine = re.compile(re.escape(prefix(link)) + r"(?:previous|link-.+|[a-z0-9_]{8})")
    return sorted(path for path in link.parent.iterdir() if mine.fullmatch(path.name))


@dataclass
class Changes:
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0


def files_in(folder: Path | None) -> set[str]:
    if folder is None or not folder.is_dir():
        return set()
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


Files = Iterable[tuple[str, str | bytes]]  # (relative path, text or bytes), each path once


def assemble(staging: Path, current: Path | None, files: Files) -> Changes:
    """Fill ``staging`` with ``files`` (text is written as UTF-8), linking those the current tree
    already holds unchanged."""
    changes, kept = Changes(), set()
    for relative, content in files:
        kept.add(relative)
        target = staging / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        old = current / relative if current is not None else None
        if old is not None and old.is_file() and old.read_bytes() == data:
            os.link(old, target)
            changes.unchanged += 1
        else:
            target.write_bytes(data)
            changes.written.append(relative)
    changes.removed = sorted(files_in(current) - kept)
    changes.written.sort()
    return changes


def switch(link: Path, tree: Path) -> None:
    """Point ``link`` at ``tree`` in one rename. A plain folder in its place is moved aside first;
    where links cannot be made (Windows without that right) ``tree`` itself is renamed into place,
    which is two renames rather than one."""
    if link.is_dir() and not link.is_symlink():
        link.rename(link.with_name(f"{prefix(link)}previous"))
    temporary = link.with_name(f"{prefix(link)}link-{tree.name}")
    try:
        os.symlink(tree.name, temporary, target_is_directory=True)
    except OSError:
        tree.rename(link)
        return
    os.replace(temporary, link)


def write_tree(link: Path, files: Files) -> Changes:
    """Make the folder at ``link`` hold exactly ``files``, atomically; an exception raised while
    they are handed over leaves the folder as it was."""
    with writing(link):
        return replace_tree(link, files)


def replace_tree(link: Path, files: Files) -> Changes:
    """``write_tree``'s work, for the one writer that holds the lock: a new tree beside the current
    one, switched in, and every other folder of ``link``'s removed."""
    current = link.resolve() if link.is_dir() else None
    staging = Path(tempfile.mkdtemp(dir=link.parent, prefix=prefix(link)))
    try:
        changes = assemble(staging, current, files)
        if current is not None and not changes.written and not changes.removed:
            shutil.rmtree(staging)
            return changes
        switch(link, staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    for leftover in own_folders(link):
        if leftover.is_dir() and not leftover.is_symlink() and leftover != staging:
            shutil.rmtree(leftover)
    return changes
