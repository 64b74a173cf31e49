"""The first search a reader makes on a built site, measured in a real browser.

``catalog bench`` serves the site from a local HTTP server and opens its home page in headless
Chromium with an empty cache, presses "/", types a query and waits for the first result. It
reports the seconds from typing to a visible result and every byte fetched from navigation start
until then (page, styles, scripts, index pieces), as the browser's resource timing counts them.
Playwright and Chromium are the test dependencies (``pip install -e '.[test]'``, Debian's
``chromium``); without them the figures are left out with the reason.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

QUERY = "楼院"
RESULT = ".catalog-search__result a"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
FETCHED_BYTES = """() => performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource"))
    .reduce((sum, entry) => sum + entry.transferSize, 0)"""


@dataclass(frozen=True)
class FirstQuery:
    seconds: float
    bytes: int
    requests: int


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    """The site on a free port of 127.0.0.1, for the duration of the block."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def unavailable() -> str | None:
    """Why the browser measurement cannot run here, or None."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "需要 Playwright：pip install -e '.[test]'"
    if not Path(chromium()).is_file():
        return "需要 Chromium：apt-get install chromium"
    return None


def chromium() -> str:
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


def measure(site: Path, query: str = QUERY) -> FirstQuery:
    """Open the site's home page with an empty cache and search for ``query``."""
    from playwright.sync_api import sync_playwright

    with served(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
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
