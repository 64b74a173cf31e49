"""The field reference of the editors' guide (/guide/fields/), generated from ``schemas/``.

Every description on the page is the schema's own, the same text ``catalog new`` writes into
templates and ``catalog check`` quotes in its messages, so the guide cannot drift from the checks.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from markupsafe import Markup

from govcat.checks.schema.documents import load_schema
from govcat.checks.schema.fields import Field, choices_note, record_fields, shared_definitions
from govcat.layout import KINDS, Kind
from govcat.model.catalog import Catalog
from govcat.site.generate.addresses import FIELDS, schema_uri
from govcat.site.generate.outputs import Page
from govcat.site.generate.render import relative_url


@dataclass(frozen=True)
class Row:
    path: str  # measures[].title
    field: Field
    note: str  # 可选：… when the description does not list the choices


@dataclass(frozen=True)
class KindFields:
    kind: Kind
    title: str
    description: str
    where: str
    schema_link: Markup  # the JSON Schema among the data downloads
    rows: list[Row]


def rows(fields: tuple[Field, ...], prefix: str = "") -> Iterator[Row]:
    """Every field and sub-field, depth first, named as editors write them."""
    for field in fields:
        path = f"{prefix}{field.name}"
        yield Row(path, field, choices_note(field))
        yield from rows(field.children, f"{path}[]." if field.is_list else f"{path}.")


def kind_fields(catalog: Catalog, kind: Kind) -> KindFields:
    schemas = catalog.project.schemas
    schema = load_schema(schemas, kind.schema_file)
    where = f"{kind.folder}/<地区>/<编号>.yaml" if kind.nested else f"{kind.folder}/<编号>.yaml"
    target = relative_url(FIELDS, schema_uri(kind.schema_file))
    return KindFields(
        kind,
        schema["title"],
        schema["description"],
        where,
        Markup(f"[{kind.schema_file}]({target})"),
        list(rows(record_fields(schemas, kind.schema_file))),
    )


def pages(catalog: Catalog) -> Iterator[Page]:
    yield Page(
        FIELDS,
        "guide-fields.md.j2",
        {
            "kinds": [kind_fields(catalog, kind) for kind in KINDS.values()],
            "shared": shared_definitions(catalog.project.schemas),
        },
    )
