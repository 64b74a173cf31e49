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
CHINESE = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’"
HALF_WIDTH_BESIDE_CHINESE = re.compile(f"(?<=[{CHINESE}])[,:;?!] *|[,:;?!] *(?=[{CHINESE}])")
HALF_WIDTH_BRACKETS = re.compile(r"\(([^()]*[\u3400-\u9fff][^()]*)\)")
FULL_WIDTH = str.maketrans(",:;?!", "，：；？！")
NEXT_QUOTE_LEVEL = str.maketrans("“”‘’", "‘’“”")
NEXT_TITLE_LEVEL = str.maketrans("《》〈〉", "〈〉《》")


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
    return text if isinstance(text, Markup) else chinese_punctuation(joined(text.split("\n")))


def chinese_punctuation(text: str) -> str:
    """Half-width punctuation beside Han text set full-width: 河南省:把 -> 河南省：把, 村(社区) ->
    村（社区）, with the space after it dropped (a full-width mark has its own); 1,000, 4.9 and 8:30
    stay as they are."""
    text = HALF_WIDTH_BRACKETS.sub(r"（\1）", text)
    return HALF_WIDTH_BESIDE_CHINESE.sub(lambda match: match.group().rstrip(" ").translate(FULL_WIDTH), text)


def quoted(text: str) -> str:
    """Text in quotation marks, the quotes it holds one level down: “实现了‘有人看门’的目标”."""
    return f"“{chinese_punctuation(text).translate(NEXT_QUOTE_LEVEL)}”"


def book_title(text: str) -> str:
    """A title in title marks, a title it holds one level down: 《关于〈条例〉的说明》."""
    return f"《{chinese_punctuation(text).translate(NEXT_TITLE_LEVEL)}》"


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


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends with the mark that ends a sentence (。！？, half-width or full)."""
    return chinese_punctuation(text).rstrip("”’）").endswith(("。", "！", "？", "…"))


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
    return [one_line(block) for block in re.split(r"\n\s*\n", text.strip()) if block.strip()]
