"""“引用本条”: how to cite a record's page and the sources it quotes, in the form of GB/T
7714—2015 (《信息与文献 参考文献著录规则》), for a practice's, a standard's or a policy's page and
for the data downloads.

A page is cited as an entry of a database on the web ([DB/OL]) with the date the record gives
(a practice's review, a policy's date) as its 更新日期, and its address at the publisher's site
(``Project.site_url``). Without an address (``catalog build``, the offline bundle) the entry has
none and says so, since a guessed one would be wrong. A source is cited as a newspaper article
([N], or [N/OL] with its address). The 引用日期 is the reader's own, the day they read the page:
it stays a blank for them to fill, so that pages do not change with the day of the build.
"""

from __future__ import annotations

from typing import Any

from govcat.layout import KINDS, Project
from govcat.model.catalog import Catalog, citations
from govcat.site.generate.addresses import page_uri

CATALOG_NAME = "基层治理实践库"
CITED_KINDS = ("practice", "standard", "policy")
TITLE_FIELDS = {"practice": "title", "standard": "name", "policy": "title"}
DATE_FIELDS = {"practice": "last_reviewed", "policy": "date"}
ACCESS_DATE = "引用日期"
EDITOR_TITLE = "（编者拟定）"
NO_ADDRESS = "（本站没有设定发布地址，引文中缺少本页的网址：请补上您打开本页所用的网址。）"
MOST_AUTHORS = 3  # GB/T 7714: the first three, then “等”


def page_address(project: Project, uri: str) -> str | None:
    """The page's address at the publisher's site (``practices/x.md`` -> ``<site>/practices/x/``);
    None when the site's address is not known."""
    if not project.site_url:
        return None
    return f"{project.site_url.rstrip('/')}/{uri.removesuffix('.md')}/"


def record_citation(project: Project, kind: str, record: dict[str, Any], uri: str) -> str:
    """The page of a record as GB/T 7714 cites a database entry on the web."""
    date = record.get(DATE_FIELDS.get(kind, ""), "")
    updated = f"({date})" if date else ""
    address = page_address(project, uri)
    where = f" {address}." if address else ""
    return f"{CATALOG_NAME}. {cited_title(kind, record)}[DB/OL]. {updated}[{ACCESS_DATE}].{where}"


def cited_title(kind: str, record: dict[str, Any]) -> str:
    """The record's title, marked as the page marks it when the editors made it up."""
    title: str = record[TITLE_FIELDS[kind]]
    return f"{title}{EDITOR_TITLE}" if record.get("title_basis") == "editor" else title


def source_citation(source: dict[str, Any]) -> str:
    """A stored source as GB/T 7714 cites a newspaper article (online when it has an address)."""
    authors = source.get("authors", [])
    names = ", ".join(authors[:MOST_AUTHORS]) + (", 等" if len(authors) > MOST_AUTHORS else "")
    lead = f"{names}. " if names else ""
    if source.get("url"):
        return f"{lead}{source['title']}[N/OL]. {source['publisher']}, {source['published']}[{ACCESS_DATE}]. {source['url']}."
    return f"{lead}{source['title']}[N]. {source['publisher']}, {source['published']}."


def citations_by_kind(catalog: Catalog) -> dict[str, dict[str, str]]:
    """Section (practices, standards, policies) -> record id -> its page's entry: for the downloads."""
    return {
        KINDS[kind].section: {
            record["id"]: record_citation(catalog.project, kind, record, page_uri(kind, record["id"]))
            for record in catalog.all(kind)
        }
        for kind in CITED_KINDS
    }


def cited_sources(catalog: Catalog, kind: str, record_id: str) -> list[str]:
    """The sources a record quotes, in the order it first quotes them."""
    found = (c.get("source") for _, c in citations(catalog.records[kind][record_id]))
    return list(dict.fromkeys(s for s in found if isinstance(s, str)))


def citation_context(catalog: Catalog, kind: str, record: dict[str, Any], uri: str) -> dict[str, Any]:
    """What a page's “引用本条” section shows: the page's entry, its sources' entries, and the
    note when the page has no address."""
    project = catalog.project
    return {
        "page": record_citation(project, kind, record, uri),
        "sources": [source_citation(catalog.get("source", s)) for s in cited_sources(catalog, kind, record["id"])],
        "no_address": None if project.site_url else NO_ADDRESS,
    }
