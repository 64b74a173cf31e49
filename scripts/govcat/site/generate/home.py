"""The home page: what the catalog is, what it covers (practices, provinces, sources, dates, all
counted from the records), what it holds and where to start.

It stays the same size however large the catalog grows: themes and places with their counts,
and only the newest sources, with a link to the list of all of them.
"""

from __future__ import annotations

from collections.abc import Iterator

from govcat.model.catalog import Catalog
from govcat.site.generate import addresses
from govcat.site.generate.addresses import index_uri, page_uri
from govcat.site.generate.dataset import FOLDER, MANIFEST
from govcat.site.generate.frontmatter import NAVIGATION_AND_TOC, front_matter
from govcat.site.generate.outputs import Page
from govcat.site.generate.problems import most_addressed
from govcat.site.generate.references import index_order
from govcat.site.generate.regions import region_tree_order
from govcat.site.generate.searchmeta import LIST_PAGE
from govcat.site.generate.themes import theme_families

NEWEST_SOURCES = 10
HOME_PROBLEMS = 12  # the problems with the most practices; the rest on /problems/
DATASET_MANIFEST = f"{FOLDER}/{MANIFEST}"
COUNTED = ("practice", "region", "theme", "standard", "policy", "term", "problem")


def province_uris(catalog: Catalog) -> set[str]:
    return {page_uri("region", r) for r in catalog.ids("region") if catalog.region_level(r) == "province"}


def pages(catalog: Catalog) -> Iterator[Page]:
    themes = [
        (theme["name"], len(theme_families(catalog, theme["id"])), page_uri("theme", theme["id"]))
        for theme in catalog.all("theme")
    ]
    places = [
        (catalog.get("region", r)["name"], len(catalog.practices_in_region(r)), page_uri("region", r))
        for r in region_tree_order(catalog)
        if catalog.region_level(r) in ("province", "city")
    ]
    problems = [
        (catalog.get("problem", p)["name"], len(catalog.referring("problem", p, "practice")), page_uri("problem", p))
        for p in most_addressed(catalog, HOME_PROBLEMS)
    ]
    sources = index_order(catalog, "source")
    provinces = [(name, count, uri) for name, count, uri in places if count and uri in province_uris(catalog)]
    published = sorted(catalog.get("source", s)["published"] for s in sources)
    reviewed = [p["last_reviewed"] for p in catalog.all("practice")]
    yield Page(
        addresses.HOME,
        "home.md.j2",
        {
            "counts": {kind: len(catalog.ids(kind)) for kind in COUNTED},
            "themes": themes,
            "places": places,
            "problems": problems,
            "all_problems": len(catalog.ids("problem")),
            "problems_uri": index_uri("problem"),
            "sources": [(s, catalog.get("source", s)["published"]) for s in sources[:NEWEST_SOURCES]],
            "all_sources": len(sources),
            "provinces": provinces,
            "published": (published[0], published[-1]) if published else None,
            "reviewed": max(reviewed) if reviewed else None,
            "metrics_uri": addresses.metrics_uri(),
            "compare_uri": addresses.COMPARE,
            "json_uri": addresses.DATA_JSON,
            "csv_uri": addresses.DATA_CSV,
            "dataset_uri": DATASET_MANIFEST,
            "updates_uri": addresses.UPDATES,
            "guide_uri": addresses.GUIDE,
            "sources_uri": index_uri("source"),
        },
        front_matter(NAVIGATION_AND_TOC, LIST_PAGE),
    )
