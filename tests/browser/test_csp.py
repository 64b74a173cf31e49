"""The site works under the recommended Content-Security-Policy, with no violations."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from govcat.csp import policy

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  e => window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile));
"""


@pytest.fixture(scope="module")
def csp_url(site: Path) -> Iterator[str]:
    """The built site served with the policy ``catalog csp`` computes for it."""
    header = policy(site)

    class WithPolicy(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def end_headers(self) -> None:
            self.send_header("Content-Security-Policy", header)
            super().end_headers()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(WithPolicy, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


def test_policy_has_no_unsafe_inline(site: Path) -> None:
    header = policy(site)
    assert "'unsafe-inline'" not in header and "'unsafe-eval'" not in header
    assert "script-src 'self' 'sha256-" in header


@pytest.mark.parametrize("path", ["", "practices/jiyuan-wuzhuguan-louyuan-zhili/", "metrics/",
                                  "compare/?ids=henan-sihui,kaifeng-zhua-wenhua", "tags/chengshi-shequ/",
                                  "regions/sanmenxia/"])
def test_pages_work_under_the_policy(browser, csp_url: str, path: str) -> None:
    context = browser.new_context(base_url=csp_url)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path)
    page.wait_for_load_state("networkidle")
    if path.startswith("metrics"):
        page.locator("article thead th", has_text="数值").click()
        page.get_by_label("按城市筛选").select_option("济源市")
    if path.startswith("regions"):
        page.get_by_label("按主题筛选").select_option("楼院治理")
    if path.startswith("compare"):
        assert page.locator(".compare-table thead th").count() == 3
    page.keyboard.press("/")
    page.keyboard.insert_text("楼院")
    page.locator(".catalog-search__result a").first.wait_for(timeout=15000)
    page.locator(".catalog-search__facet input").first.check()  # facets re-render the results
    violations = page.evaluate("window.__violations")
    context.close()
    assert violations == [] and errors == []
