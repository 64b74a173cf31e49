"""Theme pages: each theme's comparison table of its practices, all of them (/themes/<id>/) and
by place (/themes/<id>/<city>/, see ``places``), each paginated; and the list of themes (/themes/).

A theme page starts with its places and their counts, so a reader who wants one city's practices
reaches them in one click however large the theme grows.
"""

from __future__ import annotations

from collections.abc import Iterator

from govcat.model.catalog import Catalog
from govcat.site.generate import searchmeta
from govcat.site.generate.addresses import index_uri, page_uri, theme_place_uri
from govcat.site.generate.frontmatter import NAVIGATION_AND_TOC, front_matter, listing_front_matter
from govcat.site.generate.outputs import Page
from govcat.site.generate.paging import page_sizes, paginate
from govcat.site.generate.places import by_place, place_groups, place_name
from govcat.site.generate.searchmeta import LIST_PAGE
from govcat.site.generate.wordlinks import theme_download, theme_outline_download

HEADLINE_METRICS = 3


def pages(catalog: Catalog) -> Iterator[Page]:
    for theme in catalog.all("theme"):
        theme_uri = page_uri("theme", theme["id"])
        practices = by_place(catalog, catalog.referring("theme", theme["id"], "practice"))
        groups = place_groups(catalog, practices)
        places = [(place_name(catalog, place), len(ids), theme_place_uri(theme["id"], place)) for place, ids in groups]
        for listing in paginate(theme_uri, practices, page_sizes().table):
            yield Page(
                listing.uri,
                "theme.md.j2",
                {
                    "theme": theme,
                    "listing": listing,
                    "practices": catalog.each("practice", listing.items),
                    "headline_metrics": HEADLINE_METRICS,
                    "places": places,
                    "word_link": theme_download(listing.uri, theme),
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
                        "listing": listing,
                        "practices": catalog.each("practice", listing.items),
                        "headline_metrics": HEADLINE_METRICS,
                        "theme_uri": theme_uri,
                    },
                    listing_front_matter(listing, NAVIGATION_AND_TOC, LIST_PAGE),
                )
    yield Page(
        index_uri("theme"),
        "themes.md.j2",
        {
            "themes": [
                (theme, len(catalog.referring("theme", theme["id"], "practice"))) for theme in catalog.all("theme")
            ],
        },
        front_matter(NAVIGATION_AND_TOC, LIST_PAGE),
    )
