"""The real catalog: it validates, and every figure of the source article is a metric.

The article's figures are found by ``catalog coverage``, not listed by hand, so a figure that no
metric captures fails this test. The few numbers that are not outcome figures (the date line,
counts that name a standard, an age limit, a year) are declared in the source record's
``not_metrics``, each with its reason, and checked here to be used as what they are.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from govcat.checks.validate import check_project
from govcat.cli import main
from govcat.layout import Project
from govcat.model.catalog import Catalog

REPO = Path(__file__).resolve().parent.parent
SOURCE = "zgsqb-2024-08-05-henan-jiceng-zhili"
ARTICLE_SHA256 = "b84ad726b35ee5d70a7f5bac287b24949e17b1232bdf3d82847d8171394eb723"  # as in shared/sources


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    result = check_project(Project(REPO))
    assert [str(d) for d in result.diagnostics] == []
    return result.catalog


@pytest.fixture(scope="module")
def coverage_report() -> Any:
    """What ``catalog coverage SOURCE --format json`` prints for the first article."""
    out = io.StringIO()
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(out):
        patch.chdir(REPO)
        assert main(["coverage", SOURCE, "--format", "json"]) == 0
    return json.loads(out.getvalue())


def test_real_catalog_is_valid(catalog: Catalog) -> None:
    assert len(catalog.ids("practice")) >= 20


def test_every_figure_of_the_article_is_a_metric_or_declared_not_one(coverage_report: dict[str, Any]) -> None:
    uncaptured = [
        f"{f['line']}:{f['column']} {f['number']} {f['context']}"
        for f in coverage_report["figures"]
        if f["status"] == "uncaptured"
    ]
    assert uncaptured == []
    summary = coverage_report["summary"]
    assert summary["figures"] == summary["metrics"] + summary["declared"]
    assert summary["declared"] == 11


def test_every_paragraph_with_content_is_cited(coverage_report: dict[str, Any]) -> None:
    """Only the date line and the place headings between the sections stand uncited."""
    uncited = [p["text"] for p in coverage_report["paragraphs"] if not p["cited_by"]]
    assert uncited == [
        "2024/08/05 15:14 来源:中国社区报 阅读:1.1万",
        "郑州市",
        "开封市",
        "济源产城融合示范区",
        "鹤壁市",
        "三门峡市",
    ]


def test_each_declared_number_is_used_as_what_its_reason_says(
    catalog: Catalog, coverage_report: dict[str, Any]
) -> None:
    declared = [f["number"] for f in coverage_report["figures"] if f["status"] == "declared"]
    assert declared == ["2024", "08", "05", "15", "14", "1.1", "6", "5", "2022", "35", "278"]
    source = catalog.get("source", SOURCE)
    assert (source["published"], source["published_time"]) == ("2024-08-05", "15:14")
    metrics = [m for p in catalog.all("practice") for m in p.get("metrics", [])]
    assert any(m["value"] == "61.6" and "35岁" in m["indicator"] for m in metrics)
    assert [m["value"] for m in metrics if m.get("as_of") == "2022年以来"] == ["4.9", "61.6"]
    assert sorted(m["value"] for m in metrics if "278个无主管楼院" in m.get("scope", "")) == ["1", "160", "400"]


def test_standards_named_by_their_count_have_that_many_items(catalog: Catalog) -> None:
    by_name = {s["name"]: len(s["items"]) for s in catalog.all("standard")}
    assert by_name["“好支书”6条标准"] == 6
    assert by_name["“好班子”5条要求"] == 5


def test_every_metric_value_is_written_as_in_its_quote(catalog: Catalog) -> None:
    """The value is never rounded or converted: it stands in the quote with its unit after it."""
    for practice in catalog.all("practice"):
        for metric in practice.get("metrics", []):
            unit = metric.get("unit", "")
            written = re.escape(metric["value"]) + r"(余|多)?" + re.escape(unit[:1])
            assert re.search(written, metric["citation"]["quote"]), (practice["id"], metric)


def test_source_text_is_the_stored_article() -> None:
    """The text quotes are checked against is the article as published (its SHA-256 digest), whether
    or not the shared sources folder is beside this checkout."""
    stored = (REPO / "reference" / "sources" / f"{SOURCE}.txt").read_bytes()
    assert hashlib.sha256(stored).hexdigest() == ARTICLE_SHA256
    shared = REPO.parent / "shared" / "sources" / f"{SOURCE}.txt"
    if shared.is_file():
        assert stored == shared.read_bytes()


def test_no_page_or_word_document_shows_an_editor_drafted_title_in_title_marks(catalog: Catalog, site: Path) -> None:
    drafted = [p["title"] for p in catalog.all("policy") if p.get("title_basis") == "editor"]
    assert drafted, "the first article's 指导目录 are named by the editors"
    pages = {path: path.read_text("utf-8") for path in sorted(site.rglob("*.html"))}
    documents = {}
    for path in sorted(site.rglob("*.docx")):
        with zipfile.ZipFile(path) as package:
            xml = "".join(package.read(n).decode("utf-8") for n in package.namelist() if n.startswith("word/"))
        documents[path] = re.sub(r"<[^>]+>", "", xml)  # the text as Word shows it, runs joined
    assert pages and documents
    for title in drafted:
        assert [p for p, text in {**pages, **documents}.items() if f"《{title}》" in text] == [], title
    # Shown as what the source says, marked, and not under 政策依据 as an issued document.
    practice = pages[site / "practices/henan-jianfu-funeng/index.html"]
    assert f"文中提到的{drafted[0]}（编者拟定）" in practice and "政策依据" not in practice
    word = documents[site / "word/practices/henan-jianfu-funeng.docx"]
    assert "文中提到的文件" in word and "政策依据" not in word
