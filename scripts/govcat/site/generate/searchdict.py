"""The search dictionary: the catalog's names, kept whole by the segmenter, and their parts.

The site search (``govcat.site.search``) cuts page text with rjieba (jieba's dictionary and algorithm)
loaded with this dictionary, in jieba's user-dictionary format (``word frequency`` per line):

* Our names (terms, regions, standards, themes, tags, their aliases, and the “quoted” method
  names in practice titles) with a high frequency, so that they stay whole (楼院长效治理机制 would
  otherwise split as 楼/院长/效, and a query for 社区工作者 would find 工作 and 者).
* The words of our synonym groups (reference/synonyms/), whole for the same reason; the
  groups themselves go to the index in ``synonym_lines``, which expands them page by page.
* Their *parts* — the words jieba's own dictionary finds inside a name (无主管楼院 → 主管, 楼院)
  — when jieba does not know them yet, so that they stay whole in running text as well
  (楼院长效 → 楼院/长效). The index also adds the parts of every name where the name occurs
  (``govcat.site.search.words``), so that the query 楼院 finds 无主管楼院.
"""

from __future__ import annotations

import re

from govcat.model.catalog import Catalog
from govcat.model.hanzi import HAN_RUN
from govcat.site.search.words import name_parts, plain_jieba

FREQUENCY = 100000  # a name beats any split of it
PART_FREQUENCY = 10000  # a part beats the splits jieba would otherwise choose (楼/院长)
NAME_FIELDS = (
    ("term", "name"),
    ("region", "name"),
    ("standard", "name"),
    ("theme", "name"),
    ("tag", "name"),
    ("policy", "title"),
)
QUOTED = re.compile(r"“([^”]+)”")


def names(catalog: Catalog) -> list[str]:
    """Han runs (two or more characters) of our names, aliases and quoted method names."""
    texts: list[str] = []
    for kind, field in NAME_FIELDS:
        for record in catalog.all(kind):
            texts += [record[field], *record.get("aliases", [])]
    for record in catalog.all("practice"):
        texts += record.get("aliases", [])
        for field in ("title", "short_title"):
            texts += QUOTED.findall(record.get(field, ""))
    texts += [word for group in catalog.all("synonym") for word in group["words"]]
    return sorted({run for text in texts for run in HAN_RUN.findall(text) if len(run) >= 2})


def synonym_lines(catalog: Catalog) -> str:
    """The synonym groups for the index (see govcat.site.search.words): one a line, in id order."""
    return "".join(" ".join(group["words"]) + "\n" for group in catalog.all("synonym"))


def user_dictionary(catalog: Catalog) -> str:
    """jieba's user dictionary: our names, then the parts jieba does not know yet."""
    words = names(catalog)
    plain = plain_jieba()
    unknown_parts = sorted({p for n in words for p in name_parts(plain, n)} - set(words))
    unknown_parts = [p for p in unknown_parts if not plain.has_word(p)]
    return "".join(f"{w} {FREQUENCY}\n" for w in words) + "".join(f"{p} {PART_FREQUENCY}\n" for p in unknown_parts)
