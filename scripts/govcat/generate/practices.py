"""Practice pages (/practices/<id>/) and the list of all practices (/practices/)."""

from __future__ import annotations

from collections.abc import Iterator

from ..catalog import Catalog
from .site import Page, index_uri, page_uri


def pages(catalog: Catalog) -> Iterator[Page]:
    for practice in catalog.all("practice"):
        practice_id = practice["id"]
        yield Page(page_uri("practice", practice_id), "practice.md.j2", {
            "practice": practice,
            "region_chain": catalog.region_chain(practice["region"]),
            "children": catalog.children(practice_id),
            "related_from": [
                p for p in catalog.referring("practice", practice_id, "practice")
                if p not in practice.get("related", []) and p not in catalog.children(practice_id)
                and p != practice.get("parent")
            ],
        })
    by_city: dict[str, list[str]] = {}
    for practice in catalog.all("practice"):
        chain = catalog.region_chain(practice["region"])
        by_city.setdefault(chain[1] if len(chain) > 1 else chain[0], []).append(practice["id"])
    yield Page(index_uri("practice"), "practices.md.j2", {
        "groups": sorted(by_city.items(), key=lambda item: (len(catalog.region_chain(item[0])), item[0])),
    })
