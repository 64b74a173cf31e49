"""Theme pages (/themes/<id>/) and the theme list (/themes/)."""

from __future__ import annotations

from collections.abc import Iterator

from ..catalog import Catalog
from .site import Page, index_uri, page_uri


def pages(catalog: Catalog) -> Iterator[Page]:
    for theme in catalog.all("theme"):
        yield Page(page_uri("theme", theme["id"]), "theme.md.j2", {
            "theme": theme,
            "practices": catalog.referring("theme", theme["id"], "practice"),
        })
    yield Page(index_uri("theme"), "themes.md.j2", {})
