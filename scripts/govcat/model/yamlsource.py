"""Read one YAML record into plain data, remembering where every key and value stands.

Records are data written by hand, so the loader is deliberately narrower than YAML:

* every scalar is text (no implicit typing: ``no``, ``010``, ``3.10`` and ``2024-08-05``
  stay exactly as written); an empty value, ``~`` or ``null`` means "not filled in";
* anchors, aliases and explicit tags are refused, so nothing can expand or construct;
* duplicate keys (also keys equal after Unicode NFKC normalisation) are errors;
* a file holds exactly one document whose top level is a mapping.

Problems come back as ``Problem`` values with 1-based line and column, never as exceptions.

Nearly every record is clean, and positions are wanted only for a message. So a record is read in
one quick pass that builds the data alone and gives up at the first thing it would have to judge;
the careful pass, which records where every key and value stands and words each problem, runs on
the files the quick pass gave up on, and on a clean file only when a message asks for a position.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml

from govcat.model.diagnostics import FieldPath

try:  # the C parser is an order of magnitude faster; fall back to pure Python when absent
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 12
TOO_DEEP = f"嵌套超过 {MAX_DEPTH} 层：记录不需要这么深的结构"
# Characters a reader cannot see or that YAML reads as line breaks: they hide text, reorder it
# on screen (bidi controls) or shift line numbers. Tab, LF and CR are fine.
INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
INVISIBLE_NAMES = {
    "\x85": "NEL 换行符",
    "\u2028": "行分隔符",
    "\u2029": "段分隔符",
    "\u200b": "零宽空格",
    "\u200c": "零宽不连字",
    "\u200d": "零宽连字",
    "\u2060": "零宽不换行",
    "\ufeff": "零宽不换行空格（BOM）",
}
NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})
TAB = "这里有制表符（Tab）：YAML 的缩进只能用空格，把 Tab 换成空格（编辑器中可设置“用空格代替 Tab”）"
DUPLICATE = "\0duplicate"  # path step under which a duplicate key's value is parsed and dropped


class Position(NamedTuple):
    """A 1-based place in a file (a tuple: a record has one per key and value, made fast)."""

    line: int
    column: int


@dataclass(frozen=True)
class Problem:
    """Something wrong in a file, at a place."""

    position: Position
    message: str


@dataclass
class Marks:
    """PyYAML's marks of every value and key, kept as they come (made positions only on demand)."""

    values: dict[FieldPath, Any] = field(default_factory=dict)
    keys: dict[FieldPath, Any] = field(default_factory=dict)


@dataclass
class YamlDocument:
    """Plain data (dicts, lists, str, None), the text it was read from and where each part was written."""

    data: Any = None
    problems: list[Problem] = field(default_factory=list)
    text: str | None = None
    marks: Marks | None = field(default=None, repr=False, compare=False)

    def position_of(self, path: FieldPath, *, key: bool = False) -> Position:
        """Where ``path`` was written; the nearest written ancestor when it is missing."""
        marks = self.marks
        if marks is None:  # read quickly: read the text again, carefully, for its marks
            composer = _Composer()
            if self.text is not None:
                composer.run(self.text)
            marks = self.marks = composer.marks
        values = marks.values
        table = marks.keys if key else values
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            if prefix in table:
                return _position(table[prefix])
            if prefix in values:
                return _position(values[prefix])
        return Position(1, 1)


