"""Region pages (/regions/<id>/), the region tree and the region × theme matrix (/regions/)."""

from __future__ import annotations

from collections.abc import Iterator

from ..catalog import Catalog
from .site import Page, index_uri, page_uri
from .themes import by_place


def pages(catalog: Catalog) -> Iterator[Page]:
    order = region_tree_order(catalog)
    subregions = subregions_of(catalog, order)
    for region in catalog.all("region"):
        region_id = region["id"]
        practices = by_place(catalog, catalog.practices_in_region(region_id))
        yield Page(page_uri("region", region_id), "region.md.j2", {
            "region": region,
            "chain": catalog.region_chain(region_id),
            "subregions": subregions.get(region_id, []),
            "practices": practices,
            "by_theme": themes_of(catalog, practices),
        })
    rows = [r for r in order if catalog.get("region", r)["level"] in ("province", "city")]
    yield Page(index_uri("region"), "regions.md.j2", {
        "tree": [(len(catalog.region_chain(r)) - 1, r) for r in order],
        "matrix_rows": [r for r in rows[1:] + rows[:1] if catalog.practices_in_region(r)],
        "matrix": {r: dict(themes_of(catalog, catalog.practices_in_region(r))) for r in rows},
    })


def themes_of(catalog: Catalog, practice_ids: list[str]) -> list[tuple[str, list[str]]]:
    """(theme id, practices in it) for each theme that any of the practices is in, in theme order."""
    return [
        (theme_id, [p for p in practice_ids if theme_id in catalog.get("practice", p)["themes"]])
        for theme_id in catalog.ids("theme")
        if any(theme_id in catalog.get("practice", p)["themes"] for p in practice_ids)
    ]


def subregions_of(catalog: Catalog, regions: list[str]) -> dict[str | None, list[str]]:
    """Parent region id (None for provinces) -> its sub-regions, in the order of ``regions``."""
    found: dict[str | None, list[str]] = {}
    for region_id in regions:
        found.setdefault(catalog.get("region", region_id).get("parent"), []).append(region_id)
    return found


def region_tree_order(catalog: Catalog) -> list[str]:
    """Regions depth-first from the provinces, children ordered by code then id."""
    def key(region_id: str) -> tuple[str, str]:
        return (catalog.get("region", region_id).get("code", "999999"), region_id)

    children = subregions_of(catalog, sorted(catalog.ids("region"), key=key))
    ordered: list[str] = []

    def visit(parent: str | None) -> None:
        for region_id in children.get(parent, []):
            ordered.append(region_id)
            visit(region_id)

    visit(None)
    return ordered
