"""Results by city: which place did what, with what result, one row per practice, from its records.

A row gives the practice's place, its first figure as the source writes it with what it
measures, when (the figure's own time, else the date of the report) and the source. A practice
whose sources give no figure says so (``NO_FIGURES``) instead of leaving the cell empty. Theme
pages show the rows of the practices on the page; each theme's rows for all its practices are
also a CSV download (``/data/results/<theme>.csv``, written like ``metrics.csv``).

Practice families: an umbrella practice (``四措并举``) and its parts (practices whose ``parent`` it
is) are one practice in a listing, the parts shown under it (``families``), so that no content is
counted twice.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from govcat.model.catalog import Catalog, metric_text
from govcat.site.generate.downloads import BOM, spreadsheet_text
from govcat.site.generate.outputs import RawFile
from govcat.site.generate.places import by_place, place_name, place_of_practice

NO_FIGURES = "来源未提供成效数据"
RESULTS_SECTION = "data/results"
CSV_COLUMNS = ("城市", "地区", "做法编号", "做法", "成效", "其余数据", "时间", "来源", "来源编号", "原文")

Family = tuple[str, ...]  # a practice, then its parts among those listed (depth first)


def results_uri(theme_id: str) -> str:
    """A theme's results by city as CSV."""
    return f"{RESULTS_SECTION}/{theme_id}.csv"


def families(catalog: Catalog, practice_ids: list[str]) -> list[Family]:
    """The practices grouped into families, in the given order: a practice whose parent is among
    them, in the same place, is listed under that parent (in the parent's order of measures), not
    on its own; listings by place keep each place's practices together."""
    listed = set(practice_ids)

    def is_part(practice_id: str) -> bool:
        parent = catalog.get("practice", practice_id).get("parent")
        return parent in listed and place_of_practice(catalog, parent) == place_of_practice(catalog, practice_id)

    def family(practice_id: str) -> Family:
        parts = [
            p for child in catalog.children(practice_id) if child in listed and is_part(child) for p in family(child)
        ]
        return (practice_id, *parts)

    return [family(p) for p in practice_ids if not is_part(p)]


def family_rows(catalog: Catalog, groups: list[Family] | tuple[Family, ...]) -> list[tuple[dict[str, Any], bool]]:
    """(practice record, whether it is a part of the one before) for each practice of the families."""
    return [(catalog.get("practice", p), at > 0) for group in groups for at, p in enumerate(group)]


@dataclass(frozen=True)
class Result:
    """One practice's line in the results by city."""

    practice: dict[str, Any]
    part: bool  # a part of the umbrella practice listed above it
    place: str  # the city (or the province) it belongs to
    metric: dict[str, Any] | None  # its first figure, if its sources give any
    more: int  # how many further figures its page lists
    when: str  # the figure's time as the source gives it, else the date of the report
    reported: bool  # ``when`` is the date of the report, the source giving no time of its own
    source: str  # the source id: the figure's, else the practice's first
    source_label: str  # the source as a table names it: its publisher and date


def result_of(catalog: Catalog, practice: dict[str, Any], part: bool = False) -> Result:
    metrics = practice.get("metrics", [])
    metric = metrics[0] if metrics else None
    source = metric["citation"]["source"] if metric else practice["sources"][0]["source"]
    published = catalog.get("source", source)
    when = metric.get("as_of") if metric else None
    label = f"{published['publisher']} {published['published']}"
    place = catalog.place_of(practice["region"])
    more = max(len(metrics) - 1, 0)
    return Result(practice, part, place, metric, more, when or published["published"], when is None, source, label)


def results(catalog: Catalog, rows: list[tuple[dict[str, Any], bool]]) -> list[Result]:
    return [result_of(catalog, practice, part) for practice, part in rows]


def csv_row(catalog: Catalog, result: Result) -> list[str]:
    practice, metric = result.practice, result.metric
    others = practice.get("metrics", [])[1:]
    return [
        place_name(catalog, result.place),
        catalog.get("region", practice["region"])["name"],
        practice["id"],
        practice["title"],
        f"{metric_text(metric)} {metric['indicator']}" if metric else NO_FIGURES,
        "；".join(f"{metric_text(m)} {m['indicator']}" for m in others),
        result.when,
        catalog.get("source", result.source)["publisher"],
        result.source,
        metric["citation"]["quote"] if metric else "",
    ]


def theme_csv(catalog: Catalog, theme_id: str) -> str:
    """The theme's results by city, one line per practice in the order of its page."""
    ordered = by_place(catalog, catalog.referring("theme", theme_id, "practice"))
    found = results(catalog, family_rows(catalog, families(catalog, ordered)))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows([spreadsheet_text(cell) for cell in csv_row(catalog, r)] for r in found)
    return BOM + out.getvalue()


def pages(catalog: Catalog) -> Iterator[RawFile]:
    for theme_id in catalog.ids("theme"):
        if catalog.referring("theme", theme_id, "practice"):
            yield RawFile(results_uri(theme_id), theme_csv(catalog, theme_id))
