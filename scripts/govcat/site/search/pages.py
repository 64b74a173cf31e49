"""Read the pages of a built site into search documents: title, weighted text, search settings.

Only the HTML the engine wrote is read, so the same step serves any engine that keeps Material's
page structure (MkDocs with Material today, Zensical tomorrow). A page's text is its
``<article>``; each piece of text carries the weight of where it stands (title, heading, body,
quoted source text). A page's own settings come from ``<meta name="catalog:search">``, which
``overrides/main.html`` writes from the page's front matter ``search`` mapping:

* ``exclude`` (true: not indexed, e.g. the second and later pages of a listing) and ``boost``
  (list pages 0.5, so that they rank below the records they list), as in Material's search;
* ``kind`` (做法, 地区 … shown with each result and offered as a facet), ``region`` (shown with
  each result), ``facets`` (facet name -> values) and ``names`` (what a practice refers to:
  its regions, themes, terms and standards, so that it ranks for them).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

FACETS = ("kind", "theme", "city", "level", "tag")
OTHER_KIND = "说明"  # the site's own pages (guide, about), as a reader would call them
# Where a piece of text stands decides its weight (see govcat.site.search.index for how it counts).
TITLE, HEADING, BODY, QUOTE, FACTS = "title", "heading", "body", "quote", "facts"
WEIGHTS = {
    "h1": TITLE,
    "h2": HEADING,
    "h3": HEADING,
    "h4": HEADING,
    "h5": HEADING,
    "h6": HEADING,
    "blockquote": QUOTE,
    "details": QUOTE,
}
SKIPPED = frozenset({"script", "style", "template", "svg", "button", "nav", "form"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
# Elements whose edges separate words: text on either side of them never runs together.
BLOCKS = frozenset(
    {"div", "h1", "h2", "h3", "h4", "h5", "h6", "summary", "details", "blockquote", "section", "article"}
    | {"p", "li", "td", "th", "tr", "thead", "tbody", "table", "ul", "ol", "dl", "dd", "dt", "br", "hr"}
)
SKIPPED_ATTRIBUTES = frozenset({"hidden", "data-search-exclude"})
# Permalinks (¶), footnote back-links (↩) and footnote numbers are not text a reader searches.
SKIPPED_CLASSES = frozenset({"headerlink", "footnote-backref", "footnote-ref"})

ARTICLE = re.compile(r"<article\b[^>]*>(.*)</article>", re.DOTALL)
META = re.compile(r"""<meta name="catalog:search" content=(?:'([^']*)'|"([^"]*)")\s*/?>""")
PAGE_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)
# Snippet text is cut into clauses (up to a mark that ends one, a space, or a dash that names a
# quote's source) to leave out what a page repeats; a clause shorter than REPEAT_LENGTH stays.
CLAUSE = re.compile(r".+?(?:[。；！？，]+\s*|\s+|(?=——)|$)", re.DOTALL)
CLAUSE_EDGES = '“”‘’"「」『』—。；！？，：、 '
REPEAT_LENGTH = 4


class PageError(ValueError):
    """A page's search settings cannot be read; the message names the page and the fix."""


@dataclass(frozen=True)
class Settings:
    """A page's search settings (front matter ``search``)."""

    exclude: bool = False
    boost: float = 1.0
    kind: str = OTHER_KIND
    region: str = ""
    facets: dict[str, list[str]] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)


@dataclass
class Document:
    """One page as the index sees it."""

    path: str  # the HTML file below the site root, forward slashes: practices/x/index.html
    title: str
    settings: Settings
    pieces: list[tuple[str, str]]  # (where it stands, text), in page order

    def running_text(self, limit: int) -> str:
        """The page's running text (without its title, headings and facts block), for snippets,
        up to about ``limit`` characters, each clause once: a clause the page has already said
        (a quoted source sentence after the item stating it, the source's title after every
        quote) is left out, and so is a quote with nothing new but its label (原文)."""
        said: list[str] = []
        length = 0
        for where, text in self.pieces:
            if where not in (BODY, QUOTE) or length >= limit:
                continue
            clauses = CLAUSE.findall(" ".join(text.split()))
            before = " ".join(said)
            new = [c for c in clauses if not said_before(c, before)]
            if len(new) < len(clauses) and all(len(core(c)) < REPEAT_LENGTH for c in new):
                continue
            piece = "".join(new).strip()
            if piece:
                said.append(piece)
                length += len(piece) + 1
        return " ".join(said)


def core(clause: str) -> str:
    """A clause without the punctuation, quotation marks and spaces around it."""
    return clause.strip(CLAUSE_EDGES)


def said_before(clause: str, before: str) -> bool:
    """Whether a clause of some length already stands in the text before it."""
    words = core(clause)
    return len(words) >= REPEAT_LENGTH and words in before


