"""A Word document put together: ready-made XML with slots filled, zipped into a .docx, and named.

Every document is assembled from the same two kinds of ready-made XML, which ``writer`` makes:

* a **piece** per practice (``Piece``): its title, facts and sections as ``w:body`` XML, the text
  of its notes, its row of a compilation's comparison table and the newest date it shows;
* the **package** (``Package``): the parts that do not depend on the records (styles, settings,
  fonts, footers, relationships…), the note and compilation templates, all with named *slots*.

A slot is ``\\x00name\\x00`` (``\\x00`` cannot occur in XML text, and ``text.xml_text`` removes it
from records). ``assemble`` fills the slots: it numbers the notes of the chosen pieces 1, 2, 3…
across the document, numbers the rows of the comparison table, and dates the document. The
browser does exactly the same with the same pieces and package (``word.js``, from the files
``site/generate/word.py`` writes), so a compare-page selection downloads the same document as
``catalog export --ids``, without a server and from ``file://``. ``word.js`` reads ``SLOT`` and
the file-name rules from ``rules.js`` (``site/generate/rules.py``); it mirrors ``fill``,
``model.dates.chinese_date``, ``assemble`` and ``compare_file_name``: keep them alike. (It zips the parts itself, stored rather than
deflated, with the same 1980-01-01 date; ``zip_package`` is Python's.)

The end of every document, never inside its text, carries the catalog's name and "资料截至"
the newest date among the records it shows (reviews, source publications, policy dates), not
the build day, so the same records always give the same bytes. The zip is written with fixed
entry order, fixed timestamps (1980-01-01) and fixed attributes.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from govcat.model.dates import chinese_date
from govcat.word.text import one_line, xml_text

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


@dataclass(frozen=True)
class Piece:
    """One practice as every document shows it."""

    id: str
    name: str  # its short title, for file names
    date: str  # the newest date among the records it shows
    row: str  # its row of a comparison table; slot "n": its number there
    body: str  # title and sections; slots "0", "1"…: where its notes are referred to
    notes: list[str]  # the text of each note, in order


@dataclass(frozen=True)
class Front:
    """What a compilation opens with: its title (also the document's) and its XML."""

    title: str
    xml: str  # slots "count" and "rows"


@dataclass(frozen=True)
class Package:
    """The record-independent XML of every document, with slots."""

    parts: tuple[tuple[str, str], ...]  # (part name, template): slots front, body, closing, notes, title, date
    note_reference: str  # slot id
    note: str  # slots id, note
    closing: str  # slot day


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
    for piece in pieces:
        first = len(notes) + 1
        ids = [str(first + i) for i in range(len(piece.notes))]
        bodies.append(fill(piece.body, {str(i): fill(package.note_reference, {"id": n}) for i, n in enumerate(ids)}))
        notes += [fill(package.note, {"id": n, "note": note}) for n, note in zip(ids, piece.notes, strict=True)]
    date = max(piece.date for piece in pieces)
    rows = "".join(fill(piece.row, {"n": str(n)}) for n, piece in enumerate(pieces, start=1))
    values = {
        "front": fill(front.xml, {"count": str(len(pieces)), "rows": rows}) if front else "",
        "body": "".join(bodies),
        "closing": fill(package.closing, {"day": chinese_date(date)}),
        "notes": "".join(notes),
        "title": str(Markup.escape(xml_text(title))),
        "date": date,
    }
    for name, template in package.parts:
        yield name, fill(template, values).encode("utf-8")


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
    return (UNSAFE_IN_FILE_NAMES.sub(UNSAFE_REPLACEMENT, one_line(title)).strip(" .") or "document") + EXTENSION


def compare_file_name(names: Sequence[str], title: str = COMPARE_TITLE) -> str:
    """基层治理做法对比：甲、乙.docx, shortened to 60 characters; word.js names its downloads alike."""
    name = UNSAFE_IN_FILE_NAMES.sub(UNSAFE_REPLACEMENT, title + TITLE_SEPARATOR + NAME_SEPARATOR.join(names))
    if len(name) > COMPARE_NAME_LENGTH:
        name = name[: COMPARE_NAME_LENGTH - 1] + ELLIPSIS
    return name + EXTENSION
