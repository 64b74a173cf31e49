"""Checks a JSON Schema cannot express: ids, references, dates, quotes and hierarchy.

Each check takes one schema-valid record and the whole catalog and yields
``(field path, message)`` for every problem; ``CHECKS`` lists them in the order they run.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator
from typing import Any

from govcat.checks.divisions import check_region_division
from govcat.checks.metricwording import metric_wording_problem
from govcat.checks.quotehint import explain
from govcat.checks.suggest import missing_hint, reference_hint
from govcat.layout import KINDS, reserved_id
from govcat.model.catalog import (
    DATE_FIELDS,
    LEVEL_LABELS,
    LEVELS,
    NAME_FIELDS,
    Catalog,
    citations,
    name_key,
    references,
)
from govcat.model.dates import date_problem
from govcat.model.diagnostics import FieldPath, field_name
from govcat.model.hanzi import HAN, HAN_CHARACTERS
from govcat.model.records import Record
from govcat.model.sourcetext import figures, quoted, stands_whole

Finding = tuple[FieldPath, str]
SYNONYM_WORD = re.compile(f"[{HAN_CHARACTERS}0-9〇]+")  # Chinese, with figures as in 35岁以下


def today() -> datetime.date:
    """The day records are checked on; tests replace this function to freeze the date."""
    return datetime.date.today()


def check_id_matches_file(record: Record, catalog: Catalog) -> Iterator[Finding]:
    reason = reserved_id(record.data["id"])
    if reason:
        yield ("id",), f"id: {reason}"
    elif record.data["id"] != record.stem:
        yield (
            ("id",),
            (
                f"id: 编号“{record.data['id']}”与文件名“{record.path.name}”不一致："
                f"把编号改为“{record.stem}”，或把文件改名为“{record.data['id']}.yaml”"
            ),
        )


def check_references(record: Record, catalog: Catalog) -> Iterator[Finding]:
    for path, kind, target in references(record):
        if catalog.has(kind, target) or target in catalog.unreadable.get(kind, ()):
            continue  # a file that did not parse has its own error; do not report its users too
        itself = record.id if kind == record.kind.name else ""
        hint = reference_hint(catalog, kind, target, itself) or missing_hint(catalog, kind)
        yield path, f"{field_name(path)}: 找不到{KINDS[kind].label}“{target}”，{hint}"


def check_dates(record: Record, catalog: Catalog) -> Iterator[Finding]:
    name = DATE_FIELDS.get(record.kind.name)
    value = record.data.get(name) if name is not None else None
    if not isinstance(name, str) or not isinstance(value, str):
        return
    problem = date_problem(value)
    if problem:
        yield (name,), f"{name}: “{value}”不是真实存在的日期：{problem}"
        return
    if name == "last_reviewed" and datetime.date.fromisoformat(value) > today():
        yield (name,), f"{name}: 核对日期“{value}”晚于今天"


def quote_problem(catalog: Catalog, source: str, quote: str) -> str | None:
    """Why ``quote`` is not found verbatim in the text of ``source``; None when it is (or the text is missing)."""
    text = catalog.source_texts.get(source)
    if text is None or quoted(text, quote):
        return None
    elsewhere = [other for other, other_text in sorted(catalog.source_texts.items()) if quoted(other_text, quote)]
    if elsewhere:
        return f"引文在来源“{source}”的原文中找不到，但在来源“{elsewhere[0]}”中有：把 source 改为 {elsewhere[0]}"
    return f"引文在来源“{source}”的原文中找不到。{explain(text, quote)}"


def check_quotes(record: Record, catalog: Catalog) -> Iterator[Finding]:
    for path, citation in citations(record):
        if not isinstance(citation.get("source"), str) or not isinstance(citation.get("quote"), str):
            continue  # a citation without both has its own shape error
        problem = quote_problem(catalog, citation["source"], citation["quote"])
        if problem:
            yield path + ("quote",), f"{field_name(path + ('quote',))}: {problem}"


def check_metric_figures(record: Record, catalog: Catalog) -> Iterator[Finding]:
    for index, metric in complete_metrics(record):
        if not stands_whole(metric["value"], metric["citation"]["quote"]):
            yield (
                ("metrics", index, "value"),
                (
                    f"metrics[{index}].value: 数值“{metric['value']}”没有出现在它的引文中{numbers_in(metric['citation']['quote'])}："
                    "数值要照抄原文，引文要包含这个数字"
                ),
            )


def check_metric_wording(record: Record, catalog: Catalog) -> Iterator[Finding]:
    """A metric's unit and qualifier say what its quote says next to the figure (50余名 is not 50万多人)."""
    for index, metric in complete_metrics(record):
        problem = metric_wording_problem(metric)
        if problem:
            where = "unit" if "unit" in metric else "qualifier" if "qualifier" in metric else "value"
            yield ("metrics", index, where), f"metrics[{index}].{where}: {problem}"


