"""The jieba user dictionary: our names and terms, so that search keeps them whole.

Material's search segments Chinese text with jieba at build time; words that jieba does not
know (楼院长效, 廊亭议事) split wrongly unless listed here with a high frequency.
"""

from __future__ import annotations

from ..catalog import Catalog

FREQUENCY = 100000


def words(catalog: Catalog) -> list[str]:
    """Names of terms, regions, standards, themes and practices' short titles, plus aliases."""
    found: set[str] = set()
    for kind, fields in (("term", ("name",)), ("region", ("name",)), ("standard", ("name",)),
                         ("theme", ("name",)), ("practice", ("short_title",))):
        for record in catalog.all(kind):
            found.update(record[f] for f in fields if f in record)
            found.update(record.get("aliases", []))
    return sorted(w for w in found if w.strip() and " " not in w)


def user_dictionary(catalog: Catalog) -> str:
    return "".join(f"{word} {FREQUENCY}\n" for word in words(catalog))
