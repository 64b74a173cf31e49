"""Build the search index of a built site and write it into the site's ``search/`` folder.

Scores. For every (word, page) the index stores one integer: BM25's term-frequency part over
the page's weighted text (a quoted source sentence counts half), plus a bonus when the word is
in the page's title, in the names the page refers to (a practice's regions, themes, terms,
standards) or in a heading; times the page's boost (list pages 0.5). The browser multiplies it
by the word's inverse document frequency, which it reads off the length of the word's list.

Files, each a data script (``govcat.site.datascript``: ``catalog.data("search", name, data)``) so
that it loads with a ``<script>`` element, also from ``file://``:

* ``manifest.js`` — the format, the content hash the other files' names carry, page count,
  bucket count, the facets (key and label), the characters whose words are split by their
  first two characters, the stop words, question words and filler a query drops, and the tier
  of each kind (records first);
* ``w/<n>.<hash>.js`` — buckets of words: a word's key is its first character, or its first two
  characters for a character with many words (a word's postings, gaps between its pages and
  their scores, are one string of ``digits``); a key's bucket is a hash of it (FNV-1a over
  UTF-16 code units, with the parameters the site's rules hand to search.js), so every word
  starting with a key is in one file and a query loads one small file per character it contains.
  A bucket is ``{"w": words}`` plus, under the same keys, what ``expand`` computed: ``r`` related
  words, ``t`` traditional characters, ``p`` the pinyin of characters, ``n`` names by their pinyin;
* ``p/<n>.<hash>.js`` — one page each: address, title, kind, region and text for snippets (each
  clause once, see ``Document.running_text``);
* ``f/<facet>.<hash>.js`` — one facet each (kind, theme, city, level, tag): its values and the
  pages of each value (a ``digits`` page set). The browser loads one only when it needs it:
  the kinds for every query (records rank first), the others when the filters are shown or the
  address asks for one of their values, so that the first search does not grow with the catalog.

Pages are numbered in path order and every list is sorted, so the same site gives the same files.
The new folder is written beside the old one and switched in by renaming.
"""

from __future__ import annotations

import hashlib
import json
import math
import shutil
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from govcat.layout import KINDS, Project
from govcat.model.catalog import LEVEL_LABELS
from govcat.site.datascript import data_script
from govcat.site.parallel import map_ordered
from govcat.site.search import digits, expand
from govcat.site.search.pages import (
    BODY,
    FACETS,
    FACTS,
    HEADING,
    QUOTE,
    TITLE,
    Document,
    Settings,
    indexed_paths,
    read_page,
)
from govcat.site.search.words import FILLER_WORDS, QUESTION_WORDS, STOP_WORDS, TOKEN, Words, normalise

FOLDER = "search"
NO_INDEX_VARIABLE = "CATALOG_NO_SEARCH_INDEX"  # set: the MkDocs plugin builds without the index
DATA_KIND = "search"
FORMAT = 3  # the manifest's "format": search.js refuses a manifest of another one (a stale cache)
FNV_OFFSET, FNV_PRIME = 0x811C9DC5, 0x01000193  # FNV-1a, 32 bit
HASH_LENGTH = 12
# BM25 (term saturation, length normalisation), and what each place of a word adds.
K1, B = 1.2, 0.75
SYNONYM_WEIGHT = 0.5  # a word a page means (a synonym of one it uses) counts half a use
TEXT_WEIGHTS = {TITLE: 1.0, HEADING: 1.0, BODY: 1.0, FACTS: 1.0, QUOTE: 0.5}
TITLE_BONUS, NAMES_BONUS, HEADING_BONUS = 3.0, 1.5, 0.5
COVERAGE_BONUS = 3.0  # times the share of the title a word covers: 开封 is most of 开封市's title
SCALE = 20  # stored score = round(SCALE * score): integers keep the files small
SPLIT_BYTES = 12 * 1024  # a character whose entries take more is keyed by two characters
BUCKET_BYTES = 8 * 1024  # aimed-for bucket size
SNIPPET_CHARACTERS = 6000
# "city" holds the city of each page, or the province for a province's own: 地区, not 城市.
FACET_LABELS = {"kind": "类型", "theme": "主题", "city": "地区", "level": "层级", "tag": "标签"}
# Records first: a page's tier (by its kind) decides before its score. Practices, problems,
# regions, standards, policies and terms; then themes, tags and the source text the records quote;
# then lists and the site's own pages.
RECORD_TIER, REFERENCE_TIER, OTHER_TIER = 0, 1, 2
RECORD_KINDS = ("practice", "problem", "region", "standard", "policy", "term")
TIERS = {KINDS[k].label: RECORD_TIER for k in RECORD_KINDS} | {
    KINDS[k].label: REFERENCE_TIER for k in ("theme", "tag", "source")
}
FACET_ORDERS = {"kind": tuple(kind.label for kind in KINDS.values()), "level": tuple(LEVEL_LABELS.values())}


@dataclass(frozen=True)
class Summary:
    """What was written, for ``catalog index`` and the benchmark."""

    pages: int
    words: int
    buckets: int
    bytes: int
    largest_bucket: int


