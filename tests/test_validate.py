"""The validator: exact messages, with file, line and column, on small fixture records."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from govcat.cli import main
from govcat.layout import Project
from govcat.validate import check_project

PRACTICE = "practices/zhengzhou/zhengzhou-dangqun-fuwu-zhongxin.yaml"
Write = Callable[[str, str], Path]


def messages(project: Project) -> list[str]:
    return [str(d) for d in check_project(project).diagnostics]


def edit(project: Project, relative: str, old: str, new: str) -> None:
    path = project.root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture lacks {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_fixture_catalog_is_clean(project: Project) -> None:
    assert messages(project) == []


def test_missing_required_field(project: Project) -> None:
    edit(project, PRACTICE, "summary: 社区党群服务中心实行“一窗办”“全岗通”，并提供错时、延时、上门帮办服务。\n", "")
    assert messages(project) == [
        f"{PRACTICE}:2:1: error: summary: 缺少必填字段。一两句话概括这项做法：做什么、怎么做。"
    ]


def test_unknown_key_suggests_the_closest(project: Project) -> None:
    edit(project, PRACTICE, "short_title:", "short_titel:")
    assert messages(project) == [
        f"{PRACTICE}:4:1: error: short_titel: 未知字段“short_titel”，是不是“short_title”？"
    ]


def test_empty_value_and_closed_list(project: Project) -> None:
    edit(project, PRACTICE, "level: city", "level: 市级")
    edit(project, PRACTICE, "region: zhengzhou", "region:")
    edit(project, PRACTICE, "short_title: 完善社区党群服务中心功能", "short_title:")
    assert messages(project) == [
        # An empty optional field may simply go; an empty required one says what to fill in.
        f"{PRACTICE}:4:13: error: short_title: 值为空，请填写内容或删除这个字段",
        f"{PRACTICE}:5:8: error: region: 必填字段还没有填写。实施地区的编号，对应 reference/regions/ 下的地区记录。",
        f"{PRACTICE}:6:8: error: level: “市级”不在可选值之内，可选：province、city、county、township、community",
    ]


def test_every_problem_in_every_file_is_reported(project: Project, write: Write) -> None:
    write("reference/themes/broken.yaml", "id: broken\nname: 甲\nname: 乙\n")
    write("reference/regions/luoyang.yaml", "id: luoyang\nname: 洛阳市\nlevel: city\nparent: henna\n")
    edit(project, PRACTICE, "level: city", "level: town")
    assert messages(project) == [
        f"{PRACTICE}:6:8: error: level: “town”不在可选值之内，可选：province、city、county、township、community",
        "reference/regions/luoyang.yaml:4:9: error: parent: 找不到地区“henna”，是不是“henan”？",
        "reference/themes/broken.yaml:3:1: error: 字段“name”重复（第 2 行已有“name”）：合并为一个",
    ]


def test_check_command_prints_messages_and_summary(
    project: Project, write: Write, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write("reference/regions/luoyang.yaml", "id: luoyang\nname: 洛阳市\nlevel: city\nparent: henna\n")
    write("reference/themes/bad.yaml", "id: bad\n")
    monkeypatch.chdir(project.root)
    assert main(["check"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "reference/regions/luoyang.yaml:4:9: error: parent: 找不到地区“henna”，是不是“henan”？",
        "reference/themes/bad.yaml:1:1: error: description: 缺少必填字段。主题说明：这一类做法要解决什么问题（编者撰写）。",
        "reference/themes/bad.yaml:1:1: error: name: 缺少必填字段。主题名称，如“楼院治理”。",
        "3 errors in 2 files",
    ]


def test_check_command_on_one_file_still_resolves_against_all(
    project: Project, write: Write, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write("reference/themes/bad.yaml", "id: bad\n")
    monkeypatch.chdir(project.root)
    assert main(["check", PRACTICE]) == 0
    assert capsys.readouterr().out.splitlines() == ["0 errors in 0 files"]


def test_check_command_says_when_a_named_file_is_not_a_record(
    project: Project, write: Write, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write("reference/themes/bad.yaml", "id: bad\n")
    write("practices/notes.yaml", "待补充\n")
    monkeypatch.chdir(project.root)
    assert main(["check", "content/about.md", "practices/notes.yaml", "reference/themes/bad.yaml"]) == 1
    not_a_record = "不是记录文件：记录是 practices/<地区>/ 或 reference/<类别>/ 下的 .yaml 文件"
    assert capsys.readouterr().out.splitlines() == [
        f"content/about.md:1:1: error: {not_a_record}",
        "practices/notes.yaml:1:1: error: 做法文件应放在 practices/<地区>/<编号>.yaml",
        "reference/themes/bad.yaml:1:1: error: description: 缺少必填字段。主题说明：这一类做法要解决什么问题（编者撰写）。",
        "reference/themes/bad.yaml:1:1: error: name: 缺少必填字段。主题名称，如“楼院治理”。",
        "4 errors in 3 files",
    ]


def test_checking_one_file_does_not_check_the_others(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    from govcat import validate

    checked: list[str] = []
    real = validate.schema_errors

    def spy(record, schema_dir):  # type: ignore[no-untyped-def]
        checked.append(record.display_path)
        return real(record, schema_dir)

    monkeypatch.setattr(validate, "schema_errors", spy)
    result = check_project(project, only=[project.root / PRACTICE])
    assert checked == [PRACTICE]
    assert result.diagnostics == [] and result.catalog.has("theme", "shequ-fuwu")


def test_every_schema_field_has_a_chinese_description() -> None:
    import json

    def walk(node: object, where: str) -> list[str]:
        missing = []
        if isinstance(node, dict):
            for name, child in node.get("properties", {}).items():
                if not any("\u4e00" <= ch <= "\u9fff" for ch in child.get("description", "")):
                    missing.append(f"{where}.{name}")
            for key, child in node.items():
                missing += walk(child, f"{where}.{key}")
        elif isinstance(node, list):
            for index, child in enumerate(node):
                missing += walk(child, f"{where}[{index}]")
        return missing

    schemas = sorted((Path(__file__).parent.parent / "schemas").glob("*.json"))
    assert len(schemas) == 9
    assert [m for s in schemas for m in walk(json.loads(s.read_text("utf-8")), s.name)] == []

