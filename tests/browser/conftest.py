"""Browser tests: the repository's real site, built once, served on 127.0.0.1, driven by Chromium.

The browser is Debian's chromium (``CHROMIUM`` overrides the path), driven by Playwright. Without
a browser the tests are skipped locally but fail when ``CI`` is set, so CI cannot pass by
skipping them. Every ``page`` checks at teardown that nothing was logged as a console error and
that no request went to a host other than the local server.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

REPO = Path(__file__).resolve().parents[2]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own site, built with ``mkdocs build --strict`` into a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=REPO, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True, text=True, timeout=600, check=False,
    )
    if run.returncode != 0:
        pytest.fail(f"mkdocs build failed:\n{run.stderr}", pytrace=False)
    return out


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serving(folder: Path) -> Iterator[str]:
    """A built site served by a threaded HTTP server on a free port of 127.0.0.1; its address."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    with serving(site) as url:
        yield url


@pytest.fixture(scope="session")
def paged_url(paged_site) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The synthetic catalog of ``paged_site`` (small pages, so its listings paginate), served."""
    with serving(paged_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright is not installed (pip install -e '.[test]')")
    executable = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(executable).is_file():
        unavailable(f"no Chromium at {executable} (apt-get install chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, base_url: str) -> Iterator[object]:
    """A fresh page of the real site; at teardown: no console errors, no request to any other host."""
    yield from checked_page(browser, base_url)


@pytest.fixture
def paged_page(browser, paged_url: str) -> Iterator[object]:
    """A fresh page of the paged synthetic site, checked like ``page``."""
    yield from checked_page(browser, paged_url)


def checked_page(browser, base_url: str) -> Iterator[object]:  # type: ignore[no-untyped-def]
    context = browser.new_context(locale="zh-CN", base_url=base_url)
    errors: list[str] = []
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    tab = context.new_page()
    tab.on("console", lambda message: errors.append(f"console: {message.text}")
           if message.type == "error" else None)
    tab.on("pageerror", lambda error: errors.append(f"page error: {error}"))
    yield tab
    context.close()
    assert errors == [], "console errors"
    foreign = [url for url in requests
               if urlsplit(url).scheme not in ("data", "blob", "about")
               and urlsplit(url).hostname not in LOCAL_HOSTS]
    assert foreign == [], "requests to other hosts"
