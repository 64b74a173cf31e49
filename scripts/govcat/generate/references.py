"""Pages of the reference records: standards, policies, terms and sources, with their lists.

Each page names the records that refer to it, so every link has its way back. Standards that
share items (农村 and 城市“五星”支部 share 支部过硬星 and 平安法治星) are shown side by side.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import zip_longest

from ..catalog import Catalog
from .site import Page, index_uri, page_uri

KINDS = ("standard", "policy", "term", "source")
INDEX_TEMPLATES = {"standard": "standards.md.j2"}
NO_INDEX = ("term",)  # the list of terms is the glossary, made by glossary.py

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


def pages(catalog: Catalog) -> Iterator[Page]:
    groups = comparable_groups(catalog)
    comparisons = [(group, aligned_rows(catalog, group)) for group in groups]
    for kind in KINDS:
        for record in catalog.all(kind):
            yield Page(page_uri(kind, record["id"]), f"{kind}.md.j2", {
                "record": record,
                "referrers": catalog.referrers.get((kind, record["id"]), {}),
                "comparisons": [c for c in comparisons if record["id"] in c[0]],
                "mentioned_by": catalog.term_mentions.get(record["id"], []),
            })
        if kind not in NO_INDEX:
            yield Page(index_uri(kind), INDEX_TEMPLATES.get(kind, "reference-index.md.j2"), {
                "kind": kind, "comparisons": comparisons,
            })
