"""Search words: the jieba user dictionary, and the parts of our compound words for the index.

Material's search segments each run of Han characters with ``jieba.cut`` at build time and
joins the words with U+200B; lunr then indexes exactly those words. In the browser the typed
query is *not* segmented by jieba: Material cuts it greedily into words already present in the
index, never trying the whole query, and adds a trailing wildcard to every piece. So:

* Our names (terms, regions, standards, themes, tags, their aliases, and the “quoted” method
  names in practice titles) go into the user dictionary with a high frequency, so that jieba keeps them
  whole (楼院长效治理机制 would otherwise split as 楼/院长/效).
* Their *parts* — the words jieba's own dictionary finds inside a name (无主管楼院 → 主管, 楼院)
  — go into the dictionary too when jieba does not know them, so that they stay whole in
  running text as well (楼院长效 → 楼院/长效).
* A whole name hides its parts from the index (无主管楼院 is one token, so the query 楼院 would
  not reach it). ``add_parts`` therefore writes, for every entry of the built search index, the
  parts of the names found in its title and text into two extra fields, ``title_parts`` and
  ``text_parts`` (boosted in mkdocs.yml like title and text) — the idea of jieba's
  ``cut_for_search``. A part that begins its name is left out: the query's wildcard already
  reaches the name (楼院* matches 楼院治理), and counting it twice would rank every page that
  merely mentions the name above pages about the part.
* It also puts each name without its last character into ``text_parts``: that is the longest
  piece Material's query cutter can pick for a typed name, and its wildcard then matches the
  whole name (好支书 is cut as 好支* instead of 好*, which matches every word starting with 好).
* A practice page's first entry gets a ``names`` field: the names of its regions, themes, terms
  and standards (with their parts), so a practice ranks for the names its record refers to
  above pages that only mention them in running text (执法 finds the practice of 执法体制).
"""

from __future__ import annotations

import json
import logging
import re
from functools import cache

import jieba

from ..catalog import Catalog
from .site import page_uri

FREQUENCY = 100000       # a name beats any split of it
PART_FREQUENCY = 10000   # a part beats the splits jieba would otherwise choose (楼/院长)
NAME_FIELDS = (("term", "name"), ("region", "name"), ("standard", "name"), ("theme", "name"),
               ("tag", "name"))
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")   # what Material hands to jieba
QUOTED = re.compile(r"“([^”]+)”")
TAG = re.compile(r"<[^>]*>")


@cache
def _jieba() -> jieba.Tokenizer:
    """jieba with only its default dictionary: the global one may already hold our words."""
    jieba.setLogLevel(logging.WARNING)   # not "Building prefix dict…" on every run
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def names(catalog: Catalog) -> list[str]:
    """Han runs (two or more characters) of our names, aliases and quoted method names."""
    texts: list[str] = []
    for kind, field in NAME_FIELDS:
        for record in catalog.all(kind):
            texts += [record[field], *record.get("aliases", [])]
    for record in catalog.all("practice"):
        for field in ("title", "short_title"):
            texts += QUOTED.findall(record.get(field, ""))
    return sorted({run for text in texts for run in HAN.findall(text) if len(run) >= 2})


def parts(name: str) -> list[str]:
    """Words of two or more characters that jieba's own dictionary finds inside ``name``."""
    return [w for w in _jieba().cut(name) if len(w) >= 2 and w != name]


def compounds(catalog: Catalog) -> dict[str, list[str]]:
    """Each name -> its parts that do not begin it (楼院治理 -> 治理; 无主管楼院 -> 主管, 楼院)."""
    return {name: [p for p in dict.fromkeys(parts(name)) if not name.startswith(p)]
            for name in names(catalog)}


def page_names(catalog: Catalog) -> dict[str, list[str]]:
    """Practice page path without suffix -> names of its region chain, themes, terms, standards."""
    found: dict[str, list[str]] = {}
    for p in catalog.all("practice"):
        refs = [("region", r) for r in catalog.region_chain(p["region"])]
        refs += [(kind, i) for kind, field in (("theme", "themes"), ("term", "terms"),
                                               ("standard", "standards")) for i in p.get(field, [])]
        page = page_uri("practice", p["id"]).removesuffix(".md")
        found[page] = [catalog.get(kind, i)["name"] for kind, i in refs]
    return found


def user_dictionary(catalog: Catalog) -> str:
    """jieba's user dictionary: our names, then the parts jieba does not know yet."""
    words = names(catalog)
    known = _jieba().FREQ
    unknown_parts = sorted({p for n in words for p in parts(n)} - set(words))
    unknown_parts = [p for p in unknown_parts if not known.get(p)]
    return ("".join(f"{w} {FREQUENCY}\n" for w in words)
            + "".join(f"{p} {PART_FREQUENCY}\n" for p in unknown_parts))


def add_parts(index_json: str, extra: dict[str, list[str]], pages: dict[str, list[str]]) -> str:
    """The search index with ``title_parts``, ``text_parts`` and ``names`` added.

    ``extra`` is ``compounds(catalog)``: every name with the parts to index for it; ``pages``
    is ``page_names(catalog)``.
    """
    index = json.loads(index_json)
    separator = re.compile(index["config"]["separator"])
    for doc in index["docs"]:
        title_parts: list[str] = []
        text_parts: list[str] = []
        for field, found in (("title", title_parts), ("text", text_parts)):
            for word in separator.split(TAG.sub(" ", doc.get(field, ""))):
                if word in extra:
                    found += extra[word]
                    text_parts += [word[:-1]] if len(word) >= 3 else []
        page = doc["location"].removesuffix("/").removesuffix(".html")  # directory URLs or not
        names = [w for n in pages.get(page, []) for w in separator.split(n) if w]
        names += [p for n in names for p in extra.get(n, [])]
        for field, found in (("title_parts", title_parts), ("text_parts", text_parts),
                             ("names", names)):
            if found:
                doc[field] = "\u200b".join(found)
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))
