"""The pagination helper: every item on exactly one page, in order, with a pager that leads everywhere."""

from __future__ import annotations

import pytest

from govcat.layout import Project
from govcat.model.load import load_catalog
from govcat.site.generate import render_pages
from govcat.site.generate.paging import (
    PagerLink,
    PageSizes,
    page_numbers,
    page_path,
    page_sizes,
    paginate,
    using_page_sizes,
)
from support import REPO


@pytest.mark.parametrize(
    ("items", "size", "pages"),
    [
        (0, 10, 1),  # an empty listing still has its page, which says so
        (1, 10, 1),
        (9, 10, 1),
        (10, 10, 1),  # an exact multiple fills its last page
        (11, 10, 2),  # one more starts a page of its own
        (30, 10, 3),
        (31, 10, 4),
        (7, 1, 7),
    ],
)
def test_every_item_on_exactly_one_page_in_order(items: int, size: int, pages: int) -> None:
    listing = paginate("themes/louyuan-zhili.md", [f"p{i}" for i in range(items)], size)
    assert len(listing) == pages
    assert [item for page in listing for item in page.items] == [f"p{i}" for i in range(items)]
    assert all(0 < len(page.items) <= size for page in listing if items)
    assert [page.number for page in listing] == list(range(1, pages + 1))
    assert all(page.count == pages and page.total == items and page.paged == (pages > 1) for page in listing)
    assert [(page.first_item, page.last_item) for page in listing if page.items] == [
        (n * size + 1, min(items, (n + 1) * size)) for n in range(pages) if items
    ]


def test_page_addresses() -> None:
    assert [p.uri for p in paginate("themes/louyuan-zhili.md", list(range(25)), 10)] == [
        "themes/louyuan-zhili.md",
        "themes/louyuan-zhili/page/2.md",
        "themes/louyuan-zhili/page/3.md",
    ]
    assert [p.uri for p in paginate("practices/index.md", list(range(11)), 10)] == [
        "practices/index.md",
        "practices/page/2.md",
    ]
    assert page_path("themes/louyuan-zhili/zhengzhou.md", 4) == "themes/louyuan-zhili/zhengzhou/page/4.md"
    with pytest.raises(ValueError, match="page size"):
        paginate("practices/index.md", [1], 0)
    with pytest.raises(ValueError, match="not a page path"):
        page_path("practices/", 2)


@pytest.mark.parametrize(
    ("current", "count", "shown"),
    [
        (1, 1, [1]),
        (1, 2, [1, 2]),
        (1, 7, [1, 2, 3, None, 7]),
        (4, 7, [1, 2, 3, 4, 5, 6, 7]),  # a single page left out is shown, not “…”
        (6, 12, [1, None, 4, 5, 6, 7, 8, None, 12]),
        (12, 12, [1, None, 10, 11, 12]),
        (5, 12, [1, 2, 3, 4, 5, 6, 7, None, 12]),
    ],
)
def test_page_numbers_keep_the_ends_and_the_neighbourhood(current: int, count: int, shown: list[int | None]) -> None:
    assert page_numbers(current, count) == shown


def test_pager_links_lead_to_every_page_shown() -> None:
    pages = paginate("practices/index.md", list(range(120)), 10)
    assert pages[0].pager() == [
        PagerLink("1", None, "current"),
        PagerLink("2", "practices/page/2.md", "page"),
        PagerLink("3", "practices/page/3.md", "page"),
        PagerLink("…", None, "gap"),
        PagerLink("12", "practices/page/12.md", "page"),
        PagerLink("下一页", "practices/page/2.md", "next"),
    ]
    middle = pages[5].pager()
    assert middle[0] == PagerLink("上一页", "practices/page/5.md", "prev")
    assert middle[-1] == PagerLink("下一页", "practices/page/7.md", "next")
    assert [link.label for link in middle] == ["上一页", "1", "…", "4", "5", "6", "7", "8", "…", "12", "下一页"]
    assert pages[1].pager()[:2] == [
        PagerLink("上一页", "practices/index.md", "prev"),
        PagerLink("1", "practices/index.md", "page"),
    ]
    last = pages[-1].pager()
    assert last[-1] == PagerLink("12", None, "current") and last[0].role == "prev"
    # Walking "next" from page 1 visits every page once and ends on the last.
    visited, page = [], pages[0]
    by_uri = {p.uri: p for p in pages}
    while True:
        visited.append(page.number)
        following = [link.uri for link in page.pager() if link.role == "next"]
        if not following:
            break
        page = by_uri[str(following[0])]
    assert visited == list(range(1, 13))


# A listing of each paginating generator: practices, themes (and a theme's city), regions,
# metrics, tags and the reference kinds (one-line links).
SECOND_PAGES = [
    "metrics/page/2.md",
    "policies/page/2.md",
    "practices/page/2.md",
    "regions/zhengzhou/page/2.md",
    "tags/gongzuofa/page/2.md",
    "terms/sihui/page/2.md",
    "themes/louyuan-zhili/page/2.md",
    "themes/louyuan-zhili/sanmenxia/page/2.md",  # 郑州's two are one: 四措并举 and its part
]


def test_page_sizes_set_once_split_every_listing() -> None:
    catalog = load_catalog(Project(REPO))
    with using_page_sizes(PageSizes(table=1, links=1, metrics=1)):
        assert page_sizes() == PageSizes(table=1, links=1, metrics=1)
        small = dict(render_pages(catalog))
    assert page_sizes() == PageSizes(table=50, links=200, metrics=100)
    usual = dict(render_pages(catalog))
    assert [uri for uri in SECOND_PAGES if uri in small] == SECOND_PAGES
    assert [uri for uri in usual if "/page/" in uri] == []
