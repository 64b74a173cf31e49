"""The Atom feed of new and changed practices (/feed.xml, RFC 4287): the entries of /updates/,
written by ``updates`` with it, each saying what changed (``changes``).

Its links are relative to the feed itself, which stands at the root of the site (Atom resolves
them against the feed's address, ``xml:base`` being that address unless set): the same file
works at a host's root, under a sub-path and, with links to ``.html`` files, in the offline
bundle opened from a folder. Where the site's address is known (``Project.site_url``),
``xml:base`` names it, so that a copy of the feed read elsewhere still finds the pages. Ids are
``urn:uuid`` names made from the practice's id, so they stay the same when the site moves; dates
are the days of the events (RFC 3339, midnight UTC), never the time of the build.
"""

from __future__ import annotations

import uuid
from xml.sax.saxutils import escape, quoteattr

from govcat.model.catalog import Catalog
from govcat.site.generate.addresses import FEED, page_uri

FEED_TITLE = "基层治理实践库：最近更新的做法"
AUTHOR = "基层治理实践库编辑组"
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "govcat:基层治理实践库")
EMPTY_FEED_DAY = "2024-01-01"  # the feed's date while no practice has one (a catalog without practices)
CATALOG_ID = f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, 'catalog')}"


def published_path(uri: str, directory_urls: bool) -> str:
    """Where a generated page is served, relative to the site's root: ``practices/x/``, or the file
    ``practices/x.html`` where pages are files."""
    path = uri.removesuffix(".md")
    return f"{path}.html" if not directory_urls else f"{path}/"


def timestamp(day: str) -> str:
    """A day as an RFC 3339 date-time: midnight UTC."""
    return f"{day}T00:00:00Z"


def entry(catalog: Catalog, day: str, event: str, practice_id: str, change: str) -> str:
    practice = catalog.get("practice", practice_id)
    link = published_path(page_uri("practice", practice_id), catalog.project.directory_urls)
    summary = f"{event}：{change}。{practice['summary']}"
    return (
        "  <entry>\n"
        f"    <id>urn:uuid:{uuid.uuid5(ID_NAMESPACE, 'practice:' + practice_id)}</id>\n"
        f"    <title>{escape(practice['title'])}</title>\n"
        f'    <link rel="alternate" type="text/html" href={quoteattr(link)}/>\n'
        f"    <updated>{timestamp(day)}</updated>\n"
        f"    <summary>{escape(summary)}</summary>\n"
        "  </entry>\n"
    )


def feed_text(catalog: Catalog, shown: list[tuple[str, str, str, str]]) -> str:
    """The feed of ``shown`` ((day, event, practice id, what changed), newest first)."""
    project = catalog.project
    base = f" xml:base={quoteattr(project.site_url)}" if project.site_url else ""
    home = "index.html" if not project.directory_urls else "./"
    updates_page = published_path("updates.md", project.directory_urls)
    newest = max((day for day, *_ in shown), default=EMPTY_FEED_DAY)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN"{base}>\n'
        f"  <id>{CATALOG_ID}</id>\n"
        f"  <title>{escape(FEED_TITLE)}</title>\n"
        f"  <updated>{timestamp(newest)}</updated>\n"
        f"  <author><name>{escape(AUTHOR)}</name></author>\n"
        f'  <link rel="self" type="application/atom+xml" href="{FEED}"/>\n'
        f'  <link rel="alternate" type="text/html" href={quoteattr(updates_page)}/>\n'
        f'  <link rel="related" type="text/html" href={quoteattr(home)}/>\n'
        + "".join(entry(catalog, *update) for update in shown)
        + "</feed>\n"
    )
