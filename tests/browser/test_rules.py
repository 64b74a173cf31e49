"""The rules the browser shares with Python give the same answers on both sides.

Python hands the scripts its rules in one generated file (``generate/rules.py`` → rules.js); the
scripts restate none of them. Each test runs the same cases through the Python function and,
with ``page.evaluate``, through the script on the built site: the search index's bucket hash,
its normalisation, tokens and Han test, the id pattern, the compare limit and the names of the
Word documents the compare page downloads.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from govcat.layout import ID_PATTERN
from govcat.model.hanzi import HAN
from govcat.site.generate.compare import COMPARE_LIMIT
from govcat.site.search.index import fnv1a
from govcat.site.search.words import TOKEN, normalise
from govcat.word.package import COMPARE_TITLE, compare_file_name

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

# Han of the basic block, extension A and a supplementary plane (two UTF-16 units), full-width
# Latin and digits, accented letters, decimals, punctuation, a ligature, Roman numerals.
TEXTS = [
    "楼院",
    "𠀀𠀁村",
    "㐀㐁",
    "ＡＢＣ１２３ 社区",
    "3.5万元，增长30%以上",
    "Ünïcode Façade",
    "ﬁle Ⅻ ㈱",
    "网格化+数字化/枫桥经验",
    "e-mail 12.5.3",
    "",
]
IDS = ["henan-sihui", "a", "a1-b2-c3", "a-", "-a", "a--b", "A-b", "a_b", "汉字", "a b", ""]
NAME_LISTS = [
    ["“廊亭议事”工作法", "无主管楼院专项治理"],
    ["a/b:c*d?e", "<x>|y", "tab\there"],
    ["长" * 40, "𠀀" * 30],  # cut at 60 characters, the supplementary ones counted once
    ["𠀀" * 58, "𠀁"],
]


@pytest.fixture
def site_page(page: Page) -> Page:
    """The compare page with two practices shown: it loads every script that holds a shared rule."""
    page.goto("compare/?ids=henan-sihui,kaifeng-zhua-wenhua")
    page.wait_for_selector(".compare-table")
    return page


def test_the_bucket_hash_is_the_same(site_page: Page) -> None:
    keys = ["楼", "楼院", "社区", "𠀀", "a", "12", "é", ""]
    assert site_page.evaluate("keys => keys.map(catalog.search.hash)", keys) == [fnv1a(k) for k in keys]


def test_normalisation_tokens_and_han_are_the_same(site_page: Page) -> None:
    expected = [[normalise(t), TOKEN.findall(normalise(t))] for t in TEXTS]
    assert (
        site_page.evaluate("texts => texts.map(t => [catalog.search.normalise(t), catalog.search.tokens(t)])", TEXTS)
        == expected
    )
    tokens = sorted({token for _, found in expected for token in found})
    assert site_page.evaluate("tokens => tokens.map(catalog.search.isHan)", tokens) == [
        HAN.match(token) is not None for token in tokens
    ]


def test_the_id_pattern_is_the_same(site_page: Page) -> None:
    script = "ids => ids.map(id => catalog.whole(catalog.rules().id).test(id))"
    assert site_page.evaluate(script, IDS) == [ID_PATTERN.fullmatch(i) is not None for i in IDS]


def test_the_compare_limit_is_the_same_in_the_basket_and_on_the_compare_page(page: Page) -> None:
    chosen = [
        "henan-sihui",
        "kaifeng-zhua-wenhua",
        "heshan-langting-yishi",
        "jiyuan-wuzhuguan-louyuan-zhili",
        "henan-jianfu-funeng",
        "sanmenxia-yilian-sibang",
    ]
    page.goto("./")
    page.evaluate("ids => localStorage.setItem(catalog.basketKey, JSON.stringify(ids))", chosen)
    assert page.evaluate("catalog.basket()") == chosen[:COMPARE_LIMIT]
    page.goto("compare/?ids=" + ",".join(chosen))
    page.wait_for_selector(".compare-table")
    assert page.locator(".compare-table thead th").count() == 1 + COMPARE_LIMIT
    assert page.locator("article p").first.inner_text() == (
        f"在任一做法页面或做法列表中点“对比”按钮选 2 至 {COMPARE_LIMIT} 项做法，"
        "再点页面右下角的“开始对比”，就能在这里逐项并排比较。每一列上方可以左移、右移或移出该项做法；本页网址随之改变，可以复制发给同事，打开后看到的是同一组对比。"
    )


def test_word_file_names_are_the_same(site_page: Page) -> None:
    script = f"lists => lists.map(names => catalog.word.fileName({json.dumps(COMPARE_TITLE)}, names))"
    assert site_page.evaluate(script, NAME_LISTS) == [compare_file_name(names) for names in NAME_LISTS]
