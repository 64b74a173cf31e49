"""Pages of the reference records: standards, policies, terms and sources, with their lists.

Each page names the practices (and other records) that refer to it, so every link has its way back.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..catalog import Catalog
from .site import Page, index_uri, page_uri

KINDS = ("standard", "policy", "term", "source")


def pages(catalog: Catalog) -> Iterator[Page]:
    for kind in KINDS:
        for record in catalog.all(kind):
            yield Page(page_uri(kind, record["id"]), f"{kind}.md.j2", {
                "record": record,
                "referrers": catalog.referrers.get((kind, record["id"]), {}),
            })
        yield Page(index_uri(kind), "reference-index.md.j2", {"kind": kind})
