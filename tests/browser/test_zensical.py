"""The engine seam: ``catalog build --engine zensical`` (the pipeline's docs tree, built by
Zensical, then indexed), read and searched in a browser.

Zensical reads mkdocs.yml but runs no plugins; this canary (README, "Zensical") tells us, at the
pinned version of requirements-zensical.lock, whether our pages, our page template's search
settings and our own search still work under it. Without Zensical installed it is skipped
locally and fails in CI.
"""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from govcat.cli import main
from govcat.site.server import served
from support import REPO, checked_page, heading, unavailable

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = [pytest.mark.browser, pytest.mark.zensical, pytest.mark.slow]

EDIT = "https://git.example/zhili/catalog/-/edit/main/"


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real catalog built by ``catalog build --engine zensical``: the pipeline's docs tree, built
    by Zensical with a config that inherits mkdocs.yml, then indexed for search."""
    if importlib.util.find_spec("zensical") is None:
        unavailable("Zensical is not installed (pip install --require-hashes -r requirements-zensical.lock)")
    site = tmp_path_factory.mktemp("zensical") / "site"
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.chdir(REPO)
        monkeypatch.setenv("CATALOG_EDIT_URL", EDIT)
        assert main(["build", "--engine", "zensical", "--out", str(site)]) == 0
    return site


def test_record_pages_link_to_their_yaml_record_under_zensical(zensical_site: Path) -> None:
    """The edit link comes from the page's front matter, which Zensical reads too."""
    practice = (zensical_site / "practices/henan-sihui/index.html").read_text("utf-8")
    assert f'<a href="{EDIT}practices/henan/henan-sihui.yaml" title="编辑此页"' in practice


@pytest.fixture
def zensical_page(browser: Browser, zensical_site: Path) -> Iterator[Page]:
    with served(zensical_site) as url, checked_page(browser, url) as page:
        yield page


def test_every_page_of_the_docs_tree_is_built(zensical_site: Path, site: Path) -> None:
    """The same pages as the MkDocs build, each with its article and its own search settings."""
    built = sorted(p.relative_to(zensical_site).as_posix() for p in zensical_site.rglob("*.html"))
    assert built == sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    practice = (zensical_site / "practices/henan-sihui/index.html").read_text("utf-8")
    assert '<article class="md-content__inner' in practice
    settings = re.search(r"""<meta name="catalog:search" content='([^']*)'""", practice)
    assert settings and json.loads(settings.group(1))["kind"] == "做法"


def test_the_search_index_is_the_one_mkdocs_gets(zensical_site: Path, site: Path) -> None:
    """Our index reads only the built HTML, so both engines' sites give the same index."""
    ours = {p.relative_to(site).as_posix(): p.read_bytes() for p in (site / "search").rglob("*") if p.is_file()}
    theirs = {
        p.relative_to(zensical_site).as_posix(): p.read_bytes()
        for p in (zensical_site / "search").rglob("*")
        if p.is_file()
    }
    assert theirs == ours


def test_a_practice_page_reads_as_under_mkdocs(zensical_page: Page) -> None:
    zensical_page.goto("practices/jiyuan-wuzhuguan-louyuan-zhili/")
    assert heading(zensical_page) == "济源产城融合示范区：精准施策管理好无主管楼院"
    zensical_page.locator(".catalog-meta").get_by_role("link", name="济源市").click()
    assert heading(zensical_page) == "济源市"


def test_search_finds_a_practice_on_the_zensical_site(zensical_page: Page) -> None:
    zensical_page.goto("./")
    zensical_page.get_by_role("button", name="搜索").click()
    zensical_page.keyboard.insert_text("廊亭议事")
    zensical_page.keyboard.press("End")
    zensical_page.locator(".catalog-search__result a").first.wait_for()
    paths = zensical_page.eval_on_selector_all(".catalog-search__result a", "links => links.map(a => a.pathname)")
    assert "/practices/heshan-langting-yishi/" in paths[:5]