def settings_of(path: str, page: str) -> Settings:
    """The page's search settings, checked: a wrong value names the page and the fix."""
    found = META.search(page)
    if found is None:
        return Settings()
    try:
        data = json.loads(html.unescape(found.group(1) or found.group(2) or ""))
    except json.JSONDecodeError:
        data = None
    if not isinstance(data, dict):
        raise PageError(f"{path}: error: front matter “search” 应为映射，如 search: {{boost: 0.5}}")
    return Settings(
        exclude=_typed(path, data, "exclude", bool, False),
        boost=float(_typed(path, data, "boost", (int, float), 1.0)),
        kind=_typed(path, data, "kind", str, OTHER_KIND),
        region=_typed(path, data, "region", str, ""),
        facets={
            name: _strings(path, values, f"facets.{name}")
            for name, values in sorted(_typed(path, data, "facets", dict, {}).items())
            if name in FACETS
        },
        names=_strings(path, data.get("names", []), "names"),
    )


def _typed(path: str, data: dict[str, Any], key: str, kind: type | tuple[type, ...], default: Any) -> Any:
    value = data.get(key, default)
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise PageError(f"{path}: error: front matter search.{key} 的值“{value}”类型不对")
    return value


def _strings(path: str, values: Any, key: str) -> list[str]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise PageError(f"{path}: error: front matter search.{key} 应为文字列表")
    return list(values)


def pieces_of(article: str) -> list[tuple[str, str]]:
    """The text of an article with where each piece stands; navigation, scripts, buttons,
    permalinks and hidden elements are left out, with everything inside them."""
    reader = ArticleReader()
    reader.feed(article)
    reader.close()
    return reader.finished()


class ArticleReader(HTMLParser):
    """Walks an article's elements (Python's HTML parser: attributes are read as HTML reads them,
    whatever they hold) and collects its text by where it stands."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[tuple[str, str]] = []
        self.stack: list[tuple[str, str | None]] = []  # (tag, where its text stands; None: left out)
        self.buffer: list[str] = []

    @property
    def where(self) -> str | None:
        return self.stack[-1][1] if self.stack else BODY

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.edge(tag)
        if tag not in VOID:
            self.move(lambda: self.stack.append((tag, where_of(tag, attrs, self.where))))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.edge(tag)  # <br/>: nothing inside

    def handle_endtag(self, tag: str) -> None:
        self.move(lambda: close(self.stack, tag))
        self.edge(tag)

    def handle_data(self, data: str) -> None:
        if self.where is not None:
            self.buffer.append(data)

    def edge(self, tag: str) -> None:
        if tag in BLOCKS and self.where is not None:
            self.buffer.append("\n")

    def move(self, change: Callable[[], None]) -> None:
        """Change the open elements; text collected so far goes where it stood."""
        before = self.where
        change()
        if self.where != before:
            self.flush(before)

    def flush(self, where: str | None) -> None:
        text = "".join(self.buffer)
        if text.strip():
            self.pieces.append((where or BODY, text))
        self.buffer.clear()

    def finished(self) -> list[tuple[str, str]]:
        self.flush(self.where)
        return self.pieces


def where_of(tag: str, attrs: list[tuple[str, str | None]], outer: str | None) -> str | None:
    """Where the text of an element opened inside text standing at ``outer`` stands."""
    names = {name for name, _ in attrs}
    classes = frozenset(" ".join(value or "" for name, value in attrs if name == "class").split())
    if outer is None or tag in SKIPPED or names & SKIPPED_ATTRIBUTES or classes & SKIPPED_CLASSES:
        return None
    if "footnote" in classes:  # the numbered notes under a table: quoted source text
        return QUOTE
    if "catalog-meta" in classes:  # a record's facts block: searched, but no snippet shows it
        return FACTS
    return WEIGHTS.get(tag, outer)


def close(stack: list[tuple[str, str | None]], tag: str) -> None:
    """Pop up to the matching open tag; a stray closing tag changes nothing."""
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth][0] == tag:
            del stack[depth:]
            return


def read_page(site: Path, path: Path) -> Document | None:
    """The page at ``path`` as a document, or None when it has no article or excludes itself."""
    shown = path.relative_to(site).as_posix()
    page = path.read_text(encoding="utf-8")
    settings = settings_of(shown, page)
    article = ARTICLE.search(page)
    if settings.exclude or article is None:
        return None
    pieces = pieces_of(article.group(1))
    title = " ".join(text for where, text in pieces if where == TITLE).split()
    if not title:
        head = PAGE_TITLE.search(page)
        title = html.unescape(head.group(1)).split(" - ")[:1] if head else [shown]
    return Document(shown, " ".join(title), settings, pieces)


def indexed(relative: Path) -> bool:
    """Whether the index reads the page at ``relative`` (below the site root)."""
    return relative.parts[0] not in ("search", "assets") and relative.as_posix() != "404.html"


def indexed_paths(site: Path) -> list[Path]:
    """Every indexable page of the site, in path order (the site's own search folder and the
    404 page left out)."""
    return [path for path in sorted(site.rglob("*.html")) if indexed(path.relative_to(site))]
