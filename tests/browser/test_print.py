"""Printing (Ctrl+P) a page with a wide table: the whole table on A4, turned to landscape, and
none of the hints that only make sense on a screen.

Chromium prints the page to PDF (``page.pdf``, the print style sheet, the page size the CSS asks
for); ``pdftotext -layout`` reads it back as a reader sees the paper: a table's header row is
one line, each heading where its column stands.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

SCREEN_HINTS = ("表头可点击排序", "点击表头排序", "编辑本页")


def printed(page: Page, path: str, pdf: Path) -> list[str]:
    """The page at ``path`` printed to ``pdf``: the lines of its text, laid out as on paper."""
    if not shutil.which("pdftotext"):
        pytest.skip("no pdftotext (apt-get install poppler-utils)")
    page.goto(path)
    page.pdf(path=pdf, prefer_css_page_size=True, print_background=True)
    layout = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True)
    return layout.stdout.splitlines()


def header_row(lines: list[str], headings: list[str]) -> str | None:
    """The printed line holding every heading, in their order (None when a column fell off)."""
    for line in lines:
        places = [line.find(h) for h in headings]
        if -1 not in places and places == sorted(places):
            return line
    return None


@pytest.mark.parametrize(
    ("path", "tables"),
    [
        ("themes/louyuan-zhili/", (".catalog-results", ".catalog-comparison")),
        ("metrics/", (".catalog-metrics",)),
    ],
)
def test_a_printed_page_holds_every_column_of_its_tables(
    page: Page, tmp_path: Path, path: str, tables: tuple[str, ...]
) -> None:
    page.goto(path)
    headings = [page.locator(f"{table} thead th").all_inner_texts() for table in tables]
    lines = printed(page, path, tmp_path / "printed.pdf")
    for table, row in zip(tables, headings, strict=True):
        assert len(row) >= 5, table
        assert header_row(lines, [h.strip() for h in row]) is not None, f"{table}: {row} not on one printed line"
    text = "\n".join(lines)
    assert [hint for hint in SCREEN_HINTS if hint in text] == []
    size = subprocess.run(["pdfinfo", tmp_path / "printed.pdf"], capture_output=True, text=True, check=True).stdout
    assert "841.92 x 594.96 pts (A4)" in size  # landscape A4 (pdfinfo gives the first page's size)
