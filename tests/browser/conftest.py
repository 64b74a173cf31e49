"""Browser tests: the repository's real site, built once, served on 127.0.0.1, driven by Chromium.

The browser is Debian's chromium (``CHROMIUM`` overrides the path), driven by Playwright; the
site is served and the browser started as ``catalog bench`` does (``govcat.bench.browser``). Without a
browser the tests are skipped locally but fail when ``CI`` is set, so CI cannot pass by skipping
them. Every page the fixtures give checks at teardown that nothing was logged as a console error
and that no request left the site.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from govcat.bench.browser import CHROMIUM_ARGS, chromium
from govcat.site.server import served
from support import checked_page, unavailable

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

    from conftest import PagedSite


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    with served(site) as url:
        yield url


@pytest.fixture(scope="session")
def paged_url(paged_site: PagedSite) -> Iterator[str]:
    """The synthetic catalog of ``paged_site`` (small pages, so its listings paginate), served."""
    with served(paged_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright is not installed (pip install --require-hashes -r requirements.lock)")
    executable = chromium()
    if not Path(executable).is_file():
        unavailable(f"no Chromium at {executable} (apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS))
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A fresh page of the real site; at teardown: no console errors, no request to any other host."""
    with checked_page(browser, base_url) as tab:
        yield tab


@pytest.fixture
def paged_page(browser: Browser, paged_url: str) -> Iterator[Page]:
    """A fresh page of the paged synthetic site, checked like ``page``."""
    with checked_page(browser, paged_url) as tab:
        yield tab
