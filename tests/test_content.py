"""The real catalog: it validates, and every figure of the source article is a metric.

The article's figures are found by scanning its text, not listed by hand, so a figure that
no metric captures fails this test. The few numbers that are not outcome figures (the date
line, counts that name a standard, an age limit, a year) are listed with the reason and
checked to be used as what they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from govcat.catalog import Catalog
from govcat.layout import Project
from govcat.validate import check_project

REPO = Path(__file__).resolve().parent.parent
SOURCE = "zgsqb-2024-08-05-henan-jiceng-zhili"
FIGURE = re.compile(r"\d+(?:\.\d+)?")

# (figure, the text right after it) -> why it is not a metric of its own
NOT_METRICS = {
    ("2024", "/08/05"): "publication date line",
    ("08", "/05 15"): "publication date line",
    ("05", " 15:14"): "publication date line",
    ("15", ":14 来源"): "publication time",
    ("14", " 来源:中国"): "publication time",
    ("1.1", "万\n近年来"): "the page's read counter, not a governance figure",
    ("6", "条标准"): "names the “好支书” standard; its 6 items are the standard's record",
    ("5", "条要求"): "names the “好班子” requirements; its 5 items are the standard's record",
    ("2022", "年以来,全省"): "the as-of year of the 4.9万余人 and 61.6% metrics",
    ("35", "岁以下占"): "the age limit inside the 61.6% metric's indicator",
    ("278", "个无主管楼院共成立"): "the scope of the 160余个/400余盏/1万余平方米 metrics (278 is already a metric)",
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    result = check_project(Project(REPO))
    assert [str(d) for d in result.diagnostics] == []
    return result.catalog


def figures(text: str) -> Iterator[tuple[str, int, str]]:
    for match in FIGURE.finditer(text):
        yield match.group(), match.start(), text[match.end():match.end() + 20]


def spans(text: str, quote: str) -> Iterator[range]:
    start = text.find(quote)
    while start >= 0:
        yield range(start, start + len(quote))
        start = text.find(quote, start + 1)


def test_real_catalog_is_valid(catalog: Catalog) -> None:
    assert len(catalog.ids("practice")) >= 20


def test_every_figure_of_the_article_is_a_metric(catalog: Catalog) -> None:
    text = catalog.source_texts[SOURCE]
    metrics = [m for p in catalog.all("practice") for m in p.get("metrics", []) if m["citation"]["source"] == SOURCE]
    missing, excluded = [], set()
    for value, offset, after in figures(text):
        key = next((k for k in NOT_METRICS if k[0] == value and after.startswith(k[1])), None)
        if key:
            excluded.add(key)
            continue
        captured = any(m["value"] == value and any(offset in s for s in spans(text, m["citation"]["quote"]))
                       for m in metrics)
        if not captured:
            missing.append(f"{value}{after[:6]}")
    assert missing == []
    assert excluded == set(NOT_METRICS), "an exclusion no longer matches the article"


def test_standards_named_by_their_count_have_that_many_items(catalog: Catalog) -> None:
    by_name = {s["name"]: len(s["items"]) for s in catalog.all("standard")}
    assert by_name["“好支书”6条标准"] == 6
    assert by_name["“好班子”5条要求"] == 5


def test_excluded_numbers_are_used_where_they_belong(catalog: Catalog) -> None:
    metrics = [m for p in catalog.all("practice") for m in p.get("metrics", [])]
    assert any(m["value"] == "61.6" and "35岁" in m["indicator"] for m in metrics)
    assert [m["value"] for m in metrics if m.get("as_of") == "2022年以来"] == ["4.9", "61.6"]


def test_every_metric_value_is_written_as_in_its_quote(catalog: Catalog) -> None:
    """The value is never rounded or converted: it stands in the quote with its unit after it."""
    for practice in catalog.all("practice"):
        for metric in practice.get("metrics", []):
            unit = metric.get("unit", "")
            written = re.escape(metric["value"]) + r"(余|多)?" + re.escape(unit[:1])
            assert re.search(written, metric["citation"]["quote"]), (practice["id"], metric)


def test_source_text_is_the_stored_article() -> None:
    shared = REPO.parent / "shared" / "sources" / f"{SOURCE}.txt"
    if not shared.is_file():
        pytest.skip("shared/sources is not beside this checkout")
    assert (REPO / "reference" / "sources" / f"{SOURCE}.txt").read_bytes() == shared.read_bytes()
