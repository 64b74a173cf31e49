"""Pages for a catalog of two provinces: the region × theme matrix in code order, a province's
theme counts leading to that province's practices of the theme, and the home page's coverage."""

from __future__ import annotations

import pytest

from govcat.layout import Project
from govcat.site.pipeline import generate
from support import run_catalog, visible

BAOJI_PRACTICE = """\
id: baoji-yichuangban
title: 宝鸡市：一窗办
region: baoji
level: city
themes: [shequ-fuwu]
summary: 社区党群服务中心实行“一窗办”。
measures:
  - title: 实行“一窗办”“全岗通”
sources:
  - source: zgsqb-excerpt
    quote: 完善社区党群服务中心功能。
last_reviewed: 2026-11-28
"""


@pytest.fixture
def two_provinces(project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Project:
    """The fixture catalog (河南省, 郑州市 and a practice) plus 宝鸡市 added from the division table,
    with a practice of the same theme."""
    status, _, err = run_catalog(project, monkeypatch, capsys, "new", "region", "--name", "宝鸡市")
    assert (status, err) == (0, "")
    (project.root / "practices/baoji").mkdir()
    (project.root / "practices/baoji/baoji-yichuangban.yaml").write_text(BAOJI_PRACTICE, "utf-8")
    return project


def pages(project: Project) -> dict[str, str]:
    result, changes = generate(project)
    assert [str(d) for d in result.diagnostics] == [] and changes is not None
    docs = project.generated_docs
    return {p.relative_to(docs).as_posix(): visible(p.read_text("utf-8")) for p in sorted(docs.rglob("*.md"))}


def matrix_rows(page: str) -> list[str]:
    table = page.split("## 地区 × 主题", 1)[1].split("## 行政区划", 1)[0]
    return [line for line in table.splitlines() if line.startswith("| [")]


def test_regions_list_provinces_in_code_order_each_with_its_cities(two_provinces: Project) -> None:
    rows = matrix_rows(pages(two_provinces)["regions/index.md"])
    assert rows == [
        "| [河南省](henan.md)（含下辖） | [1](henan/shequ-fuwu.md) |",
        "| [郑州市](zhengzhou.md) | [1](../themes/shequ-fuwu/zhengzhou.md) |",
        "| [陕西省](shanxi.md)（含下辖） | [1](shanxi/shequ-fuwu.md) |",
        "| [宝鸡市](baoji.md) | [1](../themes/shequ-fuwu/baoji.md) |",
    ]


def test_a_provinces_theme_count_leads_to_its_own_practices_of_the_theme(two_provinces: Project) -> None:
    generated = pages(two_provinces)
    assert "- [社区服务](shanxi/shequ-fuwu.md)（1）" in generated["regions/shanxi.md"]
    listing = generated["regions/shanxi/shequ-fuwu.md"]
    assert "主题下，[陕西省](../shanxi.md)及其下辖地区的 1 项做法" in listing
    assert "baoji-yichuangban" in listing and "zhengzhou-dangqun-fuwu-zhongxin" not in listing
    assert "zhengzhou-dangqun-fuwu-zhongxin" in generated["regions/henan/shequ-fuwu.md"]
    assert "baoji-yichuangban" not in generated["regions/henan/shequ-fuwu.md"]


def test_home_page_says_what_the_catalog_covers(two_provinces: Project) -> None:
    home = pages(two_provinces)["index.md"]
    assert (
        "**收录范围**：2 项做法，来自 2 个省级地区（[河南省](regions/henan.md) 1 项、[陕西省](regions/shanxi.md) 1 项），"
        "全部出自 1 篇来源（2024-08-05 发表），记录核对至 2026-11-28；涉及 4 个地区、1 个主题"
    ) in home
