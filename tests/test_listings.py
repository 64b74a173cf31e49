"""Listings on a synthetic catalog built with small page sizes (``paged_site`` in conftest.py):
every practice reachable, once, in order, through the pages a reader can walk with the pager.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import yaml

from govcat.model.catalog import Catalog
from govcat.site.generate.places import by_place, place_groups
from govcat.site.generate.results import families

PRACTICE = re.compile(r"^/practices/([a-z0-9-]+)/$")


@dataclass
class Parsed:
    """What a reader sees of a built page: its title, the links in its tables and its pager."""

    path: str
    h1: str = ""
    headings: list[str] = field(default_factory=list)
    table_links: list[str] = field(default_factory=list)  # site paths, in order
    pager: list[tuple[str, str | None, str | None]] = field(default_factory=list)  # text, path, rel
    current: list[str] = field(default_factory=list)  # text of the aria-current entry
    links: list[tuple[str, str]] = field(default_factory=list)  # every link: text, path

    def practices(self) -> list[str]:
        return [m.group(1) for m in map(PRACTICE.match, self.table_links) if m]

    def next_page(self) -> str | None:
        return next((path for _, path, rel in self.pager if rel == "next"), None)


class PageParser(HTMLParser):
    TEXT_OF = ("h1", "h2", "a", "span")

    def __init__(self, parsed: Parsed) -> None:
        super().__init__()
        self.parsed = parsed
        self.open: list[tuple[str, dict[str, str | None], list[str]]] = []  # elements whose text is kept
        self.in_table = self.in_pager = 0
        self.in_results = False  # in a theme's results by city, which repeats the practices of its table

    def resolve(self, href: str) -> str:
        target = href.split("#")[0]
        folder = self.parsed.path if self.parsed.path.endswith("/") else posixpath.dirname(self.parsed.path) + "/"
        return posixpath.normpath(posixpath.join(folder, target)) + ("/" if target.endswith("/") else "")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.in_table += tag == "table"
        self.in_results = self.in_results or (tag == "div" and "catalog-results" in (found.get("class") or ""))
        self.in_pager += tag == "nav" and found.get("aria-label") == "分页"
        if tag in self.TEXT_OF:
            self.open.append((tag, found, []))

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self.in_table -= 1
            self.in_results = False
        if tag == "nav" and self.in_pager:
            self.in_pager -= 1
        if tag not in self.TEXT_OF or not self.open or self.open[-1][0] != tag:
            return
        _, attrs, pieces = self.open.pop()
        text = "".join(pieces).replace("¶", "").strip()
        href = attrs.get("href")
        if tag == "h1":
            self.parsed.h1 = text
        elif tag == "h2":
            self.parsed.headings.append(text)
        elif tag == "span" and attrs.get("aria-current") == "page" and self.in_pager:
            self.parsed.current.append(text)
        elif tag == "a" and href and not href.startswith(("http", "#")):
            path = self.resolve(href)
            self.parsed.links.append((text, path))
            if self.in_table and not self.in_results and "#" not in href:  # not a link to a part of a page
                self.parsed.table_links.append(path)
            if self.in_pager:
                self.parsed.pager.append((text, path, attrs.get("rel")))

    def handle_data(self, data: str) -> None:
        for _, _, pieces in self.open:
            pieces.append(data)


def read(site, path: str) -> Parsed:  # type: ignore[no-untyped-def]
    parsed = Parsed(path)
    PageParser(parsed).feed((site / path.lstrip("/") / "index.html").read_text("utf-8"))
    return parsed


def walk(site, start: str) -> list[Parsed]:  # type: ignore[no-untyped-def]
    """The pages of a listing as a reader reaches them: from its address, "下一页" until the last."""
    pages = [read(site, start)]
    while (following := pages[-1].next_page()) is not None:
        assert following not in [p.path for p in pages], f"the pager of {pages[-1].path} leads back"
        pages.append(read(site, following))
    return pages


def theme_practices(catalog: Catalog, theme_id: str) -> list[str]:
    """In place order, each umbrella practice followed by its parts of the same place."""
    ordered = by_place(catalog, catalog.referring("theme", theme_id, "practice"))
    return [p for family in families(catalog, ordered) for p in family]


def test_every_practice_of_a_theme_on_exactly_one_of_its_pages(paged_site) -> None:  # type: ignore[no-untyped-def]
    catalog, site = paged_site.catalog, paged_site.site
    paged = 0
    for theme in catalog.ids("theme"):
        pages = walk(site, f"/themes/{theme}/")
        assert [p for page in pages for p in page.practices()] == theme_practices(catalog, theme)
        if len(pages) > 1:
            paged += 1
            assert [page.current for page in pages] == [[str(n)] for n in range(1, len(pages) + 1)]
        for place, ids in place_groups(catalog, theme_practices(catalog, theme)):
            by_city = walk(site, f"/themes/{theme}/{place}/")
            assert [p for page in by_city for p in page.practices()] == ids
    assert paged == len(catalog.ids("theme"))


def test_a_theme_page_leads_to_its_cities_and_says_which_page_it_is(paged_site) -> None:  # type: ignore[no-untyped-def]
    catalog, site = paged_site.catalog, paged_site.site
    theme = catalog.ids("theme")[0]
    name = catalog.get("theme", theme)["name"]
    first, second = walk(site, f"/themes/{theme}/")[:2]
    assert first.h1 == name and second.h1 == f"{name}（第 2 页）"
    assert first.headings[:3] == ["按城市", "各地成效", "各地做法对照"]
    places = [path for _, path in first.links if re.fullmatch(rf"/themes/{theme}/[a-z0-9-]+/", path)]
    assert places == [
        f"/themes/{theme}/{place}/" for place, _ in place_groups(catalog, theme_practices(catalog, theme))
    ]
    assert (f"{name}", f"/themes/{theme}/") in second.links  # back to the first page by name
    assert second.pager[0] == ("上一页", f"/themes/{theme}/", "prev")


def test_the_list_of_practices_walks_every_practice_in_place_order(paged_site) -> None:  # type: ignore[no-untyped-def]
    catalog, site = paged_site.catalog, paged_site.site
    pages = walk(site, "/practices/")
    everything = by_place(catalog, catalog.ids("practice"))
    assert [p for page in pages for p in page.practices()] == everything
    assert len(pages) == -(-len(everything) // 4)
    # A place carrying on from the page before is headed “（续）”; each starts once.
    headings = [h for page in pages for h in page.headings]
    assert [h for h in headings if not h.endswith("（续）")] == [
        catalog.get("region", place)["name"]
        + ("（省级）" if catalog.get("region", place)["level"] == "province" else "")
        for place, _ in place_groups(catalog, everything)
    ]
    assert any(h.endswith("（续）") for h in headings)


def test_region_pages_list_their_practices_and_count_them_by_theme(paged_site) -> None:  # type: ignore[no-untyped-def]
    catalog, site = paged_site.catalog, paged_site.site
    city = max(("zhengzhou", "luoyang", "kaifeng"), key=lambda c: len(catalog.practices_in_region(c)))
    pages = walk(site, f"/regions/{city}/")
    assert sorted(p for page in pages for p in page.practices()) == catalog.practices_in_region(city)
    by_theme = [(text, path) for text, path in pages[0].links if re.fullmatch(rf"/themes/[a-z0-9-]+/{city}/", path)]
    assert by_theme and all(f"/themes/{path.split('/')[2]}/{city}/" == path for _, path in by_theme)
    tree = read(site, "/regions/")
    listed = {path.split("/")[2] for _, path in tree.links if re.fullmatch(r"/regions/[a-z0-9-]+/", path)}
    levels = {catalog.get("region", r)["level"] for r in listed}
    assert levels == {"province", "city", "county"}  # townships are on their county's page


def test_metrics_overview_and_each_city_hold_every_figure_once(paged_site) -> None:  # type: ignore[no-untyped-def]
    catalog, site = paged_site.catalog, paged_site.site
    figures = {p: len(catalog.get("practice", p).get("metrics", [])) for p in catalog.ids("practice")}
    overview = walk(site, "/metrics/")
    assert len(overview) > 3
    rows = [p for page in overview for p in page.practices()]
    assert len(rows) == sum(figures.values()) and set(rows) == {p for p, n in figures.items() if n}
    for place, ids in place_groups(catalog, by_place(catalog, catalog.ids("practice"))):
        if any(figures[p] for p in ids):
            by_city = [p for page in walk(site, f"/metrics/{place}/") for p in page.practices()]
            assert len(by_city) == sum(figures[p] for p in ids)


def front_matter(markdown: str) -> dict:  # type: ignore[type-arg]
    return yaml.safe_load(markdown.split("---\n")[1]) if markdown.startswith("---\n") else {}


def test_further_pages_are_kept_out_of_search(paged_site) -> None:  # type: ignore[no-untyped-def]
    """Page 2 on says so in its front matter (any search engine reads ``search.exclude``); page 1
    stands for the listing."""
    docs = paged_site.project.generated_docs
    later = sorted(docs.glob("**/page/*.md"))
    assert len(later) > 50
    assert [p for p in later if front_matter(p.read_text("utf-8")).get("search") != {"exclude": True}] == []
    firsts = [
        docs / "practices/index.md",
        docs / "themes/louyuan-zhili.md",
        docs / "metrics/index.md",
        docs / "regions/henan.md",
        docs / "tags/chengshi-shequ.md",
    ]
    assert [p for p in firsts if front_matter(p.read_text("utf-8")).get("search", {}).get("exclude")] == []


def test_record_pages_paginate_their_practices(paged_site) -> None:  # type: ignore[no-untyped-def]
    catalog, site = paged_site.catalog, paged_site.site
    term = max(catalog.ids("term"), key=lambda t: len(catalog.term_mentions[t]))
    pages = walk(site, f"/terms/{term}/")
    listed = [
        found.group(1)
        for page in pages
        for _, path in page.links
        if (found := PRACTICE.match(path)) and page.path.startswith(f"/terms/{term}/")
    ]
    assert len(pages) > 1 and sorted(listed) == sorted(catalog.term_mentions[term])
    glossary = read(site, "/glossary/")
    more = [(text, path) for text, path in glossary.links if path == f"/terms/{term}/"]
    assert (f"等 {len(catalog.term_mentions[term])} 项做法", f"/terms/{term}/") in more
    tag = max(catalog.ids("tag"), key=lambda t: len(catalog.referring("tag", t, "practice")))
    assert sorted(p for page in walk(site, f"/tags/{tag}/") for p in page.practices()) == catalog.referring(
        "tag", tag, "practice"
    )
    tagged = catalog.referring("tag", tag, "practice")[0]
    assert (catalog.get("tag", tag)["name"], f"/tags/{tag}/") in read(site, f"/practices/{tagged}/").links


def test_sources_newest_first_and_the_home_page_shows_only_the_newest(paged_site) -> None:  # type: ignore[no-untyped-def]
    catalog, site = paged_site.catalog, paged_site.site
    listed = [
        path.split("/")[2]
        for page in walk(site, "/sources/")
        for _, path in page.links
        if re.fullmatch(r"/sources/[a-z0-9-]+/", path) and not path.startswith("/sources/page")
    ]
    dates = [catalog.get("source", s)["published"] for s in listed]
    assert sorted(listed) == catalog.ids("source") and dates == sorted(dates, reverse=True)
    home = [path for _, path in read(site, "/").links if re.fullmatch(r"/sources/[a-z0-9-]+/", path)]
    assert home == [f"/sources/{s}/" for s in listed[:10]]


def test_compare_data_is_one_piece_per_practice(paged_site) -> None:  # type: ignore[no-untyped-def]
    catalog, site = paged_site.catalog, paged_site.site
    pieces = sorted(p.stem for p in (site / "data" / "compare").glob("*.js"))
    assert pieces == catalog.ids("practice") and not (site / "data" / "compare.js").exists()
    practice = catalog.ids("practice")[0]
    text = (site / "data" / "compare" / f"{practice}.js").read_text("utf-8")
    assert text.startswith(f'catalog.data("compare","{practice}",{{') and text.endswith("});\n")
    data = json.loads(text.removeprefix(f'catalog.data("compare","{practice}",').removesuffix(");\n"))
    assert data["title"] == catalog.get("practice", practice)["title"] and len(data["cells"]) == len(data["fields"])
