"""The glossary (/glossary/): every term A–Z by pinyin, and by theme, with where it is used.

Where a term is used shows its first few practices and then “等 N 项做法”, a link to the term's
own page, which lists them all: the glossary grows with the terms, not with the practices.
"""

from __future__ import annotations

from collections.abc import Iterator

from pypinyin import Style, lazy_pinyin

from govcat.model.catalog import Catalog
from govcat.site.generate.addresses import index_uri
from govcat.site.generate.frontmatter import front_matter
from govcat.site.generate.outputs import Page
from govcat.site.generate.references import PRACTICE_HEADINGS, practices_of
from govcat.site.generate.searchmeta import LIST_PAGE

USES_SHOWN = 5  # practices named under each term; the term's page lists them all


def pinyin_key(text: str) -> str:
    """Sort key spelling Chinese characters in pinyin (ASCII kept, quotes dropped)."""
    return " ".join(lazy_pinyin(text.strip("“”\"'"), style=Style.NORMAL)).lower()


def pages(catalog: Catalog) -> Iterator[Page]:
    terms = sorted(catalog.ids("term"), key=lambda t: (pinyin_key(catalog.get("term", t)["name"]), t))
    letters: dict[str, list[str]] = {}
    for term_id in terms:
        initial = pinyin_key(catalog.get("term", term_id)["name"])[:1].upper()
        letters.setdefault(initial if initial.isalpha() else "#", []).append(term_id)
    by_theme = []
    for theme_id in catalog.ids("theme"):
        used = [
            t for t in terms if any(theme_id in catalog.get("practice", p)["themes"] for p in catalog.term_mentions[t])
        ]
        if used:
            by_theme.append((theme_id, used))
    yield Page(
        index_uri("term"),
        "glossary.md.j2",
        {
            "letters": [(letter, catalog.each("term", ids)) for letter, ids in sorted(letters.items())],
            "by_theme": by_theme,
            "uses": {t: practices_of(catalog, "term", t) for t in terms},
            "uses_shown": USES_SHOWN,
            "uses_heading": PRACTICE_HEADINGS["term"],
        },
        front_matter(search=LIST_PAGE),
    )
