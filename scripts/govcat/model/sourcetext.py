"""The parts of a stored source text that editors work with: paragraphs, sentences and figures.

A source text is stored one paragraph per line (``catalog new source --from`` writes it so, joining
the lines of a text hard-wrapped at a fixed width, as text copied from a PDF is). A text stored
hard-wrapped all the same is read the same way: a line that fills the width and does not end a
sentence goes on in the next line, so its paragraphs and sentences are the article's, not its
lines. ``catalog cite`` offers sentences, ``catalog coverage`` lists paragraphs and figures, and
the quote check looks for the passage closest to a quote it cannot find; all of them cut the text
here, so they agree on what a paragraph, a sentence and a figure are.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

# A figure is a run of Arabic digits, with a decimal part: 4.9, 30, 2024. Metric values are
# written the same way (schemas/practice.schema.json), so every figure can become a metric.
FIGURE = re.compile(r"[0-9]+(?:\.[0-9]+)?")
# A sentence ends after 。！？!? (and any closing quotes or brackets right after them) or at a paragraph's end.
SENTENCE = re.compile(r"[^\n]*?(?:[。！？!?][”’」』）)]*|(?=\n)|$)")
SENTENCE_ENDS = tuple("。！？!?：:”’」』）)")
MIN_WRAPPED_LINES = 4  # fewer lines than this are never taken for a hard-wrapped text
WRAP_SLACK = 4  # columns a full line of a wrapped text may fall short of the widest: two Chinese characters


@dataclass(frozen=True)
class Span:
    """A piece of the text: where it starts and ends (offsets into the whole text), the line it
    starts on and its text; ``breaks`` are the places in ``text`` where a hard-wrap line break of
    the stored text was left out (a paragraph of a hard-wrapped text is one line of reading)."""

    start: int
    end: int
    line: int
    text: str
    breaks: tuple[int, ...] = ()

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end

    def offset(self, index: int) -> int:
        """The offset in the whole text of the character at ``index`` of ``text``."""
        return self.start + index + sum(1 for b in self.breaks if b <= index)


def line_starts(text: str) -> list[int]:
    """The offset at which each line begins."""
    return [0, *(match.end() for match in re.finditer("\n", text))]


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def display_width(line: str) -> int:
    """How wide a line is on screen: a Chinese character (and a Chinese quotation mark) takes two columns, a Latin one one."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in line)


def wrap_width(text: str) -> int | None:
    """The width (in columns) at which the text is hard-wrapped, or None when its lines are its
    paragraphs: a wrapped text has most of its lines as wide as the widest, give or take one
    Chinese character, and several of them break off mid-sentence."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < MIN_WRAPPED_LINES:
        return None
    widest = max(display_width(line) for line in lines)
    full = [line for line in lines if display_width(line) >= widest - WRAP_SLACK]
    cut = [line for line in full if not line.rstrip().endswith(SENTENCE_ENDS)]
    return widest if len(full) * 2 >= len(lines) and len(cut) >= 2 else None


def continues(line: str, width: int | None) -> bool:
    """Whether a line of a text wrapped at ``width`` goes on in the next line."""
    return width is not None and display_width(line) >= width - WRAP_SLACK and not line.rstrip().endswith(SENTENCE_ENDS)


def paragraphs(text: str) -> list[Span]:
    """The paragraphs of the text: its non-empty lines, with the lines of a hard-wrapped text joined."""
    width = wrap_width(text)
    found: list[Span] = []
    pending: Span | None = None
    for number, start in enumerate(line_starts(text), 1):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        if not line.strip():
            pending = None
            continue
        if pending is not None:  # the line goes on from the one before
            pending = Span(pending.start, end, pending.line, pending.text + line, (*pending.breaks, len(pending.text)))
            found[-1] = pending
        else:
            found.append(Span(start, end, number, line))
            pending = found[-1]
        if not continues(line, width):
            pending = None
    return found


def unwrapped(text: str) -> str:
    """The text with the line breaks of its hard wrapping left out, one paragraph a line."""
    if wrap_width(text) is None:
        return text
    return "\n".join(paragraph.text for paragraph in paragraphs(text)) + "\n"


def sentences(text: str) -> list[Span]:
    """The sentences of the text, in order; a heading line is one sentence."""
    found = []
    for paragraph in paragraphs(text):
        for match in SENTENCE.finditer(paragraph.text):
            if match.group().strip():
                inner = [b - match.start() for b in paragraph.breaks if match.start() < b < match.end()]
                found.append(
                    Span(
                        paragraph.offset(match.start()),
                        paragraph.offset(match.end() - 1) + 1 if match.end() > match.start() else paragraph.start,
                        position(text, paragraph.offset(match.start()))[0],
                        match.group(),
                        tuple(inner),
                    )
                )
    return found


def places(text: str, needle: str) -> Iterator[range]:
    """Every place ``needle`` stands in ``text`` — also across the line breaks of a hard-wrapped
    paragraph — as ranges of offsets into ``text``."""
    seen = set()
    for place in occurrences(text, needle):
        seen.add(place.start)
        yield place
    if wrap_width(text) is None:
        return
    for paragraph in paragraphs(text):
        if paragraph.breaks:
            for inner in occurrences(paragraph.text, needle):
                start = paragraph.offset(inner.start)
                if start not in seen:
                    yield range(start, paragraph.offset(inner.stop - 1) + 1)


def content_key(text: str) -> str:
    """The text without any spaces or line breaks: two stored copies of one article compare equal."""
    return "".join(text.split())


def quoted(text: str, quote: str) -> bool:
    """Whether ``quote`` is in ``text`` verbatim (a hard wrap's line breaks are not the article's)."""
    return quote in text or quote in unwrapped(text)


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
