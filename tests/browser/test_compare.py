"""The compare page changed where it is shown: columns moved, removed and added back, with the
address and the basket following, and rows that say the same for every practice shown once."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

IDS = ["jiyuan-wuzhuguan-louyuan-zhili", "heshan-langting-yishi", "henan-sihui"]
TITLES = {
    "jiyuan-wuzhuguan-louyuan-zhili": "济源产城融合示范区：精准施策管理好无主管楼院",
    "heshan-langting-yishi": "鹤壁市鹤山区：“廊亭议事”工作法",
    "henan-sihui": "河南省：规范“四会”组织，以新时代文明实践增添德治动力",
}


def shown(page: Page) -> list[str]:
    """The practices in the table's columns, left to right, as links name them."""
    return page.locator(".compare-table thead th a").all_inner_texts()


def address_ids(page: Page) -> list[str]:
    return parse_qs(urlsplit(page.url).query)["ids"][0].split(",")


def test_columns_move_leave_and_come_back_with_the_address(page: Page) -> None:
    page.goto("compare/?ids=" + ",".join(IDS))
    page.wait_for_selector(".compare-table")
    assert shown(page) == [TITLES[i] for i in IDS]
    assert page.get_by_role("button", name=f"把“{TITLES[IDS[0]]}”左移").is_disabled()

    page.get_by_role("button", name=f"把“{TITLES[IDS[0]]}”右移").click()
    assert shown(page) == [TITLES[IDS[1]], TITLES[IDS[0]], TITLES[IDS[2]]]
    assert address_ids(page) == [IDS[1], IDS[0], IDS[2]]
    assert page.get_by_role("status").filter(has_text="右移").inner_text().endswith("现对比 3 项做法。")

    page.get_by_role("button", name=f"从对比中移出“{TITLES[IDS[0]]}”").click()
    assert shown(page) == [TITLES[IDS[1]], TITLES[IDS[2]]]
    assert address_ids(page) == [IDS[1], IDS[2]]

    page.get_by_role("button", name=f"加入对比：{TITLES[IDS[0]]}").click()  # it stays in the basket
    assert shown(page) == [TITLES[IDS[1]], TITLES[IDS[2]], TITLES[IDS[0]]]
    assert address_ids(page) == [IDS[1], IDS[2], IDS[0]]

    page.reload()  # the address alone gives the same comparison
    page.wait_for_selector(".compare-table")
    assert shown(page) == [TITLES[IDS[1]], TITLES[IDS[2]], TITLES[IDS[0]]]


def test_a_row_that_is_the_same_for_all_is_one_cell(page: Page) -> None:
    page.goto("compare/?ids=" + ",".join(IDS))
    page.wait_for_selector(".compare-table")
    source = page.locator(".compare-table tbody tr").filter(has=page.locator("th", has_text="来源"))
    cells = source.locator("td")
    assert cells.count() == 1
    assert cells.first.get_attribute("colspan") == "3"
    assert cells.first.inner_text().endswith("（各项相同）")
    area = page.locator(".compare-table tbody tr").filter(has=page.locator("th", has_text="地区")).locator("td")
    assert area.count() == 3  # rows that differ keep a cell per practice


def test_on_a_phone_in_large_type_columns_stay_readable_and_headings_in_view(browser: Browser, base_url: str) -> None:
    """390 px and 大字: each practice keeps a column wide enough to read (the table scrolls sideways
    instead), and the practices' titles stay at the top of the box while it scrolls down."""
    context = browser.new_context(base_url=base_url, locale="zh-CN", viewport={"width": 390, "height": 844})
    context.add_init_script("localStorage.setItem('catalog-large-text', '1')")
    page = context.new_page()
    page.goto("compare/?ids=" + ",".join(IDS))
    page.wait_for_selector(".compare-table")
    widths = page.eval_on_selector_all(
        ".compare-table thead th a", "links => links.map(a => a.closest('th').offsetWidth)"
    )
    assert len(widths) == 3 and min(widths) >= 300  # 12em in 大字: about 18 characters, not 3
    assert page.evaluate("document.documentElement.scrollWidth") == 390  # the box scrolls, not the page
    page.evaluate("document.querySelector('.compare-scroll').scrollBy(0, 600)")
    offset = page.evaluate(
        "document.querySelector('.compare-table thead th').getBoundingClientRect().top"
        " - document.querySelector('.compare-scroll').getBoundingClientRect().top"
    )
    assert offset == 0
    context.close()
