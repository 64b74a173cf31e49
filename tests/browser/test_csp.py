"""The site works under the recommended Content-Security-Policy, with no violations."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from govcat.site.csp import policy
from govcat.site.server import served
from support import checked_page

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  e => window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile));
"""


@pytest.fixture(scope="module")
def csp_url(site: Path) -> Iterator[str]:
    """The built site served with the policy ``catalog csp`` computes for it."""
    with served(site, {"Content-Security-Policy": policy(site)}) as url:
        yield url


def test_policy_has_no_unsafe_inline(site: Path) -> None:
    header = policy(site)
    assert "'unsafe-inline'" not in header and "'unsafe-eval'" not in header
    assert "script-src 'self' 'sha256-" in header


@pytest.mark.parametrize(
    "path",
    [
        "",
        "practices/jiyuan-wuzhuguan-louyuan-zhili/",
        "metrics/",
        "compare/?ids=henan-sihui,kaifeng-zhua-wenhua",
        "tags/chengshi-shequ/",
        "regions/sanmenxia/",
    ],
)
def test_pages_work_under_the_policy(browser: Browser, csp_url: str, path: str) -> None:
    with checked_page(browser, csp_url, RECORD_VIOLATIONS) as page:  # a violation is a console error, too
        use_page(page, path)
        violations = page.evaluate("window.__violations")
    assert violations == []


def use_page(page: Page, path: str) -> None:
    """Open the page and use what it offers: sort, filter, compare, search and narrow."""
    page.goto(path)
    page.wait_for_load_state("networkidle")
    if path.startswith("metrics"):
        page.locator("article thead th", has_text="数据").click()
        page.get_by_label("按城市筛选").select_option("济源市")
    if path.startswith("regions"):
        page.get_by_label("按主题筛选").select_option("楼院治理")
    if path.startswith("compare"):
        assert page.locator(".compare-table thead th").count() == 3
    page.keyboard.press("/")
    page.keyboard.insert_text("楼院")
    page.locator(".catalog-search__result a").first.wait_for(timeout=15000)
    page.locator(".catalog-search__facet input").first.check()  # facets re-render the results