@dataclass(frozen=True)
class Read:
    """What the index keeps of a page once a worker has read it and cut its text into words: the
    page's full text is let go there (at 20,000 practices it would not fit beside the rest)."""

    path: str
    title: str
    settings: Settings
    counts: dict[str, float]  # word -> weighted uses
    headings: frozenset[str]  # the words of its headings
    snippet: str  # its running text for snippets (``Document.running_text``)


def read_for_index(site: Path, words: Words, path: Path) -> Read | None:
    """One page, read and counted (in a worker: ``index_pages``)."""
    document = read_page(site, path)
    if document is None:
        return None
    headings = frozenset(w for where, text in document.pieces if where == HEADING for w in words.of(text))
    snippet = document.running_text(SNIPPET_CHARACTERS)[:SNIPPET_CHARACTERS]
    counts = dict(weighted_counts(document, words))
    return Read(document.path, document.title, document.settings, counts, headings, snippet)


def index_pages(site: Path, words: Words) -> list[Read]:
    """Every indexable page of the site, read and counted on every core (``govcat.site.parallel``)."""
    read = map_ordered(partial(read_for_index, site, words), indexed_paths(site))
    return [page for page in read if page is not None]


def page_scores(page: Read, words: Words, average_length: float, length: float) -> dict[str, int]:
    """Word -> stored score for one page."""
    title = set(words.of(page.title))
    title_length = max(1, len("".join(TOKEN.findall(normalise(page.title)))))
    names = {w for name in page.settings.names for w in words.of(name)}
    norm = K1 * (1 - B + B * length / average_length)
    scores: dict[str, int] = {}
    for word in sorted(page.counts.keys() | names):
        frequency = page.counts.get(word, 0.0)
        score = frequency * (K1 + 1) / (frequency + norm)
        score += TITLE_BONUS * (word in title) + NAMES_BONUS * (word in names) + HEADING_BONUS * (word in page.headings)
        score += COVERAGE_BONUS * min(1.0, len(word) / title_length) * (word in title)
        scores[word] = max(1, round(SCALE * page.settings.boost * score))
    return scores


def weighted_counts(document: Document, words: Words) -> dict[str, float]:
    counts: dict[str, float] = defaultdict(float)
    for where, text in document.pieces:
        for word in words.of(text):
            counts[word] += TEXT_WEIGHTS[where]
    for word, count in words.synonyms(" ".join(text for _, text in document.pieces)).items():
        counts[word] += SYNONYM_WEIGHT * count
    return counts


def postings(pages: list[Read], words: Words) -> dict[str, list[tuple[int, int]]]:
    """Word -> (page number, score) for every page containing it, in page order."""
    lengths = [sum(page.counts.values()) for page in pages]
    average = sum(lengths) / len(lengths) if lengths else 1.0
    found: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for number, (page, length) in enumerate(zip(pages, lengths, strict=True)):
        for word, score in page_scores(page, words, average or 1.0, length).items():
            found[word].append((number, score))
    return dict(sorted(found.items()))


def encoded(pages: list[tuple[int, int]]) -> list[int]:
    """[gap, score, gap, score, …]: page numbers as gaps from the previous one."""
    flat: list[int] = []
    previous = 0
    for page, score in pages:
        flat += [page - previous, score]
        previous = page
    return flat


def fnv1a(key: str) -> int:
    """FNV-1a (32 bit) over the key's UTF-16 code units: search.js computes the same, with these parameters."""
    value = FNV_OFFSET
    units = key.encode("utf-16-le")
    for i in range(0, len(units), 2):
        value ^= units[i] | units[i + 1] << 8
        value = (value * FNV_PRIME) & 0xFFFFFFFF
    return value


Bucket = dict[str, dict[str, Any]]  # section ("w", "r", "t", "p", "n") -> entry -> value


def buckets_of(sections: dict[str, dict[str, Any]]) -> tuple[str, list[Bucket]]:
    """The split characters and the buckets: every entry of every section under the bucket of
    its key. A character is split when its entries take more than SPLIT_BYTES: the words of a
    common character, or the names whose pinyin starts with one letter."""
    sizes: dict[str, int] = defaultdict(int)
    for entries in sections.values():
        for entry, value in entries.items():
            sizes[entry[0]] += len(entry) + len(json.dumps(value, ensure_ascii=False)) + 4
    split = "".join(sorted(c for c, size in sizes.items() if size > SPLIT_BYTES))
    count = max(1, math.ceil(sum(sizes.values()) / BUCKET_BYTES))
    buckets: list[Bucket] = [{} for _ in range(count)]
    for name, entries in sections.items():
        for entry, value in entries.items():
            key = entry[:2] if entry[0] in split else entry[0]
            buckets[fnv1a(key) % count].setdefault(name, {})[entry] = value
    return split, buckets


def script(name: str, data: Any) -> str:
    return data_script(DATA_KIND, name, data)


def value_order(facet: str, value: str, pages: int) -> tuple[int, int, str]:
    """Kinds in the catalog's order (records first, lists and other pages last), levels from the
    province down, other values by their number of pages."""
    known = FACET_ORDERS.get(facet, ())
    return (known.index(value) if value in known else len(known), -pages, value)


