"""Dates of record files from git history: when each was added and when last changed.

Dates are read from commits, so the same commits always give the same pages. A checkout
without git (a copied folder, an exported archive, git missing) simply has no history: the
result is empty and pages fall back to the records' own dates.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class FileDates:
    added: str  # YYYY-MM-DD of the first commit that touched the file
    changed: str  # YYYY-MM-DD of the last one


def file_dates(root: Path, folder: str) -> dict[str, FileDates]:
    """Path (relative to ``root``, forward slashes) -> dates, for every file git knows in ``folder``."""
    command = [
        "git",
        "-c",
        "core.quotepath=off",
        "-C",
        str(root),
        "log",
        "--relative",
        "--no-renames",
        "--format=%x00%cs",
        "--name-only",
        "--",
        folder,
    ]
    try:
        run = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return {}
    if run.returncode != 0:
        return {}
    dates: dict[str, FileDates] = {}
    day = ""
    for line in run.stdout.splitlines():  # newest commit first
        if line.startswith("\0"):
            day = line[1:]
        elif line:
            known = dates.get(line)
            dates[line] = FileDates(added=day, changed=known.changed if known else day)
    return dates


def text_before_last_change(root: Path, path: str) -> str | None:
    """The file at ``path`` (relative to ``root``) as it was before the last commit that changed it;
    None when that commit added it, or without git or history."""

    def git(*args: str) -> str | None:
        try:
            run = subprocess.run(
                ["git", "-C", str(root), *args], capture_output=True, encoding="utf-8", timeout=60, check=False
            )
        except (OSError, subprocess.SubprocessError, UnicodeDecodeError):
            return None
        return run.stdout if run.returncode == 0 else None

    last = git("log", "-n", "1", "--no-renames", "--format=%H", "--", path)
    if not last or not last.strip():
        return None
    return git("show", f"{last.strip()}~1:{path}")
