"""Tag pages (/tags/<id>/: the tag's description and its practices, paginated) and the tag list
(/tags/, each tag with what it marks and its count).

Our own pages rather than Material's tags plugin: its single listing of every tagged page grew
with the catalog (1 MB at 4,000 practices). The tags a practice may carry are the records in
reference/tags/, which ``catalog check`` enforces like any other reference.
"""

from __future__ import annotations

from collections.abc import Iterator

from govcat.model.catalog import Catalog
from govcat.site.generate import searchmeta
from govcat.site.generate.addresses import index_uri, page_uri
from govcat.site.generate.frontmatter import NAVIGATION_AND_TOC, front_matter, listing_front_matter
from govcat.site.generate.outputs import Page
from govcat.site.generate.paging import page_sizes, paginate
from govcat.site.generate.places import by_place
from govcat.site.generate.searchmeta import LIST_PAGE


def pages(catalog: Catalog) -> Iterator[Page]:
    for tag in catalog.all("tag"):
        practices = by_place(catalog, catalog.referring("tag", tag["id"], "practice"))
        for listing in paginate(page_uri("tag", tag["id"]), practices, page_sizes().table):
            yield Page(
                listing.uri,
                "tag.md.j2",
                {"record": tag, "listing": listing, "practices": catalog.each("practice", listing.items)},
                listing_front_matter(listing, NAVIGATION_AND_TOC, searchmeta.record(catalog, "tag", tag)),
            )
    yield Page(
        index_uri("tag"),
        "tags.md.j2",
        {
            "tags": [(tag, len(catalog.referring("tag", tag["id"], "practice"))) for tag in catalog.all("tag")],
        },
        front_matter(NAVIGATION_AND_TOC, LIST_PAGE),
    )
