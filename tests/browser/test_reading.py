"""What a cadre does on the built site: follow links both ways, sort and filter, compare, print."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from support import heading, leading_numbers

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

JIYUAN = "practices/jiyuan-wuzhuguan-louyuan-zhili/"
JIYUAN_TITLE = "济源产城融合示范区：精准施策管理好无主管楼院"


def column(page: Page, header: str) -> list[str]:
    """Visible cell texts of the column with this header in the page's first table."""
    headers = [h.strip() for h in page.locator("article table").first.locator("thead th").all_inner_texts()]
    index = headers.index(header) + 1
    cells = page.locator(f"article table >> nth=0 >> tbody tr:visible td:nth-child({index})")
    return [t.strip() for t in cells.all_inner_texts()]


def test_region_and_standard_links_lead_there_and_back(page: Page) -> None:
    page.goto(JIYUAN)
    page.locator(".catalog-meta").get_by_role("link", name="济源市").click()
    assert heading(page) == "济源市"
    page.get_by_role("link", name=JIYUAN_TITLE).first.click()
    assert heading(page) == JIYUAN_TITLE
    page.get_by_role("link", name="无主管楼院治理目标").first.click()
    assert heading(page) == "无主管楼院治理目标"
    page.get_by_role("link", name=JIYUAN_TITLE).click()
    assert page.url.endswith(JIYUAN)


def test_umbrella_and_measure_pages_link_each_other(page: Page) -> None:
    page.goto("practices/zhengzhou-sicuo-bingju/")
    page.get_by_role("link", name="郑州市：不断完善楼院长效治理机制").first.click()
    assert (
        page.locator(".catalog-meta").get_by_role("link", name="郑州市：“四措并举”解决基层治理难点堵点问题").count()
        == 1
    )


def test_term_mentions_link_to_the_term_with_its_definition(page: Page) -> None:
    page.goto("practices/henan-siyi-liang-gongkai/")
    link = page.locator("article p a", has_text="四议两公开").first
    assert "村级重大事项决策" in str(link.get_attribute("title"))
    link.click()
    assert heading(page) == "四议两公开"
    assert page.get_by_role("link", name="河南省：深化“四议两公开”工作法").count() >= 1


def test_metrics_table_sorts_by_number_and_filters_by_city(page: Page) -> None:
    page.goto("metrics/")
    page.locator("article thead th", has_text="数据").click()
    values = leading_numbers(column(page, "数据"))
    assert values == sorted(values) and len(values) >= 30
    page.locator("article thead th", has_text="数据").click()
    assert leading_numbers(column(page, "数据")) == sorted(values, reverse=True)
    page.get_by_label("按城市筛选").select_option("济源市")
    assert set(column(page, "城市")) == {"济源市"}
    assert len(column(page, "城市")) == 6
    assert page.get_by_text("显示 6 / ").count() == 1


def test_theme_results_sort_by_place_and_say_where_a_source_gives_no_figure(page: Page) -> None:
    page.goto("themes/louyuan-zhili/")
    assert column(page, "成效")[:2] == ["来源未提供成效数据"] * 2  # 郑州's umbrella practice and its part
    page.locator("article thead th", has_text="城市").first.click()
    places = column(page, "城市")
    assert places == sorted(places) and "济源市" in places


def test_compare_two_practices_and_share_the_address(page: Page, browser: Browser, base_url: str) -> None:
    page.goto("themes/louyuan-zhili/")
    toggles = page.locator("article table .compare-toggle")
    toggles.nth(0).click()
    toggles.nth(4).click()
    assert toggles.nth(0).get_attribute("aria-pressed") == "true"
    page.locator(".compare-bar").get_by_role("link", name="开始对比").click()
    page.wait_for_selector(".compare-table")
    assert re.search(r"/compare/\?ids=[a-z0-9-]+,[a-z0-9-]+$", page.url)
    headers = page.locator(".compare-table thead th a").all_inner_texts()
    assert JIYUAN_TITLE in headers and len(headers) == 2
    assert page.locator(".compare-table tbody th").all_inner_texts()[:3] == ["地区", "层级", "主题"]

    shared = browser.new_context(base_url=base_url)  # a colleague: nothing chosen in their browser
    other = shared.new_page()
    other.goto(page.url)
    other.wait_for_selector(".compare-table")
    assert other.locator(".compare-table thead th a").all_inner_texts() == headers
    other.get_by_role("link", name=JIYUAN_TITLE).click()
    assert other.url.endswith(JIYUAN)
    shared.close()


def test_practice_page_offers_the_compare_control(page: Page) -> None:
    page.goto(JIYUAN)
    assert page.locator(".catalog-meta li .compare-toggle").count() == 0  # not in the 地区 row: a row of its own
    page.locator(".catalog-compare-slot .compare-toggle").click()
    assert page.locator(".compare-bar").inner_text().startswith("已选 1 项做法")


def test_print_shows_the_practice_without_navigation(page: Page) -> None:
    page.goto(JIYUAN)
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator("h1").is_visible()
    assert page.get_by_text("278个", exact=True).first.is_visible()


def test_glossary_is_ordered_by_pinyin(page: Page) -> None:
    page.goto("glossary/")
    letters = [h.rstrip("¶").strip() for h in page.locator("article h2").all_inner_texts()]
    assert letters[:-1] == sorted(letters[:-1]) and letters[-1] == "按主题"
    page.locator("article").get_by_role("link", name="F", exact=True).click()
    assert page.url.endswith("#f")
