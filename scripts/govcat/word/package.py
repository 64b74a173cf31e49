"""A Word document put together: ready-made XML with slots filled, zipped into a .docx, and named.

Every document is assembled from the same two kinds of ready-made XML, which ``writer`` makes:

* a **piece** per practice (``Piece``): its title, facts and sections as ``w:body`` XML, the text
  of its notes, its row of a compilation's comparison table and the newest date it shows;
* the **package** (``Package``): the parts that do not depend on the records (styles, settings,
  fonts, footers, relationships…), the note and compilation templates, all with named *slots*.

A slot is ``\\x00name\\x00`` (``\\x00`` cannot occur in XML text, and ``text.xml_text`` removes it
from records). ``assemble`` fills the slots: it numbers the notes of the chosen pieces 1, 2, 3…
across the document, numbers the practices (their rows in the comparison table and the bookmarks
on their titles), dates the document and, for a compilation longer than ``CONTENTS_PAGES`` pages
by the pieces' estimates (``PageEstimate``), adds a 目录 with the page each practice starts on. The
browser does exactly the same with the same pieces and package (``word.js``, from the files
``site/generate/word.py`` writes), so a compare-page selection downloads the same document as
``catalog export --ids``, without a server and from ``file://``. ``word.js`` reads ``SLOT`` and
the file-name rules from ``rules.js`` (``site/generate/rules.py``), and ``PAGE_ESTIMATE``,
``OUTLINE_CHAPTERS``, the outline's order numbers (``text.chinese_number``) and each piece's
``day`` from the data the generator writes; it mirrors ``fill``, ``referenced``, ``assemble``,
``assemble_outline``, ``outline_values``, ``contents`` and ``compare_file_name``: keep them
alike. (It zips the parts itself, stored rather than
deflated, with the same 1980-01-01 date; ``zip_package`` is Python's.)

A 汇报提纲 (``assemble_outline``) is made of the same pieces: each carries its parts of the
outline's chapters 一、基本情况, 二、主要做法 and 三、取得成效 and its row of the comparison table
on turned (landscape) pages, which the outline appends after its closing lines.

The end of every document, never inside its text, carries the catalog's name and "资料截至"
the newest date among the records it shows (reviews, source publications, policy dates), not
the build day, so the same records always give the same bytes. The zip is written with fixed
entry order, fixed timestamps (1980-01-01) and fixed attributes.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from govcat.word.text import chinese_number, one_line, xml_text

COMPARE_TITLE = "基层治理做法对比"
SLOT = re.compile("\x00([a-z]+|[0-9]+)\x00")
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
# ASCII controls and punctuation other than ( ) + - . : what file systems forbid, and what Markdown
# would read in the attribute list that suggests the name to the browser.
UNSAFE_IN_FILE_NAMES = re.compile(r"[\x00-\x1f\x7f!\"#$%&'*,/:;<=>?@\[\\\]^_`{|}~]")
UNSAFE_REPLACEMENT = "-"
# A compilation's name: 基层治理做法对比：甲、乙.docx, cut to COMPARE_NAME_LENGTH characters (code
# points) ending in the ellipsis. word.js names the compare page's downloads with these same rules
# (generate/rules.py hands them to it).
COMPARE_NAME_LENGTH = 60
TITLE_SEPARATOR, NAME_SEPARATOR, ELLIPSIS, EXTENSION = "：", "、", "…", ".docx"
OUTLINE_TITLE = "基层治理做法汇报提纲"
OUTLINE_CHAPTERS = ("basics", "measures", "results")  # the slots of an outline's chapters 一 to 三


@dataclass(frozen=True)
class PageEstimate:
    """How many pages a compilation takes, estimated in lines of the 22-line page: the front's
    title block, table caption and header (``front``), and each practice's row in the table and
    line in the 目录 (``row``); each practice starts a page and takes its piece's ``pages``. A
    compilation of more than ``contents`` pages gets a 目录."""

    front: int = 14
    row: int = 6
    page: int = 22
    contents: int = 5


PAGE_ESTIMATE = PageEstimate()


@dataclass(frozen=True)
class Piece:
    """One practice as every document shows it."""

    id: str
    name: str  # its short title, for file names
    date: str  # the newest date among the records it shows
    day: str  # that date in Chinese (model.dates.chinese_date); a document shows its newest piece's
    row: str  # its row of a comparison table; slot "n": its number there
    body: str  # title and sections; slots "0", "1"…: where its notes are referred to, "n": its number
    notes: list[str]  # the text of each note, in order
    contents: str  # its line in a 目录; slots "n" and "page"
    pages: int  # how many pages it takes, estimated
    outline: list[OutlinePart]  # its parts of a 汇报提纲: basics, measures, results
    wide_row: str  # its row of the comparison table on a turned page; slot "n"
    sources: list[str]  # the articles it quotes, each a paragraph of an outline's 资料来源


@dataclass(frozen=True)
class OutlinePart:
    """One practice's part of one chapter of a 汇报提纲."""

    xml: str  # slots "0", "1"…: where its notes are referred to; "order": its number there (一, 二…)
    notes: list[str]


