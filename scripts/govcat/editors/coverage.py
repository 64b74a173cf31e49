"""``catalog coverage SOURCE``: what the catalog has taken from a source, and what it has not.

For each paragraph of the stored text, the records that quote it. For each figure (a number in
Arabic digits), whether a metric carries it (a metric with that value whose quote covers that
place), whether the source record declares it not a metric (``not_metrics``, with the reason), or
neither: then it is still to be captured. A source with no records yet has every figure uncaptured.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from govcat.layout import KINDS
from govcat.model.catalog import Catalog, citations
from govcat.model.sourcetext import figures, paragraphs, places, position

CONTEXT = 12  # characters shown on each side of a figure
STATUS_LABELS = {"uncaptured": "未收录", "declared": "声明不是指标", "metric": "已收录为指标"}


@dataclass(frozen=True)
class Paragraph:
    """One paragraph (a line of the text, or the lines of a hard-wrapped paragraph) and the records quoting it."""

    line: int
    text: str
    cited_by: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Figure:
    """One figure of the text, where it stands, and what the catalog does with it."""

    number: str
    line: int
    column: int
    context: str
    status: str  # uncaptured, declared or metric
    records: tuple[str, ...] = ()  # the practices whose metrics carry it
    reason: str = ""  # why the source record declares it not a metric


@dataclass(frozen=True)
class Coverage:
    source: str
    text_file: str
    paragraphs: tuple[Paragraph, ...]
    figures: tuple[Figure, ...]

    def summary(self) -> dict[str, int]:
        counts = {status: sum(f.status == status for f in self.figures) for status in STATUS_LABELS}
        return {
            "figures": len(self.figures),
            "metrics": counts["metric"],
            "declared": counts["declared"],
            "uncaptured": counts["uncaptured"],
            "paragraphs": len(self.paragraphs),
            "cited_paragraphs": sum(bool(p.cited_by) for p in self.paragraphs),
        }

    def as_json(self) -> dict[str, Any]:
        """Everything, for CI and scripts; ``format`` changes when the shape does."""
        return {
            "format": 1,
            "source": self.source,
            "text_file": self.text_file,
            "summary": self.summary(),
            "paragraphs": [
                {"line": p.line, "text": p.text, "cited_by": [{"kind": k, "id": i} for k, i in p.cited_by]}
                for p in self.paragraphs
            ],
            "figures": [
                {
                    "number": f.number,
                    "line": f.line,
                    "column": f.column,
                    "context": f.context,
                    "status": f.status,
                    "records": list(f.records),
                    "reason": f.reason,
                }
                for f in self.figures
            ],
        }


def quoted_spans(catalog: Catalog, source: str, text: str) -> Iterator[tuple[str, str, range]]:
    """(kind, id, place) for every place of ``text`` a record of the catalog quotes from ``source``."""
    for kind in sorted(catalog.records):
        for record_id in catalog.ids(kind):
            for _, citation in citations(catalog.records[kind][record_id]):
                if citation.get("source") == source and isinstance(citation.get("quote"), str):
                    for place in places(text, citation["quote"]):
                        yield kind, record_id, place


def metric_spans(catalog: Catalog, source: str, text: str) -> Iterator[tuple[str, str, range]]:
    """(practice id, value, place of its quote) for every metric quoting ``source``."""
    for practice_id in catalog.ids("practice"):
        for metric in catalog.get("practice", practice_id).get("metrics") or []:
            citation = metric.get("citation") if isinstance(metric, dict) else None
            if (
                isinstance(citation, dict)
                and citation.get("source") == source
                and isinstance(citation.get("quote"), str)
                and isinstance(metric.get("value"), str)
            ):
                for place in places(text, citation["quote"]):
                    yield practice_id, metric["value"], place


def declared_spans(record: dict[str, Any], text: str) -> Iterator[tuple[str, str, range]]:
    """(number, reason, place) for every number the source record declares not a metric."""
    for item in record.get("not_metrics") or []:
        if isinstance(item, dict) and all(isinstance(item.get(k), str) for k in ("number", "quote", "reason")):
            for place in places(text, item["quote"]):
                yield item["number"], item["reason"], place


def cited_paragraphs(catalog: Catalog, source: str, text: str) -> tuple[Paragraph, ...]:
    spans = list(quoted_spans(catalog, source, text))
    found = []
    for paragraph in paragraphs(text):
        citers = sorted(
            {(kind, rid) for kind, rid, place in spans if place.start < paragraph.end and paragraph.start < place.stop}
        )
        found.append(Paragraph(paragraph.line, paragraph.text, tuple(citers)))
    return tuple(found)


def figure(text: str, number: str, offset: int, status: str, records: tuple[str, ...] = (), reason: str = "") -> Figure:
    line, column = position(text, offset)
    line_start, line_end = offset - column + 1, text.find("\n", offset)
    start = max(line_start, offset - CONTEXT)
    end = min(len(text) if line_end < 0 else line_end, offset + len(number) + CONTEXT)
    context = ("…" if start > line_start else "") + text[start:end] + ("…" if end < line_end else "")
    return Figure(number, line, column, context, status, records, reason)


def coverage(catalog: Catalog, source: str) -> Coverage:
    """What the catalog has taken from ``source`` (which must have a stored text)."""
    text = catalog.source_texts[source]
    record = catalog.get("source", source)
    metrics = list(metric_spans(catalog, source, text))
    declared = list(declared_spans(record, text))
    found = []
    for number, offset in figures(text):
        carriers = tuple(sorted({pid for pid, value, place in metrics if value == number and offset in place}))
        reasons = [reason for value, reason, place in declared if value == number and offset in place]
        if carriers:
            found.append(figure(text, number, offset, "metric", records=carriers))
        elif reasons:
            found.append(figure(text, number, offset, "declared", reason=reasons[0]))
        else:
            found.append(figure(text, number, offset, "uncaptured"))
    text_file = catalog.records["source"][source].path.parent / str(record.get("text_file"))
    return Coverage(source, catalog.project.relative(text_file), cited_paragraphs(catalog, source, text), tuple(found))


def shorten(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[:width] + "…"


def report_lines(result: Coverage) -> Iterator[str]:
    """The report for a terminal: paragraphs, then figures (uncaptured first), then the summary."""
    yield f"来源 {result.source}，全文 {result.text_file}"
    yield ""
    yield "段落及引用它的记录（第几行是段落开始的行）："
    for paragraph in result.paragraphs:
        citers = "、".join(f"{KINDS[kind].label} {rid}" for kind, rid in paragraph.cited_by) or "—（还没有记录引用）"
        yield f"  第 {paragraph.line} 行 {shorten(paragraph.text)}"
        yield f"      {citers}"
    for status in STATUS_LABELS:
        group = [f for f in result.figures if f.status == status]
        if not group:
            continue
        yield ""
        yield f"数字：{STATUS_LABELS[status]}（{len(group)} 个）"
        for item in group:
            detail = "、".join(item.records) or item.reason
            where = f"{result.text_file}:{item.line}:{item.column}"
            yield f"  {where}: {item.number}  {item.context}" + (f"  {detail}" if detail else "")
    summary = result.summary()
    yield ""
    yield (
        f"小结：数字 {summary['figures']} 个，已收录为指标 {summary['metrics']} 个，声明不是指标 "
        f"{summary['declared']} 个，未收录 {summary['uncaptured']} 个；段落 {summary['paragraphs']} 段，"
        f"有记录引用 {summary['cited_paragraphs']} 段。"
    )
    if summary["uncaptured"]:
        yield (
            f"下一步：把每个未收录的数字写成做法的 metrics（catalog cite {result.source} <数字> 找出它所在的句子），"
            "或在来源记录的 not_metrics 中写明它为什么不是成效指标。"
        )
