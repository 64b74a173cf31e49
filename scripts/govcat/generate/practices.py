"""Practice pages (/practices/<id>/) and the list of all practices (/practices/)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..catalog import Catalog
from .site import Page, index_uri, page_uri
from .wordlinks import practice_download


def related(catalog: Catalog, practice: dict[str, Any]) -> list[str]:
    """Practices this one names as related, then those that name it (its way back),
    leaving out its parent and children, which have their own sections."""
    family = {practice.get("parent"), *catalog.children(practice["id"])}
    named = practice.get("related", [])
    naming = catalog.referring("practice", practice["id"], "practice")
    return [p for p in dict.fromkeys(named + naming) if p not in family and catalog.get("practice", p).get("parent") != practice["id"]]


def pages(catalog: Catalog) -> Iterator[Page]:
    for practice in catalog.all("practice"):
        practice_id = practice["id"]
        uri = page_uri("practice", practice_id)
        yield Page(uri, "practice.md.j2", {
            "practice": practice,
            "region_chain": catalog.region_chain(practice["region"]),
            "children": catalog.children(practice_id),
            "related": related(catalog, practice),
            "terms": catalog.practice_terms.get(practice_id, []),
            "tag_names": [catalog.get("tag", t)["name"] for t in practice.get("tags", [])],
            "word_link": practice_download(uri, practice),
        })
    by_city: dict[str, list[str]] = {}
    for practice in catalog.all("practice"):
        by_city.setdefault(catalog.place_of(practice["region"]), []).append(practice["id"])
    yield Page(index_uri("tag"), "tags.md.j2", {})
    yield Page(index_uri("practice"), "practices.md.j2", {
        "groups": sorted(by_city.items(), key=lambda item: (len(catalog.region_chain(item[0])), item[0])),
    })
