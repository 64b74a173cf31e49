"""``catalog new``: template -> check fails naming what to fill in -> filled template passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from govcat.checks.validate import check_project
from govcat.layout import KINDS, Project
from support import run_catalog

NEW = "practices/zhengzhou/zhengzhou-xin-zuofa.yaml"


def fill(path: Path, lines: dict[str, str]) -> None:
    """Replace whole lines of the template; each must occur exactly once."""
    text = path.read_text("utf-8").split("\n")
    for old, new in lines.items():
        assert text.count(old) == 1, old
        text[text.index(old)] = new
    path.write_text("\n".join(text), "utf-8")


def messages(project: Project) -> list[str]:
    return [str(d) for d in check_project(project).diagnostics]


def test_new_practice_template_fails_naming_each_field_then_passes_when_filled(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run_catalog(
        project,
        monkeypatch,
        capsys,
        "new",
        "practice",
        "--region",
        "zhengzhou",
        "--id",
        "zhengzhou-xin-zuofa",
        "--title",
        "郑州市：新做法",
    )
    assert status == 0
    assert out == [f"已写入 {NEW}", f"下一步：按文件中的注释填写，然后运行 catalog check {NEW}"]
    path = project.root / NEW
    first = path.read_text("utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schemas/practice.schema.json"
    assert (path.parent / first.split("=", 1)[1]).resolve() == project.schemas / "practice.schema.json"

    assert messages(project) == [
        f"{NEW}:26:7: error: level: 必填字段还没有填写。做法组织实施的行政层级：province、city、county、township、community。",
        f"{NEW}:32:8: error: themes: 必填字段还没有填写。所属主题编号，至少一个，对应 reference/themes/ 下的主题记录。",
        f"{NEW}:38:9: error: summary: 必填字段还没有填写。一两句话概括这项做法：做什么、怎么做。",
        f"{NEW}:46:11: error: measures[0].title: 必填字段还没有填写。举措名称，如“完善社区党群服务中心功能”。",
        f"{NEW}:97:12: error: sources[0].source: 必填字段还没有填写。来源编号，对应 reference/sources/ 下的来源记录。",
        (
            f"{NEW}:99:11: error: sources[0].quote: 必填字段还没有填写。"
            "从来源原文逐字复制的句子，标点、空格都要一致，校验时会在原文中查找。"
        ),
        f"{NEW}:102:15: error: last_reviewed: 必填字段还没有填写。编辑最近一次对照来源核对本记录的日期。",
    ]

    fill(
        path,
        {
            "level:": "level: city",
            "themes:": "themes: [shequ-fuwu]",
            "summary:": "summary: 社区党群服务中心实行“一窗办”“全岗通”。",
            "  - title:": "  - title: 实行“一窗办”“全岗通”",
            "  - source:": "  - source: zgsqb-excerpt",
            "    quote:": "    quote: 完善社区党群服务中心功能。",
            "last_reviewed:": "last_reviewed: 2026-01-05",
            # an optional block, uncommented as the template's header says
            "# terms:": "terms: [yichuangban]",
        },
    )
    assert messages(project) == []


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_gets_a_template_whose_only_problems_are_fields_to_fill(
    kind: str, project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    region = ["--region", "zhengzhou"] if kind in ("practice", "standard", "policy", "region") else []
    status, out, _ = run_catalog(project, monkeypatch, capsys, "new", kind, "--id", "xin", "--title", "新记录", *region)
    assert status == 0
    shown = out[0].removeprefix("已写入 ")
    assert shown.startswith(KINDS[kind].folder + "/") and shown.endswith("/xin.yaml")
    found = messages(project)
    assert found and all(m.startswith(f"{shown}:") and "必填字段还没有填写" in m for m in found), found


def test_new_refuses_bad_ids_unknown_regions_and_existing_records(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(p for p in project.root.rglob("*.yaml"))
    cases: dict[tuple[str, ...], str] = {
        ("practice", "--id", "Xin_Zuofa", "--region", "zhengzhou"): "error: 编号“Xin_Zuofa”不合要求。",
        ("practice", "--id", "page", "--region", "zhengzhou"): "error: “page”是网站自用的路径名",
        ("practice", "--id", "xin", "--region", "zhengzhuo"): "error: 找不到地区“zhengzhuo”，是不是“zhengzhou”？",
        ("practice", "--id", "xin"): "error: 做法记录必须写明地区：加上 --region <地区编号>",
        ("theme", "--id", "xin", "--region", "henan"): "error: 主题记录没有地区字段，不要给 --region",
        ("theme", "--id", "shequ-fuwu"): "error: 已有主题“shequ-fuwu”：reference/themes/shequ-fuwu.yaml，",
        (
            "practice",
            "--id",
            "xin",
            "--region",
            "郑州市",
        ): "error: 找不到地区“郑州市”，地区“郑州市”的编号是 zhengzhou，这里要写编号",
        ("theme", "--id", "con"): "error: “con”是 Windows 保留的文件名，不能用作编号：换一个编号",
        **{
            ("theme", "--id", word): f"error: “{word}”在 YAML 中会被读成{meaning}而不是文字，不能用作编号"
            for word, meaning in (
                ("null", "空值"),
                ("true", "是非值"),
                ("no", "是非值"),
                ("yes", "是非值"),
                ("on", "是非值"),
                ("off", "是非值"),
                ("2024", "数字"),
                ("0x1f", "数字"),
                ("1e3", "数字"),
                ("2024-08-05", "日期"),
            )
        },
    }
    for argv, expected in cases.items():
        status, _, err = run_catalog(project, monkeypatch, capsys, "new", *argv, "--title", "标题")
        assert status == 2 and err.startswith(expected), (argv, err)
    assert sorted(p for p in project.root.rglob("*.yaml")) == before


def test_new_never_overwrites_a_file(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A file that is not (yet) a loadable record still is not overwritten.
    path = project.root / "reference/themes/xin.yaml"
    path.write_text("编辑中：\n  - [", "utf-8")
    status, _, err = run_catalog(project, monkeypatch, capsys, "new", "theme", "--id", "xin", "--title", "新主题")
    assert status == 2 and err == "error: reference/themes/xin.yaml 已存在，不会覆盖\n"
    assert path.read_text("utf-8") == "编辑中：\n  - ["
