"""Theme pages (/themes/<id>/) with a comparison table of their practices, and the theme list."""

from __future__ import annotations

from collections.abc import Iterator

from ..catalog import Catalog
from .site import Page, index_uri, page_uri
from .wordlinks import theme_download

HEADLINE_METRICS = 3


def by_place(catalog: Catalog, practice_ids: list[str]) -> list[str]:
    """Province-wide practices first, then by city, then deeper levels, then id."""
    def key(practice_id: str) -> tuple[int, list[str], str]:
        chain = catalog.region_chain(catalog.get("practice", practice_id)["region"])
        codes = [catalog.get("region", r).get("code", "") for r in chain[:2]]
        return (len(chain) > 1, codes, practice_id)
    return sorted(practice_ids, key=key)


def pages(catalog: Catalog) -> Iterator[Page]:
    for theme in catalog.all("theme"):
        uri = page_uri("theme", theme["id"])
        yield Page(uri, "theme.md.j2", {
            "theme": theme,
            "practices": by_place(catalog, catalog.referring("theme", theme["id"], "practice")),
            "headline_metrics": HEADLINE_METRICS,
            "word_link": theme_download(uri, theme),
        })
    yield Page(index_uri("theme"), "themes.md.j2", {})
