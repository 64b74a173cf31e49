"""Region records checked against the national division table (``govcat.model.divisions``).

A province, prefecture, county or township record carries the table's code, and its name, level
and parent agree with the table's entry for that code, unless ``division_note`` says why not (a
示范区 that is not a division, a county-level city the catalog treats as a city). An old code or
name is answered with today's and the change that led there; each message names the table's
entry and what to write instead.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from govcat.model.catalog import LEVEL_LABELS, Catalog, name_key
from govcat.model.divisions import Change, Division, DivisionTable, TableError
from govcat.model.records import Record

Finding = tuple[tuple[str | int, ...], str]
TABLE_LEVELS = ("province", "city", "county", "township")
EXCUSE = "确实与区划表不同（如不是行政区划的开发区、示范区）时，写 division_note 说明原因"


def entry(table: DivisionTable, division: Division) -> str:
    """How a message names a table entry: 陕西省宝鸡市（610300，市级）."""
    return f"{table.path(division)}（{division.code}，{LEVEL_LABELS[division.level]}）"


def history(changes: list[Change]) -> str:
    return "；".join(change.describe() for change in changes)


def parent_code(record: Record, catalog: Catalog) -> str | None:
    parent = record.data.get("parent")
    if isinstance(parent, str) and catalog.has("region", parent):
        code = catalog.get("region", parent).get("code")
        return code if isinstance(code, str) else None
    return None


def candidates(table: DivisionTable, name: str, parent: str | None) -> list[Division]:
    """Divisions named ``name``; under ``parent`` (a code) when some are."""
    found = table.named(name)
    below = [d for d in found if parent in {a.code for a in table.ancestors(d)}]
    return below or found


def choices(table: DivisionTable, found: list[Division]) -> str:
    return "、".join(entry(table, d) for d in found)


def check_region_division(record: Record, catalog: Catalog) -> Iterator[Finding]:
    level = catalog.region_level(record.id)
    if not level:
        yield (
            ("name",),
            (
                f"level: 必填字段还没有填写：从代码和名称“{record.data['name']}”都看不出层级，"
                "写上 level（province、city、county、township、community 之一）"
            ),
        )
        return
    if level not in TABLE_LEVELS:
        return  # the table stops at townships: villages and communities are not in it
    try:
        table = catalog.divisions
    except TableError as error:
        yield ("code",) if "code" in record.data else ("name",), f"code: {error}"
        return
    code = record.data.get("code")
    if code is None:
        yield from without_code(record, catalog, table, level)
    else:
        yield from with_code(record, catalog, table, code)
        yield from duplicate_code(record, catalog, code)


def with_code(record: Record, catalog: Catalog, table: DivisionTable, code: str) -> Iterator[Finding]:
    division = table.get(code)
    if division is None:
        yield ("code",), unknown_code(record, catalog, table, code)
        return
    if "division_note" in record.data:
        return
    name = record.data["name"]
    if name_key(name) != name_key(division.name):
        yield wrong_name(record, catalog, table, division)
        return
    written = record.data.get("level")
    if written is not None and written != division.level:
        yield (
            ("level",),
            (
                f"level: 全国区划表中{table.path(division)}（{division.code}）是{LEVEL_LABELS[division.level]}"
                f"（{division.level}），这里写的是 {written}：把 level 改为 {division.level}，或删去 level（按区划表推断）；"
                "确实要按别的层级处理（如把省直管的县级市按市级）时，写 division_note 说明原因"
            ),
        )
    yield from wrong_parent(record, catalog, table, division)


def unknown_code(record: Record, catalog: Catalog, table: DivisionTable, code: str) -> str:
    moved = table.current_for_code(code)
    if moved is not None:
        today, steps = moved
        rename = f"、name 改为“{today.name}”" if today.name != record.data["name"] else ""
        return f"code: 代码“{code}”已停用（{history(steps)}）：今天是{entry(table, today)}，把 code 改为 {today.code}{rename}"
    found = candidates(table, record.data["name"], parent_code(record, catalog))
    fix = code_fix(table, record.data["name"], found) or f"按表改正代码；{EXCUSE}，并删去 code"
    return f"code: 全国区划表（截至 {table.about.get('as_of', '—')}）中没有代码“{code}”：{fix}"


def code_fix(table: DivisionTable, name: str, found: list[Division]) -> str | None:
    """The code to write for ``name``: the one division of that name, or a choice among several."""
    if len(found) == 1:
        return f"“{name}”在表中是{entry(table, found[0])}：把 code 改为 {found[0].code}"
    if found:
        return f"叫“{name}”的有 {choices(table, found)}：把 code 改为其中正确的代码"
    return None


def wrong_name(record: Record, catalog: Catalog, table: DivisionTable, division: Division) -> Finding:
    name = record.data["name"]
    renamed = [(today, steps) for today, steps in table.current_for_name(name) if today.code == division.code]
    if renamed:
        today, steps = renamed[0]
        return (
            ("name",),
            f"name: “{name}”是旧名（{history(steps)}）：今天是{entry(table, today)}，把 name 改为“{today.name}”",
        )
    others = [d for d in candidates(table, name, parent_code(record, catalog)) if d.code != division.code]
    fix = code_fix(table, name, others) or f"改正代码，或把 name 改为“{division.name}”"
    return (
        ("code",),
        f"code: 代码“{division.code}”在全国区划表中是{entry(table, division)}，不是“{name}”：{fix}；{EXCUSE}",
    )


def wrong_parent(record: Record, catalog: Catalog, table: DivisionTable, division: Division) -> Iterator[Finding]:
    above = parent_code(record, catalog)
    expected = table.parent_of(division)
    if above is None or expected is None or above == expected.code:
        return
    owners = catalog.region_codes.get(expected.code, [])
    fix = (
        f"把 parent 改为 {owners[0]}"
        if owners
        else f"先添加上级（catalog new region --code {expected.code}），再把 parent 改为它的编号"
    )
    written = table.get(above)
    shown = entry(table, written) if written is not None else f"代码 {above}"
    yield (
        ("parent",),
        (
            f"parent: 全国区划表中{entry(table, division)}的上级是{entry(table, expected)}，"
            f"这里的上级“{record.data['parent']}”是{shown}：{fix}"
        ),
    )


def without_code(record: Record, catalog: Catalog, table: DivisionTable, level: str) -> Iterator[Finding]:
    if "division_note" in record.data:
        return
    name = record.data["name"]
    above = parent_code(record, catalog)
    if level == "township":
        yield from township_without_code(record, table, above)
        return
    found = candidates(table, name, above)
    renamed = table.current_for_name(name)
    if len(found) == 1:
        yield (
            ("name",),
            f'code: 缺少行政区划代码：“{name}”在全国区划表中是{entry(table, found[0])}，写上 code: "{found[0].code}"',
        )
    elif found:
        yield ("name",), f"code: 缺少行政区划代码：叫“{name}”的有 {choices(table, found)}，写上其中正确的代码"
    elif renamed:
        today, steps = renamed[0]
        yield (
            ("name",),
            (
                f"name: “{name}”是旧名（{history(steps)}）：今天是{entry(table, today)}，"
                f'把 name 改为“{today.name}”，写上 code: "{today.code}"'
            ),
        )
    else:
        yield (
            ("name",),
            (
                f"name: 全国区划表（截至 {table.about.get('as_of', '—')}）中没有“{name}”："
                f"按表改正名称并写上代码；{EXCUSE}"
            ),
        )


def township_without_code(record: Record, table: DivisionTable, above: str | None) -> Iterator[Finding]:
    """A township without a code is named as one of its county's in the table (when the table
    lists that county's townships)."""
    county = table.get(above) if above is not None else None
    townships = list(table.children(above)) if above is not None else []
    townships = [d for d in townships if d.level == "township"]
    if county is None or not townships:
        return
    name = record.data["name"]
    if any(name_key(d.name) == name_key(name) for d in townships):
        return
    close = difflib.get_close_matches(name, [d.name for d in townships], n=3, cutoff=0.5)
    hint = f"是不是“{'”“'.join(close)}”？" if close else ""
    yield (
        ("name",),
        f"name: 全国区划表中{entry(table, county)}下没有乡镇（街道）“{name}”：{hint}按表改正名称；{EXCUSE}",
    )


def duplicate_code(record: Record, catalog: Catalog, code: str) -> Iterator[Finding]:
    owners = catalog.region_codes.get(code, [])
    if owners and owners[0] != record.id:
        first = catalog.records["region"][owners[0]].display_path
        yield (
            ("code",),
            f"code: 代码“{code}”已是地区“{owners[0]}”（{first}）的代码：一个代码只能属于一个地区，按全国区划表改正",
        )