def _position(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


OPENING = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
CLOSING = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


class _Frame:
    """A mapping or sequence being filled while events stream past."""

    def __init__(self, container: dict[str, Any] | list[Any], path: FieldPath) -> None:
        self.container = container
        self.path = path
        self.pending_key: str | None = None
        self.pending_is_duplicate = False
        self.normalised_keys: dict[str, str] = {}

    @property
    def awaits_key(self) -> bool:
        return isinstance(self.container, dict) and self.pending_key is None


class _Composer:
    """Builds plain data from PyYAML parse events, recording positions as it goes."""

    def __init__(self) -> None:
        self.marks = Marks()
        self.doc = YamlDocument(marks=self.marks)
        self.stack: list[_Frame] = []
        self.documents = 0

    def fail(self, mark: Any, message: str) -> None:
        self.doc.problems.append(Problem(_position(mark), message))

    def run(self, text: str) -> YamlDocument:
        try:
            for event in yaml.parse(text, Loader=_Loader):
                if not self.handle(event):
                    break
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            where = _position(mark) if mark else Position(1, 1)
            detail = error.problem or error.context or "无法解析"
            tab = tab_near(text, where)
            if tab is not None:
                where, message = tab, TAB
            elif "nesting depth" in detail:  # libyaml's own limit, met while reading ahead
                message = TOO_DEEP
            else:
                message = f"YAML 语法错误（{detail}）：检查这一行的缩进、冒号后的空格和引号是否成对"
            self.doc.problems.append(Problem(where, message))
        except yaml.YAMLError as error:
            self.doc.problems.append(Problem(Position(1, 1), f"YAML 无法读取：{error}"))
        return self.doc

    def handle(self, event: yaml.Event) -> bool:
        """Consume one event; False stops reading (the file is already known to be wrong)."""
        kind = type(event)
        if kind in CLOSING:
            self.stack.pop()
            return True
        if kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                self.fail(event.start_mark, "一个文件只能有一个 YAML 文档：删除多余的“---”及其后的内容")
                return False
            return True
        if kind is yaml.AliasEvent or getattr(event, "anchor", None):
            self.fail(event.start_mark, "不支持 YAML 锚点和别名（& 和 *）：把内容直接写出来")
            return False
        tag = getattr(event, "tag", None)
        if tag is not None and not (kind is yaml.ScalarEvent and tag == "!"):
            self.fail(event.start_mark, f"不支持 YAML 标签“{tag}”：删除它，直接写值")
            return False
        if isinstance(event, yaml.ScalarEvent):
            return self.scalar(event)
        if isinstance(event, OPENING):
            return self.open(event)
        return True

    def scalar(self, event: yaml.ScalarEvent) -> bool:
        value: str | None = event.value
        if event.implicit[0] and value in NULL_WORDS:  # plain (unquoted) scalar
            value = None
        if self.stack and self.stack[-1].awaits_key:
            return self.key(self.stack[-1], value, event)
        self.attach(value, event)
        return True

    def key(self, frame: _Frame, key: str | None, event: yaml.ScalarEvent) -> bool:
        if key is None:
            self.fail(event.start_mark, "字段名不能为空")
            return False
        normalised = unicodedata.normalize("NFKC", key)
        if normalised in frame.normalised_keys:
            first = frame.normalised_keys[normalised]
            where = _position(self.marks.keys[frame.path + (first,)])
            self.fail(event.start_mark, f"字段“{key}”重复（第 {where.line} 行已有“{first}”）：合并为一个")
            frame.pending_is_duplicate = True
        else:
            frame.normalised_keys[normalised] = key
            self.marks.keys[frame.path + (key,)] = event.start_mark
        frame.pending_key = key
        return True

    def open(self, event: yaml.CollectionStartEvent) -> bool:
        if self.stack and self.stack[-1].awaits_key:
            self.fail(event.start_mark, "字段名必须是简单文字，不能是列表或映射")
            return False
        if len(self.stack) >= MAX_DEPTH:
            self.fail(event.start_mark, TOO_DEEP)
            return False
        container: dict[str, Any] | list[Any] = {} if isinstance(event, yaml.MappingStartEvent) else []
        path = self.attach(container, event)
        self.stack.append(_Frame(container, path))
        return True

    def attach(self, value: Any, event: yaml.Event) -> FieldPath:
        """Put ``value`` into the innermost open container (or make it the document)."""
        if not self.stack:
            self.doc.data = value
            path: FieldPath = ()
        else:
            frame = self.stack[-1]
            if isinstance(frame.container, dict):
                key = frame.pending_key
                assert key is not None
                frame.pending_key = None
                if frame.pending_is_duplicate:  # reported already; keep the first value
                    frame.pending_is_duplicate = False
                    return frame.path + (DUPLICATE,)
                path = frame.path + (key,)
                frame.container[key] = value
            else:
                path = frame.path + (len(frame.container),)
                frame.container.append(value)
        self.marks.values[path] = event.start_mark
        return path


def tab_near(text: str, where: Position) -> Position | None:
    """Where a tab stands in the indentation of the line YAML stopped at, or right at that place:
    YAML refuses tabs there, with words that do not name them."""
    lines = text.split("\n")
    if not 1 <= where.line <= len(lines):
        return None
    line = lines[where.line - 1]
    indentation = line[: len(line) - len(line.lstrip(" \t-"))]
    if "\t" in indentation:
        return Position(where.line, indentation.index("\t") + 1)
    if line[where.column - 1 : where.column] == "\t":
        return where
    return None


def invisible_characters(text: str) -> list[Problem]:
    """Every control, zero-width or bidi character, where it stands."""
    problems = []
    for match in INVISIBLE.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        where = Position(text.count("\n", 0, match.start()) + 1, match.start() - line_start + 1)
        char = match.group()
        name = INVISIBLE_NAMES.get(char) or (
            "双向文字控制符" if "\u200e" <= char <= "\u206f" or char == "\u061c" else "控制字符"
        )
        problems.append(
            Problem(where, f"不可见字符 U+{ord(char):04X}（{name}）：删除它（常见于从网页或文档复制的文字）")
        )
    return problems


def read_carefully(text: str) -> YamlDocument:
    """The careful pass: the data, every key's and value's mark, and each problem in words."""
    doc = _Composer().run(text)
    doc.text = text
    return doc


UNSURE = object()  # what the quick pass gives when the careful one must look


def quick_data(text: str) -> Any:
    """The data of a record that is clean YAML of the kind records may be, built in one pass with
    no positions; ``UNSURE`` at the first thing the careful pass would have to judge: a syntax
    error, an anchor, alias or tag, a second document, nesting too deep, a key that is empty, not
    text, not ASCII (so possibly equal to another after NFKC) or written twice, or a top level that
    is not a mapping."""
    loader = _Loader(text)
    try:
        return _quick_compose(loader.check_event, loader.get_event)
    except yaml.YAMLError:
        return UNSURE
    finally:
        loader.dispose()


def _quick_compose(more: Any, next_event: Any) -> Any:
    root: Any = UNSURE
    containers: list[Any] = []  # the open mappings and sequences, innermost last
    pending: list[str | None] = []  # for each, the key waiting for its value (a mapping's)
    documents = 0
    while more():
        event = next_event()
        kind = event.__class__
        if kind is yaml.ScalarEvent:
            if event.anchor is not None or (event.tag is not None and event.tag != "!"):
                return UNSURE
            value = event.value
            if value in NULL_WORDS and event.implicit[0]:
                value = None
            if not containers:
                root = value
            elif containers[-1].__class__ is list:
                containers[-1].append(value)
            elif pending[-1] is None:
                if value is None or not value.isascii() or value in containers[-1]:
                    return UNSURE
                pending[-1] = value
            else:
                containers[-1][pending[-1]] = value
                pending[-1] = None
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if event.anchor is not None or event.tag is not None or len(containers) >= MAX_DEPTH:
                return UNSURE
            container: Any = {} if kind is yaml.MappingStartEvent else []
            if not containers:
                root = container
            elif containers[-1].__class__ is list:
                containers[-1].append(container)
            elif pending[-1] is None:
                return UNSURE
            else:
                containers[-1][pending[-1]] = container
                pending[-1] = None
            containers.append(container)
            pending.append(None)
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            containers.pop()
            pending.pop()
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                return UNSURE
        elif kind is yaml.AliasEvent:
            return UNSURE
    return root if root.__class__ is dict else UNSURE


def parse_yaml(text: str) -> YamlDocument:
    """Parse one record's text. The result's ``problems`` is empty when ``data`` is usable."""
    hidden = invisible_characters(text)
    if hidden:  # YAML would read some of them as line breaks: report before parsing
        return YamlDocument(problems=hidden, text=text)
    data = quick_data(text)
    if data is not UNSURE:
        return YamlDocument(data, text=text)
    doc = read_carefully(text)
    if not doc.problems and not isinstance(doc.data, dict):
        found = "空文件" if doc.data is None else ("列表" if isinstance(doc.data, list) else "一段文字")
        hint = "；如果用了全角冒号“：”，请改成半角冒号加空格“: ”" if isinstance(doc.data, str) else ""
        doc.problems.append(Problem(Position(1, 1), f"文件顶层应为“字段: 值”的映射，实际是{found}{hint}"))
    return doc
