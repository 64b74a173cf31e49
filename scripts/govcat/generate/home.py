"""The home page: what the catalog is, what it holds and where to start."""

from __future__ import annotations

from collections.abc import Iterator

from ..catalog import Catalog
from .site import Page


def pages(catalog: Catalog) -> Iterator[Page]:
    yield Page("index.md", "home.md.j2", {})
