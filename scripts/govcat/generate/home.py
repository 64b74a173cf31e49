"""The home page: what the catalog is, what it holds and where to start."""

from __future__ import annotations

from collections.abc import Iterator

from ..catalog import Catalog
from .regions import region_tree_order
from .site import Page


def pages(catalog: Catalog) -> Iterator[Page]:
    places = [r for r in region_tree_order(catalog) if catalog.get("region", r)["level"] in ("province", "city")]
    yield Page("index.md", "home.md.j2", {"places": places})
