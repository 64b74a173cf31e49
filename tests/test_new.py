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
    # In the same run the checks of the other fields: a new source's text is not stored yet.
    text_missing = "找不到全文文件“xin.txt”" if kind == "source" else "必填字段还没有填写"
    assert found and all(m.startswith(f"{shown}:") for m in found), found
    assert all("必填字段还没有填写" in m for m in found[:-1]) and text_missing in found[-1], found


def test_new_refuses_bad_ids_unknown_regions_and_existing_records(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(p for p in project.root.rglob("*.yaml"))
    cases: dict[tuple[str, ...], str] = {
        ("practice", "--id", "Xin_Zuofa", "--region", "zhengzhou"): "error: 编号“Xin_Zuofa”不合要求。",
        ("practice", "--id", "page", "--region", "zhengzhou"): "error: “page”是网站自用的路径名",
        (
            "practice",
            "--id",
            "xin",
            "--region",
            "zhengzhuo",
        ): "error: 找不到地区“zhengzhuo”，是不是“zhengzhou”？不是的话，先用 catalog new region --name <区划表中的名称> 添加它",
        ("practice", "--id", "xin"): "error: 做法记录必须写明地区：加上 --region <地区编号>",
        ("theme", "--id", "xin", "--region", "henan"): "error: 主题记录没有地区字段，不要给 --region",
        ("theme", "--id", "shequ-fuwu"): "error: 已有主题“shequ-fuwu”：reference/themes/shequ-fuwu.yaml，",
        ("practice", "--id", "xin", "--region", "shaanxi"): (
            "error: 找不到地区“shaanxi”，先用 catalog new region --name <区划表中的名称> 添加它"
        ),
        ("practice", "--id", "xin", "--region", "宝鸡市"): (
            "error: 找不到地区“宝鸡市”，全国区划表中有陕西省宝鸡市（610300）：先运行 catalog new region --code 610300"
            "（连同缺少的上级）添加它，再写它的编号"
        ),
        ("practice", "--id", "xin", "--region", "鼓楼区"): (
            "error: 找不到地区“鼓楼区”，全国区划表中叫“鼓楼区”的有 4 处：江苏省南京市鼓楼区（320106）、"
            "江苏省徐州市鼓楼区（320302）、福建省福州市鼓楼区（350102）、河南省开封市鼓楼区（410204）："
            "写其中要的那一个的编号，还没有记录的先用 catalog new region --code <代码> 添加"
        ),
        ("practice", "--id", "xin", "--region", "济源产城融合示范区甲"): (
            "error: 找不到地区“济源产城融合示范区甲”，全国区划表中也没有“济源产城融合示范区甲”：是行政区划的，"
            "先用 catalog new region --name <表中的名称> 添加它；不是行政区划的地方（开发区、示范区），用 catalog new "
            "region --id <编号> --title 济源产城融合示范区甲 --region <上级> 写模板，并在 division_note 中说明"
        ),
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


def test_new_region_from_the_division_table_with_its_parents(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run_catalog(project, monkeypatch, capsys, "new", "region", "--name", "宝鸡市")
    assert (status, err) == (0, "")
    assert out == [
        "已写入 reference/regions/shanxi.yaml（陕西省，610000）",
        "已写入 reference/regions/baoji.yaml（陕西省宝鸡市，610300）",
        "下一步：需要时补上别称、编者注，运行 catalog check；做法等记录里写地区编号 baoji，如 --region baoji",
    ]
    baoji = (project.root / "reference/regions/baoji.yaml").read_text("utf-8")
    assert [line for line in baoji.splitlines() if line and not line.startswith("#")] == [
        "id: baoji",
        'name: "宝鸡市"',
        'code: "610300"',
        "level: city",
        "parent: shanxi",
    ]
    assert messages(project) == []
    # The county below it by code: only the county is new now.
    status, out, _ = run_catalog(project, monkeypatch, capsys, "new", "region", "--code", "610302")
    assert out[0] == "已写入 reference/regions/weibin.yaml（陕西省宝鸡市渭滨区，610302）"
    status, out, err = run_catalog(
        project,
        monkeypatch,
        capsys,
        "new",
        "practice",
        "--region",
        "宝鸡市",
        "--id",
        "baoji-x",
        "--title",
        "宝鸡市：做法",
    )
    assert (status, err) == (0, "")
    assert out[:2] == ["地区“宝鸡市”的编号是 baoji，已按编号写入", "已写入 practices/baoji/baoji-x.yaml"]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ("--name", "鼓楼区"),
            (
                "error: 全国区划表中叫“鼓楼区”的有 4 处：江苏省南京市鼓楼区（320106）、江苏省徐州市鼓楼区（320302）、"
                "福建省福州市鼓楼区（350102）、河南省开封市鼓楼区（410204）：用 --code 指明要哪一个，"
                "如 catalog new region --code 320106\n"
            ),
        ),
        (
            ("--name", "襄樊市"),
            (
                "error: “襄樊市”是旧名（2010 年更名：襄樊市（420600） → 襄阳市（420600））：今天是湖北省襄阳市，"
                "用 --code 420600\n"
            ),
        ),
        (
            ("--code", "412525"),
            (
                "error: 代码 412525 已停用（1986 年同名改码：陕县（412525） → 陕县（411222）；2015 年撤县设区：陕县（411222）"
                " → 陕州区（411203））：今天是河南省三门峡市陕州区，用 --code 411203\n"
            ),
        ),
        (
            ("--code", "410000"),
            "error: 已有河南省（410000）的地区记录：henan（reference/regions/henan.yaml），直接用编号 henan\n",
        ),
        (
            ("--name", "宝鸡市", "--title", "宝鸡市"),
            "error: --name 和 --code 只用于 catalog new region，且不与 --title、--region 同用（名称和上级取自全国区划表）\n",
        ),
    ],
)
def test_new_region_from_the_table_refuses_with_the_choices(
    argv: tuple[str, ...],
    expected: str,
    project: Project,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = sorted(project.root.rglob("*.yaml"))
    status, _, err = run_catalog(project, monkeypatch, capsys, "new", "region", *argv)
    assert (status, err) == (2, expected)
    assert sorted(project.root.rglob("*.yaml")) == before
