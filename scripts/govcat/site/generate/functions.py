"""The functions and filters templates call, on top of the context each page generator builds.

A template gets its page's data from its generator (the template's opening comment lists it) and
turns ids into links and names through these functions, which know the catalog and, through
Jinja's context, the page being rendered: every link is relative to that page and made from a
path of ``addresses``. Record text passes through ``render.escape`` on its way out, so nothing
here ever turns it into markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property
from typing import Any
from urllib.parse import quote

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from govcat.layout import KINDS
from govcat.model.catalog import LEVEL_LABELS, Catalog, metric_text, term_names
from govcat.model.dates import chinese_date
from govcat.model.names import display_name, policy_groups, short_name
from govcat.site.generate.addresses import index_uri, page_uri
from govcat.site.generate.places import place_name
from govcat.site.generate.render import (
    escape,
    escape_characters,
    inline,
    normalise_lines,
    paragraphs,
    relative_url,
    slug,
)
from govcat.site.generate.results import NO_FIGURES


def external_link(url: str) -> Markup:
    """A link to an http(s) address (the schema allows no other scheme): the address is
    percent-encoded so nothing in it can close the link or start markup; the text is escaped."""
    target = quote(url, safe="/:?#@!$&*+,;=%~-._")
    return Markup(f"[{inline(url)}]({target})")


def joined(items: Iterable[Any], separator: str, empty: str = "") -> Markup:
    """The items on one line with ``separator`` between them (text escaped, links kept as they
    are); ``empty`` when there are none."""
    parts = [inline(item) for item in items]
    return Markup(escape_characters(separator).join(parts)) if parts else inline(empty)


def anchor(text: str) -> Markup:
    """A link to the heading with this text on the same page."""
    return Markup(f"[{inline(text)}](#{slug(text)})")


def metric_line(metric: dict[str, Any]) -> Markup:
    """A figure in bold as the source writes it, then what it measures: **4.9万余人** 参与人数."""
    return Markup(f"**{escape(metric_text(metric))}** {inline(metric['indicator'])}")


class TemplateFunctions:
    """The functions every page template may call; each knows the catalog and, through Jinja's
    context, the page being rendered."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    def globals(self) -> dict[str, Any]:
        return {
            "level_label": LEVEL_LABELS.__getitem__,
            "name": self.name,
            "names": self.names,
            "short": self.short,
            "link": self.link,
            "links": self.links,
            "short_link": self.short_link,
            "short_links": self.short_links,
            "row_link": self.row_link,
            "index_link": self.index_link,
            "page_link": self.page_link,
            "url": self.url,
            "href": self.href,
            "place_name": lambda place_id: place_name(self.catalog, place_id),
            "kind_label": lambda kind: KINDS[kind].label,
            "metric_text": metric_text,
            "no_figures": NO_FIGURES,
            "prose": self.prose,
            "external_link": external_link,
            "date": chinese_date,
            "policy_groups": lambda policy_ids: policy_groups(self.catalog, policy_ids),
        }

    @staticmethod
    def filters() -> dict[str, Any]:
        return {"joined": joined, "anchor": anchor, "metric_line": metric_line}

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
            pieces += [
                escape_characters(text[done : match.start()]),
                f'[{inline(match.group())}]({target} "{definition}")',
            ]
            done = match.end()
        pieces.append(escape_characters(text[done:]))
        return paragraphs(Markup("".join(pieces)))

    def name(self, kind: str, record_id: str) -> str:
        return display_name(kind, self.catalog.get(kind, record_id))

    def names(self, kind: str, record_ids: Iterable[str]) -> list[str]:
        return [self.name(kind, record_id) for record_id in record_ids]

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
    def links(self, context: Context, kind: str, record_ids: Iterable[str]) -> list[Markup]:
        """A link to each record's page (for ``joined``)."""
        return [self.link(context, kind, record_id) for record_id in record_ids]

    @pass_context
    def short_link(self, context: Context, kind: str, record_id: str) -> Markup:
        return markdown_link(context, self.short(kind, record_id), page_uri(kind, record_id))

    def row_title(self, practice_id: str) -> str:
        """A practice's full title as a table row that names its place shows it: without the
        place that opens it (“郑州市：”, “三门峡市灵宝市焦村镇姚家城村：”) when that is the
        practice's region, which the row shows; otherwise whole."""
        practice = self.catalog.get("practice", practice_id)
        title: str = practice["title"]
        place, colon, rest = title.partition("：")
        names = [self.catalog.get("region", r)["name"] for r in self.catalog.region_chain(practice["region"])]
        return rest if colon and rest and place in ("".join(names), "".join(names[1:])) else title

    @pass_context
    def row_link(self, context: Context, practice_id: str) -> Markup:
        """A link to a practice's page titled ``row_title``, for tables."""
        return markdown_link(context, self.row_title(practice_id), page_uri("practice", practice_id))

    @pass_context
    def short_links(self, context: Context, kind: str, record_ids: Iterable[str]) -> list[Markup]:
        return [self.short_link(context, kind, record_id) for record_id in record_ids]

    @pass_context
    def index_link(self, context: Context, kind: str, text: str) -> Markup:
        return markdown_link(context, text, index_uri(kind))

    @pass_context
    def page_link(self, context: Context, text: str, uri: str) -> Markup:
        """A link to a page that is not a record's (a listing's page, a theme in a city, a data file)."""
        return markdown_link(context, text, uri)

    @pass_context
    def href(self, context: Context, uri: str) -> Markup:
        """A relative link target to a generated page; paths are made of ids, so need no escaping."""
        return Markup(relative_url(context["page_uri"], uri))


def markdown_link(context: Context, text: str, uri: str) -> Markup:
    """A Markdown link from the page being rendered to the page at ``uri``, its text escaped."""
    return Markup(f"[{inline(text)}]({relative_url(context['page_uri'], uri)})")
