"""govcat.site.tablescope: every header cell of a Markdown table heads its column (scope="col")."""

from __future__ import annotations

import markdown

TABLE = "| 做法 | 地区 |\n| --- | ---: |\n| 四措并举 | 郑州市 |\n"


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "md_in_html", "govcat.site.tablescope"])


def test_header_cells_get_a_column_scope_and_data_cells_nothing() -> None:
    html = render(TABLE)
    assert '<th scope="col">做法</th>' in html
    assert '<th scope="col" style="text-align: right;">地区</th>' in html
    assert "<td>四措并举</td>" in html and "scope" not in html.split("<tbody>")[1]


def test_tables_inside_markdown_blocks_too() -> None:
    html = render(f'<div class="catalog-filterable" markdown>\n\n{TABLE}\n</div>\n')
    assert html.count('scope="col"') == 2
