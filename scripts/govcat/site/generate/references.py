"""Pages of the reference records: standards, policies, terms and sources, with their lists.

Each page names the records that refer to it, so every link has its way back; its practices
(those applying a standard, mentioning a term…) are paginated, page 2 on being pages of their
own (``record-list.md.j2``). Standards that share items (农村 and 城市“五星”支部 share 支部过硬星
and 平安法治星) are shown side by side. The list of sources is newest first and paginated.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import zip_longest
from typing import Any

from govcat.model.catalog import Catalog
from govcat.model.dates import known
from govcat.model.names import issued
from govcat.site.generate import searchmeta
from govcat.site.generate.addresses import index_uri, page_uri
from govcat.site.generate.citation import CITED_KINDS, citation_context
from govcat.site.generate.frontmatter import NAVIGATION, front_matter, listing_front_matter
from govcat.site.generate.outputs import Page
from govcat.site.generate.paging import page_sizes, paginate
from govcat.site.generate.places import by_place
from govcat.site.generate.searchmeta import LIST_PAGE

REFERENCE_KINDS = ("standard", "policy", "term", "source")
NO_INDEX = ("term",)  # the list of terms is the glossary, made by glossary.py
# Lists on one page, with a template of their own: every standard in one table, with their comparisons.
UNPAGED_INDEX = {"standard": "standards.md.j2"}
PRACTICE_HEADINGS = {
    "standard": "采用此标准的做法",
    "policy": "依据或落实此文件的做法",
    "term": "涉及此术语的做法",
    "source": "引用此来源的做法",
}

Row = tuple[str | None, ...]


def item_names(catalog: Catalog, standard_id: str) -> list[str]:
    return [item["name"] for item in catalog.get("standard", standard_id)["items"]]


def comparable_groups(catalog: Catalog) -> list[list[str]]:
    """Standards linked by shared item names, each group ordered by id; single standards left out."""
    groups: list[list[str]] = []
    for standard_id in catalog.ids("standard"):
        names = set(item_names(catalog, standard_id))
        joined = [g for g in groups if any(names & set(item_names(catalog, s)) for s in g)]
        merged = sorted({standard_id, *(s for g in joined for s in g)})
        groups = [g for g in groups if g not in joined] + [merged]
    return sorted(g for g in groups if len(g) > 1)


def aligned_rows(catalog: Catalog, group: list[str]) -> list[Row]:
    """Shared items on one row each, in the order they first appear; the other items after them,
    side by side in their own order."""
    columns = [item_names(catalog, s) for s in group]
    counts = {name: sum(name in column for column in columns) for column in columns for name in column}
    shared = list(dict.fromkeys(n for column in columns for n in column if counts[n] > 1))
    rows: list[Row] = [tuple(n if n in column else None for column in columns) for n in shared]
    rest = [[n for n in column if n not in shared] for column in columns]
    return rows + list(zip_longest(*rest))


def practices_of(catalog: Catalog, kind: str, record_id: str) -> list[str]:
    """The practices a record's page lists, in place order: for a term, those mentioning it."""
    if kind == "term":
        return by_place(catalog, catalog.term_mentions.get(record_id, []))
    return by_place(catalog, catalog.referring(kind, record_id, "practice"))


def index_order(catalog: Catalog, kind: str) -> list[str]:
    """The order of a kind's list page: sources newest first (those of unknown date last), policies
    issued first and those only mentioned in a source after them, others by id."""
    if kind == "source":
        published = {s: catalog.get(kind, s)["published"] for s in catalog.ids(kind)}
        return sorted(published, key=lambda s: (known(published[s]), published[s]), reverse=True)
    if kind == "policy":
        return sorted(catalog.ids(kind), key=lambda p: not issued(catalog.get(kind, p)))
    return catalog.ids(kind)


def record_pages(catalog: Catalog, kind: str, comparisons: list[tuple[list[str], list[Row]]]) -> Iterator[Page]:
    heading = PRACTICE_HEADINGS[kind]
    for record in catalog.all(kind):
        first, *more = paginate(
            page_uri(kind, record["id"]), practices_of(catalog, kind, record["id"]), page_sizes().links
        )
        context = record_context(catalog, kind, record, comparisons)
        context["listing"] = first
        yield Page(
            first.uri, f"{kind}.md.j2", context, front_matter(NAVIGATION, searchmeta.record(catalog, kind, record))
        )
        for listing in more:
            yield Page(
                listing.uri,
                "record-list.md.j2",
                {"kind": kind, "record": record, "listing": listing, "heading": heading},
                listing_front_matter(listing, NAVIGATION, LIST_PAGE),
            )


def record_context(
    catalog: Catalog, kind: str, record: dict[str, Any], comparisons: list[tuple[list[str], list[Row]]]
) -> dict[str, Any]:
    """What a reference record's page shows besides its first page of practices."""
    referrers = catalog.referrers.get((kind, record["id"]), {})
    if kind == "source":  # its page lists every kind of record citing it, practices among them
        lines = [line for line in catalog.source_texts[record["id"]].splitlines() if line.strip()]
        return {"record": record, "referrers": referrers, "text_lines": lines}
    context: dict[str, Any] = {"record": record, "practice_heading": PRACTICE_HEADINGS[kind]}
    if kind == "standard":
        context["comparisons"] = [c for c in comparisons if record["id"] in c[0]]
    if kind == "policy":  # the standards it sets
        context["referrers"] = referrers
    if kind in CITED_KINDS:
        context["cite"] = citation_context(catalog, kind, record, page_uri(kind, record["id"]))
    return context


def index_pages(catalog: Catalog, kind: str, comparisons: list[tuple[list[str], list[Row]]]) -> Iterator[Page]:
    if kind in UNPAGED_INDEX:
        yield Page(
            index_uri(kind),
            UNPAGED_INDEX[kind],
            {
                "standards": [(s, len(catalog.referring(kind, s["id"], "practice"))) for s in catalog.all(kind)],
                "comparisons": comparisons,
            },
            front_matter(search=LIST_PAGE),
        )
        return
    for listing in paginate(index_uri(kind), index_order(catalog, kind), page_sizes().links):
        yield Page(
            listing.uri,
            "reference-index.md.j2",
            {
                "kind": kind,
                "listing": listing,
                "rows": [
                    (
                        rid,
                        catalog.get(kind, rid).get("published") if kind == "source" else None,
                        kind == "policy" and not issued(catalog.get(kind, rid)),
                        len(catalog.referring(kind, rid, "practice")),
                    )
                    for rid in listing.items
                ],
            },
            listing_front_matter(listing, (), LIST_PAGE),
        )


def pages(catalog: Catalog) -> Iterator[Page]:
    groups = comparable_groups(catalog)
    comparisons = [(group, aligned_rows(catalog, group)) for group in groups]
    for kind in REFERENCE_KINDS:
        yield from record_pages(catalog, kind, comparisons)
        if kind not in NO_INDEX:
            yield from index_pages(catalog, kind, comparisons)
