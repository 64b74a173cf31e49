"""指标一览: every metric of every practice in a sortable, filterable table (/metrics/), and the
metrics of each place's practices (/metrics/<city>/), both paginated.

Sorting and filtering happen in the browser, within the page shown; the pages by place are how
a reader sees all of one city's figures together once the overview needs several pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from govcat.model.catalog import Catalog
from govcat.site.generate.addresses import metrics_uri
from govcat.site.generate.frontmatter import NAVIGATION_AND_TOC, listing_front_matter
from govcat.site.generate.outputs import Page
from govcat.site.generate.paging import page_sizes, paginate
from govcat.site.generate.places import by_place, place_groups, place_name
from govcat.site.generate.searchmeta import LIST_PAGE

Row = tuple[str, int, dict[str, Any]]


def rows(catalog: Catalog, practice_ids: list[str]) -> list[Row]:
    """(practice id, metric number, metric) in the given order, then in each practice's own order."""
    return [
        (practice_id, index, metric)
        for practice_id in practice_ids
        for index, metric in enumerate(catalog.get("practice", practice_id).get("metrics", []), start=1)
    ]


def pages(catalog: Catalog) -> Iterator[Page]:
    practices = by_place(catalog, catalog.ids("practice"))
    by_place_rows = [(place, rows(catalog, ids)) for place, ids in place_groups(catalog, practices)]
    without = [place_name(catalog, place) for place, found in by_place_rows if not found]
    by_place_rows = [(place, found) for place, found in by_place_rows if found]
    places = [(place_name(catalog, place), len(found), metrics_uri(place)) for place, found in by_place_rows]
    for place, found in [(None, rows(catalog, practices)), *by_place_rows]:
        province = place is not None and catalog.region_level(place) == "province"
        for listing in paginate(metrics_uri(place), found, page_sizes().metrics):
            yield Page(
                listing.uri,
                "metrics.md.j2",
                {
                    "place": place,
                    "province": province,
                    "listing": listing,
                    "overview_uri": metrics_uri(),
                    "places": places,
                    "without": without,
                    "rows": [
                        (catalog.get("practice", pid), catalog.place_of(catalog.get("practice", pid)["region"]), metric)
                        for pid, _, metric in listing.items
                    ],
                    "context_column": any("scope" in m or "as_of" in m for _, _, m in listing.items),
                },
                listing_front_matter(listing, NAVIGATION_AND_TOC, LIST_PAGE),
            )
