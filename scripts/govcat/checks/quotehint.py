"""Why a quote is not in its source: the closest passage, the characters that differ, the cause.

A quote that differs from the source by one character is the most common mistake an editor
makes, and "not found" alone leaves them comparing two long sentences by eye. This module finds
the passage of the source that the quote was most likely copied from, marks the characters that
differ with 【】 on both sides, and names the usual causes in plain words: full-width against
ASCII punctuation, simplified against traditional characters, a space missing or too many.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from difflib import Match, SequenceMatcher
from functools import cache
from itertools import pairwise

import opencc

from govcat.model.sourcetext import Span, paragraphs, position

CONTEXT = 8  # unchanged characters kept on each side of a difference
MIN_SHARE = 0.5  # below this share of the quote found, the passage is no help
LINE_BREAK = "↵"  # how a line break of the source is shown inside a one-line message
QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"'})

Edit = tuple[str, str, str]  # opcode, the quote's characters, the source's characters


@dataclass(frozen=True)
class Closest:
    """The passage of the source closest to a quote, and how the two differ."""

    line: int
    edits: tuple[Edit, ...]  # every stretch of both, in order, equal ones included

    def marked(self, side: int) -> str:
        """One side (1 the quote, 2 the source) with differences in 【】 and long equal stretches cut."""
        pieces = []
        for index, edit in enumerate(self.edits):
            text = edit[side]
            if edit[0] != "equal":
                pieces.append(f"【{text}】")
            elif index == 0 and len(text) > CONTEXT:
                pieces.append("…" + text[-CONTEXT:])
            elif index == len(self.edits) - 1 and len(text) > CONTEXT:
                pieces.append(text[:CONTEXT] + "…")
            elif len(text) > 2 * CONTEXT + 1:
                pieces.append(text[:CONTEXT] + "…" + text[-CONTEXT:])
            else:
                pieces.append(text)
        return "".join(pieces).replace("\n", LINE_BREAK)

    def causes(self) -> list[str]:
        """The usual causes found among the differences, each said once, in plain words."""
        found = [cause(quoted, source) for tag, quoted, source in self.edits if tag != "equal"]
        return list(dict.fromkeys(c for c in found if c))


@cache
def to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def folded(text: str) -> str:
    """Text with full-width forms made ASCII (NFKC) and curly quotes made straight."""
    return unicodedata.normalize("NFKC", text).translate(QUOTES)


def width_name(text: str) -> str:
    """半角 or 全角, judged by the characters that have both forms: the 县 of (县) is neither."""
    forms = [ch for ch in text if ord(ch) < 0x80 or folded(ch) != ch]
    return "半角" if all(ord(ch) < 0x80 for ch in forms) else "全角"


def cause(quoted: str, source: str) -> str:
    """The plain-words cause of one difference, or "" when it is simply a different text."""
    if quoted and source and folded(quoted) == folded(source):
        return f"全角、半角不同：原文是{width_name(source)}的“{source}”，引文写成了{width_name(quoted)}的“{quoted}”"
    if "\n" in source and not quoted.strip():
        return "原文在此换行：引文不能跨过换行，在换行处把它分成两条引文"
    if not quoted.strip() and not source.strip():
        return "原文这里有空格，引文没有" if source else "引文多了空格，原文这里没有"
    if quoted and source and to_simplified().convert(quoted) == to_simplified().convert(source):
        return f"简体、繁体写法不同：原文是“{source}”，引文写成了“{quoted}”"
    if "".join(quoted.split()) == "".join(source.split()):
        return "空格不一致：原文和引文的空格位置不同"
    return ""


def closest(text: str, quote: str) -> Closest | None:
    """The passage of ``text`` most like ``quote``, when at least half of the quote is found there."""
    best: tuple[int, Span, SequenceMatcher[str]] | None = None
    for paragraph in candidates(text):
        matcher = SequenceMatcher(None, quote, paragraph.text, autojunk=False)
        shared = sum(block.size for block in matcher.get_matching_blocks())
        if best is None or shared > best[0]:
            best = (shared, paragraph, matcher)
    if best is None or best[0] < MIN_SHARE * len(quote):
        return None
    _, paragraph, matcher = best
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    while len(blocks) > 1 and stray_end(blocks[-2], blocks[-1], len(quote)):
        blocks.pop()  # a changed last character that happens to stand further on is a change, not missing text
    first, last = blocks[0], blocks[-1]
    # The stretch of the paragraph the quote lines up with, as long as the quote on each side.
    begin = max(0, first.b - first.a)
    end = min(len(paragraph.text), last.b + last.size + (len(quote) - last.a - last.size))
    passage = paragraph.text[begin:end]
    edits: list[Edit] = [
        (tag, quote[i1:i2], passage[j1:j2])
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, quote, passage, autojunk=False).get_opcodes()
    ]
    return Closest(position(text, paragraph.offset(begin))[0], merged(edits))


def stray_end(before: Match, last: Match, length: int) -> bool:
    """Whether the quote's last character matches only a character further on in the passage:
    right after the block before it in the quote, but not in the passage."""
    return last.size == 1 and last.a == length - 1 == before.a + before.size and last.b > before.b + before.size


def candidates(text: str) -> list[Span]:
    """Where a quote may have been copied from: each paragraph, then each two paragraphs with the
    line break between them (a quote that runs across it is told that the source breaks there)."""
    single = paragraphs(text)
    pairs = [
        Span(first.start, second.end, first.line, f"{first.text}\n{second.text}", first.breaks)
        for first, second in pairwise(single)
    ]
    return single + pairs


def merged(edits: list[Edit]) -> tuple[Edit, ...]:
    """Differences one character apart made one (2【7】8【】 and 2【】8【7】 read as 【78】 and 【87】)."""
    result: list[Edit] = []
    for edit in edits:
        if (
            edit[0] != "equal"
            and len(result) >= 2
            and result[-2][0] != "equal"
            and result[-1][0] == "equal"
            and len(result[-1][1]) == 1
        ):
            between, before = result.pop(), result.pop()
            result.append(("replace", before[1] + between[1] + edit[1], before[2] + between[2] + edit[2]))
        else:
            result.append(edit)
    return tuple(result)


def explain(text: str, quote: str) -> str:
    """What to tell an editor whose quote is not in ``text``: the closest passage and the cause."""
    near = closest(text, quote)
    if near is None:
        return "原文中没有相近的句子：请确认来源编号，再从原文逐字复制"
    causes = "；".join(near.causes())
    return (
        f"原文第 {near.line} 行最接近的是「{near.marked(2)}」，引文是「{near.marked(1)}」（【】中是不同之处）。"
        + (f"{causes}。" if causes else "")
        + "请从原文逐字复制，标点和空格也要一致"
    )
