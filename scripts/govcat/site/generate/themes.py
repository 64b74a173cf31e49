"""Theme pages: each theme's comparison table of its practices, all of them (/themes/<id>/) and
by place (/themes/<id>/<city>/, see ``places``), each paginated; and the list of themes (/themes/).

A theme page starts with its places and their counts, so a reader who wants one city's practices
reaches them in one click however large the theme grows; then, for the practices on the page, the
results by city (``results``) and the comparison table. An umbrella practice and its parts count
as one practice, the parts listed under it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from govcat.model.catalog import Catalog
from govcat.site.generate import searchmeta
from govcat.site.generate.addresses import index_uri, page_uri, theme_place_uri
from govcat.site.generate.frontmatter import NAVIGATION_AND_TOC, front_matter, listing_front_matter
from govcat.site.generate.outputs import Page
from govcat.site.generate.paging import ListingPage, page_sizes, paginate
from govcat.site.generate.places import by_place, place_name, place_of_practice
from govcat.site.generate.results import Family, families, family_rows, results, results_uri
from govcat.site.generate.searchmeta import LIST_PAGE
from govcat.site.generate.wordlinks import theme_download, theme_outline_download

HEADLINE_METRICS = 3


def theme_families(catalog: Catalog, theme_id: str) -> list[Family]:
    """The theme's practices in place order, each umbrella practice with its parts (counted once)."""
    return families(catalog, by_place(catalog, catalog.referring("theme", theme_id, "practice")))


def family_groups(catalog: Catalog, groups: list[Family]) -> list[tuple[str, list[Family]]]:
    """(place, its families) for each place, in the given order (``by_place`` order: each place once)."""
    found: dict[str, list[Family]] = {}
    for group in groups:
        found.setdefault(place_of_practice(catalog, group[0]), []).append(group)
    return list(found.items())


def table_context(catalog: Catalog, listing: ListingPage[Family]) -> dict[str, Any]:
    """What a page of a theme's tables shows: its practices with their parts, and their results."""
    rows = family_rows(catalog, listing.items)
    return {
        "listing": listing,
        "rows": rows,
        "results": results(catalog, rows),
        "parts": sum(part for _, part in rows),
        "headline_metrics": HEADLINE_METRICS,
    }


def pages(catalog: Catalog) -> Iterator[Page]:
    for theme in catalog.all("theme"):
        theme_uri = page_uri("theme", theme["id"])
        practices = theme_families(catalog, theme["id"])
        groups = family_groups(catalog, practices)
        places = [(place_name(catalog, place), len(ids), theme_place_uri(theme["id"], place)) for place, ids in groups]
        for listing in paginate(theme_uri, practices, page_sizes().table):
            yield Page(
                listing.uri,
                "theme.md.j2",
                {
                    "theme": theme,
                    **table_context(catalog, listing),
                    "places": places,
                    "word_link": theme_download(listing.uri, theme),
                    "csv_uri": results_uri(theme["id"]),
                    "outline_link": theme_outline_download(listing.uri, theme),
                },
                listing_front_matter(listing, NAVIGATION_AND_TOC, searchmeta.record(catalog, "theme", theme)),
            )
        for place, ids in groups:
            for listing in paginate(theme_place_uri(theme["id"], place), ids, page_sizes().table):
                yield Page(
                    listing.uri,
                    "theme-place.md.j2",
                    {
                        "theme": theme,
                        "place": place,
                        "province": catalog.region_level(place) == "province",
                        "whole": False,
                        **table_context(catalog, listing),
                        "theme_uri": theme_uri,
                    },
                    listing_front_matter(listing, NAVIGATION_AND_TOC, LIST_PAGE),
                )
    yield Page(
        index_uri("theme"),
        "themes.md.j2",
        {"themes": [(theme, len(theme_families(catalog, theme["id"]))) for theme in catalog.all("theme")]},
        front_matter(NAVIGATION_AND_TOC, LIST_PAGE),
    )
