"""对比 (/compare/): pick 2–4 practices and see them side by side, with no server code.

The page itself is static; ``data/compare.js`` carries, for every practice, the rows of the
comparison already written out as text, and the site's script lays out the chosen columns.
It is a script rather than JSON so that it also loads from a file share (``file://``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from markupsafe import Markup

from ..catalog import LEVEL_LABELS, Catalog, metric_text
from .site import Page, RawFile, display_name

FIELDS = ("地区", "层级", "主题", "概述", "背景与问题", "主要举措", "成效数据", "采用的标准", "政策依据", "相关做法", "来源")
DATA_URI = "data/compare.js"


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
        names(catalog, "policy", practice.get("policies", [])),
        names(catalog, "practice", practice.get("related", [])),
        sorted({display_name("source", catalog.get("source", c["source"])) for c in practice["sources"]}),
    ]


def pages(catalog: Catalog) -> Iterator[Page | RawFile]:
    data = {
        "fields": list(FIELDS),
        "practices": {
            p["id"]: {"title": p["title"], "short": p.get("short_title", p["title"]), "cells": columns(catalog, p)}
            for p in catalog.all("practice")
        },
    }
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1)
    yield RawFile(DATA_URI, f"window.catalogCompare = {text};\n")
    yield Page("compare/index.md", "compare.md.j2", {"data_uri": Markup(DATA_URI)})