def facets(documents: list[Read]) -> dict[str, dict[str, Any]]:
    """Each facet (in the order of ``FACETS``, those some page has) with its values (in
    ``value_order``) and the pages of each value as a ``digits`` page set."""
    found: dict[str, dict[str, Any]] = {}
    for facet in FACETS:
        pages: dict[str, list[int]] = defaultdict(list)
        for number, document in enumerate(documents):
            values = [document.settings.kind] if facet == "kind" else document.settings.facets.get(facet, [])
            for value in dict.fromkeys(values):
                pages[value].append(number)
        if pages:
            ordered = sorted(pages.items(), key=lambda item: value_order(facet, item[0], len(item[1])))
            found[facet] = {
                "values": [value for value, _ in ordered],
                "pages": [digits.page_set(numbers) for _, numbers in ordered],
            }
    return found


def fragment(page: Read) -> dict[str, str]:
    return {"u": page.path, "t": page.title, "k": page.settings.kind, "r": page.settings.region, "x": page.snippet}


def files(documents: list[Read], words: Words) -> tuple[dict[str, str], int]:
    """Every file of the search folder (path below it -> text), and the number of words."""
    lists = {word: digits.encode(encoded(pages)) for word, pages in postings(documents, words).items()}
    vocabulary = set(lists)
    split, buckets = buckets_of(
        {
            "w": lists,
            "r": expand.related(expand.thesaurus_groups(), vocabulary, frozenset(FILLER_WORDS)),
            "t": expand.traditional(c for word in vocabulary for c in word),
            "p": expand.character_pinyin(),
            "n": expand.name_pinyin(expand.inside(words.names) & vocabulary),
        }
    )
    facet_pieces = facets(documents)
    pieces: dict[str, Any] = {f"f/{key}": facet for key, facet in facet_pieces.items()}
    pieces.update((f"w/{n}", bucket) for n, bucket in enumerate(buckets))
    pieces.update((f"p/{n}", fragment(d)) for n, d in enumerate(documents))
    scripts = {name: script(name, data) for name, data in pieces.items()}
    version = content_hash(scripts)
    written = {
        "manifest.js": script(
            "manifest",
            {
                "format": FORMAT,
                "version": version,
                "pages": len(documents),
                "buckets": len(buckets),
                "facets": [{"key": key, "label": FACET_LABELS[key]} for key in facet_pieces],
                "split": split,
                "stop": STOP_WORDS,
                "question": list(QUESTION_WORDS),
                "filler": list(FILLER_WORDS),
                "tiers": TIERS,
                "scale": SCALE,
            },
        )
    }
    written.update((f"{name}.{version}.js", text) for name, text in scripts.items())
    return written, len(lists)


def content_hash(scripts: dict[str, str]) -> str:
    """A hash of every file but the manifest, which every other file's name carries (w/0.<hash>.js):
    a manifest and the files of another build never meet, even from a stale cache."""
    digest = hashlib.sha256()
    for name, text in sorted(scripts.items()):
        digest.update(f"{name}\n{text}\n".encode())
    return digest.hexdigest()[:HASH_LENGTH]


class IndexInputMissing(FileNotFoundError):
    """The generated dictionary is not there (``catalog generate`` has not run), or the
    thesaurus is not installed."""


def index_site(project: Project, site: Path) -> Summary:
    """Index ``site`` with the dictionary and synonyms ``catalog generate`` wrote for ``project``."""
    if not project.search_dictionary.is_file():
        raise IndexInputMissing(f"找不到 {project.relative(project.search_dictionary)}：先运行 catalog generate")
    synonyms = project.search_synonyms.read_text("utf-8") if project.search_synonyms.is_file() else ""
    return build_index(site, project.search_dictionary.read_text("utf-8"), synonyms)


def write_folder(site: Path, contents: dict[str, str]) -> None:
    """Replace ``site/search`` with ``contents``: assembled beside it, then renamed into place."""
    staging = Path(tempfile.mkdtemp(dir=site, prefix=f".{FOLDER}-"))
    try:
        for relative, text in contents.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        target = site / FOLDER
        if target.exists():
            old = target.rename(site / f"{staging.name}-old")
            staging.rename(target)
            shutil.rmtree(old)
        else:
            staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def build_index(site: Path, dictionary: str, synonyms: str = "") -> Summary:
    """Index every page of the built site at ``site``; ``dictionary`` is the catalog's jieba
    user dictionary and ``synonyms`` its synonym groups (see generate/searchdict.py)."""
    try:
        words = Words(dictionary, synonyms)
        documents = index_pages(site, words)
        contents, word_count = files(documents, words)
    except expand.ThesaurusMissing as missing:
        raise IndexInputMissing(str(missing)) from missing
    write_folder(site, contents)
    buckets = [len(text.encode("utf-8")) for name, text in contents.items() if name.startswith("w/")]
    return Summary(
        pages=len(documents),
        words=word_count,
        buckets=len(buckets),
        bytes=sum(len(text.encode("utf-8")) for text in contents.values()),
        largest_bucket=max(buckets, default=0),
    )
