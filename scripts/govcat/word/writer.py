"""The XML of Word documents, written from the Jinja2 templates in ``templates/``: a piece per
practice, the front of a compilation (a theme's or the compare page's) and the package of
record-independent parts (see ``package`` for how they become a document).

Templates run with StrictUndefined and autoescaping on: every record value is XML-escaped, and
characters XML cannot hold are dropped, so record text can only ever be the text of a ``w:t``
element, never markup or a field (text such as ``{ PAGE }`` stays text; the only field is the
page number in our own footers). On the 2-core development machine this takes about 3 ms a
practice, zip included; python-docx needs about 22 ms for a document of that size (and has no
footnotes), which at 1,000 practices and their theme compilations would break the build-time
budget. The tests read the documents back with python-docx.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from govcat.model.catalog import LEVEL_LABELS, Catalog, metric_text
from govcat.model.dates import chinese_date, newest
from govcat.model.names import display_name, policy_groups, short_name
from govcat.word.estimate import estimated_pages
from govcat.word.layout import FONTS, LANDSCAPE, LAYOUT, METRIC_COLUMNS, ROW_COLUMNS, TYPE, WIDE_ROW_COLUMNS, Layout
from govcat.word.package import (
    COMPARE_TITLE,
    OUTLINE_CHAPTERS,
    OUTLINE_TITLE,
    Front,
    OutlinePart,
    Package,
    Piece,
    slot,
    theme_outline_title,
    theme_title,
)
from govcat.word.text import (
    blocks,
    book_title,
    chinese_number,
    ends_sentence,
    numbered,
    one_line,
    quoted,
    sentence_end,
    title_lines,
    xml_text,
)

TEMPLATES = Path(__file__).resolve().parent / "templates"

CATALOG_NAME = "基层治理实践库"
COMPILER_VARIABLE = "CATALOG_COMPILER"  # the 编印单位 a publisher names under a compilation's title
HEADLINE_METRICS = 3

# The parts of a .docx in the order they are written, with the template each is made from.
PARTS: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("[Content_Types].xml", "content-types.xml.j2", {}),
    ("_rels/.rels", "package-rels.xml.j2", {}),
    ("docProps/app.xml", "app.xml.j2", {}),
    ("docProps/core.xml", "core.xml.j2", {}),
    ("word/document.xml", "document.xml.j2", {}),
    ("word/_rels/document.xml.rels", "document-rels.xml.j2", {}),
    ("word/styles.xml", "styles.xml.j2", {}),
    ("word/settings.xml", "settings.xml.j2", {}),
    ("word/fontTable.xml", "font-table.xml.j2", {}),
    ("word/footnotes.xml", "footnotes.xml.j2", {}),
    ("word/footer1.xml", "footer.xml.j2", {"odd": True}),
    ("word/footer2.xml", "footer.xml.j2", {"odd": False}),
)


def compact_source(source: str) -> str:
    """A template without the line breaks and indentation that only make it readable."""
    return re.sub(r"\n[ \t]*", "", source)


class CompactLoader(FileSystemLoader):
    """Loads the templates compacted (``compact_source``), so that the XML has no stray whitespace."""

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        return compact_source(source), filename, uptodate


def make_environment() -> Environment:
    """The Jinja environment of the templates, with the layout and the text rules they call."""
    env = Environment(
        loader=CompactLoader(TEMPLATES),
        undefined=StrictUndefined,
        autoescape=True,
        finalize=xml_text,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.globals.update(
        slot=slot,
        layout=LAYOUT,
        type=TYPE,
        fonts=FONTS,
        catalog_name=CATALOG_NAME,
        metric_columns=METRIC_COLUMNS,
        row_columns=ROW_COLUMNS,
        wide_row_columns=WIDE_ROW_COLUMNS,
        level_label=LEVEL_LABELS.__getitem__,
        metric_text=metric_text,
        blocks=blocks,
        one_line=one_line,
        numbered=numbered,
        title_lines=title_lines,
        sentence_end=sentence_end,
        chinese_number=chinese_number,
        quoted=quoted,
        ends_sentence=ends_sentence,
        bookmark=lambda: Markup(f"_Practice{slot('n')}"),
        short_name=lambda data: short_name("practice", data),
    )
    env.filters["one_line"] = one_line
    return env


@dataclass
class _PieceState:
    """What rendering one practice collects: the citations of each note in order of reference, and
    how many headings it has numbered."""

    notes: list[list[dict[str, Any]]] = field(default_factory=list)
    headings: int = 0

    def note(self, citations: list[dict[str, Any]]) -> Markup:
        self.notes.append(citations)
        return slot(str(len(self.notes) - 1))

    def heading(self, text: str) -> str:
        self.headings += 1
        return f"{chinese_number(self.headings)}、{text}"


class Writer:
    """Pieces, fronts and the package for one catalog, from the templates in ``templates/``."""

    def __init__(self, catalog: Catalog, compiler: str | None = None) -> None:
        """``compiler``: the 编印单位 under a compilation's title (default: ``$CATALOG_COMPILER``, or
        the catalog's name)."""
        self.catalog = catalog
        self.env = make_environment()
        self.env.globals.update(
            catalog=catalog,
            compiler=compiler or os.environ.get(COMPILER_VARIABLE, "").strip() or CATALOG_NAME,
            source_line=self.source_line,
            place=self.place,
            short_place=self.short_place,
            names=self.names,
            name=self.name,
            policy_line=self.policy_line,
            policy_groups=lambda policy_ids: policy_groups(catalog, policy_ids),
            headline_metrics=self.headline_metrics,
        )

    # ---- helpers the templates call ----

    def name(self, kind: str, record_id: str) -> str:
        return display_name(kind, self.catalog.get(kind, record_id))

    def names(self, kind: str, ids: Sequence[str]) -> list[str]:
        return [self.name(kind, i) for i in ids]

    def place(self, region_id: str) -> str:
        """河南省鹤壁市鹤山区: the region with all the regions above it, as an address is written."""
        return "".join(self.names("region", self.catalog.region_chain(region_id)))

    def short_place(self, region_id: str) -> str:
        """The place without its province (unless it is one), for a narrow table column."""
        chain = self.catalog.region_chain(region_id)
        return "".join(self.names("region", chain[1:] or chain))

    def policy_line(self, policy_id: str) -> str:
        policy = self.catalog.get("policy", policy_id)
        details = [policy[f] for f in ("issuer", "doc_number") if f in policy]
        details += [chinese_date(policy["date"])] if "date" in policy else []
        return self.name("policy", policy_id) + (f"（{'，'.join(details)}）" if details else "")

    def source_line(self, source_id: str, titled: bool = True) -> str:
        """中国社区报《标题》，2024年8月5日: an article in a 资料来源 list (without its title: in a note)."""
        source = self.catalog.get("source", source_id)
        title = book_title(source["title"]) if titled else ""
        return f"{source['publisher']}{title}，{chinese_date(source['published'])}"

    def note_parts(
        self, citations: list[dict[str, Any]], sources: list[str], in_outline: bool
    ) -> list[tuple[list[str], str]]:
        """The quotes of one note grouped by the article they are from, each with the words that
        say which article, where the practice quotes several: its number in the practice's 资料来源
        (（来源2）), or in an outline, whose list gathers all practices' articles, the article's
        publisher and date (——中国社区报，2024年8月5日)."""
        quotes: dict[str, list[str]] = {}
        for citation in citations:
            quotes.setdefault(citation["source"], []).append(one_line(citation["quote"]))
        if len(sources) == 1:
            return [(said, "") for said in quotes.values()]
        if in_outline:
            return [(said, f"——{self.source_line(s, titled=False)}") for s, said in quotes.items()]
        return [(said, f"（来源{sources.index(s) + 1}）") for s, said in quotes.items()]

    def headline_metrics(self, practice: dict[str, Any]) -> list[str]:
        return [f"{one_line(m['indicator'])}：{metric_text(m)}" for m in practice.get("metrics", [])[:HEADLINE_METRICS]]

    # ---- what documents are made of ----

    def render(self, template: str, **context: Any) -> str:
        return self.env.get_template(template).render(**context)

    def newest_date(self, practice: dict[str, Any]) -> str:
        dates = [practice["last_reviewed"]]
        dates += [self.catalog.get("source", c["source"])["published"] for c in practice["sources"]]
        dates += [self.catalog.get("policy", p).get("date", "") for p in practice.get("policies", [])]
        return newest(dates)

    def piece(self, practice_id: str) -> Piece:
        practice = self.catalog.get("practice", practice_id)
        state = _PieceState()
        sources = cited_sources(practice)
        body = self.render(
            "practice.xml.j2",
            practice=practice,
            note=state.note,
            heading=state.heading,
            terms=self.catalog.practice_terms.get(practice_id, []),
            sources=sources,
        )
        notes = [self.note_text(citations, sources) for citations in state.notes]
        date = self.newest_date(practice)
        return Piece(
            practice_id,
            short_name("practice", practice),
            date,
            chinese_date(date),
            self.render("row.xml.j2", practice=practice, widths=ROW_COLUMNS),
            body,
            notes,
            self.render("contents-entry.xml.j2", title=practice["title"]),
            estimated_pages(body, notes),
            [self.outline_part(practice, part, sources) for part in OUTLINE_CHAPTERS],
            self.render("row.xml.j2", practice=practice, widths=WIDE_ROW_COLUMNS),
            [self.render("source-item.xml.j2", line=self.source_line(s)) for s in sources],
        )

    @cached_property
    def note_macro(self) -> Callable[[list[tuple[list[str], str]]], str]:
        """The macro that writes a note's text (made once: a template's module is costly)."""
        note: Callable[[list[tuple[list[str], str]]], str] = self.env.get_template("note.xml.j2").module.note  # type: ignore[attr-defined]
        return note

    def note_text(self, citations: list[dict[str, Any]], sources: list[str], in_outline: bool = False) -> str:
        return str(self.note_macro(self.note_parts(citations, sources, in_outline)))

    def outline_part(self, practice: dict[str, Any], part: str, sources: list[str]) -> OutlinePart:
        """The practice's part of the outline's chapter ``part`` (one of ``OUTLINE_CHAPTERS``)."""
        state = _PieceState()
        xml = self.render("outline-piece.xml.j2", practice=practice, part=part, note=state.note)
        return OutlinePart(xml, [self.note_text(citations, sources, True) for citations in state.notes])

    def front(self, title: str, foreword: str | None) -> Front:
        return Front(title, self.render("front.xml.j2", title=title, foreword=foreword))

    def theme_front(self, theme_id: str) -> Front:
        theme = self.catalog.get("theme", theme_id)
        return self.front(theme_title(theme), theme["description"])

    def compare_front(self) -> Front:
        return self.front(COMPARE_TITLE, None)

    def outline_front(self, title: str = OUTLINE_TITLE) -> Front:
        """The outline of a selection (the compare page's, or ``catalog export --outline``)."""
        return Front(title, self.render("outline.xml.j2", title=title))

    def theme_outline_front(self, theme_id: str) -> Front:
        return self.outline_front(theme_outline_title(self.catalog.get("theme", theme_id)))

    def package(self) -> Package:
        parts = tuple((name, self.render(template, **extra)) for name, template, extra in PARTS)
        return Package(
            parts,
            self.render("note-parts.xml.j2", reference=True),
            self.render("note-parts.xml.j2", reference=False),
            self.render("closing.xml.j2"),
            self.render("contents.xml.j2"),
            self.section(LAYOUT),
            self.render("appendix.xml.j2"),
            self.section(LANDSCAPE),
        )

    def section(self, page: Layout) -> str:
        macro = self.env.get_template("_blocks.xml.j2").module.section  # type: ignore[attr-defined]
        return str(macro(page))


def cited_sources(practice: dict[str, Any]) -> list[str]:
    """The articles a practice quotes, in the order its document first cites them."""
    citations = list(practice["sources"])
    for measure in practice["measures"]:
        citations += measure.get("citations", [])
    citations += [metric["citation"] for metric in practice.get("metrics", [])]
    return list(dict.fromkeys(citation["source"] for citation in citations))
