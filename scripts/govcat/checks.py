"""Checks a JSON Schema cannot express: ids, references, dates, quotes and hierarchy.

Each check takes one schema-valid record and the whole catalog and yields
``(field path, message)`` for every problem; ``CHECKS`` lists them in the order they run.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Callable, Iterator

from .catalog import LEVELS, Catalog, citations, references
from .diagnostics import field_name
from .layout import KINDS, RESERVED_IDS
from .records import Record
from .yamlsource import FieldPath

Finding = tuple[FieldPath, str]
DATE_FIELDS = {"practice": "last_reviewed", "source": "published", "policy": "date"}


# Names Windows will not give a file, whatever the extension: an id must not be one of them.
WINDOWS_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))})


def reserved_id_problem(record_id: str) -> str | None:
    """Why ``record_id`` cannot be an id although it has the right form; None when it can."""
    if record_id in WINDOWS_RESERVED:
        return f"“{record_id}”是 Windows 保留的文件名，不能用作编号：换一个编号"
    if record_id in RESERVED_IDS:
        names = "、".join(RESERVED_IDS)
        return f"“{record_id}”是网站自用的路径名（{names}：栏目首页与列表的分页），不能用作编号：换一个编号"
    return None


def check_id_matches_file(record: Record, catalog: Catalog) -> Iterator[Finding]:
    problem = reserved_id_problem(record.data["id"])
    if problem is not None:
        yield ("id",), f"id: {problem}"
    elif record.data["id"] != record.stem:
        yield ("id",), (
            f"id: 编号“{record.data['id']}”与文件名“{record.path.name}”不一致："
            f"把编号改为“{record.stem}”，或把文件改名为“{record.data['id']}.yaml”"
        )


def check_references(record: Record, catalog: Catalog) -> Iterator[Finding]:
    for path, kind, target in references(record):
        if catalog.has(kind, target) or target in catalog.unreadable.get(kind, ()):
            continue  # a file that did not parse has its own error; do not report its users too
        close = difflib.get_close_matches(target, catalog.ids(kind), n=1, cutoff=0.6)
        hint = f"是不是“{close[0]}”？" if close else f"请先在 {KINDS[kind].folder}/ 中添加它"
        yield path, f"{field_name(path)}: 找不到{KINDS[kind].label}“{target}”，{hint}"


def check_dates(record: Record, catalog: Catalog) -> Iterator[Finding]:
    name = DATE_FIELDS.get(record.kind.name)
    value = record.data.get(name) if name else None
    if value is None:
        return
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        yield (name,), f"{name}: “{value}”不是真实存在的日期"
        return
    if name == "last_reviewed" and day > datetime.date.today():
        yield (name,), f"{name}: 核对日期“{value}”晚于今天"


def check_quotes(record: Record, catalog: Catalog) -> Iterator[Finding]:
    for path, citation in citations(record):
        text = catalog.source_texts.get(citation["source"])
        if text is not None and citation["quote"] not in text:
            yield path + ("quote",), (
                f"{field_name(path + ('quote',))}: 引文在来源“{citation['source']}”的原文中找不到："
                "请从原文逐字复制，标点和空格也要一致"
            )


def stands_whole(number: str, text: str) -> bool:
    """Whether ``number`` appears in ``text`` as a whole number: 42 is not in 424 or 4.42."""
    start = text.find(number)
    while start >= 0:
        before, after = text[start - 1:start], text[start + len(number):start + len(number) + 2]
        if not (before.isdigit() or before == "." or after[:1].isdigit() or re.match(r"\.\d", after)):
            return True
        start = text.find(number, start + 1)
    return False


def check_metric_figures(record: Record, catalog: Catalog) -> Iterator[Finding]:
    for index, metric in enumerate(record.data.get("metrics", [])):
        if not stands_whole(metric["value"], metric["citation"]["quote"]):
            yield ("metrics", index, "value"), (
                f"metrics[{index}].value: 数值“{metric['value']}”没有出现在它的引文中："
                "数值要照抄原文，引文要包含这个数字"
            )


def check_term_definition(record: Record, catalog: Catalog) -> Iterator[Finding]:
    if record.data["definition_basis"] != "quote":
        return
    cited = [catalog.source_texts.get(c["source"], "") for c in record.data["citations"]]
    if not any(record.data["definition"] in text for text in cited):
        yield ("definition",), (
            "definition: definition_basis 为 quote，释义却不是所引来源原文的逐字摘录："
            "照抄原文，或把 definition_basis 改为 editor（编者注）"
        )


def check_region_hierarchy(record: Record, catalog: Catalog) -> Iterator[Finding]:
    level, parent = record.data["level"], record.data.get("parent")
    if level == "province":
        if parent is not None:
            yield ("parent",), "parent: 省级地区没有上级，请删除 parent"
        return
    if parent is None:
        yield ("level",), "parent: 非省级地区必须填写上级地区编号"
        return
    if not catalog.has("region", parent):
        return
    if record.id in catalog.region_chain(parent):
        yield ("parent",), f"parent: 上级关系绕成了圈（经过“{parent}”）"
    elif LEVELS.index(catalog.get("region", parent)["level"]) >= LEVELS.index(level):
        yield ("parent",), f"parent: 上级地区“{parent}”的层级不高于本地区（{level}）"


def check_practice_nesting(record: Record, catalog: Catalog) -> Iterator[Finding]:
    parent = record.data.get("parent")
    seen = {record.id}
    while parent and catalog.has("practice", parent):
        if parent in seen:
            yield ("parent",), f"parent: 上级做法关系绕成了圈（经过“{parent}”）"
            break
        seen.add(parent)
        parent = catalog.get("practice", parent).get("parent")
    for index, measure in enumerate(record.data["measures"]):
        child = measure.get("practice")
        if child and catalog.has("practice", child) and catalog.get("practice", child).get("parent") != record.id:
            yield ("measures", index, "practice"), (
                f"measures[{index}].practice: 做法“{child}”的 parent 不是“{record.id}”："
                f"在 {child}.yaml 中写 parent: {record.id}"
            )
    if record.id in record.data.get("related", []):
        yield ("related",), "related: 不要把本做法列为自己的相关做法"


def check_source_text(record: Record, catalog: Catalog) -> Iterator[Finding]:
    if record.id not in catalog.source_texts:
        yield ("text_file",), (
            f"text_file: 找不到全文文件“{record.data['text_file']}”（应与本记录在同一目录，UTF-8 编码）"
        )


Check = Callable[[Record, Catalog], Iterator[Finding]]
CHECKS: dict[str, tuple[Check, ...]] = {
    "practice": (check_id_matches_file, check_references, check_dates, check_quotes,
                 check_metric_figures, check_practice_nesting),
    "region": (check_id_matches_file, check_references, check_region_hierarchy),
    "theme": (check_id_matches_file,),
    "tag": (check_id_matches_file,),
    "standard": (check_id_matches_file, check_references, check_quotes),
    "policy": (check_id_matches_file, check_references, check_dates, check_quotes),
    "term": (check_id_matches_file, check_references, check_quotes, check_term_definition),
    "source": (check_id_matches_file, check_dates, check_source_text),
}
