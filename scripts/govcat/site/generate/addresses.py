"""Where every page and file of the site is: the one place a path is decided.

A path is relative to the docs folder (``practices/<id>.md``, served at ``/practices/<id>/``).
Generators write their pages at these paths and templates link only to paths given to them from
here (through ``href``, ``page_link`` or the record links of ``functions``), so a link cannot
point where no page is. The further pages of a listing are ``paging.page_path``'s.
"""

from __future__ import annotations

from govcat.layout import KINDS, Project
from govcat.model.catalog import DATE_FIELDS, Catalog
from govcat.model.dates import known
from govcat.model.records import record_paths

HOME = "index.md"
COMPARE = "compare/index.md"
COMPARE_DATA = "data/compare"  # one <id>.js per practice
UPDATES = "updates.md"
FEED = "feed.xml"  # the Atom feed of the updates, at the root: its relative links are relative to the site
FIELDS = "guide/fields.md"  # the field reference, generated from schemas/
GUIDE = "guide/index.md"  # hand-written: content/guide/index.md
DATA_JSON = "data/practices.json"
DATA_CSV = "data/metrics.csv"
DATA_SCHEMAS = "data/schemas"  # one <kind>.schema.json per kind, and defs.schema.json
INDEX_PAGES = {"term": "glossary/index.md"}  # the list of terms is the glossary
METRICS_SECTION = "metrics"


def page_uri(kind: str, record_id: str) -> str:
    """A record's page: <section>/<id>.md."""
    return f"{KINDS[kind].section}/{record_id}.md"


def index_uri(kind: str) -> str:
    """The list of a kind's records: <section>/index.md (for terms, the glossary)."""
    return INDEX_PAGES.get(kind, f"{KINDS[kind].section}/index.md")


def theme_place_uri(theme_id: str, place_id: str) -> str:
    """The practices of one theme in one place (see ``places``): themes/<theme>/<place>.md."""
    return f"{KINDS['theme'].section}/{theme_id}/{place_id}.md"


def region_theme_uri(region_id: str, theme_id: str) -> str:
    """The practices of one theme in a province and all below it: regions/<province>/<theme>.md
    (a theme's id is never ``page``, the segment of a region page's further pages)."""
    return f"{KINDS['region'].section}/{region_id}/{theme_id}.md"


def metrics_uri(place_id: str | None = None) -> str:
    """The metrics overview, or the metrics of one place's practices: metrics/<place>.md."""
    return f"{METRICS_SECTION}/{'index' if place_id is None else place_id}.md"


def schema_uri(schema_file: str) -> str:
    """A JSON Schema among the data downloads."""
    return f"{DATA_SCHEMAS}/{schema_file}"


def compare_data_uri(practice_id: str) -> str:
    """A practice's rows for the compare page."""
    return f"{COMPARE_DATA}/{practice_id}.js"


def record_pages(project: Project) -> dict[str, str]:
    """Page path -> the record file it is made from (as editors see it), for the edit links."""
    return {page_uri(kind.name, path.stem): project.relative(path) for kind, path in record_paths(project)}


def page_dates(catalog: Catalog) -> dict[str, str]:
    """Page path -> the date its record gives: a practice's last review, a source's publication,
    a policy's date. The sitemap shows these instead of the day of the build."""
    return {
        page_uri(kind, record["id"]): record[field]
        for kind, field in DATE_FIELDS.items()
        for record in catalog.all(kind)
        if field in record and known(record[field])  # a source of unknown date gives the page none
    }


def newest_date(catalog: Catalog) -> str | None:
    """The newest date any record gives: how current the catalog's data are."""
    return max(page_dates(catalog).values(), default=None)
