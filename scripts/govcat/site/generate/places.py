"""Practices in place order, and grouped by place: the province's own practices, then each city's.

A practice's place is ``Catalog.place_of`` its region: the city it lies in, or the province for
a province-wide practice. Listings by place (/practices/, a theme by city, the metrics by city)
all use this order, so a city's practices are one run in every listing.
"""

from __future__ import annotations

from govcat.model.catalog import Catalog


def region_key(catalog: Catalog, region_id: str) -> tuple[str, str]:
    """Sibling regions in order of their GB/T 2260 code (those without one after), then id."""
    return (catalog.get("region", region_id).get("code", "999999"), region_id)


def by_place(catalog: Catalog, practice_ids: list[str]) -> list[str]:
    """Practices in the order of the region tree: the province's own first, then each city's
    (by code): the city's own, then each county's, with its townships after it; by id within a
    region."""

    def key(practice_id: str) -> tuple[list[tuple[str, str]], str]:
        chain = catalog.region_chain(catalog.get("practice", practice_id)["region"])
        return ([region_key(catalog, r) for r in chain], practice_id)

    return sorted(practice_ids, key=key)


def place_of_practice(catalog: Catalog, practice_id: str) -> str:
    return catalog.place_of(catalog.get("practice", practice_id)["region"])


def place_groups(catalog: Catalog, practice_ids: list[str] | tuple[str, ...]) -> list[tuple[str, list[str]]]:
    """(place, its practices) for each run of practices of one place, in the given order;
    given ``by_place`` order, each place appears once."""
    groups: list[tuple[str, list[str]]] = []
    for practice_id in practice_ids:
        place = place_of_practice(catalog, practice_id)
        if groups and groups[-1][0] == place:
            groups[-1][1].append(practice_id)
        else:
            groups.append((place, [practice_id]))
    return groups


def place_name(catalog: Catalog, place_id: str) -> str:
    """How a place heads a group: a city by its name, a province as 河南省（省级）, since the
    group holds only the province's own practices, not those of its cities."""
    region = catalog.get("region", place_id)
    return f"{region['name']}（省级）" if catalog.region_level(place_id) == "province" else region["name"]
