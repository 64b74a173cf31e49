"""The validator: exact messages, with file, line and column, on small fixture records."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from govcat.checks.schema.messages import Finding, schema_errors
from govcat.checks.validate import check_project
from govcat.cli import main
from govcat.layout import Project
from govcat.model.catalog import Catalog
from govcat.model.records import Record
from support import edit

REPO = Path(__file__).resolve().parent.parent
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
    write("reference/regions/luoyang.yaml", 'id: luoyang\nname: 洛阳市\ncode: "410300"\nlevel: city\nparent: henna\n')
    edit(project, PRACTICE, "level: city", "level: town")
    assert messages(project) == [
        f"{PRACTICE}:6:8: error: level: “town”不在可选值之内，可选：province、city、county、township、community",
        "reference/regions/luoyang.yaml:5:9: error: parent: 找不到地区“henna”，是不是“henan”？不是的话，先用 catalog new region --name <区划表中的名称> 添加它",
        "reference/themes/broken.yaml:3:1: error: 字段“name”重复（第 2 行已有“name”）：合并为一个",
    ]


def test_check_command_prints_messages_and_summary(
    project: Project, write: Write, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write("reference/regions/luoyang.yaml", 'id: luoyang\nname: 洛阳市\ncode: "410300"\nlevel: city\nparent: henna\n')
    write("reference/themes/bad.yaml", "id: bad\n")
    monkeypatch.chdir(project.root)
    assert main(["check"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "reference/regions/luoyang.yaml:5:9: error: parent: 找不到地区“henna”，是不是“henan”？不是的话，先用 catalog new region --name <区划表中的名称> 添加它",
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

    def spy(record: Record, schema_dir: Path, catalog: Catalog, read_schema: Any) -> Iterator[Finding]:
        checked.append(record.display_path)
        return real(record, schema_dir, catalog, read_schema)

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
                "7:10: error: themes[0]: “治安”不是编号：这里要写主题的编号。已有的主题：社区服务（shequ-fuwu）；"
                "都不合适时用 catalog new theme --id <编号> --title <名称> 新建"
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


def test_a_value_written_with_wan_gets_the_two_right_ways(project: Project) -> None:
    edit(
        project,
        PRACTICE,
        "terms: [yichuangban]",
        'terms: [yichuangban]\nmetrics:\n  - indicator: 楼院\n    value: "1.2万"\n    unit: 个\n'
        "    citation:\n      source: zgsqb-excerpt\n      quote: 区内278个无主管楼院全部实现了\n",
    )
    assert messages(project) == [
        (
            f"{PRACTICE}:17:12: error: metrics[0].value: “1.2万”格式不对：万不是数值的一部分，要写在 unit 里："
            '原文写作“1.2万”时，写 value: "1.2"、unit: 万…（万连同后面的量词）；原文写作“12000”时，写 value: "12000"'
        )
    ]


def test_a_shape_error_does_not_hide_the_other_checks_of_its_record(project: Project) -> None:
    edit(project, PRACTICE, "level: city", "level: town")
    edit(project, PRACTICE, "themes: [shequ-fuwu]", "themes: [shequ-fuwu, shequfuwu]")
    edit(project, PRACTICE, "quote: 完善社区党群服务中心功能。", "quote: 完善社区党群服务中心功能 。")
    edit(project, PRACTICE, "last_reviewed: 2026-11-28", "last_reviewed: 2026-11-29")
    edit(project, PRACTICE, "  - title: 实行“一窗办”“全岗通”\n    citations:", "  - citations:")
    assert messages(project) == [
        f"{PRACTICE}:6:8: error: level: “town”不在可选值之内，可选：province、city、county、township、community",
        f"{PRACTICE}:7:22: error: themes[1]: 找不到主题“shequfuwu”，是不是“shequ-fuwu”？",
        f"{PRACTICE}:10:5: error: measures[0].title: 缺少必填字段。举措名称，如“完善社区党群服务中心功能”。",
        (
            f"{PRACTICE}:16:12: error: sources[0].quote: 引文在来源“zgsqb-excerpt”的原文中找不到。"
            "原文第 2 行最接近的是「…党群服务中心功能【】。」，引文是「…党群服务中心功能【 】。」"
            "（【】中是不同之处）。引文多了空格，原文这里没有。请从原文逐字复制，标点和空格也要一致"
        ),
        f"{PRACTICE}:17:16: error: last_reviewed: 核对日期“2026-11-29”晚于今天",
    ]


def test_a_date_in_another_form_is_offered_converted(project: Project) -> None:
    edit(project, PRACTICE, "last_reviewed: 2026-11-28", "last_reviewed: 2023年5月12日")
    edit(project, "reference/sources/zgsqb-excerpt.yaml", "published: 2024-08-05", "published: 2024/8")
    assert messages(project) == [
        f"{PRACTICE}:18:16: error: last_reviewed: “2023年5月12日”格式不对：写成 2023-05-12。日期，格式 YYYY-MM-DD，如 2024-08-05。",
        (
            "reference/sources/zgsqb-excerpt.yaml:5:12: error: published: “2024/8”格式不对：写成 2024-08。"
            "发布日期，按来源写明的精度填写：2024-08-05、2024-08 或 2024；来源没有写明日期时写 不详"
            "（页面和 Word 中显示为“日期不详”），不要填猜测的日期。"
        ),
    ]


@pytest.mark.parametrize("published", ["2024", "2024-08", "不详"])
def test_a_source_may_give_a_year_a_month_or_no_date(project: Project, published: str) -> None:
    edit(project, "reference/sources/zgsqb-excerpt.yaml", "published: 2024-08-05", f"published: {published}")
    assert messages(project) == []


OTHER_TEXT = "全市新发展党员50余名，建成服务站1.2万个。\n各区（县）都建立了工作专班。\n实行周例会制度。\n"
MISTAKES = {
    # (old, new) in the fixture practice: each a mistake editors make, all in one record
    "level: city": "level: province",  # a province's practice on a city
    "themes: [shequ-fuwu]": "themes: [shequ-fuwu, jiceng-zhili]",  # a theme that does not exist
    "quote: 完善社区党群服务中心功能。": "quote: 郑州市聚焦基层治理难点堵点,重围",  # its last character changed
    "last_reviewed: 2026-11-28": "last_reviewed: 2026年11月28日",  # a date as Chinese writes it
    "terms: [yichuangban]": (
        "terms: [yichuangban]\n"
        "metrics:\n"
        '  - indicator: 新发展党员\n    value: "50"\n    unit: 万人\n    qualifier: 多\n'
        "    citation:\n      source: other\n      quote: 全市新发展党员50余名，建成服务站1.2万个。\n"
        '  - indicator: 服务站\n    value: "1.2万"\n    unit: 个\n'
        "    citation:\n      source: other\n      quote: 全市新发展党员50余名，建成服务站1.2万个。\n"
        "  - indicator: 工作专班\n    value: 1\n"  # no citation: a shape error that hides nothing else
    ),
    "    citations:\n      - source: zgsqb-excerpt\n": (
        "    citations:\n      - source: other\n        quote: 各区(县)都建立了工作专班。\n"
        "      - source: other\n        quote: 都建立了工作专班。实行周例会制度。\n"
        "      - source: zgsqb-excerpt\n"
    ),
}


def test_every_mistake_in_one_record_is_reported_in_one_run(project: Project, write: Write) -> None:
    write("reference/sources/other.txt", OTHER_TEXT)
    write(
        "reference/sources/other.yaml",
        "id: other\npublisher: 报\ntitle: 另一篇\npublished: 2023-02-30\ntext_file: other.txt\n",
    )
    write("reference/sources/other-copy.txt", OTHER_TEXT.replace("\n", "\n\n"))
    write(
        "reference/sources/other-copy.yaml",
        "id: other-copy\npublisher: 报\ntitle: 另一篇\npublished: 2023\ntext_file: other-copy.txt\n",
    )
    write("reference/themes/tabbed.yaml", "id: tabbed\nname: 有制表符\n\tdescription: 说明。\n")
    for old, new in MISTAKES.items():
        edit(project, PRACTICE, old, new)
    assert messages(project) == [f"{path}: error: {message}" for path, message in EVERY_MISTAKE]


# What catalog check prints for the mistakes above (file:line:col, message); the editors' guide
# quotes these messages in its 常见错误 section, and test_the_guide_quotes_the_messages keeps it so.
EVERY_MISTAKE = [
    (
        f"{PRACTICE}:6:8",
        (
            "level: 做法层级 province（省级）高于所在地区“zhengzhou”（郑州市）的层级 city（市级）："
            "把 level 改为 city，或把 region 改为省级地区 henan"
        ),
    ),
    (
        f"{PRACTICE}:7:22",
        (
            "themes[1]: 找不到主题“jiceng-zhili”，已有的主题：社区服务（shequ-fuwu）；"
            "都不合适时用 catalog new theme --id <编号> --title <名称> 新建"
        ),
    ),
    (
        f"{PRACTICE}:13:16",
        (
            "measures[0].citations[0].quote: 引文在来源“other”的原文中找不到。原文第 2 行最接近的是"
            "「各区【（县）】都建立了工作专班…」，引文是「各区【(县)】都建立了工作专班…」（【】中是不同之处）。"
            "全角、半角不同：原文是全角的“（县）”，引文写成了半角的“(县)”。请从原文逐字复制，标点和空格也要一致"
        ),
    ),
    (
        f"{PRACTICE}:15:16",
        (
            "measures[0].citations[1].quote: 引文在来源“other”的原文中找不到。原文第 2 行最接近的是"
            "「…建立了工作专班。【↵】实行周例会制度。」，引文是「…建立了工作专班。【】实行周例会制度。」（【】中是不同之处）。"
            "原文在此换行：引文不能跨过换行，在换行处把它分成两条引文。请从原文逐字复制，标点和空格也要一致"
        ),
    ),
    (f"{PRACTICE}:22:11", "metrics[0].unit: 原文写作“50余名”，本条会显示为“50万多人”：qualifier 写 余，unit 写 名"),
    (
        f"{PRACTICE}:28:12",
        (
            "metrics[1].value: “1.2万”格式不对：万不是数值的一部分，要写在 unit 里："
            '原文写作“1.2万个”时，写 value: "1.2"、unit: 万个（万连同后面的量词）；原文写作“12000”时，写 value: "12000"'
        ),
    ),
    (f"{PRACTICE}:33:5", "metrics[2].citation: 缺少必填字段。这个数字所在的原文句子，数值必须出现在句子中。"),
    (
        f"{PRACTICE}:38:12",
        (
            "sources[0].quote: 引文在来源“zgsqb-excerpt”的原文中找不到。原文第 1 行最接近的是「…治理难点堵点,重【点】」，"
            "引文是「…治理难点堵点,重【围】」（【】中是不同之处）。请从原文逐字复制，标点和空格也要一致"
        ),
    ),
    (
        f"{PRACTICE}:39:16",
        "last_reviewed: “2026年11月28日”格式不对：写成 2026-11-28。日期，格式 YYYY-MM-DD，如 2024-08-05。",
    ),
    (
        "reference/sources/other-copy.yaml:5:12",
        (
            "text_file: 全文与来源“other”（reference/sources/other.yaml）的全文相同："
            "同一篇文章只存一份，删去其中一个来源，把引用它的 source 改为留下的编号"
        ),
    ),
    ("reference/sources/other.yaml:4:12", "published: “2023-02-30”不是真实存在的日期：2023年2月没有30日"),
    (
        "reference/sources/other.yaml:5:12",
        (
            "text_file: 全文与来源“other-copy”（reference/sources/other-copy.yaml）的全文相同："
            "同一篇文章只存一份，删去其中一个来源，把引用它的 source 改为留下的编号"
        ),
    ),
    (
        "reference/themes/tabbed.yaml:3:1",
        "这里有制表符（Tab）：YAML 的缩进只能用空格，把 Tab 换成空格（编辑器中可设置“用空格代替 Tab”）",
    ),
]


def test_the_guide_quotes_the_messages_of_the_common_mistakes() -> None:
    guide = (REPO / "content/guide/index.md").read_text("utf-8")
    section = guide[guide.index("## 常见错误") :]
    quoted = [line.strip() for line in section.split("\n")]
    twin = "reference/sources/other.yaml:5:12"  # the other half of the article stored twice
    assert [message for path, message in EVERY_MISTAKE if message not in quoted and path != twin] == []


def test_a_wrong_level_in_one_region_does_not_stop_checking_the_regions_below(project: Project, write: Write) -> None:
    edit(project, "reference/regions/zhengzhou.yaml", "level: city", "level: 市级")
    write(
        "reference/regions/zhongyuan.yaml",
        'id: zhongyuan\nname: 中原区\nlevel: county\ncode: "410102"\nparent: zhengzhou\n',
    )
    assert messages(project) == [
        "reference/regions/zhengzhou.yaml:4:8: error: level: “市级”不在可选值之内，可选：province、city、county、township、community"
    ]


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("2024年", "“2024年”格式不对：写成 2024。"),
        ("2024年8月", "“2024年8月”格式不对：写成 2024-08。"),
        ("2023年2月30日", "“2023年2月30日”不是真实存在的日期：2023年2月没有30日"),
        ("20245", "“20245”格式不对。"),
    ],
)
def test_a_policy_date_as_editors_type_it(project: Project, write: Write, written: str, said: str) -> None:
    write(
        "reference/policies/tongzhi.yaml",
        f"id: tongzhi\ntitle: 通知\ntitle_basis: editor\nregion: zhengzhou\ndate: {written}\n"
        "citations:\n  - source: zgsqb-excerpt\n    quote: 完善社区党群服务中心功能。\n",
    )
    [message] = messages(project)
    rule = "日期，按来源写明的精度填写：只知道年写 2024，知道年月写 2024-08，知道日写 2024-08-05；页面和 Word 中相应显示为 2024年、2024年8月、2024年8月5日。"
    assert message == f"reference/policies/tongzhi.yaml:5:7: error: date: {said}" + (
        rule if said.endswith("。") else ""
    )


def test_a_field_with_a_wrong_shape_is_not_also_called_missing(project: Project) -> None:
    edit(project, "reference/regions/zhengzhou.yaml", "parent: henan", "parent: [henan]")
    assert messages(project) == ["reference/regions/zhengzhou.yaml:5:9: error: parent: 应为文字，实际是列表"]


def test_a_measure_missing_its_title_still_has_its_quotes_checked(project: Project) -> None:
    edit(project, PRACTICE, "  - title: 实行“一窗办”“全岗通”\n    citations:", "  - citations:")
    edit(project, PRACTICE, "“全岗通”,同时落实错时", "“全岗通”，同时落实错时")
    assert messages(project) == [
        f"{PRACTICE}:10:5: error: measures[0].title: 缺少必填字段。举措名称，如“完善社区党群服务中心功能”。",
        (
            f"{PRACTICE}:12:16: error: measures[0].citations[0].quote: 引文在来源“zgsqb-excerpt”的原文中找不到。"
            "原文第 2 行最接近的是「…窗办”“全岗通”【,】同时落实错时、延…」，引文是「…窗办”“全岗通”【，】同时落实错时、延…」"
            "（【】中是不同之处）。全角、半角不同：原文是半角的“,”，引文写成了全角的“，”。请从原文逐字复制，标点和空格也要一致"
        ),
    ]


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("30%以上", '写 value: "30"、unit: %、qualifier: 以上'),
        ("约50名", '写 value: "50"、unit: 名、qualifier: 约'),
        ("4.9万余人", None),
    ],
)
def test_a_value_with_its_unit_or_qualifier_gets_each_in_its_field(
    project: Project, value: str, said: str | None
) -> None:
    edit(
        project,
        PRACTICE,
        "terms: [yichuangban]",
        f'terms: [yichuangban]\nmetrics:\n  - indicator: 楼院\n    value: "{value}"\n'
        "    citation:\n      source: zgsqb-excerpt\n      quote: 区内278个无主管楼院全部实现了\n",
    )
    [message] = messages(project)
    if said is None:  # 万 and 亿 get the two ways (test_a_value_written_with_wan_gets_the_two_right_ways)
        assert message.startswith(f"{PRACTICE}:17:12: error: metrics[0].value: “4.9万余人”格式不对：万不是数值的一部分")
    else:
        assert (
            message
            == f"{PRACTICE}:17:12: error: metrics[0].value: “{value}”格式不对：数值只写阿拉伯数字，单位和限定词各有字段：{said}"
        )
