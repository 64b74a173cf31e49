"""The validator: exact messages, with file, line and column, on small fixture records."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from govcat.checks.schema.messages import Finding, schema_errors
from govcat.checks.validate import check_project
from govcat.cli import main
from govcat.layout import Project
from govcat.model.catalog import Catalog
from govcat.model.records import Record
from support import edit

PRACTICE = "practices/zhengzhou/zhengzhou-dangqun-fuwu-zhongxin.yaml"
Write = Callable[[str, str], Path]


def messages(project: Project) -> list[str]:
    return [str(d) for d in check_project(project).diagnostics]


def test_the_fixture_catalog_is_clean(project: Project) -> None:
    assert messages(project) == []


def test_missing_required_field(project: Project) -> None:
    edit(project, PRACTICE, "summary: 社区党群服务中心实行“一窗办”“全岗通”，并提供错时、延时、上门帮办服务。\n", "")
    assert messages(project) == [
        f"{PRACTICE}:2:1: error: summary: 缺少必填字段。一两句话概括这项做法：做什么、怎么做。"
    ]


def test_unknown_key_suggests_the_closest(project: Project) -> None:
    edit(project, PRACTICE, "short_title:", "short_titel:")
    assert messages(project) == [f"{PRACTICE}:4:1: error: short_titel: 未知字段“short_titel”，是不是“short_title”？"]


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
    from govcat.checks import validate

    checked: list[str] = []
    real = schema_errors

    def spy(record: Record, schema_dir: Path, catalog: Catalog) -> Iterator[Finding]:
        checked.append(record.display_path)
        return real(record, schema_dir, catalog)

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
    assert len(schemas) == 11
    assert [m for s in schemas for m in walk(json.loads(s.read_text("utf-8")), s.name)] == []


def test_two_unknown_keys_are_both_reported(project: Project) -> None:
    edit(project, PRACTICE, "short_title:", "short_titel:")
    edit(project, PRACTICE, "terms:", "term:")
    assert messages(project) == [
        f"{PRACTICE}:4:1: error: short_titel: 未知字段“short_titel”，是不是“short_title”？",
        f"{PRACTICE}:14:1: error: term: 未知字段“term”，是不是“terms”？",
    ]


def test_missing_fields_are_named_and_described_from_the_schema(project: Project) -> None:
    edit(project, PRACTICE, "  - title: 实行“一窗办”“全岗通”\n    citations:", "  - citations:")
    edit(project, "reference/terms/yichuangban.yaml", "definition_basis: editor\n", "")
    edit(project, "reference/terms/yichuangban.yaml", "name: 一窗办\n", "")
    assert messages(project) == [
        f"{PRACTICE}:10:5: error: measures[0].title: 缺少必填字段。举措名称，如“完善社区党群服务中心功能”。",
        (
            "reference/terms/yichuangban.yaml:1:1: error: definition_basis: 缺少必填字段。"
            "释义的依据：quote 表示释义逐字摘自来源原文；editor 表示来源没有给出释义、由编辑撰写（页面上标为编者注）。"
        ),
        "reference/terms/yichuangban.yaml:1:1: error: name: 缺少必填字段。术语写法，照抄原文，不加引号，如“四议两公开”。",
    ]


REFERENCES = {
    "reference/tags/chengshi-shequ.yaml": "id: chengshi-shequ\nname: 城市社区\ndescription: 城市社区。\n",
    "reference/standards/yichuang-biaozhun.yaml": (
        "id: yichuang-biaozhun\nname: “一窗办”标准\nregion: zhengzhou\nitems:\n  - name: 一窗办\n"
        "citations:\n  - source: zgsqb-excerpt\n    quote: 实行“一窗办”“全岗通”\n"
    ),
    "reference/policies/zhengzhou-tongzhi.yaml": (
        "id: zhengzhou-tongzhi\ntitle: 关于完善社区党群服务中心功能的通知\ntitle_basis: editor\nregion: zhengzhou\n"
        "citations:\n  - source: zgsqb-excerpt\n    quote: 完善社区党群服务中心功能。\n"
    ),
    "practices/zhengzhou/zhengzhou-sicuo.yaml": (
        "id: zhengzhou-sicuo\ntitle: 郑州市：“四措并举”\nshort_title: 四措并举\nregion: zhengzhou\nlevel: city\n"
        "themes: [shequ-fuwu]\nsummary: 四个方面。\nmeasures:\n  - title: 完善社区党群服务中心功能\n"
        "sources:\n  - source: zgsqb-excerpt\n    quote: 完善社区党群服务中心功能。\nlast_reviewed: 2026-11-28\n"
    ),
}


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "themes: [shequ-fuwu]",
            "themes: [社区服务]",
            "7:10: error: themes[0]: “社区服务”不是编号。主题“社区服务”的编号是 shequ-fuwu，这里要写编号",
        ),
        (
            "region: zhengzhou",
            "region: 郑州",
            "5:9: error: region: “郑州”不是编号。是不是地区“郑州市”（编号 zhengzhou）？",
        ),
        (
            "themes: [shequ-fuwu]",
            "themes: [Shequ-Fuwu]",
            "7:10: error: themes[0]: “Shequ-Fuwu”不是编号。是不是“shequ-fuwu”？",
        ),
        (
            "terms: [yichuangban]",
            "terms: [“一窗办”]",
            "14:9: error: terms[0]: ““一窗办””不是编号。术语“一窗办”的编号是 yichuangban，这里要写编号",
        ),
        (
            "terms: [yichuangban]",
            "terms: [yichuangban]\ntags: [城市社区]",
            "15:8: error: tags[0]: “城市社区”不是编号。标签“城市社区”的编号是 chengshi-shequ，这里要写编号",
        ),
        (
            "terms: [yichuangban]",
            "terms: [yichuangban]\nstandards: [“一窗办”标准]",
            (
                "15:13: error: standards[0]: ““一窗办”标准”不是编号。标准“"
                "“一窗办”标准”的编号是 yichuang-biaozhun，这里要写编号"
            ),
        ),
        (
            "terms: [yichuangban]",
            "terms: [yichuangban]\npolicies: [《关于完善社区党群服务中心功能的通知》]",
            (
                "15:12: error: policies[0]: “《关于完善社区党群服务中心功能的通知》”不是编号。政策文件“关于完善社区党群服务中心功能的通知”"
                "的编号是 zhengzhou-tongzhi，这里要写编号"
            ),
        ),
        (
            "terms: [yichuangban]",
            "terms: [yichuangban]\nrelated: [四措并举]",
            "15:11: error: related[0]: “四措并举”不是编号。做法“四措并举”的编号是 zhengzhou-sicuo，这里要写编号",
        ),
        (
            "level: city\n",
            "level: city\nparent: 郑州市：“四措并举”\n",
            "7:9: error: parent: “郑州市：“四措并举””不是编号。做法“郑州市：“四措并举””的编号是 zhengzhou-sicuo，这里要写编号",
        ),
        (
            "    citations:\n      - source",
            "    practice: 四措并举\n    citations:\n      - source",
            "11:15: error: measures[0].practice: “四措并举”不是编号。做法“四措并举”的编号是 zhengzhou-sicuo，这里要写编号",
        ),
        (
            "themes: [shequ-fuwu]",
            "themes: [治安]",
            (
                "7:10: error: themes[0]: “治安”不是编号：这里要写主题的编号（reference/themes/ 中的文件名，不含 .yaml）。"
                "编号：小写拉丁字母、数字和连字符（如 zhengzhou-sicuo-bingju），同时用作文件名和网址，一经发布不要改动。"
            ),
        ),
    ],
    ids=[
        "theme",
        "region",
        "capitals",
        "term",
        "tag",
        "standard",
        "policy",
        "related",
        "parent",
        "measure",
        "nothing close",
    ],
)
def test_a_name_where_an_id_belongs_gets_the_id(
    project: Project, write: Write, old: str, new: str, expected: str
) -> None:
    for relative, text in REFERENCES.items():
        write(relative, text)
    edit(project, PRACTICE, old, new)
    found = messages(project)
    assert f"{PRACTICE}:{expected}" in found, found
    assert all(m.startswith(PRACTICE) for m in found), found


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'idList",\n      "minItems": 1,',
            'idList",\n      "minItems": 1, "maxItems": 3,',
            (
                "schemas/practice.schema.json:19:22: error: properties/themes/maxItems: 不支持 JSON Schema 关键字 maxItems: 3："
                "改用已支持的写法，或在 scripts/govcat/checks/schema/shapecheck.py 中加上它"
            ),
        ),
        (
            '"value": {\n            "description": "数值，照抄原文中的阿拉伯数字，不换算、不四舍五入，如 4.9。",\n            "type": "string",',
            '"value": {\n            "description": "数值，照抄原文中的阿拉伯数字，不换算、不四舍五入，如 4.9。",\n            "type": "number",',
            (
                'schemas/practice.schema.json:54:13: error: properties/metrics/items/properties/value/type: 不支持 type: "number"：'
                "记录中的值只有 string、array、object 三种（数字、日期也写作 string）"
            ),
        ),
        (
            '"$ref": "defs.schema.json#/$defs/idList",\n      "minItems": 1,',
            '"$ref": "defs.schema.json#/$defs/idLists",\n      "minItems": 1,',
            (
                "schemas/practice.schema.json:18:7: error: properties/themes/$ref: “defs.schema.json#/$defs/idLists”指向的定义不存在"
                "（只能引用本文件或 defs.schema.json 中的定义）"
            ),
        ),
        (
            '"$ref": "defs.schema.json#/$defs/idList",\n      "minItems": 1,',
            '"$ref": "region.schema.json#/properties/parent",\n      "minItems": 1,',
            (
                "schemas/practice.schema.json:18:7: error: properties/themes/$ref: “region.schema.json#/properties/parent”"
                "引用了 region.schema.json：只能引用本文件或 defs.schema.json 中的定义，共用的写法请移到 defs.schema.json"
            ),
        ),
        (
            '"title": "做法",',
            '"title": "做法",,',
            "schemas/practice.schema.json:3:17: error: 不是有效的 JSON（Expecting property name enclosed in double quotes）",
        ),
    ],
    ids=["keyword", "type", "reference", "another schema", "not JSON"],
)
def test_an_unsupported_schema_is_refused_clearly(
    project: Project,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    old: str,
    new: str,
    expected: str,
) -> None:
    edit(project, "schemas/practice.schema.json", old, new)
    monkeypatch.chdir(project.root)
    assert main(["check", PRACTICE]) == 1
    assert capsys.readouterr().out.splitlines() == [expected, "1 errors in 1 files"]
    assert main(["new", "practice", "--id", "xin", "--title", "新", "--region", "zhengzhou"]) == 2
    assert capsys.readouterr().err.startswith("error: schemas/practice.schema.json: ")
