"""Search as a reader uses it: press "/" or the header button, type, read, narrow, open a result.

The queries are what cadres type; each must bring the named practice into the first five results.
Typing goes in as Chinese does from an input method: the text is inserted, then a key follows
(an IME commit), so the tests press End after filling the box. See scripts/govcat/site/search/ for
the index and overrides/assets/javascripts/search.js for the dialog.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import pytest

from govcat.site.search.index import FORMAT

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Route, ViewportSize

pytestmark = pytest.mark.browser

# (query, practice that must be among the first five results)
EXPECTED = [
    ("楼院", "jiyuan-wuzhuguan-louyuan-zhili"),  # a part of 无主管楼院
    ("楼院", "zhengzhou-louyuan-changxiao-zhili"),  # …and the start of 楼院长效治理机制
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
    ("楼院长效", "zhengzhou-louyuan-changxiao-zhili"),  # a phrase split into two words
]
# A cadre's own words, none of them a record's name (issue 14): synonyms, parts, questions.
OWN_WORDS = [
    ("挂牌太多", "henan-jianfu-funeng"),  # 滥挂牌 整治: only 挂牌 is in the catalog
    ("上班没空办事", "zhengzhou-dangqun-fuwu-zhongxin"),  # 错时、延时 services
    ("社区工作者工资", "sanmenxia-shequ-gongzuozhe-duiwu"),  # 三岗十六级 薪酬
    ("电信诈骗", "henan-sanling-chuangjian"),  # 打击电信网络诈骗
    ("红白喜事", "henan-sihui"),  # 红白理事会, 红白事
    ("年轻党员", "henan-wuxing-zhibu-chuangjian"),  # 35岁以下 share
    ("机关联系小区", "sanmenxia-yilian-sibang"),  # 一联四帮
    ("属地责任清单", "henan-xiangzhen-jiedao-gaige"),  # 属地管理 lists
    ("薪酬", "sanmenxia-shequ-gongzuozhe-duiwu"),
    ("如何减负", "henan-jianfu-funeng"),  # a question: its content words
    ("怎么选好村支书", "henan-wuxing-zhibu-chuangjian"),
    ("议事廊亭", "heshan-langting-yishi"),  # an alias of the practice
]
QUERY_SET = Path(__file__).parent.parent / "fixtures" / "search" / "queries.tsv"


def query_set() -> list[tuple[str, str, list[str]]]:
    """(class, query, pages any of which must be in the first five) of tests/fixtures/search/queries.tsv."""
    rows = [line.split("\t") for line in QUERY_SET.read_text("utf-8").splitlines() if not line.startswith("#")]
    return [(row[0], row[1], row[2:]) for row in rows]


DIALOG = "dialog.catalog-search"
INPUT = ".catalog-search__input"
STATUS = ".catalog-search__status"
RESULT_LINKS = ".catalog-search__result a"
UNAVAILABLE = "搜索暂时不可用，请刷新页面"
BUCKETS = "**/search/w/*.js"


def search(page: Page, query: str) -> list[str]:
    """Open search with "/", type ``query``; the site paths of the result pages, best first."""
    if page.url == "about:blank":
        page.goto("./")
    if not page.locator(DIALOG).is_visible():
        page.keyboard.press("/")
    page.fill(INPUT, "")  # the previous answer goes first, so that it is not taken for this one
    page.wait_for_function(
        "() => document.querySelector('.catalog-search__status').textContent.startsWith('输入关键词')"
    )
    page.fill(INPUT, query)
    page.press(INPUT, "End")
    page.wait_for_function(
        "q => document.querySelector('.catalog-search__status').textContent.includes('找到')"
        " || document.querySelector('.catalog-search__status').textContent.includes('没有')",
        arg=query,
    )
    page.wait_for_function("() => !document.querySelector('.catalog-search__result[aria-busy]')")
    return [urlsplit(href).path for href in page.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.href)")]


@pytest.mark.parametrize(("query", "practice"), EXPECTED + OWN_WORDS, ids=[f"{q}-{p}" for q, p in EXPECTED + OWN_WORDS])
def test_query_finds_the_practice_in_the_first_five(page: Page, query: str, practice: str) -> None:
    results = search(page, query)
    assert f"/practices/{practice}/" in results[:5], results[:10]


@pytest.mark.parametrize(
    "path",
    ["", "practices/henan-sihui/", "themes/louyuan-zhili/", "metrics/", "glossary/", "compare/", "about/", "404.html"],
)
def test_slash_opens_search_on_every_page(page: Page, path: str) -> None:
    page.goto(path)
    page.locator("body").press("/")
    assert page.locator(DIALOG).is_visible()
    assert page.evaluate("document.activeElement.classList.contains('catalog-search__input')")


def test_the_header_button_opens_search_and_escape_closes_it(page: Page) -> None:
    page.goto("practices/henan-sihui/")
    button = page.get_by_role("button", name="搜索")
    button.click()
    assert page.get_by_role("dialog", name="搜索本库").is_visible()
    page.keyboard.press("Escape")
    assert not page.locator(DIALOG).is_visible()
    assert page.evaluate("document.activeElement.classList.contains('catalog-search-open')")


def test_a_query_typed_before_the_index_arrives_is_answered(page: Page) -> None:
    held = []
    page.route("**/search/manifest.js", lambda route: held.append(route))  # noqa: PLW0108 - Playwright reads the handler's signature
    page.goto("./")
    page.keyboard.press("/")
    page.keyboard.insert_text("彩礼")
    page.wait_for_function("() => document.querySelector('.catalog-search__status').textContent.includes('正在载入')")
    assert page.locator(RESULT_LINKS).count() == 0
    held[0].continue_()
    page.locator(RESULT_LINKS).first.wait_for()
    assert "/practices/henan-sihui/" in [
        urlsplit(h).path for h in page.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.href)")
    ]


def test_each_result_shows_title_region_and_a_marked_snippet(page: Page) -> None:
    search(page, "彩礼")
    result = page.locator(".catalog-search__result", has=page.locator("a[href*='/practices/henan-sihui/']"))
    assert (
        result.locator(".catalog-search__title").inner_text() == "河南省：规范“四会”组织，以新时代文明实践增添德治动力"
    )
    assert result.locator(".catalog-search__kind").inner_text() == "做法"
    assert result.locator(".catalog-search__region").inner_text() == "河南省"
    assert result.locator(".catalog-search__snippet mark").first.inner_text() == "彩礼"
    assert page.locator(STATUS).inner_text().startswith("找到 ")


def test_facets_narrow_the_results_by_keyboard_and_say_how_many(page: Page) -> None:
    everything = search(page, "社区")
    city = page.locator(".catalog-search__facet", has=page.locator("legend", has_text="地区"))
    zhengzhou = city.locator("label", has_text="郑州市")
    count = int(zhengzhou.locator(".catalog-search__count").inner_text())
    assert 0 < count < len(everything)
    zhengzhou.locator("input").focus()
    page.keyboard.press("Space")
    page.wait_for_function(
        "n => document.querySelector('.catalog-search__status').textContent.includes('显示 ' + n + ' 项')", arg=count
    )
    page.wait_for_function("() => !document.querySelector('.catalog-search__result[aria-busy]')")  # titles loaded
    shown = page.eval_on_selector_all(
        ".catalog-search__result",
        """items => items.map(item =>
        item.querySelector('.catalog-search__title').textContent + ' | ' +
        (item.querySelector('.catalog-search__region') || {textContent: ''}).textContent)""",
    )
    assert len(shown) == min(count, 10)
    assert all("郑州市" in line for line in shown), shown  # in Zhengzhou, or Zhengzhou's own page
    assert page.evaluate("document.activeElement.closest('.catalog-search__facet') !== null")  # focus stays
    kind = page.locator(".catalog-search__facet", has=page.locator("legend", has_text="类型"))
    assert kind.locator("label", has_text="做法").count() == 1


def test_open_a_result_with_the_keyboard_and_see_the_words_marked(page: Page) -> None:
    search(page, "廊亭议事")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('catalog-search__link')")
    target = urlsplit(page.evaluate("document.activeElement.href"))
    assert parse_qs(target.query) == {"h": ["廊亭议事"]}
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{target.path}**")
    assert "廊亭议事" in page.inner_text("h1")
    assert page.locator("article mark[data-search-highlight]").first.inner_text() == "廊亭议事"


def test_a_query_only_partly_in_the_catalog_shows_what_has_its_words(page: Page) -> None:
    results = search(page, "挂牌泛滥")
    assert "/practices/henan-jianfu-funeng/" in results[:5]
    assert page.locator(STATUS).inner_text().startswith("没有完全匹配的结果，以下是包含部分词语（“挂牌”）的结果：找到 ")


def test_pages_with_some_of_the_words_follow_the_few_with_all_of_them(page: Page) -> None:
    results = search(page, "一窗办 彩礼")
    status = page.locator(STATUS).inner_text()
    whole = int(status.split("找到 ")[1].split(" ")[0])
    assert 0 < whole < len(results) and "项只包含部分词语（“一窗办”、“彩礼”）" in status
    assert page.locator(".catalog-search__results > li").nth(whole).inner_text() == "以下结果只包含部分词语"


def test_a_query_with_no_answer_shows_the_nearest_records_and_where_to_look(page: Page) -> None:
    search(page, "火星探测")
    assert page.locator(STATUS).inner_text() == (
        "没有找到与“火星探测”相关的内容，以下是最接近的记录（只含其中个别字）。"
        "可以换一个说法，用更短的词、地名或做法的名称再搜，或从下面的术语表、主题列表找起。"
    )
    assert page.locator(".catalog-search__results > li").first.inner_text() == "最接近的记录"
    kinds = page.eval_on_selector_all(".catalog-search__kind", "kinds => kinds.map(k => k.textContent)")
    assert kinds and set(kinds) <= {"做法", "地区", "标准", "政策文件", "术语"}, kinds  # records only
    page.locator(".catalog-search__help").get_by_role("link", name="术语表").click()
    page.wait_for_url("**/glossary/")
    assert page.locator("h1").inner_text().startswith("术语表")


def says_unavailable_then_answers_the_next_query(page: Page, within: float) -> None:
    """Type 彩礼: the reader is told search is unavailable within ``within`` seconds; with the
    index answering again, the same query typed anew finds its practice."""
    page.goto("./")
    page.keyboard.press("/")
    page.fill(INPUT, "彩礼")
    page.press(INPUT, "End")
    page.wait_for_function(
        "m => document.querySelector('.catalog-search__status').textContent === m",
        arg=UNAVAILABLE,
        timeout=within * 1000,
    )
    page.unroute(BUCKETS)
    page.fill(INPUT, "")
    assert "/practices/henan-sihui/" in search(page, "彩礼")[:5]


def test_a_bucket_answered_with_an_html_page_says_so_and_the_next_query_works(browser: Browser, base_url: str) -> None:
    """A host that answers a missing file with its index page: the piece runs (a syntax error,
    hence a context whose console is not checked) but never hands over its data."""
    context = browser.new_context(base_url=base_url)
    page = context.new_page()
    page.route(
        BUCKETS, lambda route: route.fulfill(body="<!doctype html><title>首页</title>", content_type="text/html")
    )
    says_unavailable_then_answers_the_next_query(page, within=3)
    context.close()


def test_a_bucket_that_never_arrives_times_out_and_the_next_query_works(page: Page) -> None:
    held: list[Route] = []
    page.route(BUCKETS, lambda route: held.append(route))  # noqa: PLW0108 - Playwright reads the handler's signature
    says_unavailable_then_answers_the_next_query(page, within=15)  # site.js gives a piece 10 s
    assert held


def test_a_manifest_of_another_format_is_refused(page: Page) -> None:
    """A manifest cached from another version of the index is not read as if it were this one."""

    def old_format(route: Route) -> None:
        body = route.fetch().text().replace(f'"format":{FORMAT},', f'"format":{FORMAT - 1},')
        route.fulfill(body=body, content_type="text/javascript")

    page.route("**/search/manifest.js", old_format)
    page.goto("./")
    page.keyboard.press("/")
    page.keyboard.insert_text("彩礼")
    page.wait_for_function("m => document.querySelector('.catalog-search__status').textContent === m", arg=UNAVAILABLE)
    assert page.locator(RESULT_LINKS).count() == 0


def test_records_come_before_lists_and_the_site_s_own_pages(page: Page) -> None:
    """挂牌太多: the editors' guide uses the phrase as an example, yet the records come first."""
    search(page, "挂牌太多")
    kinds = page.eval_on_selector_all(".catalog-search__kind", "kinds => kinds.map(k => k.textContent)")
    records = {"做法", "难题", "地区", "标准", "政策文件", "术语"}
    assert kinds[0] in records
    last_record = max(at for at, kind in enumerate(kinds) if kind in records)
    assert all(kind in records for kind in kinds[:last_record]), kinds
    search(page, "楼院")
    page.locator(".catalog-search__more").click()
    kinds = page.eval_on_selector_all(".catalog-search__kind", "kinds => kinds.map(k => k.textContent)")
    assert "目录" not in kinds and "页面" not in kinds
    facet = page.locator(".catalog-search__facet", has=page.locator("legend", has_text="类型"))
    assert facet.locator("label", has_text="列表").count() == 1


