"""How record text becomes the text of a Word document: characters XML cannot hold dropped,
lines joined into paragraphs, headings numbered 一、二、…, dates written 2024年8月5日, a long
title broken after its colon and note marks set before the closing punctuation.

One place has one note, holding all the quotes that support it (a row of marks such as ³⁴⁵ reads
as one number where circled numbers are not shown); its mark goes before the closing punctuation
(…化解在廊亭①。, as GB/T 7714 sets them), which keeps it on the line of the word it follows
instead of alone at the top of the next page. A title too long for a line breaks after its colon
(地区：做法), as offices break titles by their sense. Heading numbers are typed text, not Word list
numbering, as offices type them, so they survive copying between documents and WPS.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from markupsafe import Markup

from govcat.word.layout import LAYOUT, TYPE

NOT_IN_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
DIGITS = "零一二三四五六七八九"
CLOSING_PUNCTUATION = re.compile(r"[。！？；：，、…]+$")


def xml_text(value: Any) -> Any:
    """A template value without the characters XML 1.0 cannot hold (autoescaping does the rest)."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return NOT_IN_XML.sub("", value)
    return value


def chinese_number(n: int) -> str:
    """一 … 九十九, as headings are numbered (from 100 on, Arabic digits)."""
    tens, units = divmod(n, 10)
    if not 0 < n < 100:
        return str(n)
    return ("" if tens < 2 else DIGITS[tens]) + ("十" if tens else "") + (DIGITS[units] if units else "")


def one_line(text: str) -> str:
    """Record text for one paragraph or cell (our own XML, such as a slot, passes as it is)."""
    return text if isinstance(text, Markup) else joined(text.split("\n"))


def title_lines(title: str) -> list[str]:
    """A title too long for one line breaks after its colon (河南省鹤壁市：/“廊亭议事”工作法),
    as an office breaks a title by its sense (GB/T 9704 7.3.3: 词意完整); others wrap where they must."""
    text = one_line(title)
    place, colon, rest = text.partition("：")
    if len(text) <= LAYOUT.title_characters(TYPE.title_size) or not (place and rest):
        return [text]
    return [place + colon, rest]


def sentence_end(text: str) -> tuple[str, str]:
    """The text and its closing punctuation, apart: note references go between them."""
    match = CLOSING_PUNCTUATION.search(text)
    return (text[: match.start()], match.group()) if match and match.start() else (text, "")


def numbered(items: Iterable[str]) -> list[str]:
    """1.甲, 2.乙…: items in a table cell, as 公文 number the third level."""
    return [f"{n}.{one_line(item)}" for n, item in enumerate(items, start=1)]


def joined(lines: Sequence[str]) -> str:
    """Lines of one paragraph joined, with a space only where Latin text meets Latin text."""
    text = ""
    for line in (line.strip() for line in lines):
        if line and text and (text[-1].isascii() and line[0].isascii()):
            text += " "
        text += line
    return text


def blocks(text: str) -> list[str]:
    """The paragraphs of record text (separated by blank lines), each on one line."""
    return [joined(block.split("\n")) for block in re.split(r"\n\s*\n", text.strip()) if block.strip()]
