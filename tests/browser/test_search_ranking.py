"""search.js's ranking on a small index of its own, in the browser: the query splitter
(``readings``, ``analyse``), ``rank`` and ``answer`` (records first, nearest matches), what a query
is read as (traditional characters, pinyin, related words, filler). The index is built by
``govcat.site.search.index`` from six hand-written pages; the page loads only site.js, the rules
Python hands over (rules.js) and search.js, and calls ``window.catalog.search``."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from govcat.site.datascript import data_script
from govcat.site.generate.rules import DATA_KIND, rules
from govcat.site.search.index import build_index
from govcat.site.server import served
from support import checked_page

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

SCRIPTS = Path(__file__).parents[2] / "overrides" / "assets" / "javascripts"
DICTIONARY = "无主管楼院 100000\n楼院 10000\n滥挂牌 100000\n挂牌 10000\n长效治理 100000\n济源市 100000\n"
# path -> (kind, title, text); kind None: the site's own page, no search settings
PAGES: dict[str, tuple[str | None, str, str]] = {
    "about/index.html": (None, "关于", "挂牌太多怎么办？可以搜索挂牌，也可以搜索楼院。"),
    "lists/index.html": ("列表", "楼院治理做法列表", "无主管楼院；楼院长效治理。"),
    "practices/a/index.html": ("做法", "济源市：管理好无主管楼院", "推进无主管楼院专项治理，化解邻里纠纷。"),
    "practices/b/index.html": ("做法", "郑州：楼院长效治理", "不断完善楼院长效治理机制，整治滥挂牌。"),
    "sources/d/index.html": ("来源", "原文", "整治滥挂牌，管理无主管楼院，楼院长效治理。"),
    "terms/c/index.html": ("术语", "滥挂牌", "村级组织门口挂牌过多。"),
}
HOME = """<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>测试</title><link rel="icon" href="data:,">
<script id="__config" type="application/json">{"base": "."}</script>
<script src="site.js"></script><script src="rules.js"></script><script src="search.js"></script></head><body></body></html>"""


def page_html(kind: str | None, title: str, text: str) -> str:
    meta = {"kind": kind, "boost": 0.5} if kind == "列表" else {"kind": kind} if kind else None
    head = f"<meta name=\"catalog:search\" content='{json.dumps(meta, ensure_ascii=False)}'>" if meta else ""
    return (
        f"<!doctype html><html><head><title>{title}</title>{head}</head><body>"
        f"<article><h1>{title}</h1><p>{text}</p></article></body></html>"
    )


@pytest.fixture(scope="module")
def small_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("ranking")
    for relative, (kind, title, text) in PAGES.items():
        (site / relative).parent.mkdir(parents=True, exist_ok=True)
        (site / relative).write_text(page_html(kind, title, text), encoding="utf-8")
    build_index(site, DICTIONARY)
    (site / "index.html").write_text(HOME, encoding="utf-8")  # not indexed: written after
    for script in ("site.js", "search.js"):
        shutil.copy(SCRIPTS / script, site / script)
    (site / "rules.js").write_text(data_script(DATA_KIND, None, rules()), encoding="utf-8")
    with served(site) as url:
        yield url


@pytest.fixture
def ranking(browser: Browser, small_index: str) -> Iterator[Page]:
    with checked_page(browser, small_index) as tab:
        tab.goto("./")
        tab.wait_for_function("() => window.catalog.search !== undefined")
        yield tab


def analysed(page: Page, query: str) -> dict[str, Any]:
    """What ``analyse`` makes of a query (its buckets left out)."""
    found: dict[str, Any] = page.evaluate(
        """async query => {
            const ranking = window.catalog.search;
            const found = await ranking.analyse(await ranking.openIndex(), query);
            delete found.buckets;
            return found;
        }""",
        query,
    )
    return found


def answered(page: Page, query: str) -> list[tuple[str, bool]]:
    """The pages ``answer`` gives for a query, best first: (path, whether only a nearest match)."""
    pages = list(PAGES)
    results: list[dict[str, Any]] = page.evaluate(
        """async query => {
            const ranking = window.catalog.search;
            const index = await ranking.openIndex();
            return ranking.answer(index, await ranking.analyse(index, query)).results;
        }""",
        query,
    )
    return [(pages[r["page"]], bool(r.get("nearest"))) for r in results]


def test_the_splitter_reads_a_query_with_the_words_of_the_index(ranking: Page) -> None:
    assert analysed(ranking, "楼院治理")["groups"] == [[["楼院", "治理"]]]
    assert analysed(ranking, "无主管楼院")["groups"] == [[["无主管楼院"]]]
    assert analysed(ranking, "如何管理无主管楼院")["groups"] == [[["管理", "无主管楼院"]]]  # 如何: a question
    assert analysed(ranking, "几个地方的楼院")["groups"] == [[["楼院"]]]  # filler left out


def test_readings_of_a_phrase_that_only_starts_a_word(ranking: Page) -> None:
    readings = ranking.evaluate(
        """async () => {
            const ranking = window.catalog.search;
            const index = await ranking.openIndex();
            const found = await ranking.analyse(index, "长效");
            return ranking.readings(index, "长效", found.buckets);
        }"""
    )
    assert readings == [["长效"]]  # itself a word (cut from 长效治理), no other reading needed


def test_records_rank_before_the_source_and_before_lists_and_the_site_s_own_pages(ranking: Page) -> None:
    order = [path for path, _ in answered(ranking, "楼院")]
    assert sorted(order[:2]) == ["practices/a/index.html", "practices/b/index.html"]
    assert order[2:] == ["sources/d/index.html", "lists/index.html", "about/index.html"]
    first = [path for path, _ in answered(ranking, "挂牌太多")]
    assert first[-1] == "about/index.html" and first[0] in ("terms/c/index.html", "practices/b/index.html")


def test_traditional_characters_pinyin_and_related_words(ranking: Page) -> None:
    assert analysed(ranking, "樓院")["terms"] == ["楼院"]
    assert analysed(ranking, "jiyuan")["sounds"] == ["济源"]
    neighbours = analysed(ranking, "邻居")
    assert neighbours["related"] == ["邻里"]
    assert answered(ranking, "邻居") == [("practices/a/index.html", False)]


def test_a_query_sharing_only_characters_gets_the_nearest_records(ranking: Page) -> None:
    nearest = answered(ranking, "楼房")
    assert nearest and all(is_nearest for _, is_nearest in nearest)
    assert {path.split("/")[0] for path, _ in nearest} <= {"practices", "terms"}
    assert answered(ranking, "鑫淼") == []  # no character of the index at all