def test_what_a_query_was_read_as_is_said(page: Page) -> None:
    """Pinyin finds the name and says which; a related word is named as such; a query in
    traditional characters finds what the simplified one does."""
    assert "/regions/zhengzhou/" in search(page, "zhengzhou")[:5]
    assert "按读音匹配：郑州" in page.locator(STATUS).inner_text()
    assert "/practices/heshan-langting-yishi/" in search(page, "廊亭意识")[:5]
    assert "按读音匹配：廊亭议事" in page.locator(STATUS).inner_text()
    search(page, "邻居吵架")
    assert "相关说法：邻里" in page.locator(STATUS).inner_text()
    assert search(page, "樓院")[:5] == search(page, "楼院")[:5]


def test_the_query_and_the_chosen_facets_stay_in_the_address(page: Page, base_url: str) -> None:
    search(page, "社区")
    city = page.locator(".catalog-search__facet", has=page.locator("legend", has_text="地区"))
    city.locator("label", has_text="郑州市").locator("input").check()
    address = urlsplit(page.url)
    assert parse_qs(address.query) == {"q": ["社区"], "city": ["郑州市"]}
    status = page.locator(STATUS).inner_text()
    shared = page.context.new_page()
    shared.goto(page.url)
    shared.locator(".catalog-search__result a").first.wait_for()
    assert shared.locator(INPUT).input_value() == "社区"
    assert shared.locator(STATUS).inner_text() == status
    assert shared.locator(".catalog-search__facet input:checked").count() == 1
    shared.close()
    page.locator(".catalog-search__close").click()
    # A dialog's "close" event, which clears the address, is fired as a task after the click.
    page.wait_for_function("() => location.search === ''")
    assert urlsplit(page.url).query == ""


