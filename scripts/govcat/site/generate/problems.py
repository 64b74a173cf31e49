"""Problem pages (/problems/<id>/): a difficulty cadres meet, quoted from its source, with the
practices that address it side by side (what each does, the standards it applies, its figures);
and the list of problems (/problems/, “我要解决的问题”), for a reader who starts from the problem.

The link is written once, on the practice (``problems:``); a problem's practices are the
practices naming it, found through ``Catalog.referring``.
"""

from __future__ import annotations

from collections.abc import Iterator

from govcat.model.catalog import Catalog
from govcat.site.generate import searchmeta
from govcat.site.generate.addresses import index_uri, page_uri
from govcat.site.generate.frontmatter import NAVIGATION_AND_TOC, listing_front_matter
from govcat.site.generate.outputs import Page
from govcat.site.generate.paging import page_sizes, paginate
from govcat.site.generate.places import by_place
from govcat.site.generate.results import families
from govcat.site.generate.searchmeta import LIST_PAGE
from govcat.site.generate.themes import table_context


def practices_addressing(catalog: Catalog, problem_id: str) -> list[str]:
    """The practices that name the problem, in place order."""
    return by_place(catalog, catalog.referring("problem", problem_id, "practice"))


def pages(catalog: Catalog) -> Iterator[Page]:
    for problem in catalog.all("problem"):
        groups = families(catalog, practices_addressing(catalog, problem["id"]))
        for listing in paginate(page_uri("problem", problem["id"]), groups, page_sizes().table):
            yield Page(
                listing.uri,
                "problem.md.j2",
                {"problem": problem, **table_context(catalog, listing)},
                listing_front_matter(listing, NAVIGATION_AND_TOC, searchmeta.record(catalog, "problem", problem)),
            )
    for index_page in paginate(index_uri("problem"), catalog.ids("problem"), page_sizes().links):
        yield Page(
            index_page.uri,
            "problems.md.j2",
            {
                "listing": index_page,
                "problems": [
                    (catalog.get("problem", p), len(catalog.referring("problem", p, "practice")))
                    for p in index_page.items
                ],
            },
            listing_front_matter(index_page, NAVIGATION_AND_TOC, LIST_PAGE),
        )


def most_addressed(catalog: Catalog, count: int) -> list[str]:
    """The ``count`` problems with the most practices (then by id): the home page's few."""
    ids = catalog.ids("problem")
    return sorted(ids, key=lambda p: (-len(catalog.referring("problem", p, "practice")), p))[:count]
