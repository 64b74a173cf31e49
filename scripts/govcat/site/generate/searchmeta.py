"""What each generated page tells the site search about itself: its front matter ``search``.

``govcat.site.search.pages`` reads it back from the built page (overrides/main.html writes it into a
meta element), so the index learns what only the records know:

* ``kind`` — shown with each result and offered as the 类型 facet;
* ``region`` — the place shown with a result (河南省 › 郑州市 › 金水区);
* ``facets`` — a practice's themes, city, level and tags (a region's, standard's or policy's
  city and level), to narrow results by;
* ``names`` — a record's aliases, and the names a practice refers to (its regions, themes,
  terms, standards, tags), so that it ranks for them above pages that merely mention them;
* ``boost`` and ``exclude`` — list pages rank below the records they list; the second and later
  pages of a listing are left out.
"""

from __future__ import annotations

from typing import Any

from govcat.layout import KINDS
from govcat.model.catalog import LEVEL_LABELS, Catalog

LIST_KIND = "列表"  # listing pages, as a reader would call them
LIST_PAGE: dict[str, Any] = {"kind": LIST_KIND, "boost": 0.5}
LATER_PAGE: dict[str, Any] = {"exclude": True}


def region_line(catalog: Catalog, region_id: str) -> str:
    """The region with the regions above it: 河南省 › 郑州市."""
    return " › ".join(catalog.get("region", r)["name"] for r in catalog.region_chain(region_id))


def city_name(catalog: Catalog, region_id: str) -> str:
    name: str = catalog.get("region", catalog.place_of(region_id))["name"]
    return name


def names(catalog: Catalog, kind: str, ids: list[str]) -> list[str]:
    return [catalog.get(kind, i)["name"] for i in ids]


def problem_names(catalog: Catalog, ids: list[str]) -> list[str]:
    """The names and aliases of the problems a practice addresses: a reader's words for what it solves."""
    return [
        name for i in ids for name in (catalog.get("problem", i)["name"], *catalog.get("problem", i).get("aliases", []))
    ]


def practice(catalog: Catalog, data: dict[str, Any]) -> dict[str, Any]:
    region = data["region"]
    chain = catalog.region_chain(region)
    themes = names(catalog, "theme", data["themes"])
    tags = names(catalog, "tag", data.get("tags", []))
    return {
        "kind": KINDS["practice"].label,
        "region": region_line(catalog, region),
        "facets": {
            "theme": themes,
            "city": [city_name(catalog, region)],
            "level": [LEVEL_LABELS[data["level"]]],
            "tag": tags,
        },
        "names": [
            *data.get("aliases", []),
            *names(catalog, "region", chain),
            *themes,
            *names(catalog, "term", data.get("terms", [])),
            *names(catalog, "standard", data.get("standards", [])),
            *tags,
            *problem_names(catalog, data.get("problems", [])),
        ],
    }


def record(catalog: Catalog, kind: str, data: dict[str, Any]) -> dict[str, Any]:
    """A record page other than a practice's."""
    settings: dict[str, Any] = {"kind": KINDS[kind].label}
    region = data["id"] if kind == "region" else data.get("region")
    if region is not None:
        chain = catalog.region_chain(region)
        shown = chain[:-1] if kind == "region" else chain
        if shown:
            settings["region"] = " › ".join(catalog.get("region", r)["name"] for r in shown)
        facets = {"city": [city_name(catalog, region)]}
        if kind == "region":
            facets["level"] = [LEVEL_LABELS[catalog.region_level(data["id"])]]
        settings["facets"] = facets
    if data.get("aliases"):
        settings["names"] = list(data["aliases"])
    return settings