def complete_metrics(record: Record) -> Iterator[tuple[int, dict[str, Any]]]:
    """The metrics with a value and a quoted citation (any other has its own shape error)."""
    for index, metric in enumerate(record.data.get("metrics") or []):
        if isinstance(metric, dict) and isinstance(metric.get("value"), str):
            citation = metric.get("citation")
            if isinstance(citation, dict) and isinstance(citation.get("quote"), str):
                yield index, metric


def check_practice_level(record: Record, catalog: Catalog) -> Iterator[Finding]:
    """A practice is organised at its region's level or below: a city does not run a province's practice."""
    level, region = record.data.get("level"), record.data.get("region")
    if level not in LEVELS or not isinstance(region, str) or not catalog.has("region", region):
        return
    region_level = catalog.get("region", region).get("level")
    if region_level not in LEVELS or LEVELS.index(level) >= LEVELS.index(region_level):
        return
    higher = [r for r in catalog.region_chain(region) if catalog.get("region", r).get("level") == level]
    move = f"，或把 region 改为{LEVEL_LABELS[level]}地区 {higher[0]}" if higher else ""
    name = catalog.get("region", region).get("name", region)
    yield (
        ("level",),
        (
            f"level: 做法层级 {level}（{LEVEL_LABELS[level]}）高于所在地区“{region}”（{name}）的层级 "
            f"{region_level}（{LEVEL_LABELS[region_level]}）：把 level 改为 {region_level}{move}"
        ),
    )


def numbers_in(quote: str) -> str:
    """ "（引文中的数字：312、96.5）" for a quote with figures, else nothing."""
    found = list(dict.fromkeys(number for number, _ in figures(quote)))
    return f"（引文中的数字：{'、'.join(found)}）" if found else "（引文中没有数字）"


def check_term_definition(record: Record, catalog: Catalog) -> Iterator[Finding]:
    if record.data["definition_basis"] != "quote":
        return
    cited = [catalog.source_texts.get(c["source"], "") for c in record.data["citations"]]
    if not any(quoted(text, record.data["definition"]) for text in cited):
        yield (
            ("definition",),
            (
                "definition: definition_basis 为 quote，释义却不是所引来源原文的逐字摘录："
                "照抄原文，或把 definition_basis 改为 editor（编者注）"
            ),
        )


def check_region_hierarchy(record: Record, catalog: Catalog) -> Iterator[Finding]:
    level, parent = catalog.region_level(record.id), record.data.get("parent")
    if not level or level not in LEVELS:
        return  # govcat.checks.divisions says the level must be written; the schema, that it must be one of LEVELS
    if level == "province":
        if parent is not None:
            yield ("parent",), "parent: 省级地区没有上级，请删除 parent"
        return
    if parent is None:
        yield ("level",), "parent: 非省级地区必须填写上级地区编号"
        return
    if not catalog.has("region", parent):
        return
    upwards = catalog.region_chain(parent)[::-1]  # parent, its parent, … (stops where it repeats)
    if record.id in upwards:
        circle = [record.id, *upwards[: upwards.index(record.id) + 1]]
        yield ("parent",), f"parent: 上级关系绕成了圈：{' → '.join(circle)}"
        return
    parent_level = catalog.region_level(parent)
    if parent_level not in LEVELS:
        return  # the parent's own level is missing or wrong, and reported there
    if LEVELS.index(parent_level) >= LEVELS.index(level):
        yield ("parent",), f"parent: 上级地区“{parent}”的层级不高于本地区（{level}）"


def check_practice_nesting(record: Record, catalog: Catalog) -> Iterator[Finding]:
    parent = record.data.get("parent")
    chain = [record.id]
    while parent and catalog.has("practice", parent) and parent not in chain:
        chain.append(parent)
        parent = catalog.get("practice", parent).get("parent")
    if parent == record.id:  # a circle above this record is reported by the records in it
        yield ("parent",), f"parent: 上级做法关系绕成了圈：{' → '.join([*chain, parent])}"
    for index, measure in enumerate(record.data.get("measures") or []):
        child = measure.get("practice") if isinstance(measure, dict) else None
        if child and catalog.has("practice", child) and catalog.get("practice", child).get("parent") != record.id:
            yield (
                ("measures", index, "practice"),
                (
                    f"measures[{index}].practice: 做法“{child}”的 parent 不是“{record.id}”："
                    f"在 {child}.yaml 中写 parent: {record.id}"
                ),
            )
    if record.id in record.data.get("related", []):
        yield ("related",), "related: 不要把本做法列为自己的相关做法"


def check_policy_title(record: Record, catalog: Catalog) -> Iterator[Finding]:
    """A title given as the document's own must stand in title marks in a source it cites."""
    if record.data.get("title_basis") == "editor":
        return
    texts = [catalog.source_texts.get(c["source"]) for c in record.data["citations"]]
    written = f"《{record.data['title']}》"
    if None not in texts and not any(quoted(text, written) for text in texts if text is not None):
        yield (
            ("title",),
            (
                f"title: 所引来源的原文中没有“{written}”：照抄原文书名号中的文件名（不加书名号）；"
                "来源没有写出正式名称时，加上 title_basis: editor（编者拟定）"
            ),
        )


