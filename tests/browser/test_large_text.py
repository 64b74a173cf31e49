"""大字 mode: a header button that enlarges all the text by at least a quarter, is remembered,
applies before the first paint, and never makes a phone's page wider than the phone."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

PRACTICE = "practices/jiyuan-wuzhuguan-louyuan-zhili/"
REMEMBERED = "localStorage.setItem('catalog-large-text', '1')"
# The classes of <html> at the moment the parser starts the body, before anything is drawn.
CLASS_WHEN_BODY_STARTS = """new MutationObserver((_, observer) => {
  if (!document.body) return;
  window.__classWhenBodyStarts = document.documentElement.className;
  observer.disconnect();
}).observe(document, {childList: true, subtree: true});"""
PARAGRAPH_SIZE = "parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)"

# Elements wider than the screen, leaving out those inside a box that scrolls sideways on purpose
# (Material's table wrapper) and those moved off screen on purpose (the closed navigation drawer).
STICKING_OUT = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = el => { for (let p = el.parentElement; p; p = p.parentElement) {
      const x = getComputedStyle(p).overflowX;
      if ((x === "auto" || x === "scroll") && p !== document.documentElement && p !== document.body) return true;
    } return false; };
  const out = [];
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (!box.width || box.right <= width + 1 || box.left < 0 || scrolls(el)) continue;
    if (el.closest(".md-sidebar, .md-tooltip2, dialog:not([open])")) continue;
    out.push(el.tagName + "." + el.className + " right=" + Math.round(box.right));
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, out: out.slice(0, 10)};
}"""


def test_the_header_button_enlarges_the_text_and_is_remembered(page: Page) -> None:
    page.goto(PRACTICE)
    normal = page.evaluate(PARAGRAPH_SIZE)
    button = page.locator(".md-header").get_by_role("button", name="大字")
    assert button.get_attribute("aria-pressed") == "false"
    assert (
        page.evaluate("document.querySelector('.catalog-search-open').nextElementSibling.className")
        == "catalog-textsize"
    )
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert page.evaluate(PARAGRAPH_SIZE) >= 1.25 * normal

    page.goto("metrics/")  # another page: still large
    assert page.locator(".md-header").get_by_role("button", name="大字").get_attribute("aria-pressed") == "true"
    assert page.evaluate(PARAGRAPH_SIZE) >= 1.25 * normal
    page.locator(".md-header").get_by_role("button", name="大字").click()
    page.goto(PRACTICE)
    assert page.evaluate(PARAGRAPH_SIZE) == normal


def test_a_remembered_choice_applies_before_any_script_of_the_body_runs(browser: Browser, base_url: str) -> None:
    """The head's inline script alone makes the page large: with textsize.js not loaded at all,
    the page is still drawn large, so it never flashes small first."""
    context = browser.new_context(base_url=base_url)  # the blocked script logs an error: not the checked page
    context.add_init_script(REMEMBERED)
    context.add_init_script(CLASS_WHEN_BODY_STARTS)
    page = context.new_page()
    page.route("**/textsize.js", lambda route: route.abort())
    page.goto(PRACTICE)
    assert "catalog-large" in page.evaluate("window.__classWhenBodyStarts")
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "25px"  # 20 px × 1.25 at 1280 px
    context.close()


def test_another_tab_follows_the_choice(browser: Browser, base_url: str) -> None:
    context = browser.new_context(base_url=base_url)
    first, second = context.new_page(), context.new_page()
    first.goto(PRACTICE)
    second.goto("metrics/")
    first.get_by_role("button", name="大字").click()
    second.wait_for_function("document.documentElement.classList.contains('catalog-large')")
    assert second.get_by_role("button", name="大字").get_attribute("aria-pressed") == "true"
    context.close()


@pytest.mark.parametrize("path", [PRACTICE, "themes/louyuan-zhili/", "metrics/"])
def test_nothing_overflows_a_phone_in_large_text(browser: Browser, base_url: str, path: str) -> None:
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844}, locale="zh-CN")
    context.add_init_script(REMEMBERED)
    page = context.new_page()
    page.goto(path)
    assert page.evaluate("document.documentElement.classList.contains('catalog-large')")
    found = page.evaluate(STICKING_OUT)
    context.close()
    assert found["scrollWidth"] <= found["width"] and found["out"] == [], found


def test_reduced_motion_is_honoured(browser: Browser, base_url: str) -> None:
    context = browser.new_context(base_url=base_url, reduced_motion="reduce")
    page = context.new_page()
    page.goto(PRACTICE)
    durations = page.evaluate("""() => [".md-tabs__link", ".md-skip", ".md-top", "article a"].map(s =>
        getComputedStyle(document.querySelector(s)).transitionDuration)""")
    context.close()
    assert all(set(d.replace(" ", "").split(",")) == {"0s"} for d in durations), durations
