"""Word documents (.docx) of practices, laid out after GB/T 9704-2012 (党政机关公文格式).

How a document is made
----------------------
The Office Open XML is written from Jinja2 templates in ``templates/word/`` (StrictUndefined,
autoescaping on): every record value is XML-escaped, and characters XML cannot hold are dropped,
so record text can only ever be the text of a ``w:t`` element, never markup or a field (text
such as ``{ PAGE }`` stays text; the only field is the page number in our own footers). On the
2-core development machine this takes about 3 ms a practice, zip included; python-docx needs
about 22 ms for a document of that size (and has no footnotes), which at 1,000 practices and
their theme compilations would break the build-time budget. The tests read the documents back
with python-docx.

Every document is assembled from the same two kinds of ready-made XML:

* a **piece** per practice (``Piece``): its title, facts and sections as ``w:body`` XML, the text
  of its notes, its row of a compilation's comparison table and the newest date it shows;
* the **package** (``Package``): the parts that do not depend on the records (styles, settings,
  fonts, footers, relationships…), the note and compilation templates, all with named *slots*.

A slot is ``\\x00name\\x00`` (``\\x00`` cannot occur in XML text, and ``xml_text`` removes it
from records). ``assemble`` fills the slots: it numbers the notes of the chosen pieces 1, 2, 3…
across the document, numbers the rows of the comparison table, and dates the document. The
browser does exactly the same with the same pieces and package (``word.js``, from the files
``generate/word.py`` writes), so a compare-page selection downloads the same document as
``catalog export --ids``, without a server and from ``file://``.

Layout (GB/T 9704-2012)
-----------------------
A4; margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right; 22 lines of 28 characters: a
line grid (``w:docGrid`` of type ``lines``, 579 twips a line) and characters set 0.25 pt closer
than their 三号 size (``w:spacing`` −5 twips), so that 28 fill the 156 mm line. Word's "lines and
characters" grid would do the same in Word and WPS, but LibreOffice sets each character that is
wider than a grid cell in two cells, which spreads the text across the page; the line grid and
the character spacing give 22 × 28 in all three. Title 方正小标宋简体 二号 centred; body 仿宋_GB2312 三号, 2 characters' indent; headings
"一、" in 黑体 三号 and "（一）" in 楷体_GB2312 三号, both with outline levels for Word's
navigation pane; page numbers "— 1 —" in 宋体 四号 7 mm below the text, odd pages right and even
pages left, a character in from the edge (different odd and even footers). Fonts are named, not
embedded: the font table gives each a fallback name (宋体 for 方正小标宋简体, 仿宋 for
仿宋_GB2312, 楷体 for 楷体_GB2312), which Word and WPS use where the first is not installed. The
title is not set bold: bolding 小标宋 (already a heavy face) would smear it. Notes are real Word
footnotes numbered ①②③ afresh on each page, as in Chinese books, their text 仿宋 五号 so that
long verbatim quotes leave room for the text. One place has one note, holding all the quotes that
support it (a row of marks such as ³⁴⁵ reads as one number where circled numbers are not
shown); its mark goes before the closing punctuation (…化解在廊亭①。, as GB/T 7714 sets them),
which keeps it on the line of the word it follows instead of alone at the top of the next page. A title too long for a line breaks after its
colon (地区：做法), as offices break titles by their sense.
Heading numbers are typed text, not Word list numbering, as offices type them, so they survive
copying between documents and WPS.

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
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from govcat.model.catalog import LEVEL_LABELS, Catalog, metric_text
from govcat.model.dates import chinese_date, newest
from govcat.model.names import display_name, policy_groups, short_name

TEMPLATES = Path(__file__).resolve().parent / "templates"

CATALOG_NAME = "基层治理实践库"
COMPARE_TITLE = "基层治理做法对比"
HEADLINE_METRICS = 3
SLOT = re.compile("\x00([a-z]+|[0-9]+)\x00")
NOT_IN_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
DIGITS = "零一二三四五六七八九"


def twips(mm: float) -> int:
    return round(mm / 25.4 * 1440)


@dataclass(frozen=True)
class Layout:
    """Page set-up of GB/T 9704-2012 in twips (1/20 pt), the unit of WordprocessingML."""

    page_width: int = twips(210)
    page_height: int = twips(297)
    top: int = twips(37)
    bottom: int = twips(35)
    left: int = twips(28)
    right: int = twips(26)
    lines: int = 22
    characters: int = 28
    body_points: int = 16  # 三号
    header: int = twips(15)
    footer_line: int = 360  # the page number's line, 18 pt exactly

    @property
    def text_width(self) -> int:
        return self.page_width - self.left - self.right

    @property
    def line_pitch(self) -> int:
        """The grid's line height: whole twips, so that 22 lines surely fit the 225 mm text block."""
        return (self.page_height - self.top - self.bottom) // self.lines

    @property
    def character_spacing(self) -> int:
        """How much closer than the body size characters are set, in twips (rounded away from
        zero, so that 28 characters of 三号 surely fit the 156 mm line)."""
        return math.floor(self.text_width / self.characters - self.body_points * 20)

    def title_characters(self, half_points: int) -> int:
        """How many characters of this size fill a line."""
        return self.text_width // (half_points * 10 + self.character_spacing)

    @property
    def footer(self) -> int:
        """Footer distance from the page edge: the number line's top 7 mm below the text block."""
        return self.bottom - twips(7) - self.footer_line

    @property
    def footer_char(self) -> int:
        """One character of the page number's 四号 (14 pt), the indent from the outside edge."""
        return 14 * 20


