"""What changed in a practice at its latest event, in words for /updates/ and the feed: a new
record, a review against the source, or the fields a change touched (概述、成效数据（2 项 → 3 项）).

A change is told by comparing the record with its text before the last commit that changed it
(``govcat.model.history``); both are read as plain text values, so that a date or a figure
compares as written.
"""

from __future__ import annotations

from typing import Any

import yaml

from govcat.model.catalog import Catalog
from govcat.model.history import text_before_last_change

ADDED = "新增"
CHANGED = "修改"
REVIEWED = "核对"
FIELD_LABELS = {
    "title": "标题",
    "short_title": "简称",
    "aliases": "又称",
    "aliases_basis": "别称依据",
    "region": "地区",
    "level": "层级",
    "parent": "上级做法",
    "themes": "主题",
    "tags": "标签",
    "summary": "概述",
    "background": "背景与问题",
    "measures": "主要举措",
    "metrics": "成效数据",
    "standards": "采用的标准",
    "policies": "政策依据",
    "terms": "术语",
    "problems": "解决的难题",
    "related": "相关做法",
    "sources": "来源",
    "last_reviewed": "核对日期",
    "editor_note": "编者注",
}
SEPARATOR = "、"


def plain(text: str) -> dict[str, Any] | None:
    """A record's YAML with every value as text; None when it is not a mapping or not YAML."""
    try:
        data = yaml.load(text, Loader=yaml.BaseLoader)
    except yaml.YAMLError:
        return None
    return data if isinstance(data, dict) else None


def field_change(name: str, before: Any, after: Any) -> str:
    """A changed field in words: its label, and for lists how many items it had and has."""
    label = FIELD_LABELS.get(name, name)
    if isinstance(before, list) and isinstance(after, list) and len(before) != len(after):
        return f"{label}（{len(before)} 项 → {len(after)} 项）"
    if before is None:
        return f"{label}（新填）"
    if after is None:
        return f"{label}（删去）"
    return label


def described_change(before: dict[str, Any] | None, after: dict[str, Any] | None) -> str:
    """The fields that differ between two versions of a record, in the record's own order."""
    if before is None or after is None:
        return "修改了记录（之前的版本读不出来）"
    names = list(dict.fromkeys([*after, *before]))
    changed = [field_change(n, before.get(n), after.get(n)) for n in names if before.get(n) != after.get(n)]
    return "修改了" + SEPARATOR.join(changed) if changed else "修改了记录的写法，内容未变"


def what_changed(catalog: Catalog, practice_id: str, event: str) -> str:
    """What the practice's latest event did, in words."""
    record = catalog.records["practice"][practice_id]
    if event == ADDED:
        return "新增的做法"
    if event == REVIEWED:
        return f"对照来源核对（{record.data['last_reviewed']}）"
    before = text_before_last_change(catalog.project.root, record.display_path)
    return described_change(None if before is None else plain(before), plain(record.path.read_text("utf-8")))
