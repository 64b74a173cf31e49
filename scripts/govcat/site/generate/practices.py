"""Practice pages (/practices/<id>/) and the list of all practices (/practices/).

The list is in place order (``places``), paginated, with a heading for each place on each page
(“（续）” where a place carries on from the page before); its first page starts with every place
and its count, each linking to where that place's practices begin.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from govcat.model.catalog import Catalog
from govcat.site.generate import searchmeta
from govcat.site.generate.addresses import index_uri, page_uri
from govcat.site.generate.citation import citation_context
from govcat.site.generate.frontmatter import NAVIGATION, front_matter, listing_front_matter
from govcat.site.generate.outputs import Page
from govcat.site.generate.paging import page_sizes, paginate
from govcat.site.generate.places import by_place, place_groups, place_name
from govcat.site.generate.searchmeta import LIST_PAGE
from govcat.site.generate.similar import similar_practices
from govcat.site.generate.wordlinks import practice_download


def related(catalog: Catalog, practice: dict[str, Any]) -> list[str]:
    """Practices this one names as related, then those that name it (its way back),
    leaving out its parent and children, which have their own sections."""
    family = {practice.get("parent"), *catalog.children(practice["id"])}
    named = practice.get("related", [])
    naming = catalog.referring("practice", practice["id"], "practice")
    return [
        p
        for p in dict.fromkeys(named + naming)
        if p not in family and catalog.get("practice", p).get("parent") != practice["id"]
    ]


def practice_page(catalog: Catalog, practice: dict[str, Any], similar: list[tuple[str, str]]) -> Page:
    """A practice's page, given its similar practices (``similar_practices``)."""
    practice_id = practice["id"]
    uri = page_uri("practice", practice_id)
    return Page(
        uri,
        "practice.md.j2",
        {
            "practice": practice,
            "region_chain": catalog.region_chain(practice["region"]),
            "children": [(child, catalog.get("practice", child)["summary"]) for child in catalog.children(practice_id)],
            "standards": [
                (s, [item["name"] for item in catalog.get("standard", s)["items"]])
                for s in practice.get("standards", [])
            ],
            "terms": [catalog.get("term", t) for t in catalog.practice_terms.get(practice_id, [])],
            "related": [(r, catalog.get("practice", r)["region"]) for r in related(catalog, practice)],
            "similar": [(s, catalog.get("practice", s)["region"], why) for s, why in similar],
            "word_link": practice_download(uri, practice),
            "cite": citation_context(catalog, "practice", practice, uri),
        },
        front_matter(NAVIGATION, searchmeta.practice(catalog, practice)),
    )


def practice_pages(catalog: Catalog) -> Iterator[Page]:
    similar = similar_practices(catalog)
    for practice in catalog.all("practice"):
        yield practice_page(catalog, practice, similar[practice["id"]])


def list_pages(catalog: Catalog) -> Iterator[Page]:
    ordered = by_place(catalog, catalog.ids("practice"))
    listings = paginate(index_uri("practice"), ordered, page_sizes().table)
    starts: dict[str, str] = {}  # place -> the page its practices begin on
    groups_of_page: list[list[tuple[str, list[dict[str, Any]], bool]]] = []
    before: str | None = None  # the place of the last practice on the page before
    for listing in listings:
        groups = place_groups(catalog, listing.items)
        for place, _ in groups:
            starts.setdefault(place, listing.uri)
        groups_of_page.append(
            [
                (place, catalog.each("practice", ids), index == 0 and place == before)
                for index, (place, ids) in enumerate(groups)
            ]
        )
        before = groups[-1][0] if groups else None
    places = [(place_name(catalog, place), len(ids), starts[place]) for place, ids in place_groups(catalog, ordered)]
    for listing, page_groups in zip(listings, groups_of_page, strict=True):
        yield Page(
            listing.uri,
            "practices.md.j2",
            {"listing": listing, "groups": page_groups, "places": places},
            listing_front_matter(listing, NAVIGATION, LIST_PAGE),
        )


def pages(catalog: Catalog) -> Iterator[Page]:
    yield from practice_pages(catalog)
    yield from list_pages(catalog)