@dataclass(frozen=True)
class Typography:
    """Fonts (named, with the fallback name the font table gives) and sizes in half-points."""

    title: str = "方正小标宋简体"
    body: str = "仿宋_GB2312"
    heading1: str = "黑体"
    heading2: str = "楷体_GB2312"
    page_number: str = "宋体"
    latin: str = "Times New Roman"
    title_size: int = 44  # 二号
    body_size: int = 32  # 三号
    table_size: int = 24  # 小四
    note_size: int = 21  # 五号
    page_number_size: int = 28  # 四号
    title_line: int = 700  # 35 pt a title line
    table_line: int = 264  # 1.1 lines in tables
    note_line: int = 240


@dataclass(frozen=True)
class Font:
    """A font of the font table: its name, the name to use where it is missing, its kind."""

    name: str
    fallback: str
    family: str = "modern"
    pitch: str = "fixed"
    charset: str = "86"  # GB2312


FONTS = (
    Font("仿宋_GB2312", "仿宋"),
    Font("方正小标宋简体", "宋体"),
    Font("黑体", "SimHei"),
    Font("楷体_GB2312", "楷体"),
    Font("宋体", "SimSun", "auto", "variable"),
    Font("Times New Roman", "Times New Roman", "roman", "variable", "00"),
)
LAYOUT = Layout()
TYPE = Typography()
# Column widths in twips; each table fills the 156 mm line.
METRIC_COLUMNS = (3345, 2100, 1900, 1500)
ROW_COLUMNS = (700, 1800, 1700, 2545, 2100)

# The parts of a .docx in the order they are written, with the template each is made from.
PARTS: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("[Content_Types].xml", "content-types.xml.j2", {}),
    ("_rels/.rels", "package-rels.xml.j2", {}),
    ("docProps/app.xml", "app.xml.j2", {}),
    ("docProps/core.xml", "core.xml.j2", {}),
    ("word/document.xml", "document.xml.j2", {}),
    ("word/_rels/document.xml.rels", "document-rels.xml.j2", {}),
    ("word/styles.xml", "styles.xml.j2", {}),
    ("word/settings.xml", "settings.xml.j2", {}),
    ("word/fontTable.xml", "font-table.xml.j2", {}),
    ("word/footnotes.xml", "footnotes.xml.j2", {}),
    ("word/footer1.xml", "footer.xml.j2", {"odd": True}),
    ("word/footer2.xml", "footer.xml.j2", {"odd": False}),
)


