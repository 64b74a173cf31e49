"""Listings split into pages of a fixed size, so that no page grows with the catalog.

A listing is an ordered list of items (practice ids, metric rows) shown at one address, which
is its first page. Page k ≥ 2 lives below that address, in a folder named ``page``:

    themes/louyuan-zhili.md      /themes/louyuan-zhili/         page 1
    themes/louyuan-zhili/page/2.md  /themes/louyuan-zhili/page/2/  page 2
    practices/index.md           /practices/                    page 1
    practices/page/2.md          /practices/page/2/             page 2

Every item is on exactly one page, in the listing's order, so the same records always put the
same items at the same address. ``page`` and ``index`` are therefore not allowed as record ids
(``govcat.layout.reserved_id``). Templates show a page's pager with the ``pager`` macro
of ``_macros.md.j2``; pages after the first are left out of search (their front matter says
``search: {exclude: true}``): page 1 stands for the listing.

Page sizes (``PageSizes``) were chosen by measuring the built pages of a synthetic catalog of
4,000 practices: 50 rows of a practice table with summaries make a page of 45–60 KB of HTML (the
site's own chrome is about 20 KB), 100 metric rows with their footnotes about 100 KB, 200 one-line
links about 45 KB. That is far below the 400 KB limit at any catalog size, and still several
screens of reading: readers seldom need to page, since the listings by city take them straight
to the part they want. Generators ask ``page_sizes()`` when they split a listing, so that one
``with using_page_sizes(...)`` changes every listing at once (the tests page a small catalog so).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Generic, TypeVar

from govcat.layout import PAGE_SEGMENT

T = TypeVar("T")
AROUND = 2  # page numbers shown either side of the current one


@dataclass(frozen=True)
class PageSizes:
    """How many items one page of each sort of listing holds."""

    table: int = 50  # rows of a practice table with summaries
    links: int = 200  # one-line links to practices or sources
    metrics: int = 100  # rows of the metrics table, each with its source footnote


DEFAULT_PAGE_SIZES = PageSizes()  # frozen: shared safely as the default
_page_sizes: ContextVar[PageSizes] = ContextVar("page_sizes", default=DEFAULT_PAGE_SIZES)


def page_sizes() -> PageSizes:
    """The page sizes listings are split by: the defaults, or those ``using_page_sizes`` set."""
    return _page_sizes.get()


@contextmanager
def using_page_sizes(sizes: PageSizes) -> Iterator[None]:
    """Split every listing generated inside the ``with`` block by ``sizes``."""
    token = _page_sizes.set(sizes)
    try:
        yield
    finally:
        _page_sizes.reset(token)


@dataclass(frozen=True)
class PagerLink:
    """One entry of a pager: a link (``uri``), the current page or a gap (no ``uri``)."""

    label: str
    uri: str | None
    role: str  # "prev", "next", "page", "current" or "gap"


@dataclass(frozen=True)
class ListingPage(Generic[T]):
    """One page of a listing: its items and where it stands among the listing's pages."""

    uris: tuple[str, ...]  # the path of every page of the listing, page 1 first
    number: int  # this page's number, from 1
    items: tuple[T, ...]
    start: int  # position of this page's first item in the whole listing, from 0
    total: int  # items in the whole listing

    @property
    def uri(self) -> str:
        return self.uris[self.number - 1]

    @property
    def count(self) -> int:
        return len(self.uris)

    @property
    def paged(self) -> bool:
        """Whether the listing has more than one page (and so needs a pager)."""
        return self.count > 1

    @property
    def first_item(self) -> int:
        """The number of this page's first item in the listing, from 1 (“第 51–100 项”)."""
        return self.start + 1

    @property
    def last_item(self) -> int:
        return self.start + len(self.items)

    def pager(self) -> list[PagerLink]:
        """Previous, the page numbers (see ``page_numbers``) and next; at either end the
        previous or next entry is left out rather than shown disabled."""
        links = [PagerLink("上一页", self.uris[self.number - 2], "prev")] if self.number > 1 else []
        for n in page_numbers(self.number, self.count):
            if n is None:
                links.append(PagerLink("…", None, "gap"))
            elif n == self.number:
                links.append(PagerLink(str(n), None, "current"))
            else:
                links.append(PagerLink(str(n), self.uris[n - 1], "page"))
        if self.number < self.count:
            links.append(PagerLink("下一页", self.uris[self.number], "next"))
        return links


def page_path(listing_uri: str, number: int) -> str:
    """The source path of page ``number`` of the listing whose first page is ``listing_uri``."""
    if not listing_uri.endswith(".md"):
        raise ValueError(f"not a page path: {listing_uri}")
    if number == 1:
        return listing_uri
    folder = listing_uri.removesuffix(".md")
    if posixpath.basename(folder) == "index":  # a section's list: practices/index.md
        folder = posixpath.dirname(folder)
    return posixpath.join(folder, PAGE_SEGMENT, f"{number}.md")


def paginate(listing_uri: str, items: Sequence[T], size: int) -> list[ListingPage[T]]:
    """The pages of a listing of ``items``, ``size`` to a page. An empty listing still has its
    first page (which says there is nothing yet)."""
    if size < 1:
        raise ValueError(f"page size must be at least 1, not {size}")
    count = max(1, -(-len(items) // size))
    uris = tuple(page_path(listing_uri, n) for n in range(1, count + 1))
    return [
        ListingPage(uris, n, tuple(items[(n - 1) * size : n * size]), (n - 1) * size, len(items))
        for n in range(1, count + 1)
    ]


def page_numbers(current: int, count: int) -> list[int | None]:
    """The page numbers a pager shows: the first, the last and ``AROUND`` either side of the
    current one, in order; None stands for two or more pages left out (“…”). A single page
    left out is shown instead of a gap, since “…” would take as much room."""
    shown = sorted({1, count, *range(max(1, current - AROUND), min(count, current + AROUND) + 1)})
    numbers: list[int | None] = []
    previous = 0
    for n in shown:
        if n - previous == 2:
            numbers.append(previous + 1)
        elif n - previous > 2:
            numbers.append(None)
        numbers.append(n)
        previous = n
    return numbers
