"""The home page: what the catalog is, what it holds and where to start.

It stays the same size however large the catalog grows: themes and places with their counts,
and only the newest sources, with a link to the list of all of them.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..catalog import Catalog
from .references import index_order
from .regions import region_tree_order
from .site import Page
from .frontmatter import NAVIGATION_AND_TOC, front_matter
from .searchmeta import LIST_PAGE

NEWEST_SOURCES = 10


def pages(catalog: Catalog) -> Iterator[Page]:
    places = [r for r in region_tree_order(catalog) if catalog.get("region", r)["level"] in ("province", "city")]
    yield Page("index.md", "home.md.j2", {
        "places": places,
        "sources": index_order(catalog, "source")[:NEWEST_SOURCES],
    }, front_matter(NAVIGATION_AND_TOC, LIST_PAGE))