def xml_text(value: Any) -> Any:
    """A template value without the characters XML 1.0 cannot hold (autoescaping does the rest)."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return NOT_IN_XML.sub("", value)
    return value


def slot(name: str) -> Markup:
    return Markup(f"\x00{name}\x00")


def fill(template: str, values: Mapping[str, str]) -> str:
    """The template with every slot replaced by its value (a missing value is an error)."""
    return SLOT.sub(lambda match: values[match.group(1)], template)


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


CLOSING_PUNCTUATION = re.compile(r"[。！？；：，、…]+$")


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


def compact_source(source: str) -> str:
    """A template without the line breaks and indentation that only make it readable."""
    return re.sub(r"\n[ \t]*", "", source)


class CompactLoader(FileSystemLoader):
    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        return compact_source(source), filename, uptodate


def make_environment() -> Environment:
    env = Environment(
        loader=CompactLoader(TEMPLATES),
        undefined=StrictUndefined,
        autoescape=True,
        finalize=xml_text,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.globals.update(
        slot=slot,
        layout=LAYOUT,
        type=TYPE,
        fonts=FONTS,
        catalog_name=CATALOG_NAME,
        metric_columns=METRIC_COLUMNS,
        row_columns=ROW_COLUMNS,
        level_label=LEVEL_LABELS.__getitem__,
        metric_text=metric_text,
        blocks=blocks,
        one_line=one_line,
        numbered=numbered,
        title_lines=title_lines,
        sentence_end=sentence_end,
        chinese_number=chinese_number,
        short_name=lambda data: short_name("practice", data),
    )
    env.filters["one_line"] = one_line
    return env


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


@dataclass
class _PieceState:
    """What rendering one practice collects: the citations of each note in order of reference, and
    how many headings it has numbered."""

    notes: list[list[dict[str, Any]]] = field(default_factory=list)
    headings: int = 0

    def note(self, citations: list[dict[str, Any]]) -> Markup:
        self.notes.append(citations)
        return slot(str(len(self.notes) - 1))

    def heading(self, text: str) -> str:
        self.headings += 1
        return f"{chinese_number(self.headings)}、{text}"


class Writer:
    """Pieces, fronts and the package for one catalog, from the templates in ``templates/word/``."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.env = make_environment()
        self.env.globals.update(
            catalog=catalog,
            place=self.place,
            short_place=self.short_place,
            names=self.names,
            name=self.name,
            policy_line=self.policy_line,
            policy_groups=lambda policy_ids: policy_groups(catalog, policy_ids),
            headline_metrics=self.headline_metrics,
        )

    # ---- helpers the templates call ----

    def name(self, kind: str, record_id: str) -> str:
        return display_name(kind, self.catalog.get(kind, record_id))

    def names(self, kind: str, ids: Sequence[str]) -> list[str]:
        return [self.name(kind, i) for i in ids]

    def place(self, region_id: str) -> str:
        """河南省鹤壁市鹤山区: the region with all the regions above it, as an address is written."""
        return "".join(self.names("region", self.catalog.region_chain(region_id)))

    def short_place(self, region_id: str) -> str:
        """The place without its province (unless it is one), for a narrow table column."""
        chain = self.catalog.region_chain(region_id)
        return "".join(self.names("region", chain[1:] or chain))

    def policy_line(self, policy_id: str) -> str:
        policy = self.catalog.get("policy", policy_id)
        details = [policy[f] for f in ("issuer", "doc_number") if f in policy]
        details += [chinese_date(policy["date"])] if "date" in policy else []
        return self.name("policy", policy_id) + (f"（{'，'.join(details)}）" if details else "")

    def source_line(self, source_id: str, first: bool) -> str:
        """中国社区报《标题》，2024年8月5日; without the title after its first note in a practice."""
        source = self.catalog.get("source", source_id)
        title = f"《{source['title']}》" if first else ""
        return f"{source['publisher']}{title}，{chinese_date(source['published'])}"

    def note_parts(self, citations: list[dict[str, Any]], cited: set[str]) -> list[tuple[list[str], str]]:
        """The quotes of one note grouped by the article they are from, each article named in full
        the first time a practice cites it (``cited`` holds those named so far)."""
        quotes: dict[str, list[str]] = {}
        for citation in citations:
            quotes.setdefault(citation["source"], []).append(one_line(citation["quote"]))
        parts = []
        for source_id, said in quotes.items():
            parts.append((said, self.source_line(source_id, source_id not in cited)))
            cited.add(source_id)
        return parts

    def headline_metrics(self, practice: dict[str, Any]) -> list[str]:
        return [f"{one_line(m['indicator'])}：{metric_text(m)}" for m in practice.get("metrics", [])[:HEADLINE_METRICS]]

    # ---- what documents are made of ----

    def render(self, template: str, **context: Any) -> str:
        return self.env.get_template(template).render(**context)

    def newest_date(self, practice: dict[str, Any]) -> str:
        dates = [practice["last_reviewed"]]
        dates += [self.catalog.get("source", c["source"])["published"] for c in practice["sources"]]
        dates += [self.catalog.get("policy", p).get("date", "") for p in practice.get("policies", [])]
        return newest(dates)

    def piece(self, practice_id: str) -> Piece:
        practice = self.catalog.get("practice", practice_id)
        state = _PieceState()
        body = self.render(
            "practice.xml.j2",
            practice=practice,
            note=state.note,
            heading=state.heading,
            terms=self.catalog.practice_terms.get(practice_id, []),
        )
        note = self.env.get_template("note.xml.j2").module.note  # type: ignore[attr-defined]
        cited: set[str] = set()
        notes = [str(note(self.note_parts(citations, cited))) for citations in state.notes]
        return Piece(
            practice_id,
            short_name("practice", practice),
            self.newest_date(practice),
            self.render("row.xml.j2", practice=practice),
            body,
            notes,
        )

    def front(self, title: str, foreword: str | None) -> Front:
        return Front(title, self.render("front.xml.j2", title=title, foreword=foreword))

    def theme_front(self, theme_id: str) -> Front:
        theme = self.catalog.get("theme", theme_id)
        return self.front(theme_title(theme), theme["description"])

    def compare_front(self) -> Front:
        return self.front(COMPARE_TITLE, None)

    def package(self) -> Package:
        parts = tuple((name, self.render(template, **extra)) for name, template, extra in PARTS)
        return Package(
            parts,
            self.render("note-parts.xml.j2", reference=True),
            self.render("note-parts.xml.j2", reference=False),
            self.render("closing.xml.j2"),
        )


def theme_title(theme: dict[str, Any]) -> str:
    return f"{theme['name']}做法汇编"


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
    return zip_package(assemble(package, pieces, title, front))


# ASCII controls and punctuation other than ( ) + - . : what file systems forbid, and what Markdown
# would read in the attribute list that suggests the name to the browser.
UNSAFE_IN_FILE_NAMES = re.compile(r"[\x00-\x1f\x7f!\"#$%&'*,/:;<=>?@\[\\\]^_`{|}~]")
COMPARE_NAME_LENGTH = 60


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