PHONE: ViewportSize = {"width": 375, "height": 740}  # the filters start folded (search.js: max-width 44.9844em)
FACET_PIECE = re.compile(r"/search/f/(\w+)\.\w+\.js$")


def facet_pieces(page: Page) -> list[str]:
    """The facets whose pieces (search/f/<facet>.<hash>.js) ``page`` fetches from now on, in order."""
    fetched: list[str] = []
    page.on("request", lambda request: fetched.extend(FACET_PIECE.findall(request.url)))
    return fetched


def test_facets_are_fetched_only_when_shown_or_asked_for(page: Page, site: Path) -> None:
    """On a phone the filters start folded: the first search fetches the kinds alone (records
    rank first); opening the filters fetches the other facets and counts the results by them;
    a search shared with a facet in its address fetches that facet, and filters by it."""
    manifest = json.loads((site / "search" / "manifest.js").read_text("utf-8").split(",", 2)[2].removesuffix(");\n"))
    facets = [facet["key"] for facet in manifest["facets"]]
    assert facets == ["kind", "theme", "city", "level", "tag"]
    page.set_viewport_size(PHONE)
    fetched = facet_pieces(page)
    everything = search(page, "社区")
    assert fetched == ["kind"]
    assert page.locator(".catalog-search__facet legend").all_text_contents() == ["类型"]  # folded
    page.locator(".catalog-search__facets summary").click()
    city = page.locator(".catalog-search__facet", has=page.locator("legend", has_text="地区"))
    count = int(city.locator("label", has_text="郑州市").locator(".catalog-search__count").inner_text())
    assert 0 < count < len(everything)
    assert sorted(fetched) == sorted(facets)
    shared = page.context.new_page()
    shared.set_viewport_size(PHONE)
    fetched = facet_pieces(shared)
    shared.goto("./?q=社区&city=郑州市")
    shared.locator(RESULT_LINKS).first.wait_for()
    assert sorted(fetched) == ["city", "kind"]
    assert f"按筛选条件显示 {count} 项" in shared.locator(STATUS).inner_text()
    shared.close()


PUBLISHED = [(query, pages) for kind, query, pages in query_set() if kind == "published"]


@pytest.mark.parametrize(("query", "pages"), PUBLISHED, ids=[query for query, _ in PUBLISHED])
def test_the_issues_published_examples_find_their_page(page: Page, query: str, pages: list[str]) -> None:
    first_five = search(page, query)[:5]
    assert any(f"/{p}" in first_five for p in pages), first_five


def test_our_own_query_set_finds_its_page_in_the_first_five_and_never_nothing(page: Page) -> None:
    """Written from the article, blind to the synonyms: at least 95% in the first five."""
    asked = query_set()
    misses = []
    for kind, query, pages in asked:
        found = search(page, query)
        if not any(f"/{p}" in found[:5] for p in pages):
            misses.append((kind, query, found[:5]))
    assert not [m for m in misses if not m[2]], misses  # never an empty list
    assert len(misses) <= len(asked) * 0.05, f"{len(asked) - len(misses)}/{len(asked)}: {misses}"
