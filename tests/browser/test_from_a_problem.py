"""Starting from a problem, as a cadre does: the list of problems, a problem's page with its
practices side by side, the search by a problem's words, and on a practice's page the problems
it addresses, its similar practices with their reasons and how to cite it; the feed linked from
/updates/."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from browser.test_search import search
from support import heading

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

# A cadre's words for a problem, none in the practice's own text: found through the problem.
PROBLEM_WORDS = [
    ("考核太多", "henan-jianfu-funeng"),  # an alias of 责任向乡镇（街道）转嫁、泛化
    ("牌子太多", "henan-jianfu-funeng"),  # an alias of 村（社区）组织“滥挂牌”
    ("多头执法", "henan-xiangzhen-jiedao-gaige"),
]


@pytest.mark.parametrize(("query", "practice"), PROBLEM_WORDS, ids=[q for q, _ in PROBLEM_WORDS])
def test_a_problems_words_find_the_practices_that_address_it(page: Page, query: str, practice: str) -> None:
    assert f"/practices/{practice}/" in search(page, query)[:5]


def test_a_problem_is_found_by_its_alias(page: Page) -> None:
    assert "/problems/wuzhuguan-louyuan-wuren-guan/" in search(page, "老旧楼院无人管理")[:5]


def test_from_the_home_page_to_a_problem_and_its_practices(page: Page) -> None:
    page.goto("./")
    page.get_by_role("link", name="我要解决的问题").first.click()
    assert heading(page) == "我要解决的问题"
    page.get_by_role("link", name="无主管楼院无人管").click()
    assert (
        page.locator("blockquote").first.inner_text().startswith("推动各无主管楼院因地制宜建立符合自身实际的管理模式")
    )
    rows = page.locator(".catalog-comparison tbody tr")
    assert rows.count() == 2
    assert "278个" in rows.nth(1).inner_text()  # the results, side by side
    rows.nth(0).get_by_role("link", name="完善楼院长效治理机制").click()
    assert page.url.endswith("/practices/zhengzhou-louyuan-changxiao-zhili/")


def test_a_practice_page_shows_its_problems_similar_practices_and_citation(page: Page) -> None:
    page.goto("practices/jiyuan-wuzhuguan-louyuan-zhili/")
    problems = page.locator("h2:has-text('解决的难题') + ul li")
    assert problems.all_inner_texts() == ["无主管楼院无人管", "群众急难愁盼的民生问题"]
    similar = page.locator(".catalog-similar li").all_inner_texts()
    assert (
        similar[0]
        == "郑州市：不断完善楼院长效治理机制（郑州市）：都解决无主管楼院无人管；同为楼院治理主题；都涉及无主管楼院"
    )
    assert 1 < len(similar) <= 5
    cite = page.locator(".catalog-cite li").first.inner_text()
    assert cite.startswith("本页：基层治理实践库. 济源产城融合示范区：精准施策管理好无主管楼院[DB/OL]. (")


def test_the_feed_is_linked_from_the_updates_page(page: Page) -> None:
    page.goto("updates/")
    link = page.get_by_role("link", name="订阅更新（Atom）")
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.ok and response.text().startswith('<?xml version="1.0" encoding="utf-8"?>\n<feed ')
