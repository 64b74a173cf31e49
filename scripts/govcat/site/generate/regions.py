"""Region pages (/regions/<id>/), the region tree and the region × theme matrix (/regions/).

A region page lists the practices of the region and its sub-regions, paginated, after its facts;
a province or city page also counts them by theme, each count linking to the listing of just
those practices (a theme in the province, /regions/<province>/<theme>/, for a province; a theme
in a city for a city). /regions/ shows the provinces in code order, each followed by its cities,
in the region × theme matrix and in the tree down to the counties; townships are listed on their
county's page, so that the tree stays readable and bounded however many townships the catalog
reaches.
"""

from __future__ import annotations

from collections.abc import Iterator

from govcat.model.catalog import Catalog
from govcat.site.generate import searchmeta
from govcat.site.generate.addresses import index_uri, page_uri, region_theme_uri, theme_place_uri
from govcat.site.generate.frontmatter import NAVIGATION, NAVIGATION_AND_TOC, front_matter, listing_front_matter
from govcat.site.generate.outputs import Page
from govcat.site.generate.paging import page_sizes, paginate
from govcat.site.generate.places import by_place, region_key
from govcat.site.generate.results import families, result_of
from govcat.site.generate.searchmeta import LIST_PAGE
from govcat.site.generate.themes import table_context

TREE_LEVELS = ("province", "city", "county")  # /regions/ lists these; the rest on their parent's page
THEME_COUNT_LEVELS = ("province", "city")  # the levels that have a listing per theme


def theme_counts(catalog: Catalog, region_id: str, practice_ids: list[str]) -> dict[str, tuple[int, str]]:
    """Theme id -> (practices of the region in it, the page listing exactly those), in theme order,
    for a province or a city; empty for other levels, which have no such listing. An umbrella
    practice and its parts count once, as on the theme's pages."""
    level = catalog.region_level(region_id)
    if level not in THEME_COUNT_LEVELS:
        return {}
    found = {}
    for theme_id in catalog.ids("theme"):
        count = len(families(catalog, [p for p in practice_ids if theme_id in catalog.get("practice", p)["themes"]]))
        if count:
            uri = region_theme_uri(region_id, theme_id) if level == "province" else theme_place_uri(theme_id, region_id)
            found[theme_id] = (count, uri)
    return found


def region_pages(catalog: Catalog, order: list[str]) -> Iterator[Page]:
    subregions = subregions_of(catalog, order)
    for region in catalog.all("region"):
        region_id = region["id"]
        practices = by_place(catalog, catalog.practices_in_region(region_id))
        counts = theme_counts(catalog, region_id, practices)
        themes = [(catalog.get("theme", t)["name"], count, uri) for t, (count, uri) in counts.items()]
        for listing in paginate(page_uri("region", region_id), practices, page_sizes().table):
            yield Page(
                listing.uri,
                "region.md.j2",
                {
                    "region": region,
                    "level": catalog.region_level(region_id),
                    "chain": catalog.region_chain(region_id),
                    "subregions": subregions.get(region_id, []),
                    "listing": listing,
                    "practices": catalog.each("practice", listing.items),
                    "results": [result_of(catalog, p) for p in catalog.each("practice", listing.items)],
                    "themes": themes,
                },
                listing_front_matter(listing, NAVIGATION, searchmeta.record(catalog, "region", region)),
            )


def province_theme_pages(catalog: Catalog, order: list[str]) -> Iterator[Page]:
    """For each province, the practices of each theme in it and below it (where its theme counts lead)."""
    for province in [r for r in order if catalog.region_level(r) == "province"]:
        practices = by_place(catalog, catalog.practices_in_region(province))
        for theme in catalog.all("theme"):
            ids = [p for p in practices if theme["id"] in catalog.get("practice", p)["themes"]]
            groups = families(catalog, ids)
            for listing in paginate(region_theme_uri(province, theme["id"]), groups, page_sizes().table) if ids else []:
                yield Page(
                    listing.uri,
                    "theme-place.md.j2",
                    {
                        "theme": theme,
                        "place": province,
                        "province": True,
                        "whole": True,
                        **table_context(catalog, listing),
                        "theme_uri": page_uri("theme", theme["id"]),
                    },
                    listing_front_matter(listing, NAVIGATION_AND_TOC, LIST_PAGE),
                )


def pages(catalog: Catalog) -> Iterator[Page]:
    order = region_tree_order(catalog)
    yield from region_pages(catalog, order)
    yield from province_theme_pages(catalog, order)
    rows = [r for r in order if catalog.region_level(r) in THEME_COUNT_LEVELS]
    themes = catalog.all("theme")
    counts = {r: theme_counts(catalog, r, catalog.practices_in_region(r)) for r in rows}
    yield Page(
        index_uri("region"),
        "regions.md.j2",
        {
            "themes": themes,
            "matrix": [
                (r, catalog.region_level(r) == "province", [counts[r].get(t["id"]) for t in themes])
                for r in rows
                if catalog.practices_in_region(r)
            ],
            "tree": [
                (depth, r, catalog.region_level(r), len(catalog.practices_in_region(r)), below)
                for depth, r, below in tree(catalog, order)
            ],
        },
        front_matter(NAVIGATION_AND_TOC, LIST_PAGE),
    )


def tree(catalog: Catalog, order: list[str]) -> list[tuple[int, str, int]]:
    """(depth, region, number of its sub-regions left out) for the regions down to ``TREE_LEVELS``."""
    shown = [r for r in order if catalog.region_level(r) in TREE_LEVELS]
    below = dict.fromkeys(shown, 0)
    for region_id in order:
        chain = catalog.region_chain(region_id)
        if region_id not in below:
            below[next(r for r in reversed(chain) if r in below)] += 1
    return [(len(catalog.region_chain(r)) - 1, r, below[r]) for r in shown]


def subregions_of(catalog: Catalog, regions: list[str]) -> dict[str | None, list[str]]:
    """Parent region id (None for provinces) -> its sub-regions, in the order of ``regions``."""
    found: dict[str | None, list[str]] = {}
    for region_id in regions:
        found.setdefault(catalog.get("region", region_id).get("parent"), []).append(region_id)
    return found


def region_tree_order(catalog: Catalog) -> list[str]:
    """Regions depth-first from the provinces, siblings ordered by ``region_key``."""
    children = subregions_of(catalog, sorted(catalog.ids("region"), key=lambda r: region_key(catalog, r)))
    ordered: list[str] = []

    def visit(parent: str | None) -> None:
        for region_id in children.get(parent, []):
            ordered.append(region_id)
            visit(region_id)

    visit(None)
    return ordered
