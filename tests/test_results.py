"""Results by city (a theme's 各地成效, its CSV, a region's 成效 column) and practice families
(an umbrella practice and its parts counted once), on the fixture catalog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from govcat.layout import Project
from support import edit, visible
from test_downloads import add_metric, generated

PRACTICE = "practices/zhengzhou/zhengzhou-dangqun-fuwu-zhongxin.yaml"
UMBRELLA = """\
id: zhengzhou-sicuo
title: 郑州市：“四措并举”
short_title: 四措并举
region: zhengzhou
level: city
themes: [shequ-fuwu]
summary: 郑州市聚焦基层治理难点堵点，重点围绕四个方面推动问题解决。
measures:
  - title: 完善社区党群服务中心功能
    practice: zhengzhou-dangqun-fuwu-zhongxin
    citations:
      - source: zgsqb-excerpt
        quote: 完善社区党群服务中心功能。
sources:
  - source: zgsqb-excerpt
    quote: 郑州市聚焦基层治理难点堵点,重点围绕四个方面推动问题解决,促进社区治理与服务水平不断提升。
last_reviewed: 2026-11-20
"""
RESULTS_HEADER = "| 城市 | 做法 | 成效 | 时间 | 来源 |"


def with_umbrella(project: Project, write: Callable[[str, str], Path]) -> None:
    write("practices/zhengzhou/zhengzhou-sicuo.yaml", UMBRELLA)
    edit(project, PRACTICE, "level: city\n", "level: city\nparent: zhengzhou-sicuo\n")


def test_a_practice_without_figures_says_so_in_the_results(project: Project) -> None:
    page = visible(generated(project, "themes/shequ-fuwu.md"))
    assert RESULTS_HEADER in page
    assert (
        "| 郑州市 | [完善社区党群服务中心功能](../practices/zhengzhou-dangqun-fuwu-zhongxin.md) | 来源未提供成效数据 "
        "| 2024-08-05（报道日期） | [中国社区报 2024-08-05](../sources/zgsqb-excerpt.md) |"
    ) in page
    assert "| — |" not in page.split(RESULTS_HEADER)[1].split("## 各地做法对照")[0]


def test_the_results_give_the_first_figure_as_written_and_export_to_csv(project: Project) -> None:
    add_metric(project)
    page = visible(generated(project, "themes/shequ-fuwu.md"))
    assert (
        "| 郑州市 | [完善社区党群服务中心功能](../practices/zhengzhou-dangqun-fuwu-zhongxin.md) | **278个** 无主管楼院 |"
        in page
    )
    assert "[下载本表（CSV）](../data/results/shequ-fuwu.csv)" in page
    raw = (project.generated_docs / "data/results/shequ-fuwu.csv").read_bytes()
    assert raw.decode("utf-8").split("\r\n") == [
        "\ufeff城市,地区,做法编号,做法,成效,其余数据,时间,来源,来源编号,原文",
        (
            "郑州市,郑州市,zhengzhou-dangqun-fuwu-zhongxin,郑州市：完善社区党群服务中心功能,278个 无主管楼院,,"
            "2024-08-05,中国社区报,zgsqb-excerpt,区内278个无主管楼院全部实现了"
        ),
        "",
    ]
    region = visible(generated(project, "regions/zhengzhou.md"))
    assert "| 概述 | 成效 |" in region and "| **278个** 无主管楼院 |" in region


def test_an_umbrella_practice_and_its_part_count_once(project: Project, write: Callable[[str, str], Path]) -> None:
    with_umbrella(project, write)
    page = visible(generated(project, "themes/shequ-fuwu.md"))
    assert "共 1 项做法，按地区排列；总括做法的分项（标“其中”）列在其下，不另计数。" in page
    assert "- [郑州市](shequ-fuwu/zhengzhou.md)（1）" in page
    rows = [line for line in page.splitlines() if line.startswith("| 郑州市 |")]
    assert [row.split(" | ")[1] for row in rows] == [
        "[“四措并举”](../practices/zhengzhou-sicuo.md)",
        '<span class="catalog-part">其中</span> [完善社区党群服务中心功能](../practices/zhengzhou-dangqun-fuwu-zhongxin.md)',
    ]
    assert "| [社区服务](shequ-fuwu.md) | " in visible(generated(project, "themes/index.md"))
    assert visible(generated(project, "themes/index.md")).rstrip().endswith("| 1 |")
    assert "- [社区服务](themes/shequ-fuwu.md)（1）" in visible(generated(project, "index.md"))
    # The region's 按主题 counts as the theme's pages do: the umbrella practice and its part once.
    assert "- [社区服务](../themes/shequ-fuwu/zhengzhou.md)（1）" in visible(generated(project, "regions/zhengzhou.md"))


def test_every_generated_page_carries_the_date_of_the_data(project: Project) -> None:
    for uri in ("index.md", "themes/shequ-fuwu.md", "practices/index.md", "regions/zhengzhou.md"):
        assert '\ndata_as_of: "2026-11-28"\n' in generated(project, uri), uri
