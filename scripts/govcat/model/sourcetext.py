"""The parts of a stored source text that editors work with: paragraphs, sentences and figures.

A source text is stored one paragraph per line (``catalog new source --from`` writes it so).
``catalog cite`` offers sentences, ``catalog coverage`` lists paragraphs and figures, and the
quote check looks for the sentence closest to a quote it cannot find; all of them cut the text
here, so they agree on what a paragraph, a sentence and a figure are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# A figure is a run of Arabic digits, with a decimal part: 4.9, 30, 2024. Metric values are
# written the same way (schemas/practice.schema.json), so every figure can become a metric.
FIGURE = re.compile(r"[0-9]+(?:\.[0-9]+)?")
# A sentence ends after 。！？!? (and any closing quotes or brackets right after them) or at a line end.
SENTENCE = re.compile(r"[^\n]*?(?:[。！？!?][”’」』）)]*|(?=\n)|$)")


@dataclass(frozen=True)
class Span:
    """A piece of the text: where it starts and ends (offsets into the whole text) and its line."""

    start: int
    end: int
    line: int
    text: str

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end


def line_starts(text: str) -> list[int]:
    """The offset at which each line begins."""
    return [0, *(match.end() for match in re.finditer("\n", text))]


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def paragraphs(text: str) -> list[Span]:
    """The non-empty lines of the text; each is a paragraph."""
    found = []
    for number, start in enumerate(line_starts(text), 1):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if text[start:end].strip():
            found.append(Span(start, end, number, text[start:end]))
    return found


def sentences(text: str) -> list[Span]:
    """The sentences of the text, in order; a heading line is one sentence."""
    found = []
    for paragraph in paragraphs(text):
        for match in SENTENCE.finditer(paragraph.text):
            if match.group().strip():
                start = paragraph.start + match.start()
                found.append(Span(start, paragraph.start + match.end(), paragraph.line, match.group()))
    return found


def figures(text: str) -> Iterator[tuple[str, int]]:
    """Every figure of the text and the offset at which it starts."""
    for match in FIGURE.finditer(text):
        yield match.group(), match.start()


def occurrences(text: str, needle: str) -> Iterator[range]:
    """Every place ``needle`` stands in ``text``, as ranges of offsets."""
    if not needle:
        return
    start = text.find(needle)
    while start >= 0:
        yield range(start, start + len(needle))
        start = text.find(needle, start + 1)


def stands_whole(number: str, text: str) -> bool:
    """Whether ``number`` appears in ``text`` as a whole number: 42 is not in 424 or 4.42."""
    return any(match.group() == number for match in FIGURE.finditer(text))
