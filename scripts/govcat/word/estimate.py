"""How many pages a practice's piece takes, estimated from its text, for a compilation's 目录.

A word processor lays out the pages; the generator only estimates them, on the page of ``layout``
(22 lines of 28 characters): a paragraph takes its characters (and the first line's 2 characters'
indent) over 28 a line, a title its lines at 35 pt and a line after it, a table row the tallest of
its cells (小四 at 1.1 lines, as many characters a line as the column holds), a note its characters
at 五号 over the line. The 目录 shows the estimate, and a word processor recounts it (see
``templates/contents-entry.xml.j2``).
"""

from __future__ import annotations

import math

from lxml import etree

from govcat.word.layout import LAYOUT, TYPE

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
GRID_LINE = LAYOUT.line_pitch  # twips
INDENT = 2  # characters before a paragraph's first line


def _text(element: etree._Element) -> str:
    return "".join(element.itertext())


def _style(paragraph: etree._Element) -> str:
    found = paragraph.find(f"{{{W}}}pPr/{{{W}}}pStyle")
    return "" if found is None else str(found.get(f"{{{W}}}val"))


def _paragraph_lines(paragraph: etree._Element) -> float:
    text = _text(paragraph)
    if _style(paragraph) == "Title":
        return (text.count("\n") + 1) * TYPE.title_line / GRID_LINE + 1
    return max(1, math.ceil((len(text) + INDENT) / LAYOUT.characters))


def _row_lines(row: etree._Element) -> float:
    line = TYPE.table_line / 240 * TYPE.table_size * 10 + 40  # twips: 1.1 lines of 小四 and the space after
    tallest = 0.0
    for cell in row.iter(f"{{{W}}}tc"):
        width = int(cell.find(f"{{{W}}}tcPr/{{{W}}}tcW").get(f"{{{W}}}w"))
        per_line = max(1, (width - 170) // (TYPE.table_size * 10))
        count = sum(max(1, math.ceil(len(_text(p)) / per_line)) for p in cell.iter(f"{{{W}}}p"))
        tallest = max(tallest, count * line + 90)
    return tallest / GRID_LINE


def _note_lines(note: str) -> float:
    per_line = LAYOUT.text_width // (TYPE.note_size * 10)
    return math.ceil(len(_text(etree.fromstring(f'<w:r xmlns:w="{W}">{note}</w:r>'))) / per_line) * (
        TYPE.note_line / 240 * TYPE.note_size * 10 / GRID_LINE
    )


def estimated_pages(body: str, notes: list[str]) -> int:
    """The pages of a piece's ``body`` XML (slots and all) with its ``notes``, at least one."""
    root = etree.fromstring(f'<w:body xmlns:w="{W}">{body.replace(chr(0), "")}</w:body>')
    lines = 0.0
    for element in root:
        if element.tag == f"{{{W}}}p":
            lines += _paragraph_lines(element)
        elif element.tag == f"{{{W}}}tbl":
            lines += sum(_row_lines(row) for row in element.iter(f"{{{W}}}tr"))
    lines += sum(_note_lines(note) for note in notes)
    return max(1, math.ceil(lines / LAYOUT.lines))
