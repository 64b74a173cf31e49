"""``catalog new``: a commented template for a new record, written where the record belongs.

Every field of the kind's schema appears with its description as a comment. Required fields are
left empty, so ``catalog check`` names each one still to fill in; optional fields are commented
out. The first line points VS Code's YAML extension at the schema, so fields complete and are
checked as the editor types.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from pathlib import Path

from govcat.checks.schema.documents import DEFS_FILE, load_schema
from govcat.checks.schema.fields import Field, choices_note, record_fields
from govcat.checks.schema.shapecheck import require_supported
from govcat.checks.suggest import reference_hint, suggest
from govcat.layout import Kind, Project, reserved_id
from govcat.model.catalog import Catalog
from govcat.model.divisions import TableError

TITLE_FIELDS = ("title", "name")
PLAIN = re.compile(r"^(?![0-9]+$)[a-z0-9.-]+$")  # digits alone (a division code) stay text: quoted


class NewRecordError(ValueError):
    """Why the template was not written, in words for editors."""


def yaml_text(value: str) -> str:
    """``value`` as a YAML scalar that stays exactly this text."""
    return value if PLAIN.match(value) else json.dumps(value, ensure_ascii=False)


def field_lines(field: Field, value: str | None, indent: int) -> list[str]:
    """A field's description comment and its line(s); optional empty fields are commented out."""
    pad = " " * indent
    head = f"{pad}# {'必填' if field.required else '选填'}（{field.value}）：{field.description}{choices_note(field)}"
    body = value_lines(field, value, indent)
    if not field.required and value is None:
        body = [f"{pad}# {line[indent:]}" for line in body]
    return [head, *body]


def value_lines(field: Field, value: str | None, indent: int) -> list[str]:
    pad = " " * indent
    if value is not None:
        return [f"{pad}{field.name}: {yaml_text(value)}"]
    if not field.children:
        return [f"{pad}{field.name}:"]
    inner = indent + (4 if field.is_list else 2)
    children = [line for child in field.children for line in field_lines(child, None, inner)]
    if field.is_list:  # the first written sub-field opens the list item
        first = next(i for i, line in enumerate(children) if not line[inner:].startswith("#"))
        children[first] = f"{pad}  - {children[first][inner:]}"
    return [f"{pad}{field.name}:", *children]


def template_text(kind: Kind, fields: tuple[Field, ...], values: dict[str, str], schema: str, shown: str) -> str:
    lines = [
        f"# yaml-language-server: $schema={schema}",
        f"# 新{kind.label}记录，由 catalog new 生成。",
        "# “必填”字段都要填写；“选填”字段用到时删去行首的“# ”再填写，用不到可整行删除。",
        "# 字段说明见站点“编辑指南”；填好后运行：",
        f"#     catalog check {shown}",
    ]
    for field in fields:
        lines += ["", *field_lines(field, values.get(field.name), 0)]
    return "\n".join(lines) + "\n"


def prefilled(
    kind: Kind, fields: tuple[Field, ...], record_id: str, title: str, region: str | None, extra: Mapping[str, str]
) -> dict[str, str]:
    """The values known from the command line: id, title or name, region (a region's parent),
    and any ``extra`` fields (a source's publisher, date and address)."""
    names = [f.name for f in fields]
    values = {"id": record_id, next(n for n in TITLE_FIELDS if n in names): title, **extra}
    region_field = "region" if "region" in names else "parent" if "parent" in names and kind.name == "region" else None
    required = {f.name for f in fields if f.required}
    if region is not None:
        if region_field is None:
            raise NewRecordError(f"{kind.label}记录没有地区字段，不要给 --region")
        values[region_field] = region
    elif region_field in required:
        raise NewRecordError(f"{kind.label}记录必须写明地区：加上 --region <地区编号>")
    if "text_file" in names:
        values["text_file"] = f"{record_id}.txt"
    return values


def check_arguments(project: Project, catalog: Catalog, kind: Kind, record_id: str, region: str | None) -> None:
    rule = load_schema(project.schemas, DEFS_FILE)["$defs"]["id"]
    if not re.fullmatch(rule["pattern"], record_id) or len(record_id) > rule["maxLength"]:
        raise NewRecordError(f"编号“{record_id}”不合要求。{rule['description']}")
    reason = reserved_id(record_id)
    if reason:
        raise NewRecordError(reason)
    if catalog.has(kind.name, record_id):
        existing = catalog.records[kind.name][record_id].display_path
        raise NewRecordError(f"已有{kind.label}“{record_id}”：{existing}，请换一个编号，或直接修改该文件")
    if region is not None and not catalog.has("region", region):
        hint = reference_hint(catalog, "region", region) or "请先用 catalog new region 添加它"
        raise NewRecordError(f"找不到地区“{region}”，{hint}")


def resolve_region(catalog: Catalog, region: str) -> tuple[str, str | None]:
    """The region id ``--region`` means, with a notice when it was given by name (郑州市 -> zhengzhou)."""
    if catalog.has("region", region):
        return region, None
    found = suggest(catalog, "region", region)
    if found is not None and found.exact:
        return found.record_id, f"地区“{region}”的编号是 {found.record_id}，已按编号写入"
    owner = division_owner(catalog, region)
    if owner is not None:
        return (
            owner,
            f"地区“{region}”是全国区划表中的{catalog.divisions.path(catalog.divisions.named(region)[0])}，编号 {owner}，已按编号写入",
        )
    hint = reference_hint(catalog, "region", region) or "请先用 catalog new region --name <名称> 添加它"
    raise NewRecordError(f"找不到地区“{region}”，{hint}")


def division_owner(catalog: Catalog, name: str) -> str | None:
    """The region record of the one division of the table called ``name`` (宝鸡 -> baoji), if any."""
    try:
        found = catalog.divisions.named(name)
    except TableError:
        return None
    owners = catalog.region_codes.get(found[0].code, []) if len(found) == 1 else []
    return owners[0] if owners else None


def record_path(project: Project, catalog: Catalog, kind: Kind, record_id: str, region: str | None) -> Path:
    """Where a new record of ``kind`` belongs (practices in the folder of their place)."""
    folder = project.folder(kind)
    if kind.nested and region is not None:
        folder = folder / catalog.place_of(region)
    return folder / f"{record_id}.yaml"


def new_record(
    project: Project,
    catalog: Catalog,
    kind: Kind,
    record_id: str,
    title: str,
    region: str | None,
    extra: Mapping[str, str] | None = None,
) -> Path:
    """Write the template of a new record and return its path; refuses to overwrite anything."""
    check_arguments(project, catalog, kind, record_id, region)
    require_supported(project.schemas, kind.schema_file)
    fields = record_fields(project.schemas, kind.schema_file)
    values = prefilled(kind, fields, record_id, title, region, extra or {})
    path = record_path(project, catalog, kind, record_id, region)
    schema = Path(os.path.relpath(project.schemas / kind.schema_file, path.parent)).as_posix()
    text = template_text(kind, fields, values, schema, project.relative(path))
    write_new(path, text, project.relative(path))
    return path


def write_new(path: Path, text: str, shown: str) -> None:
    """Create ``path`` with ``text``; never replaces an existing file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
    except FileExistsError:
        raise NewRecordError(f"{shown} 已存在，不会覆盖") from None
