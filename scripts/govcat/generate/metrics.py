"""指标一览 (/metrics/): every metric of every practice in one sortable, filterable table."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..catalog import Catalog
from .site import Page
from .themes import by_place


def rows(catalog: Catalog) -> list[tuple[str, int, dict[str, Any]]]:
    """(practice id, metric number, metric) in place order, then in each practice's own order."""
    return [
        (practice_id, index, metric)
        for practice_id in by_place(catalog, catalog.ids("practice"))
        for index, metric in enumerate(catalog.get("practice", practice_id).get("metrics", []), start=1)
    ]


def pages(catalog: Catalog) -> Iterator[Page]:
    yield Page("metrics/index.md", "metrics.md.j2", {"rows": rows(catalog)})
