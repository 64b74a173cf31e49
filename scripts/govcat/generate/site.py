"""What every page generator shares: page addresses, display names and template helpers.

``page_uri`` is the one rule turning a record id into a page path, and therefore into its URL
(``practices/<id>.md`` is served at ``/practices/<id>/``); ``theme_place_uri`` and
``metrics_uri`` are the rules for the listings by place. Links are made only through them (and,
for the further pages of a listing, through ``paging.page_path``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any
from urllib.parse import quote

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from ..catalog import DATE_FIELDS, LEVEL_LABELS, Catalog, metric_text, term_names
from ..layout import KINDS, Project
from ..records import record_paths
from .places import place_name
from .render import escape_characters, inline, normalise_lines, paragraphs, relative_url


@dataclass(frozen=True)
class Page:
    """One Markdown page to write: its path below the generated docs folder and how to render it."""

    uri: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)  # front matter (see frontmatter.py)


@dataclass(frozen=True)
class RawFile:
    """A file copied into the site as it is (data downloads, data for scripts)."""

    uri: str
    text: str


@dataclass(frozen=True)
class BinaryFile:
    """A file of bytes copied into the site as it is (Word documents)."""

    uri: str
    data: bytes


def page_uri(kind: str, record_id: str) -> str:
    return f"{KINDS[kind].section}/{record_id}.md"


INDEX_PAGES = {"term": "glossary/index.md"}  # the list of terms is the glossary
METRICS_SECTION = "metrics"


def theme_place_uri(theme_id: str, place_id: str) -> str:
    """The practices of one theme in one place (see ``places``): themes/<theme>/<place>.md."""
    return f"{KINDS['theme'].section}/{theme_id}/{place_id}.md"


def metrics_uri(place_id: str | None = None) -> str:
    """The metrics overview, or the metrics of one place's practices: metrics/<place>.md."""
    return f"{METRICS_SECTION}/{'index' if place_id is None else place_id}.md"


def index_uri(kind: str) -> str:
    return INDEX_PAGES.get(kind, f"{KINDS[kind].section}/index.md")


def record_pages(project: Project) -> dict[str, str]:
    """Page path -> the record file it is made from (as editors see it), for the edit links."""
    return {page_uri(kind.name, path.stem): project.relative(path) for kind, path in record_paths(project)}


def page_dates(catalog: Catalog) -> dict[str, str]:
    """Page path -> the date its record gives: a practice's last review, a source's publication,
    a policy's date. The sitemap shows these instead of the day of the build."""
    return {page_uri(kind, record["id"]): record[field]
            for kind, field in DATE_FIELDS.items() for record in catalog.all(kind) if field in record}


def display_name(kind: str, data: dict[str, Any]) -> str:
    """How a record is named in links and headings."""
    if kind == "practice":
        return data["title"]
    if kind == "policy" and data.get("title_basis") == "editor":
        return f"{data['title']}（编者拟定）"  # not the document's own title: no title marks
    if kind == "policy":
        return f"《{data['title']}》"
    if kind == "source":
        return f"{data['publisher']}：{data['title']}"
    return data["name"]


def short_name(kind: str, data: dict[str, Any]) -> str:
    """A shorter name for tables: a practice's short title when it has one."""
    if kind == "practice":
        return data.get("short_title", data["title"])
    return display_name(kind, data)


def external_link(url: str) -> Markup:
    """A link to an http(s) address (the schema allows no other scheme): the address is
    percent-encoded so nothing in it can close the link or start markup; the text is escaped."""
    target = quote(url, safe="/:?#@!$&*+,;=%~-._")
    return Markup(f"[{inline(url)}]({target})")


class Helpers:
    """Functions templates call; each knows the catalog and, through Jinja's context, the page."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    def globals(self) -> dict[str, Any]:
        return {
            "catalog": self.catalog,
            "level_label": LEVEL_LABELS.__getitem__,
            "name": self.name,
            "short": self.short,
            "link": self.link,
            "short_link": self.short_link,
            "index_link": self.index_link,
            "page_link": self.page_link,
            "url": self.url,
            "href": self.href,
            "place_name": lambda place_id: place_name(self.catalog, place_id),
            "kind_label": lambda kind: KINDS[kind].label,
            "record_file": lambda kind, record_id: self.catalog.records[kind][record_id].display_path,
            "metric_text": metric_text,
            "prose": self.prose,
            "external_link": external_link,
        }

    @cached_property
    def term_by_name(self) -> dict[str, str]:
        return {name: term["id"] for term in self.catalog.all("term") for name in term_names(term)}

    @cached_property
    def term_pattern(self) -> re.Pattern[str] | None:
        names = sorted(self.term_by_name, key=lambda n: (-len(n), n))  # longest first
        return re.compile("|".join(map(re.escape, names))) if names else None

    @pass_context
    def prose(self, context: Context, text: str) -> Markup:
        """Paragraphs of record text; the first mention of each term on the page links to it,
        with the definition as a tooltip."""
        linked: set[str] = context["linked_terms"]
        text = normalise_lines(text)
        pieces: list[str] = []
        done = 0
        for match in self.term_pattern.finditer(text) if self.term_pattern else ():
            term_id = self.term_by_name[match.group()]
            if term_id in linked:
                continue
            linked.add(term_id)
            definition = " ".join(self.catalog.get("term", term_id)["definition"].replace('"', "＂").split())
            target = relative_url(context["page_uri"], page_uri("term", term_id))
            pieces += [escape_characters(text[done:match.start()]), f'[{inline(match.group())}]({target} "{definition}")']
            done = match.end()
        pieces.append(escape_characters(text[done:]))
        return paragraphs(Markup("".join(pieces)))

    def name(self, kind: str, record_id: str) -> str:
        return display_name(kind, self.catalog.get(kind, record_id))

    def short(self, kind: str, record_id: str) -> str:
        return short_name(kind, self.catalog.get(kind, record_id))

    @pass_context
    def url(self, context: Context, kind: str, record_id: str) -> Markup:
        """A relative link target to a record's page."""
        return self.href(context, page_uri(kind, record_id))

    @pass_context
    def link(self, context: Context, kind: str, record_id: str) -> Markup:
        return markdown_link(context, self.name(kind, record_id), page_uri(kind, record_id))

    @pass_context
    def short_link(self, context: Context, kind: str, record_id: str) -> Markup:
        return markdown_link(context, self.short(kind, record_id), page_uri(kind, record_id))

    @pass_context
    def index_link(self, context: Context, kind: str, text: str) -> Markup:
        return markdown_link(context, text, index_uri(kind))

    @pass_context
    def page_link(self, context: Context, text: str, uri: str) -> Markup:
        """A link to a generated page that is not a record's (a listing's page, a theme in a city)."""
        return markdown_link(context, text, uri)

    @pass_context
    def href(self, context: Context, uri: str) -> Markup:
        """A relative link target to a generated page; paths are made of ids, so need no escaping."""
        return Markup(relative_url(context["page_uri"], uri))


def markdown_link(context: Context, text: str, uri: str) -> Markup:
    """A Markdown link from the page being rendered to the page at ``uri``, its text escaped."""
    return Markup(f"[{inline(text)}]({relative_url(context['page_uri'], uri)})")