@dataclass(frozen=True)
class Front:
    """What a compilation opens with: its title (also the document's) and its XML."""

    title: str
    xml: str  # slots "count", "day", "contents" and "rows"; an outline's "count", "day" and OUTLINE_CHAPTERS


@dataclass(frozen=True)
class Package:
    """The record-independent XML of every document, with slots."""

    parts: tuple[tuple[str, str], ...]  # (part name, template): slots front, body, closing, notes, title, date
    note_reference: str  # slot id
    note: str  # slots id, note
    closing: str  # slot day
    contents: str  # a 目录, slot entries
    section: str  # the properties of a document's pages
    appendix: str  # an outline's turned pages after its closing lines: slot rows
    landscape: str  # the properties of those pages


def slot(name: str) -> Markup:
    """The slot ``name``, for a template to leave where ``assemble`` puts a value."""
    return Markup(f"\x00{name}\x00")


def fill(template: str, values: Mapping[str, str]) -> str:
    """The template with every slot replaced by its value (a missing value is an error)."""
    return SLOT.sub(lambda match: values[match.group(1)], template)


def referenced(package: Package, xml: str, notes: Sequence[str], numbered: list[str], values: dict[str, str]) -> str:
    """``xml`` with its notes numbered after those in ``numbered`` (which they join) and ``values``."""
    first = len(numbered) + 1
    ids = [str(first + i) for i in range(len(notes))]
    numbered += [fill(package.note, {"id": n, "note": note}) for n, note in zip(ids, notes, strict=True)]
    return fill(xml, {**{str(i): fill(package.note_reference, {"id": n}) for i, n in enumerate(ids)}, **values})


def assemble(
    package: Package, pieces: Sequence[Piece], title: str, front: Front | None = None
) -> Iterator[tuple[str, bytes]]:
    """The parts of the document of ``pieces`` (a compilation when ``front`` is given), in order.

    ``word.js`` does the same in the browser; keep the two alike.
    """
    notes: list[str] = []
    bodies = [referenced(package, p.body, p.notes, notes, {"n": str(n)}) for n, p in enumerate(pieces, start=1)]
    day = newest(pieces).day
    rows = "".join(fill(piece.row, {"n": str(n)}) for n, piece in enumerate(pieces, start=1))
    front_values = {"count": str(len(pieces)), "rows": rows, "day": day, "contents": contents(package, pieces)}
    values = {
        "front": fill(front.xml, front_values) if front else "",
        "body": "".join(bodies),
        "appendix": "",
        "section": package.section,
    }
    return parts(package, pieces, title, values, notes)


def assemble_outline(package: Package, pieces: Sequence[Piece], front: Front) -> Iterator[tuple[str, bytes]]:
    """The parts of the 汇报提纲 of ``pieces``: each chapter made of every practice's part in turn,
    the notes numbered in that order, and the comparison table on turned pages at the end.

    ``word.js`` does the same in the browser; keep the two alike.
    """
    notes: list[str] = []
    chapters = {
        chapter: "".join(
            referenced(package, part.xml, part.notes, notes, {"order": chinese_number(n)})
            for n, part in enumerate((piece.outline[index] for piece in pieces), start=1)
        )
        for index, chapter in enumerate(OUTLINE_CHAPTERS)
    }
    rows = "".join(fill(piece.wide_row, {"n": str(n)}) for n, piece in enumerate(pieces, start=1))
    values = {
        "front": fill(front.xml, {**chapters, **outline_values(pieces)}),
        "body": "",
        "appendix": fill(package.appendix, {"rows": rows}),
        "section": package.landscape,
    }
    return parts(package, pieces, front.title, values, notes)


