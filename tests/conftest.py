"""Shared fixtures: a small, valid catalog copied into a temporary project per test; the real
catalog's site, built once; and a synthetic catalog built once with small page sizes, for the
listings that paginate."""

from __future__ import annotations

import datetime
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from govcat.bench.synthetic import write_catalog
from govcat.checks import rules as checks
from govcat.checks.validate import check_project
from govcat.layout import Project
from govcat.model.catalog import Catalog
from govcat.model.load import load_catalog
from govcat.site.generate.paging import PageSizes, using_page_sizes
from support import mkdocs_build

REPO = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "catalog"
# "Today" for every test on the fixture catalog, so that a rule about dates (a review dated after
# today) gives the same answer on any day. Tests of the real catalog keep the real date: a real
# record reviewed in the future is a real mistake.
FROZEN_TODAY = datetime.date(2026, 11, 28)


def copy_project_skeleton(target: Path) -> None:
    """The parts of a project that are not records: config, schemas, hand-written pages."""
    for name in ("mkdocs.yml", "schemas", "content", "overrides"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


# A test that needs a whole built site (or a browser, which reads one) takes seconds, not
# milliseconds: it is marked slow, so that `pytest -m "not slow"` is a quick run.
SITE_FIXTURES = frozenset({"site", "paged_site", "browser"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


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


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own site, built with ``mkdocs build --strict`` into a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    run = mkdocs_build(REPO, out)
    if run.returncode != 0:
        pytest.fail(f"mkdocs build failed:\n{run.stderr}", pytrace=False)
    return out


# Page sizes small enough that a synthetic catalog of a hundred-odd practices paginates every
# sort of listing (several pages, a gap in the pager, cities carrying on from page to page).
SMALL_PAGES = PageSizes(table=4, links=3, metrics=9)
PAGED_PRACTICES = 120


@dataclass(frozen=True)
class PagedSite:
    project: Project
    site: Path
    catalog: Catalog


@pytest.fixture(scope="session")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> PagedSite:
    """A synthetic catalog built with ``mkdocs build --strict`` (in this process, so that the
    small page sizes apply to the hook's generation too)."""
    root = tmp_path_factory.mktemp("paged")
    real = load_catalog(Project(REPO))
    project = write_catalog(real, root / "catalog", PAGED_PRACTICES, seed=2)
    with pytest.MonkeyPatch.context() as monkeypatch, using_page_sizes(SMALL_PAGES):
        monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
        config = load_config(config_file=str(project.root / "mkdocs.yml"), site_dir=str(root / "site"), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)  # strict: any warning (a broken link or anchor) aborts
        finally:
            config.plugins.on_shutdown()
    return PagedSite(project, root / "site", check_project(project).catalog)
