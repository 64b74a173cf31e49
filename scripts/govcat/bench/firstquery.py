"""The first search a reader makes on a built site, measured in a real browser.

``catalog bench`` serves the site from a local HTTP server and opens its home page in headless
Chromium with an empty cache, presses "/", types a query and waits for the first result. It
reports the seconds from typing to a visible result and every byte fetched from navigation start
until then (page, styles, scripts, index pieces), as the browser's resource timing counts them.
Playwright and Chromium are test dependencies (in requirements.lock, and Debian's ``chromium``);
without them the figures are left out with the reason.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from govcat.bench.browser import CHROMIUM_ARGS, chromium
from govcat.site.server import served

QUERY = "楼院"
RESULT = ".catalog-search__result a"
FETCHED_BYTES = """() => performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource"))
    .reduce((sum, entry) => sum + entry.transferSize, 0)"""


@dataclass(frozen=True)
class FirstQuery:
    seconds: float
    bytes: int
    requests: int


def unavailable() -> str | None:
    """Why the browser measurement cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "需要 Playwright：pip install --require-hashes -r requirements.lock"
    if not Path(chromium()).is_file():
        return "需要 Chromium：apt-get install chromium"
    return None


def measure(site: Path, query: str = QUERY) -> FirstQuery:
    """Open the site's home page with an empty cache and search for ``query``."""
    from playwright.sync_api import sync_playwright

    with served(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), args=list(CHROMIUM_ARGS))
        try:
            page = browser.new_context(locale="zh-CN").new_page()
            page.goto(url, wait_until="load")
            page.keyboard.press("/")
            started = time.monotonic()
            page.keyboard.insert_text(query)
            page.locator(RESULT).first.wait_for(timeout=60_000)
            seconds = time.monotonic() - started
            fetched = page.evaluate(FETCHED_BYTES)
            requests = page.evaluate("() => performance.getEntriesByType('resource').length + 1")
        finally:
            browser.close()
    return FirstQuery(seconds, int(fetched), int(requests))