def outline_values(pieces: Sequence[Piece]) -> dict[str, str]:
    """The slots of an outline besides its chapters: count, day, and the articles (once each)."""
    sources = dict.fromkeys(source for piece in pieces for source in piece.sources)
    return {"count": str(len(pieces)), "day": newest(pieces).day, "sources": "".join(sources)}


def newest(pieces: Sequence[Piece]) -> Piece:
    """The (first) piece with the newest date among the records the pieces show: its date and day
    are the document's."""
    return max(pieces, key=lambda piece: piece.date)


def parts(
    package: Package, pieces: Sequence[Piece], title: str, values: dict[str, str], notes: list[str]
) -> Iterator[tuple[str, bytes]]:
    """The package's parts with ``values`` (front, body, appendix, section), the ``notes``, the
    title, the date and the closing lines filled in."""
    latest = newest(pieces)
    values = {
        **values,
        "closing": fill(package.closing, {"day": latest.day}),
        "notes": "".join(notes),
        "title": str(Markup.escape(xml_text(title))),
        "date": latest.date,
    }
    for name, template in package.parts:
        yield name, fill(template, values).encode("utf-8")


def contents(package: Package, pieces: Sequence[Piece], estimate: PageEstimate = PAGE_ESTIMATE) -> str:
    """The 目录 of a compilation of ``pieces`` if it runs to more than ``estimate.contents`` pages,
    each practice with the page it starts on; otherwise nothing."""
    page = math.ceil((estimate.front + estimate.row * len(pieces)) / estimate.page) + 1
    if page - 1 + sum(piece.pages for piece in pieces) <= estimate.contents:
        return ""
    entries = []
    for number, piece in enumerate(pieces, start=1):
        entries.append(fill(piece.contents, {"n": str(number), "page": str(page)}))
        page += piece.pages
    return fill(package.contents, {"entries": "".join(entries)})


def zip_package(parts: Iterator[tuple[str, bytes]]) -> bytes:
    """The .docx file: entries in the given order, each deflated, with fixed time and attributes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in parts:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            archive.writestr(info, data, compresslevel=6)
    return out.getvalue()


def document(package: Package, pieces: Sequence[Piece], title: str, front: Front | None = None) -> bytes:
    """The .docx file of ``pieces``, titled ``title`` (a compilation when ``front`` is given)."""
    return zip_package(assemble(package, pieces, title, front))


def outline_document(package: Package, pieces: Sequence[Piece], front: Front) -> bytes:
    """The .docx file of the 汇报提纲 of ``pieces``."""
    return zip_package(assemble_outline(package, pieces, front))


def theme_title(theme: dict[str, Any]) -> str:
    """The title of a theme's compilation: 社区服务做法汇编."""
    return f"{theme['name']}做法汇编"


def theme_outline_title(theme: dict[str, Any]) -> str:
    """The title of a theme's 汇报提纲: 社区服务做法汇报提纲."""
    return f"{theme['name']}做法汇报提纲"


def file_name(title: str) -> str:
    """The file name of a document titled ``title``, as suggested to the browser and written by
    ``catalog export``: 鹤壁市鹤山区：“廊亭议事”工作法.docx."""
    return (UNSAFE_IN_FILE_NAMES.sub(UNSAFE_REPLACEMENT, one_line(title)).strip(" .") or "document") + EXTENSION


def compare_file_name(names: Sequence[str], title: str = COMPARE_TITLE) -> str:
    """基层治理做法对比：甲、乙.docx (or another ``title``), shortened to 60 characters; word.js names
    its downloads alike."""
    name = UNSAFE_IN_FILE_NAMES.sub(UNSAFE_REPLACEMENT, title + TITLE_SEPARATOR + NAME_SEPARATOR.join(names))
    if len(name) > COMPARE_NAME_LENGTH:
        name = name[: COMPARE_NAME_LENGTH - 1] + ELLIPSIS
    return name + EXTENSION
