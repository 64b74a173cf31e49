"""The page of every Word document, after GB/T 9704-2012 (党政机关公文格式): measurements in twips
and the fonts and sizes of each kind of text, which the templates in ``templates/`` read.

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
long verbatim quotes leave room for the text.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


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
# An outline's appendix: the page turned (landscape), its margins turned with it.
LANDSCAPE = Layout(
    page_width=LAYOUT.page_height,
    page_height=LAYOUT.page_width,
    top=LAYOUT.left,
    bottom=LAYOUT.right,
    left=LAYOUT.top,
    right=LAYOUT.bottom,
)
TYPE = Typography()
# Column widths in twips; each table fills the 156 mm line.
METRIC_COLUMNS = (3345, 2100, 1900, 1500)
ROW_COLUMNS = (700, 1800, 1700, 2545, 2100)
WIDE_ROW_COLUMNS = (700, 2300, 1900, 4256, 3600)  # the same table on a turned page
