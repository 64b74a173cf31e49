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
``catalog export --ids``, without a server and from ``file://``. ``word.js`` restates ``SLOT``,
``fill``, ``text.chinese_date``, ``assemble``, ``contents``, ``UNSAFE_IN_FILE_NAMES``,
``COMPARE_NAME_LENGTH`` and ``compare_file_name``: keep them alike (``PAGE_ESTIMATE`` it reads
from the package script). (It zips the parts itself, stored rather than
deflated, with the same 1980-01-01 date; ``zip_package`` is Python's.)

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

from govcat.word.text import chinese_date, one_line, xml_text

COMPARE_TITLE = "基层治理做法对比"
SLOT = re.compile("\x00([a-z]+|[0-9]+)\x00")
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
# ASCII controls and punctuation other than ( ) + - . : what file systems forbid, and what Markdown
# would read in the attribute list that suggests the name to the browser.
UNSAFE_IN_FILE_NAMES = re.compile(r"[\x00-\x1f\x7f!\"#$%&'*,/:;<=>?@\[\\\]^_`{|}~]")
COMPARE_NAME_LENGTH = 60


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
    row: str  # its row of a comparison table; slot "n": its number there
    body: str  # title and sections; slots "0", "1"…: where its notes are referred to, "n": its number
    notes: list[str]  # the text of each note, in order
    contents: str  # its line in a 目录; slots "n" and "page"
    pages: int  # how many pages it takes, estimated


@dataclass(frozen=True)
class Front:
    """What a compilation opens with: its title (also the document's) and its XML."""

    title: str
    xml: str  # slots "count", "day", "contents" and "rows"


@dataclass(frozen=True)
class Package:
    """The record-independent XML of every document, with slots."""

    parts: tuple[tuple[str, str], ...]  # (part name, template): slots front, body, closing, notes, title, date
    note_reference: str  # slot id
    note: str  # slots id, note
    closing: str  # slot day
    contents: str  # a 目录, slot entries


def slot(name: str) -> Markup:
    """The slot ``name``, for a template to leave where ``assemble`` puts a value."""
    return Markup(f"\x00{name}\x00")


def fill(template: str, values: Mapping[str, str]) -> str:
    """The template with every slot replaced by its value (a missing value is an error)."""
    return SLOT.sub(lambda match: values[match.group(1)], template)


def assemble(
    package: Package, pieces: Sequence[Piece], title: str, front: Front | None = None
) -> Iterator[tuple[str, bytes]]:
    """The parts of the document of ``pieces`` (a compilation when ``front`` is given), in order.

    ``word.js`` does the same in the browser; keep the two alike.
    """
    bodies: list[str] = []
    notes: list[str] = []
    for number, piece in enumerate(pieces, start=1):
        first = len(notes) + 1
        ids = [str(first + i) for i in range(len(piece.notes))]
        references = {str(i): fill(package.note_reference, {"id": n}) for i, n in enumerate(ids)}
        bodies.append(fill(piece.body, {**references, "n": str(number)}))
        notes += [fill(package.note, {"id": n, "note": note}) for n, note in zip(ids, piece.notes, strict=True)]
    day = chinese_date(max(piece.date for piece in pieces))
    rows = "".join(fill(piece.row, {"n": str(n)}) for n, piece in enumerate(pieces, start=1))
    front_values = {"count": str(len(pieces)), "rows": rows, "day": day, "contents": contents(package, pieces)}
    values = {
        "front": fill(front.xml, front_values) if front else "",
        "body": "".join(bodies),
        "closing": fill(package.closing, {"day": day}),
        "notes": "".join(notes),
        "title": str(Markup.escape(xml_text(title))),
        "date": max(piece.date for piece in pieces),
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


def theme_title(theme: dict[str, Any]) -> str:
    """The title of a theme's compilation: 社区服务做法汇编."""
    return f"{theme['name']}做法汇编"


def file_name(title: str) -> str:
    """The file name of a document titled ``title``, as suggested to the browser and written by
    ``catalog export``: 鹤壁市鹤山区：“廊亭议事”工作法.docx."""
    return (UNSAFE_IN_FILE_NAMES.sub("-", one_line(title)).strip(" .") or "document") + ".docx"


def compare_file_name(names: Sequence[str]) -> str:
    """基层治理做法对比：甲、乙.docx, shortened to 60 characters; word.js names its downloads alike."""
    name = UNSAFE_IN_FILE_NAMES.sub("-", f"{COMPARE_TITLE}：{'、'.join(names)}")
    if len(name) > COMPARE_NAME_LENGTH:
        name = name[: COMPARE_NAME_LENGTH - 1] + "…"
    return name + ".docx"
