"""对比 (/compare/): pick 2 to ``COMPARE_LIMIT`` practices and see them side by side, with no server code.

The page itself is static. Each practice has its own piece of data, ``data/compare/<id>.js``:
the rows of the comparison already written out as text. The page's script (compare.js) loads the
pieces of the chosen practices only, so the page fetches the same few kilobytes whatever the size
of the catalog, and lays out the columns. A piece is a data script (``govcat.site.datascript``)
rather than JSON, so that it also loads from a file share (``file://``, where fetch is refused)
and under the Content-Security-Policy (a script file of the site, nothing inline).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from govcat.model.catalog import LEVEL_LABELS, Catalog, metric_text
from govcat.model.names import display_name, policy_groups
from govcat.site.datascript import data_script
from govcat.site.generate.addresses import COMPARE, compare_data_uri
from govcat.site.generate.frontmatter import NAVIGATION_AND_TOC, front_matter
from govcat.site.generate.outputs import Page, RawFile
from govcat.site.generate.searchmeta import LIST_KIND

COMPARE_LIMIT = 4  # practices compared at once (the basket and the page: the site's rules)
DATA_KIND = "compare"
# The scripts of the compare page (front matter "scripts", which overrides/main.html loads).
SCRIPTS = ("compare.js", "word.js")
FIELDS = (
    "地区",
    "层级",
    "主题",
    "概述",
    "背景与问题",
    "主要举措",
    "成效数据",
    "采用的标准",
    "政策依据",
    "文中提到的文件",  # policies a source only mentions, never shown as issued
    "相关做法",
    "来源",
)


def names(catalog: Catalog, kind: str, ids: list[str]) -> list[str]:
    return [display_name(kind, catalog.get(kind, i)) for i in ids]


def columns(catalog: Catalog, practice: dict[str, Any]) -> list[list[str]]:
    """The practice's cell for each of ``FIELDS``, each a list of lines of plain text."""
    chain = catalog.region_chain(practice["region"])
    return [
        [" › ".join(names(catalog, "region", chain))],
        [LEVEL_LABELS[practice["level"]]],
        names(catalog, "theme", practice["themes"]),
        [practice["summary"]],
        [practice["background"]] if "background" in practice else [],
        [m["title"] for m in practice["measures"]],
        [f"{m['indicator']}：{metric_text(m)}" for m in practice.get("metrics", [])],
        names(catalog, "standard", practice.get("standards", [])),
        *(names(catalog, "policy", group) for group in policy_groups(catalog, practice.get("policies", []))),
        names(catalog, "practice", practice.get("related", [])),
        sorted({display_name("source", catalog.get("source", c["source"])) for c in practice["sources"]}),
    ]


def piece(catalog: Catalog, practice: dict[str, Any]) -> str:
    """The script holding one practice's comparison rows."""
    data = {
        "fields": list(FIELDS),
        "title": practice["title"],
        "short": practice.get("short_title", practice["title"]),
        "cells": columns(catalog, practice),
    }
    return data_script(DATA_KIND, practice["id"], data)


def pages(catalog: Catalog) -> Iterator[Page | RawFile]:
    for practice in catalog.all("practice"):
        yield RawFile(compare_data_uri(practice["id"]), piece(catalog, practice))
    yield Page(
        COMPARE,
        "compare.md.j2",
        {"limit": COMPARE_LIMIT},
        front_matter(NAVIGATION_AND_TOC, {"kind": LIST_KIND}, SCRIPTS),
    )
