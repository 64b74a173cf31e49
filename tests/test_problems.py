"""Problems (难题): checked like every kind, linked from the practices that address them, and
shown on their own pages, on the practice pages, the home page and in search."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from govcat.checks.validate import check_project
from govcat.layout import Project
from govcat.site.pipeline import generate
from support import edit, run_catalog, visible

Write = Callable[[str, str], Path]
PRACTICE = "practices/zhengzhou/zhengzhou-dangqun-fuwu-zhongxin.yaml"
PROBLEM = "reference/problems/meikong-banshi.yaml"
PROBLEM_TEXT = (
    "id: meikong-banshi\n"
    "name: 上班时间没空办事\n"
    "aliases: [下班没处办事]\n"
    "aliases_basis: editor\n"
    "citations:\n"
    "  - source: zgsqb-excerpt\n"
    "    quote: 同时落实错时、延时、上门帮办等服务。\n"
)


def messages(project: Project) -> list[str]:
    return [str(d) for d in check_project(project).diagnostics]


def page(project: Project, uri: str) -> str:
    result, changes = generate(project)
    assert result.diagnostics == [] and changes is not None
    return (project.generated_docs / uri).read_text("utf-8")


@pytest.fixture
def addressed(project: Project, write: Write) -> Project:
    """The fixture's practice names a problem it addresses."""
    write(PROBLEM, PROBLEM_TEXT)
    edit(project, PRACTICE, "terms: [yichuangban]", "terms: [yichuangban]\nproblems: [meikong-banshi]")
    return project


def test_a_problem_quote_is_checked_against_its_source(addressed: Project) -> None:
    assert messages(addressed) == []
    edit(addressed, PROBLEM, "上门帮办等服务", "上门帮办服务")
    assert messages(addressed) == [
        (
            f"{PROBLEM}:7:12: error: citations[0].quote: 引文在来源“zgsqb-excerpt”的原文中找不到。"
            "原文第 2 行最接近的是「…、延时、上门帮办【等】服务。」，引文是「…、延时、上门帮办【】服务。」"
            "（【】中是不同之处）。请从原文逐字复制，标点和空格也要一致"
        )
    ]


def test_a_practice_naming_a_missing_problem_is_told_which(addressed: Project) -> None:
    edit(addressed, PRACTICE, "problems: [meikong-banshi]", "problems: [meikong-banshi, loyuan]")
    assert messages(addressed) == [
        f"{PRACTICE}:15:28: error: problems[1]: 找不到难题“loyuan”，请先用 catalog new problem --id <编号> --title <名称> 在 reference/problems/ 中添加它"
    ]


def test_a_problem_alias_may_not_be_another_record_name(addressed: Project) -> None:
    edit(addressed, PROBLEM, "aliases: [下班没处办事]", "aliases: [社区服务]")
    assert messages(addressed) == [
        (
            f"{PROBLEM}:3:11: error: aliases[0]: 别称“社区服务”与主题“shequ-fuwu”的名称相同"
            "（reference/themes/shequ-fuwu.yaml）：一个说法只能指一个记录，删去这一项，或改用更具体的说法"
        )
    ]


def test_the_problem_page_quotes_its_source_and_compares_its_practices(addressed: Project) -> None:
    text = visible(page(addressed, "problems/meikong-banshi.md"))
    assert "# 上班时间没空办事" in text
    assert "又称：下班没处办事（编者按常用说法补充）" in text
    assert "> 同时落实错时、延时、上门帮办等服务。" in text
    assert "共 1 项做法" in text
    row = next(line for line in text.splitlines() if line.startswith("| [完善社区党群服务中心功能]"))
    assert "(../practices/zhengzhou-dangqun-fuwu-zhongxin.md)" in row and "实行“一窗办”“全岗通”" in row


def test_the_practice_page_names_the_problems_it_addresses(addressed: Project) -> None:
    text = visible(page(addressed, "practices/zhengzhou-dangqun-fuwu-zhongxin.md"))
    assert "## 解决的难题\n\n- [上班时间没空办事](../problems/meikong-banshi.md)\n" in text


def test_search_learns_a_practice_by_the_words_of_its_problems(addressed: Project) -> None:
    front = page(addressed, "practices/zhengzhou-dangqun-fuwu-zhongxin.md").split("---\n")[1]
    assert '"上班时间没空办事", "下班没处办事"]' in front


def test_problems_are_listed_beside_themes_and_regions(addressed: Project) -> None:
    listing = visible(page(addressed, "problems/index.md"))
    assert "# 我要解决的问题" in listing
    assert "| [上班时间没空办事](meikong-banshi.md) | 下班没处办事 | 1 |" in listing
    home = visible(page(addressed, "index.md"))
    assert "[我要解决的问题](problems/index.md)" in home
    assert "- [上班时间没空办事](problems/meikong-banshi.md)（1）" in home
    nav = (addressed.root / "mkdocs.yml").read_text("utf-8")
    assert "  - 主题: themes/index.md\n  - 我要解决的问题: problems/index.md\n  - 地区: regions/index.md\n" in nav


def test_new_problem_template_is_checked_then_passes_when_filled(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run_catalog(project, monkeypatch, capsys, "new", "problem", "--id", "paizi", "--title", "牌子太多")
    new = "reference/problems/paizi.yaml"
    assert (status, out[0]) == (0, f"已写入 {new}")
    assert messages(project) == [
        f"{new}:22:12: error: citations[0].source: 必填字段还没有填写。来源编号，对应 reference/sources/ 下的来源记录。",
        (
            f"{new}:24:11: error: citations[0].quote: 必填字段还没有填写。"
            "从来源原文逐字复制的句子，标点、空格都要一致，校验时会在原文中查找。"
        ),
    ]
    edit(project, new, "  - source:", "  - source: zgsqb-excerpt")
    edit(project, new, "    quote:", "    quote: 完善社区党群服务中心功能。")
    assert messages(project) == []
