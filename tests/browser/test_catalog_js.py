"""catalog.js when things go wrong or happen elsewhere, and what it tells screen readers.

Tablesort missing or broken leaves filters and comparison working; filters find their columns by
the templates' data-filter marker, not by the header's words; every column not sorted keeps its
"↕" hint; the compare basket follows changes made in another tab; buttons, counts and tables say
what they are to a screen reader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from support import refuse_into

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

BROKEN_TABLESORT = (
    "window.Tablesort = function () { throw new Error('broken'); }; window.Tablesort.extend = function () {};"
)
HINT = "el => getComputedStyle(el.querySelector('.catalog-sort') || el, '::after').content"


@pytest.mark.parametrize("replacement", ["", BROKEN_TABLESORT], ids=["missing", "throws"])
def test_without_tablesort_filters_and_comparison_still_work(browser: Browser, base_url: str, replacement: str) -> None:
    context = browser.new_context(base_url=base_url)  # a broken vendor script may log: not the checked page
    page = context.new_page()
    page.route("**/vendor/tablesort*.js", lambda route: route.fulfill(body=replacement, content_type="text/javascript"))
    page.goto("metrics/")
    assert page.locator(".catalog-sort").count() == 0  # no promise of sorting that cannot be kept
    page.get_by_label("按城市筛选").select_option("济源市")
    assert page.locator(".catalog-filters [role=status]").inner_text().startswith("显示 6 / ")
    page.goto("themes/louyuan-zhili/")
    page.locator("article table .compare-toggle").first.click()
    assert page.locator(".compare-bar").is_visible()
    context.close()


def test_filters_follow_the_marker_not_the_header_words(page: Page) -> None:
    """Rename the marked header and move the columns: the filters still pick the right cells."""
    page.route(
        "**/metrics/",
        lambda route: route.fulfill(
            body=route.fetch().text().replace("<span data-filter>城市</span>", "<span data-filter>所在城市</span>"),
            content_type="text/html",
        ),
    )
    page.goto("metrics/")
    assert page.eval_on_selector_all(
        ".catalog-filters label", "labels => labels.map(l => l.firstChild.textContent)"
    ) == ["所在城市：", "主题："]
    page.get_by_label("按所在城市筛选").select_option("济源市")
    assert page.locator(".catalog-filters [role=status]").inner_text().startswith("显示 6 / ")


def test_unsorted_columns_keep_their_hint(page: Page) -> None:
    page.goto("metrics/")
    headers = page.locator("article thead th")
    page.locator("article thead th", has_text="数据").click()
    page.locator("article thead th", has_text="指标").click()
    hints = [headers.nth(i).evaluate(HINT) for i in range(headers.count())]
    assert hints[0] == '" ↑"' and hints[1:].count('" ↕"') == len(hints) - 1, hints
    assert page.locator("article thead th[aria-sort]").count() == 1


def test_the_basket_follows_another_tab(browser: Browser, base_url: str) -> None:
    context = browser.new_context(base_url=base_url)
    here, there = context.new_page(), context.new_page()
    here.goto("themes/louyuan-zhili/")
    there.goto("themes/louyuan-zhili/")
    here.locator("article table .compare-toggle").nth(1).click()
    there.wait_for_function("document.querySelectorAll('article .compare-toggle[aria-pressed=true]').length === 1")
    assert there.locator("article table .compare-toggle").nth(1).get_attribute("aria-pressed") == "true"
    assert there.locator(".compare-bar").inner_text().startswith("已选 1 项做法")
    there.locator(".compare-bar").get_by_role("button", name="清空对比篮").click()
    here.locator(".compare-bar").wait_for(state="hidden")
    assert here.locator("article .compare-toggle[aria-pressed=true]").count() == 0
    context.close()


def test_compare_buttons_name_their_practice_and_the_limit_is_said_politely(page: Page) -> None:
    alerts: list[str] = []
    page.on("dialog", refuse_into(alerts))
    page.goto("practices/zhengzhou-sicuo-bingju/")
    title = page.locator("h1").inner_text().rstrip("¶").strip()
    assert page.get_by_role("button", name=f"对比：{title}").count() == 1
    page.goto("themes/louyuan-zhili/")
    assert (
        page.get_by_role("button", name="对比：郑州市：“四措并举”解决基层治理难点堵点问题").get_attribute(
            "aria-pressed"
        )
        == "false"
    )
    toggles = page.locator("article table .compare-toggle")
    for at in range(5):
        toggles.nth(at).click()
    fifth = (toggles.nth(4).get_attribute("aria-label") or "").removeprefix("对比：")
    message = f"最多同时对比 4 项做法。要加入“{fifth}”，请先移出一项。"
    assert page.locator(".compare-bar__note").inner_text() == message
    page.wait_for_function(
        "m => [...document.querySelectorAll('[role=status]')].some(s => s.textContent === m)", arg=message
    )
    assert alerts == []


def test_screen_readers_get_the_language_table_headers_and_live_counts(page: Page) -> None:
    page.goto("metrics/")
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    scopes = page.eval_on_selector_all("article thead th", "cells => cells.map(c => c.scope)")
    assert scopes and set(scopes) == {"col"}
    page.get_by_label("按城市筛选").select_option("济源市")
    assert page.get_by_role("status").filter(has_text="显示 6 / ").count() == 1
    page.goto("compare/?ids=henan-sihui,kaifeng-zhua-wenhua")
    page.wait_for_selector(".compare-table")
    assert page.eval_on_selector_all(".compare-table th", "cells => [...new Set(cells.map(c => c.scope))]") == [
        "col",
        "row",
    ]
    assert page.locator(".compare-table caption").inner_text() == "2 项做法逐项对比"


@pytest.mark.parametrize("path", ["", "practices/henan-sihui/", "metrics/", "compare/", "404.html"])
def test_the_first_tab_shows_the_skip_link(page: Page, path: str) -> None:
    page.goto(path)
    page.keyboard.press("Tab")
    skip = page.locator(".md-skip")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    assert skip.inner_text().strip() == "跳到正文"
    assert skip.get_attribute("href") == "#" + (page.locator("h1").get_attribute("id") or "")
