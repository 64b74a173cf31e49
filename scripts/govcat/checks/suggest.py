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
    if found is None:
        return None
    if found.name and found.exact:
        return f"{label}“{found.name}”的编号是 {found.record_id}，这里要写编号"
    if found.name:
        return f"是不是{label}“{found.name}”（编号 {found.record_id}）？"
    return f"是不是“{found.record_id}”？"


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
