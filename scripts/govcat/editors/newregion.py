"""``catalog new region --name 宝鸡市`` (or ``--code 610300``): region records from the national
division table, the division's and those of its parents the catalog does not have yet.

Each record is the ``catalog new`` template with id, name, code, level and parent filled in, so
the optional fields (aliases, note) are there to uncomment. Nothing is written unless every
record can be.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pypinyin import lazy_pinyin

from govcat.checks.schema.fields import record_fields
from govcat.checks.schema.shapecheck import require_supported
from govcat.editors.newrecord import NewRecordError, check_arguments, template_text, write_new
from govcat.layout import KINDS, Project
from govcat.model.catalog import Catalog
from govcat.model.divisions import Division, DivisionTable, TableError

ENDINGS = ("特别行政区", "自治区", "自治州", "地区", "街道", "省", "市", "盟", "县", "区", "旗", "镇", "乡")


@dataclass(frozen=True)
class NewRegion:
    """A record to write: the division and the id it gets."""

    division: Division
    record_id: str
    parent_id: str | None


def division_asked(table: DivisionTable, name: str | None, code: str | None) -> Division:
    """The division ``--name`` or ``--code`` names; refused, with every choice, when it names none or several."""
    if code is not None:
        division = table.get(code)
        if division is not None:
            return division
        moved = table.current_for_code(code)
        if moved is not None:
            today, steps = moved
            change = "；".join(step.describe() for step in steps)
            raise NewRecordError(f"代码 {code} 已停用（{change}）：今天是{table.path(today)}，用 --code {today.code}")
        raise NewRecordError(f"全国区划表中没有代码 {code}：核对代码（省、地、县 6 位，乡镇 9 位），或用 --name <名称>")
    assert name is not None
    found = table.named(name)
    if len(found) == 1:
        return found[0]
    if found:
        listed = "、".join(f"{table.path(d)}（{d.code}）" for d in found)
        raise NewRecordError(
            f"全国区划表中叫“{name}”的有 {len(found)} 处：{listed}：用 --code 指明要哪一个，"
            f"如 catalog new region --code {found[0].code}"
        )
    renamed = table.current_for_name(name)
    if renamed:
        today, steps = renamed[0]
        change = "；".join(step.describe() for step in steps)
        raise NewRecordError(f"“{name}”是旧名（{change}）：今天是{table.path(today)}，用 --code {today.code}")
    raise NewRecordError(
        f"全国区划表中没有“{name}”：照表写名称（如“宝鸡市”），或用 --code <代码>；不是行政区划的地方"
        f"（开发区、示范区）用 catalog new region --id <编号> --title {name} --region <上级编号> 写模板，并写 division_note"
    )


def short_name(name: str) -> str:
    """宝鸡市 -> 宝鸡, 新华街街道 -> 新华街: the name without the ending that gives its level."""
    for ending in ENDINGS:
        short = name.removesuffix(ending)
        if short != name and len(short) >= 2:
            return short
    return name


def new_id(division: Division, parent_id: str | None, taken: set[str]) -> str:
    """baoji for 宝鸡市; a township after its county (heshan-xinhuajie); the parent's id in front,
    then a number, when the id is taken."""
    own = "".join(s for s in lazy_pinyin(short_name(division.name)) if s.isascii() and s.isalnum()).lower() or "diqu"
    wanted = [f"{parent_id}-{own}"] if division.level == "township" and parent_id else [own]
    if parent_id:
        wanted.append(f"{parent_id}-{own}")
    for candidate in wanted + [f"{wanted[-1]}-{n}" for n in range(2, 100)]:
        if candidate not in taken:
            return candidate
    raise NewRecordError(f"给{division.name}找不到空着的编号：用 --id 指定")


def regions_to_write(catalog: Catalog, division: Division, record_id: str | None) -> list[NewRegion]:
    """The division and its parents the catalog has no region record for, the province first."""
    table = catalog.divisions
    owners = catalog.region_codes.get(division.code)
    if owners:
        shown = catalog.records["region"][owners[0]].display_path
        raise NewRecordError(
            f"已有{table.path(division)}（{division.code}）的地区记录：{owners[0]}（{shown}），直接用编号 {owners[0]}"
        )
    ids = {code: owner[0] for code, owner in catalog.region_codes.items()}
    taken = set(catalog.ids("region"))
    made: list[NewRegion] = []
    for each in (*table.ancestors(division), division):
        if each.code in ids:
            continue
        parent_id = ids.get(each.parent)
        chosen = record_id if each is division and record_id else new_id(each, parent_id, taken)
        taken.add(chosen)
        ids[each.code] = chosen
        made.append(NewRegion(each, chosen, parent_id))
    return made


def new_regions(
    project: Project, catalog: Catalog, name: str | None, code: str | None, record_id: str | None
) -> list[tuple[Path, NewRegion]]:
    """Write the records of the division named (and of its missing parents); their paths, parents first."""
    try:
        table = catalog.divisions
    except TableError as error:
        raise NewRecordError(str(error)) from None
    kind = KINDS["region"]
    made = regions_to_write(catalog, division_asked(table, name, code), record_id)
    for region in made:
        check_arguments(project, catalog, kind, region.record_id, None)
    require_supported(project.schemas, kind.schema_file)
    fields = record_fields(project.schemas, kind.schema_file)
    written = []
    for region in made:
        path = project.folder(kind) / f"{region.record_id}.yaml"
        if path.exists():
            raise NewRecordError(f"{project.relative(path)} 已存在，不会覆盖：用 --id 指定另一个编号")
        division = region.division
        values = {"id": region.record_id, "name": division.name, "code": division.code, "level": division.level}
        if region.parent_id:
            values["parent"] = region.parent_id
        schema = Path(os.path.relpath(project.schemas / kind.schema_file, path.parent)).as_posix()
        written.append((path, template_text(kind, fields, values, schema, project.relative(path))))
    for path, text in written:
        write_new(path, text, project.relative(path))
    return [(path, region) for (path, _), region in zip(written, made, strict=True)]
