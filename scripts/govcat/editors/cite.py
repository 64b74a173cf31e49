"""``catalog cite SOURCE 关键词…``: the sentences of a source to quote, ready to paste.

Every sentence of the stored text that contains all the words is printed as a YAML citation
(``source:`` and ``quote:``), copied from the text itself, so the quote is verbatim by
construction. When no sentence has them all, each word is said to be found or not, with the
way the text writes it where only the width of a character or 简/繁 differs.
"""

from __future__ import annotations

from collections.abc import Iterator

from govcat.checks.quotehint import folded, to_simplified
from govcat.editors.newrecord import yaml_text
from govcat.model.sourcetext import Span, sentences


def matching(text: str, words: list[str]) -> list[Span]:
    """The sentences of ``text`` that contain every one of ``words``."""
    return [s for s in sentences(text) if all(word in s.text for word in words)]


def citation_block(source: str, sentence: Span) -> list[str]:
    """One citation as YAML list item lines, with the line it is on as a comment."""
    return [f"# 第 {sentence.line} 行", f"- source: {source}", f"  quote: {yaml_text(sentence.text.strip())}"]


def written_as(text: str, word: str) -> str | None:
    """How ``text`` writes ``word`` when it differs only in character width or 简/繁."""
    for convert in (folded, to_simplified().convert):
        target = convert(word)
        for sentence in sentences(text):
            converted = convert(sentence.text)
            start = converted.find(target)
            if start >= 0 and len(converted) == len(sentence.text):
                return sentence.text[start : start + len(word)]
    return None


def word_report(text: str, words: list[str]) -> Iterator[str]:
    """For each word: how many sentences contain it, or how the text writes it instead."""
    for word in words:
        count = sum(word in s.text for s in sentences(text))
        if count:
            yield f"  “{word}”：{count} 句中有"
            continue
        other = written_as(text, word)
        yield f"  “{word}”：原文中没有" + (f"，原文写作“{other}”" if other else "")
