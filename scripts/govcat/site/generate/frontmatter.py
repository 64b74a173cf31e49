"""The front matter of generated pages, decided in Python and written before the template's text.

Its keys: ``hide`` (which of Material's sidebars a page does without), ``search`` (what the site
search learns about the page: see ``searchmeta``), ``scripts`` (the site's scripts that only this
page needs, which ``overrides/main.html`` adds to the page), ``record`` (the record file a page is
made from, as editors see it, for the edit link; null on pages made from many), ``updated`` (the
date its record gives, else the newest record date: the sitemap's ``<lastmod>``, never the day of
the build) and ``data_as_of`` (the newest record date of the whole catalog, which the footer shows
as the date the data are current to; hand-written pages get it from the plugin or the docs tree,
see ``hand_written_front_matter``). The page templates in overrides/ read the last four, so every
engine shows them.
Values are written as JSON, which YAML reads as it is, so nothing in a record name can break the
front matter; a page without any key has no front matter at all (Zensical refuses an empty one).
"""

from __future__ import annotations

import json
from typing import Any

from govcat.site.generate.paging import ListingPage
from govcat.site.generate.searchmeta import LATER_PAGE

NAVIGATION = ("navigation",)
NAVIGATION_AND_TOC = ("navigation", "toc")


def front_matter(
    hide: tuple[str, ...] = (), search: dict[str, Any] | None = None, scripts: tuple[str, ...] = ()
) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    if hide:
        meta["hide"] = list(hide)
    if search:
        meta["search"] = search
    if scripts:
        meta["scripts"] = list(scripts)
    return meta


def listing_front_matter(listing: ListingPage[Any], hide: tuple[str, ...], search: dict[str, Any]) -> dict[str, Any]:
    """Page 1 of a listing stands for it in search with ``search``; later pages are left out."""
    return front_matter(hide, search if listing.number == 1 else LATER_PAGE)


def front_matter_text(meta: dict[str, Any]) -> str:
    if not meta:
        return ""
    return (
        "---\n"
        + "".join(f"{key}: {json.dumps(value, ensure_ascii=False, sort_keys=True)}\n" for key, value in meta.items())
        + "---\n"
    )


def page_facts(record: str | None, updated: str | None, data_as_of: str | None) -> dict[str, Any]:
    """The edit link's file, the sitemap's date and the footer's date of a generated page (see the
    module's note)."""
    facts: dict[str, Any] = {"record": record}
    if updated is not None:
        facts["updated"] = updated
    if data_as_of is not None:
        facts["data_as_of"] = data_as_of
    return facts


def hand_written_front_matter(text: str, data_as_of: str | None) -> str:
    """A hand-written page's Markdown with ``data_as_of`` added to its front matter (one made for
    it when it has none), for an engine that reads the docs tree and runs no plugin."""
    if data_as_of is None:
        return text
    line = f"data_as_of: {json.dumps(data_as_of)}\n"
    if text.startswith("---\n"):
        return "---\n" + line + text.removeprefix("---\n")
    return "---\n" + line + "---\n" + text
