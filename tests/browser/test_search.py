"""Search as a reader uses it: type into Material's search box of the built site, read the results.

The queries are what cadres type; each must bring the named practice into the first five results
(results are grouped by page, one list item per page). See govcat/generate/searchdict.py for how
the index is made to answer them.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

# (query, practice that must be among the first five results)
EXPECTED = [
    ("楼院", "jiyuan-wuzhuguan-louyuan-zhili"),            # a part of 无主管楼院
    ("楼院", "zhengzhou-louyuan-changxiao-zhili"),         # …and the start of 楼院长效治理机制
    ("廊亭议事", "heshan-langting-yishi"),
    ("减负", "henan-jianfu-funeng"),
    ("五星支部", "henan-wuxing-zhibu-chuangjian"),
    ("好支书", "henan-wuxing-zhibu-chuangjian"),
    ("彩礼", "henan-sihui"),
    ("执法", "henan-xiangzhen-jiedao-gaige"),
    ("社区工作者", "sanmenxia-shequ-gongzuozhe-duiwu"),
    ("一窗办", "zhengzhou-dangqun-fuwu-zhongxin"),
    ("枫桥经验", "henan-sanzhi-ronghe"),
    ("无主管楼院", "jiyuan-wuzhuguan-louyuan-zhili"),
    ("说事评理会", "heshan-jienan-langting-yishi"),
    ("四议两公开", "henan-siyi-liang-gongkai"),
    ("五民工作法", "shanzhou-jinxiu-wumin-gongzuofa"),
    ("一联四帮", "sanmenxia-yilian-sibang"),
    ("网格化", "henan-wanggehua-shuzihua"),
]
INPUT = ".md-search__input"
META = ".md-search-result__meta"


def search(page, query: str) -> list[str]:
    """Type ``query`` into the search box; the site paths of the result pages, best first."""
    if page.url == "about:blank":
        page.goto("./")
    # "Type to start searching", once the index is loaded (before: "initializing").
    placeholder = page.evaluate(
        "JSON.parse(document.querySelector('#__config').textContent)"
        ".translations['search.result.placeholder']")
    page.click(INPUT)
    page.fill(INPUT, "")
    page.press(INPUT, "End")          # Material reads the query on keyup
    page.wait_for_function("([m, p]) => document.querySelector(m).textContent === p", arg=[META, placeholder])
    page.fill(INPUT, query)
    page.press(INPUT, "End")
    page.wait_for_function("([m, p]) => document.querySelector(m).textContent !== p", arg=[META, placeholder])
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item", "items => items.map(li => li.querySelector('a').href)")
    return [urlsplit(href).path for href in hrefs]


@pytest.mark.parametrize(("query", "practice"), EXPECTED, ids=[p for _, p in EXPECTED])
def test_query_finds_the_practice_in_the_first_five(page, query: str, practice: str) -> None:
    results = search(page, query)
    assert f"/practices/{practice}/" in results[:5], results[:10]


def test_open_a_result(page) -> None:
    results = search(page, "廊亭议事")
    target = "/practices/heshan-langting-yishi/"
    assert target in results[:5]
    page.click(f".md-search-result__item > a[href*='{target}']")
    page.wait_for_url(f"**{target}**")
    assert "廊亭议事" in page.inner_text("h1")
    # Material highlights the query's words on the opened page.
    assert page.locator("mark[data-md-highlight]").count() > 0
