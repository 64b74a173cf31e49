"""Region pages (/regions/<id>/) and the region tree (/regions/)."""

from __future__ import annotations

from collections.abc import Iterator

from ..catalog import Catalog
from .site import Page, index_uri, page_uri


def pages(catalog: Catalog) -> Iterator[Page]:
    for region in catalog.all("region"):
        region_id = region["id"]
        yield Page(page_uri("region", region_id), "region.md.j2", {
            "region": region,
            "chain": catalog.region_chain(region_id),
            "subregions": [r for r in catalog.ids("region") if catalog.get("region", r).get("parent") == region_id],
            "practices": catalog.practices_in_region(region_id),
        })
    yield Page(index_uri("region"), "regions.md.j2", {
        "tree": [(len(catalog.region_chain(r)) - 1, r) for r in region_tree_order(catalog)],
    })


def region_tree_order(catalog: Catalog) -> list[str]:
    """Regions depth-first from the provinces, children ordered by code then id."""
    def key(region_id: str) -> tuple[str, str]:
        return (catalog.get("region", region_id).get("code", "999999"), region_id)

    ordered: list[str] = []

    def visit(parent: str | None) -> None:
        for region_id in sorted((r for r in catalog.ids("region") if catalog.get("region", r).get("parent") == parent), key=key):
            ordered.append(region_id)
            visit(region_id)

    visit(None)
    return ordered
