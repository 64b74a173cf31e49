"""``catalog list themes|regions|terms|tags|sources``: the ids an editor may write, with their names.

Editors write ids (``shequ-fuwu``) where they think in names (社区服务); this lists a kind's
records, one a line, id first, so they need not open folders to find one.
"""

from __future__ import annotations

from collections.abc import Iterator

from govcat.model.catalog import LEVEL_LABELS, Catalog
from govcat.model.dates import chinese_date
from govcat.model.names import display_name

# What ``catalog list`` offers, by the plural editors type, and the record kind of each.
LISTABLE = {"themes": "theme", "regions": "region", "terms": "term", "tags": "tag", "sources": "source"}


def describe(catalog: Catalog, kind: str, record_id: str) -> str:
    """A record's name as editors know it, with what tells two apart: a region's level and the
    region above it, a source's date."""
    data = catalog.get(kind, record_id)
    name = display_name(kind, data)
    if kind == "region":
        parent = data.get("parent")
        above = f"，属{catalog.get('region', parent)['name']}" if parent and catalog.has("region", parent) else ""
        return f"{name}（{LEVEL_LABELS.get(data.get('level', ''), '')}{above}）"
    if kind == "source":
        return f"{name}（{chinese_date(str(data.get('published', '')))}）"
    return name


def listing_lines(catalog: Catalog, plural: str) -> Iterator[str]:
    """One line a record, ordered by id, ids padded to one width; then how many there are."""
    kind = LISTABLE[plural]
    ids = catalog.ids(kind)
    width = max((len(i) for i in ids), default=0)
    for record_id in ids:
        yield f"{record_id.ljust(width)}  {describe(catalog, kind, record_id)}"
    yield f"共 {len(ids)} 个。引用时写左边的编号。"
