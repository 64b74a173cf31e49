"""Shared fixtures: a small, valid catalog copied into a temporary project per test."""

from __future__ import annotations

import datetime
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from govcat import checks
from govcat.layout import Project

REPO = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "catalog"
# "Today" for every test on the fixture catalog, so that a rule about dates (a review dated after
# today) gives the same answer on any day. Tests of the real catalog keep the real date: a real
# record reviewed in the future is a real mistake.
FROZEN_TODAY = datetime.date(2026, 11, 28)


def copy_project_skeleton(target: Path) -> None:
    """The parts of a project that are not records: config, schemas, hand-written pages."""
    for name in ("mkdocs.yml", "schemas", "content", "overrides", "scripts/govcat/mkdocs_hook.py"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    """A temporary project holding the fixture catalog (one good practice and its references),
    checked as on ``FROZEN_TODAY``."""
    monkeypatch.setattr(checks, "today", lambda: FROZEN_TODAY)
    copy_project_skeleton(tmp_path)
    shutil.copytree(FIXTURE, tmp_path, dirs_exist_ok=True)
    return Project(tmp_path)


@pytest.fixture
def write(project: Project) -> Callable[[str, str], Path]:
    """Write (or overwrite) a file in the temporary project; returns its path."""
    def writer(relative: str, text: str) -> Path:
        path = project.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path
    return writer