def check_not_metrics(record: Record, catalog: Catalog) -> Iterator[Finding]:
    """Each number declared not a metric stands whole in a passage found in the source's own text."""
    for index, item in enumerate(record.data.get("not_metrics") or []):
        where = ("not_metrics", index)
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in ("number", "quote")):
            continue  # its own shape error says what is missing
        problem = quote_problem(catalog, record.id, item["quote"])
        if problem:
            yield where + ("quote",), f"not_metrics[{index}].quote: {problem}"
        elif not stands_whole(item["number"], item["quote"]):
            yield (
                where + ("number",),
                (
                    f"not_metrics[{index}].number: 数字“{item['number']}”没有出现在它的 quote 中{numbers_in(item['quote'])}："
                    "数字要照抄原文，quote 要包含这个数字"
                ),
            )


def check_source_text(record: Record, catalog: Catalog) -> Iterator[Finding]:
    """The full text is stored beside the record, and no other source stores the same article."""
    text = catalog.source_texts.get(record.id)
    if text is None:
        yield (
            ("text_file",),
            (f"text_file: 找不到全文文件“{record.data['text_file']}”（应与本记录在同一目录，UTF-8 编码）"),
        )
        return
    for other in catalog.same_texts.get(record.id, []):
        yield (
            ("text_file",),
            (
                f"text_file: 全文与来源“{other}”（{catalog.records['source'][other].display_path}）的全文相同："
                f"同一篇文章只存一份，删去其中一个来源，把引用它的 source 改为留下的编号"
            ),
        )


def check_aliases(record: Record, catalog: Catalog) -> Iterator[Finding]:
    """An alias names this record and no other: a search for it must not find two things."""
    own = {name_key(record.data[f]) for f in NAME_FIELDS if isinstance(record.data.get(f), str)}
    for index, alias in enumerate(record.data.get("aliases", [])):
        where = ("aliases", index)
        if name_key(alias) in own:
            yield where, f"aliases[{index}]: 别称“{alias}”与本记录的名称相同（不计引号和空格）：删去这一项"
            continue
        others = [
            (kind, other, field_name)
            for kind, other, field_name in catalog.name_owners.get(name_key(alias), [])
            if (kind, other) != (record.kind.name, record.id)
        ]
        if others:
            kind, other, field_name = others[0]
            what = "别称" if field_name.startswith("aliases") else "名称"
            yield (
                where,
                (
                    f"aliases[{index}]: 别称“{alias}”与{KINDS[kind].label}“{other}”的{what}相同"
                    f"（{catalog.records[kind][other].display_path}）：一个说法只能指一个记录，"
                    "删去这一项，或改用更具体的说法"
                ),
            )


def check_synonym_words(record: Record, catalog: Catalog) -> Iterator[Finding]:
    """Chinese words of two characters or more, each in one group only, one of them in the catalog."""
    for index, word in enumerate(record.data["words"]):
        where = ("words", index)
        if not SYNONYM_WORD.fullmatch(word) or not HAN.search(word):
            yield where, f"words[{index}]: “{word}”不是中文说法：同义词组只收中文词语，可以带数字，如“35岁以下”"
        elif len(word) < 2:
            yield where, f"words[{index}]: “{word}”只有一个字：单字会让搜索找到太多无关页面，请写成词语"
        else:
            first = catalog.synonym_groups.get(word)
            if first is not None and first != record.id:
                other = catalog.records["synonym"][first].display_path
                yield (
                    where,
                    (
                        f"words[{index}]: “{word}”已在同义词组“{first}”（{other}）中：一个词只能属于一组，"
                        "把两组合并成一组"
                    ),
                )
    if not any(word in catalog.searchable_text for word in record.data["words"]):
        yield (
            ("words",),
            ("words: 组内没有一个词在本库的记录或来源原文中出现：这组词搜不到任何页面，至少要有一个是本库用到的说法"),
        )


Check = Callable[[Record, Catalog], Iterator[Finding]]
CHECKS: dict[str, tuple[Check, ...]] = {
    "practice": (
        check_id_matches_file,
        check_references,
        check_dates,
        check_quotes,
        check_metric_figures,
        check_metric_wording,
        check_practice_level,
        check_practice_nesting,
        check_aliases,
    ),
    "region": (check_id_matches_file, check_references, check_region_hierarchy, check_region_division, check_aliases),
    "theme": (check_id_matches_file, check_aliases),
    "problem": (check_id_matches_file, check_references, check_quotes, check_aliases),
    "tag": (check_id_matches_file,),
    "standard": (check_id_matches_file, check_references, check_quotes, check_aliases),
    "policy": (check_id_matches_file, check_references, check_dates, check_quotes, check_policy_title, check_aliases),
    "term": (check_id_matches_file, check_references, check_quotes, check_term_definition, check_aliases),
    "source": (check_id_matches_file, check_dates, check_source_text, check_not_metrics),
    "synonym": (check_id_matches_file, check_synonym_words),
}
