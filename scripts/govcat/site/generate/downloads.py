"""Data downloads (/data/): every record as JSON, the figures as CSV, and the JSON Schemas.

``practices.json`` holds each kind's records exactly as loaded from YAML (every value text),
ordered by id, for anyone's own scripts (the compare page reads its own small pieces instead,
``data/compare/<id>.js``: see ``compare.py``). Both carry each practice's
citation in GB/T 7714 form (``citation``): the JSON under ``citations`` (practices, standards and
policies, by id), the CSV in its last column. ``metrics.csv`` starts with a
UTF-8 byte order mark, so that Excel shows the Chinese correctly when it opens the file.

A spreadsheet reads a cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
as a formula, which could run when the file is opened (CSV injection). Every such cell is written
with a single quote before it, as OWASP recommends, so that Excel, WPS and LibreOffice show it as
text (``spreadsheet_text``). No column holds a signed number that this would change: figures
(数值) are digits only (``^[0-9]+(\\.[0-9]+)?$`` in the schema), ids are lower-case letters,
digits and hyphens that start with a letter or digit, and every other column is text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from govcat.layout import KINDS
from govcat.model.catalog import Catalog, metric_text
from govcat.site.generate.addresses import DATA_CSV, DATA_JSON, schema_uri
from govcat.site.generate.citation import citations_by_kind
from govcat.site.generate.outputs import RawFile

DATA_FORMAT = 1
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
METRIC_COLUMNS = (
    "做法编号",
    "做法",
    "地区",
    "指标",
    "数值",
    "单位",
    "限定词",
    "原文写法",
    "范围",
    "时间",
    "来源编号",
    "原文",
    "做法引用",
)


def catalog_json(catalog: Catalog) -> str:
    data: dict[str, Any] = {"format": DATA_FORMAT}
    data.update({kind.section: catalog.all(kind.name) for kind in KINDS.values()})
    data["citations"] = citations_by_kind(catalog)
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def metric_rows(catalog: Catalog) -> Iterator[list[str]]:
    cited = citations_by_kind(catalog)[KINDS["practice"].section]
    for practice in catalog.all("practice"):
        region = catalog.get("region", practice["region"])["name"]
        for metric in practice.get("metrics", []):
            yield [
                practice["id"],
                practice["title"],
                region,
                metric["indicator"],
                metric["value"],
                metric.get("unit", ""),
                metric.get("qualifier", ""),
                metric_text(metric),
                metric.get("scope", ""),
                metric.get("as_of", ""),
                metric["citation"]["source"],
                metric["citation"]["quote"],
                cited[practice["id"]],
            ]


def spreadsheet_text(cell: str) -> str:
    """``cell`` as a spreadsheet shows it as text: a single quote before a formula's first character."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def metrics_csv(catalog: Catalog) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(METRIC_COLUMNS)
    writer.writerows([spreadsheet_text(cell) for cell in row] for row in metric_rows(catalog))
    return BOM + out.getvalue()


def pages(catalog: Catalog) -> Iterator[RawFile]:
    yield RawFile(DATA_JSON, catalog_json(catalog))
    yield RawFile(DATA_CSV, metrics_csv(catalog))
    for schema in sorted(catalog.project.schemas.glob("*.schema.json")):
        yield RawFile(schema_uri(schema.name), schema.read_text(encoding="utf-8"))
