"""Which record an editor meant when a reference does not name an id of the catalog.

Editors type what they see on the site: 楼院治理 where the theme's id ``louyuan-zhili`` belongs,
郑州 for ``zhengzhou``, ``Louyuan-Zhili`` with capitals. Both the schema check (a name fails the
id pattern first) and the reference check (an id that does not exist) ask here, so an editor
gets the same suggestion whichever check fires.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from govcat.layout import KINDS
from govcat.model.catalog import Catalog, name_key
from govcat.model.divisions import TableError
from govcat.model.hanzi import HAN

CUTOFF = 0.6


@dataclass(frozen=True)
class Suggestion:
    """A record the editor probably meant: its id, and the name that matched (empty for an id)."""

    record_id: str
    name: str = ""
    exact: bool = False


def id_form(value: str) -> str:
    """What ``value`` would be as an id: half-width, lower case, spaces and underscores as hyphens."""
    text = unicodedata.normalize("NFKC", value).strip().lower()
    return re.sub(r"[\s_]+", "-", text)


def suggest(catalog: Catalog, kind: str, value: str, exclude: str = "") -> Suggestion | None:
    """The record of ``kind`` that ``value`` most likely means, by id or by name; never ``exclude``
    (a record does not refer to itself)."""
    ids = [i for i in catalog.ids(kind) if i != exclude]
    as_id = id_form(value)
    if as_id != value and catalog.has(kind, as_id):
        return Suggestion(as_id, exact=True)
    names = {k: found for k, found in catalog.names.get(kind, {}).items() if found[0] != exclude}
    key = name_key(value)
    if key in names:
        record_id, name = names[key]
        return Suggestion(record_id, name, exact=True)
    close_ids = difflib.get_close_matches(as_id, ids, n=1, cutoff=CUTOFF)
    if close_ids:
        return Suggestion(close_ids[0])
    close_names = difflib.get_close_matches(key, list(names), n=1, cutoff=CUTOFF) if key else []
    if close_names:
        record_id, name = names[close_names[0]]
        return Suggestion(record_id, name)
    return None


def reference_hint(catalog: Catalog, kind: str, value: str, exclude: str = "") -> str | None:
    """The sentence that tells an editor which id to write instead of ``value``, if any is likely."""
    found = suggest(catalog, kind, value, exclude)
    label = KINDS[kind].label
    if kind == "region" and not (found and found.exact) and HAN.search(value):
        table_hint = region_name_hint(catalog, value, found)  # a place's name: the division table knows it
        if table_hint is not None:
            return table_hint
    # An id of a region that is not there yet: it is added from the division table, not guessed at
    # (a name has been looked up in the table above).
    typed_id = kind == "region" and not HAN.search(value)
    new_region = "不是的话，先用 catalog new region --name <区划表中的名称> 添加它" if typed_id else ""
    if found is None:
        return "先用 catalog new region --name <区划表中的名称> 添加它" if kind == "region" else None
    if found.name and found.exact:
        return f"{label}“{found.name}”的编号是 {found.record_id}，这里要写编号"
    if found.name:
        return f"是不是{label}“{found.name}”（编号 {found.record_id}）？{new_region}"
    return f"是不是“{found.record_id}”？{new_region}"


def region_name_hint(catalog: Catalog, name: str, close: Suggestion | None) -> str | None:
    """What to write for a place named ``name`` that no region record has: the id of the record
    that carries its division, or how to add the division from the table (every division of that
    name, with its parents, when several share it). None when ``close``, a record with a similar
    name, is the one the table means too, or the only thing there is to say."""
    try:
        table = catalog.divisions
    except TableError:
        return None if close else f"先用 catalog new region --id <编号> --title {name} 添加它"
    found = table.named(name)
    owners = [catalog.region_codes.get(d.code, [None])[0] for d in found]
    if close is not None and (not found or close.record_id in owners) and not table.current_for_name(name):
        return None
    if len(found) == 1 and owners[0] is not None:
        return f"全国区划表中的{table.path(found[0])}是地区 {owners[0]}，这里要写编号 {owners[0]}"
    if len(found) == 1:
        return (
            f"全国区划表中有{table.path(found[0])}（{found[0].code}）：先运行 catalog new region --code {found[0].code}"
            "（连同缺少的上级）添加它，再写它的编号"
        )
    if found:
        listed = "、".join(
            f"{table.path(d)}（{d.code}{f'，编号 {owner}' if owner else ''}）"
            for d, owner in zip(found, owners, strict=True)
        )
        return f"全国区划表中叫“{name}”的有 {len(found)} 处：{listed}：写其中要的那一个的编号，还没有记录的先用 catalog new region --code <代码> 添加"
    renamed = table.current_for_name(name)
    if renamed:
        today, steps = renamed[0]
        change = "；".join(step.describe() for step in steps)
        return f"“{name}”是旧名（{change}），今天是{table.path(today)}（{today.code}）：用今天的名称"
    return (
        f"全国区划表中也没有“{name}”：是行政区划的，先用 catalog new region --name <表中的名称> 添加它；"
        f"不是行政区划的地方（开发区、示范区），用 catalog new region --id <编号> --title {name} --region <上级> 写模板，"
        "并在 division_note 中说明"
    )


# Controlled lists an editor picks from: a value not in them gets the whole list.
LISTED_KINDS = ("theme", "tag")


def missing_hint(catalog: Catalog, kind: str) -> str:
    """What to do about a reference to a record that does not exist and resembles none: the
    existing ones of a controlled list, and how to add a new record."""
    folder = KINDS[kind].folder
    new = f"catalog new {kind} --id <编号> --title <名称>"
    if kind not in LISTED_KINDS:
        return f"请先用 {new} 在 {folder}/ 中添加它"
    listed = "、".join(f"{catalog.get(kind, i).get('name', i)}（{i}）" for i in catalog.ids(kind))
    return f"已有的{KINDS[kind].label}：{listed or '无'}；都不合适时用 {new} 新建"
