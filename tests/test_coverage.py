"""``catalog coverage`` and ``catalog cite`` on the fixture catalog and on a brand-new source."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from govcat.checks.validate import check_project
from govcat.cli import main
from govcat.layout import Project
from support import WRAPPED_ARTICLE, edit, run_catalog

PRACTICE = "practices/zhengzhou/zhengzhou-dangqun-fuwu-zhongxin.yaml"
SOURCE = "reference/sources/zgsqb-excerpt.yaml"
TEXT = "reference/sources/zgsqb-excerpt.txt"
METRIC = (
    'terms: [yichuangban]\nmetrics:\n  - indicator: 无主管楼院\n    value: "278"\n    unit: 个\n'
    "    citation:\n      source: zgsqb-excerpt\n      quote: 区内278个无主管楼院全部实现了\n"
)


def test_coverage_lists_paragraphs_with_their_records_and_the_uncaptured_figure(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run_catalog(project, monkeypatch, capsys, "coverage", "zgsqb-excerpt")
    assert status == 0
    assert out == [
        f"来源 zgsqb-excerpt，全文 {TEXT}",
        "",
        "段落及引用它的记录（第几行是段落开始的行）：",
        "  第 1 行 郑州市聚焦基层治理难点堵点,重点围绕四个方面推动问题解决,促进社区治理与服务水平…",
        "      —（还没有记录引用）",
        "  第 2 行 完善社区党群服务中心功能。实行“一窗办”“全岗通”,同时落实错时、延时、上门帮办…",
        "      做法 zhengzhou-dangqun-fuwu-zhongxin、术语 yichuangban",
        "  第 3 行 济源产城融合示范区瞄准群众急难愁盼,坚持高点谋划、精准施策,合力推进无主管楼院专…",
        "      —（还没有记录引用）",
        "",
        "数字：未收录（1 个）",
        f"  {TEXT}:3:47: 278  …无主管楼院专项治理,区内278个无主管楼院全部实现了“…",
        "",
        "小结：数字 1 个，已收录为指标 0 个，声明不是指标 0 个，未收录 1 个；段落 3 段，有记录引用 1 段。",
        (
            "下一步：把每个未收录的数字写成做法的 metrics（catalog cite zgsqb-excerpt <数字> 找出它所在的句子），"
            "或在来源记录的 not_metrics 中写明它为什么不是成效指标。"
        ),
    ]


def test_a_metric_captures_its_figure_and_a_declaration_accounts_for_it(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(project, PRACTICE, "terms: [yichuangban]\n", METRIC)
    status, out, _ = run_catalog(project, monkeypatch, capsys, "coverage", "zgsqb-excerpt", "--format", "json")
    report = json.loads("\n".join(out))
    assert status == 0 and report["summary"] == {
        "figures": 1,
        "metrics": 1,
        "declared": 0,
        "uncaptured": 0,
        "paragraphs": 3,
        "cited_paragraphs": 2,
    }
    assert report["figures"] == [
        {
            "number": "278",
            "line": 3,
            "column": 47,
            "context": "…无主管楼院专项治理,区内278个无主管楼院全部实现了“…",
            "status": "metric",
            "records": ["zhengzhou-dangqun-fuwu-zhongxin"],
            "reason": "",
        }
    ]

    edit(project, PRACTICE, METRIC, "terms: [yichuangban]\n")
    edit(
        project,
        SOURCE,
        "text_file: zgsqb-excerpt.txt\n",
        "text_file: zgsqb-excerpt.txt\nnot_metrics:\n"
        '  - number: "278"\n    quote: 区内278个无主管楼院\n    reason: 治理范围，不是成效\n',
    )
    assert check_project(project).diagnostics == []
    status, out, _ = run_catalog(project, monkeypatch, capsys, "coverage", "zgsqb-excerpt", "--format", "json")
    report = json.loads("\n".join(out))
    assert [(f["status"], f["reason"]) for f in report["figures"]] == [("declared", "治理范围，不是成效")]
    assert report["summary"]["uncaptured"] == 0


def test_a_new_source_has_every_figure_uncaptured(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "article.txt"
    article.write_text("2025/03/12 来源:洛阳日报\n已召开议事会312场,满意率达到96.5%。\n", "utf-8")
    status, _, _ = run_catalog(
        project,
        monkeypatch,
        capsys,
        "new",
        "source",
        "--from",
        str(article),
        "--id",
        "lyrb-x",
        "--title",
        "标题",
        "--publisher",
        "洛阳日报",
        "--date",
        "2025-03-12",
    )
    assert status == 0
    status, out, _ = run_catalog(project, monkeypatch, capsys, "coverage", "lyrb-x", "--format", "json")
    report = json.loads("\n".join(out))
    assert [(f["number"], f["status"]) for f in report["figures"]] == [
        ("2025", "uncaptured"),
        ("03", "uncaptured"),
        ("12", "uncaptured"),
        ("312", "uncaptured"),
        ("96.5", "uncaptured"),
    ]
    assert [p["cited_by"] for p in report["paragraphs"]] == [[], []]


def test_coverage_of_an_unknown_or_broken_source_says_so(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_catalog(project, monkeypatch, capsys, "coverage", "zgsqb-exerpt") == (
        2,
        [],
        "error: 找不到来源“zgsqb-exerpt”，是不是“zgsqb-excerpt”？\n",
    )
    assert run_catalog(project, monkeypatch, capsys, "cite", "xyz", "一窗办") == (
        2,
        [],
        "error: 找不到来源“xyz”，已有的来源：zgsqb-excerpt\n",
    )
    (project.root / SOURCE).write_text("id: [zgsqb-excerpt\n", "utf-8")
    assert run_catalog(project, monkeypatch, capsys, "coverage", "zgsqb-excerpt") == (
        2,
        [],
        f"error: 来源记录 {SOURCE} 读不出来：先运行 catalog check 修正它\n",
    )


def test_cite_prints_a_citation_that_passes_the_check_when_pasted(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run_catalog(project, monkeypatch, capsys, "cite", "zgsqb-excerpt", "无主管楼院", "278")
    assert status == 0
    assert out == [
        "# 1 句，粘贴到 sources: 或 citations: 下（与同级的“- source:”对齐缩进）；指标的 citation: 只要其中 source: 和 quote: 两行",
        "",
        "# 第 3 行",
        "- source: zgsqb-excerpt",
        (
            '  quote: "济源产城融合示范区瞄准群众急难愁盼,坚持高点谋划、精准施策,合力推进无主管楼院专项治理,'
            '区内278个无主管楼院全部实现了“有人看门、路要平、灯要明,安全通道要通畅”的目标。"'
        ),
    ]
    pasted = "\n".join("  " + line for line in out[2:])
    edit(project, PRACTICE, "sources:\n", f"sources:\n{pasted}\n")
    assert check_project(project).diagnostics == []


def test_cite_finds_each_sentence_of_a_paragraph_on_its_own(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run_catalog(project, monkeypatch, capsys, "cite", "zgsqb-excerpt", "功能")
    assert status == 0 and out[2:] == ["# 第 2 行", "- source: zgsqb-excerpt", '  quote: "完善社区党群服务中心功能。"']


def test_cite_says_which_word_is_missing_and_how_the_text_writes_it(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run_catalog(
        project, monkeypatch, capsys, "cite", "zgsqb-excerpt", "一窗辦", "“全岗通”，同时", "楼院"
    )
    assert status == 1
    assert out == [
        "来源“zgsqb-excerpt”中没有同时含有“一窗辦”、““全岗通”，同时”、“楼院”的句子：",
        "  “一窗辦”：原文中没有，原文写作“一窗办”",
        "  ““全岗通”，同时”：原文中没有，原文写作““全岗通”,同时”",
        "  “楼院”：1 句中有",
    ]


def test_a_text_stored_hard_wrapped_is_read_in_paragraphs_and_sentences(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (project.root / TEXT).write_text(WRAPPED_ARTICLE, "utf-8")
    (project.root / "reference/terms/yichuangban.yaml").unlink()  # its quote is of the old text
    edit(project, PRACTICE, "terms: [yichuangban]\n", "")
    edit(
        project, PRACTICE, "sources:\n  - source: zgsqb-excerpt\n    quote: 完善社区党群服务中心功能。\n", "sources:\n"
    )
    edit(
        project,
        PRACTICE,
        "    citations:\n      - source: zgsqb-excerpt\n        quote: 实行“一窗办”“全岗通”,同时落实错时、延时、上门帮办等服务。\n",
        "",
    )
    status, out, _ = run_catalog(project, monkeypatch, capsys, "cite", "zgsqb-excerpt", "走访调研", "座谈")
    assert status == 0 and out[2:] == [
        "# 第 1 行",
        "- source: zgsqb-excerpt",
        '  quote: "河南省郑州市金水区某街道坚持党建引领，组织干部深入社区走访调研，召开座谈会听取居民意见，收集问题建议120余条。"',
    ]
    edit(project, PRACTICE, "sources:\n", "sources:\n" + "\n".join("  " + line for line in out[3:]) + "\n")
    assert check_project(project).diagnostics == []  # the quote runs across a wrap's line break
    status, out, _ = run_catalog(project, monkeypatch, capsys, "coverage", "zgsqb-excerpt")
    assert out[2:9] == [
        "段落及引用它的记录（第几行是段落开始的行）：",
        "  第 1 行 河南省郑州市金水区某街道坚持党建引领，组织干部深入社区走访调研，召开座谈会听取居…",
        "      做法 zhengzhou-dangqun-fuwu-zhongxin",
        "  第 3 行 街道还建立了“网格+楼栋”工作机制，全面推行“一窗办”“全岗通”，群众办事更加便…",
        "      —（还没有记录引用）",
        "  第 6 行 下一步，街道将继续深化改革。",
        "      —（还没有记录引用）",
    ]
    assert out[-2].startswith(
        "小结：数字 3 个，已收录为指标 0 个，声明不是指标 0 个，未收录 3 个；段落 3 段，有记录引用 1 段。"
    )


class ClosedPipe(io.StringIO):
    """Standard output whose reader has gone, as ``| head`` leaves it after its lines."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_coverage_into_a_closed_pipe_ends_quietly(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project.root)
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["coverage", "zgsqb-excerpt", "--format", "json"]) == 0  # no BrokenPipeError traceback


def test_list_prints_ids_and_names(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_catalog(project, monkeypatch, capsys, "list", "regions") == (
        0,
        ["henan      河南省（省级）", "zhengzhou  郑州市（市级，属河南省）", "共 2 个。引用时写左边的编号。"],
        "",
    )
    assert run_catalog(project, monkeypatch, capsys, "list", "sources")[1] == [
        "zgsqb-excerpt  中国社区报：河南省:把党的领导贯穿基层治理全过程各方面（测试摘录）（2024年8月5日）",
        "共 1 个。引用时写左边的编号。",
    ]
    assert run_catalog(project, monkeypatch, capsys, "list", "themes")[1] == [
        "shequ-fuwu  社区服务",
        "共 1 个。引用时写左边的编号。",
    ]
