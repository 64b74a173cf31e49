"""Generated data and editor pages: JSON and CSV downloads, 最近更新, the field reference."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from govcat.layout import KINDS, Project
from govcat.site.generate.downloads import spreadsheet_text
from govcat.site.pipeline import generate
from support import edit, visible

PRACTICE = "practices/zhengzhou/zhengzhou-dangqun-fuwu-zhongxin.yaml"
Write = Callable[[str, str], Path]


def generated(project: Project, uri: str) -> str:
    result, changes = generate(project)
    assert result.diagnostics == [] and changes is not None
    return (project.generated_docs / uri).read_text("utf-8")


def add_metric(project: Project) -> None:
    path = project.root / PRACTICE
    text = path.read_text("utf-8")
    metric = (
        'metrics:\n  - indicator: 无主管楼院\n    value: "278"\n    unit: 个\n    scope: 区内\n'
        "    citation:\n      source: zgsqb-excerpt\n      quote: 区内278个无主管楼院全部实现了\n"
    )
    path.write_text(text.replace("terms: [yichuangban]\n", "terms: [yichuangban]\n" + metric), "utf-8")


SOURCE_TITLE = "河南省:把党的领导贯穿基层治理全过程各方面（测试摘录）"
# The fixture catalog with add_metric()'s figure, as practices.json must hold it: every record as
# written in its YAML file, every value text (the code "410000", the date, the figure "278").
EXPORTED = {
    "format": 1,
    "practices": [
        {
            "id": "zhengzhou-dangqun-fuwu-zhongxin",
            "title": "郑州市：完善社区党群服务中心功能",
            "short_title": "完善社区党群服务中心功能",
            "region": "zhengzhou",
            "level": "city",
            "themes": ["shequ-fuwu"],
            "summary": "社区党群服务中心实行“一窗办”“全岗通”，并提供错时、延时、上门帮办服务。",
            "measures": [
                {
                    "title": "实行“一窗办”“全岗通”",
                    "citations": [
                        {
                            "source": "zgsqb-excerpt",
                            "quote": "实行“一窗办”“全岗通”,同时落实错时、延时、上门帮办等服务。",
                        }
                    ],
                }
            ],
            "terms": ["yichuangban"],
            "metrics": [
                {
                    "indicator": "无主管楼院",
                    "value": "278",
                    "unit": "个",
                    "scope": "区内",
                    "citation": {"source": "zgsqb-excerpt", "quote": "区内278个无主管楼院全部实现了"},
                }
            ],
            "sources": [{"source": "zgsqb-excerpt", "quote": "完善社区党群服务中心功能。"}],
            "last_reviewed": "2026-11-28",
        }
    ],
    "regions": [
        {"id": "henan", "name": "河南省", "code": "410000", "level": "province"},
        {"id": "zhengzhou", "name": "郑州市", "code": "410100", "level": "city", "parent": "henan"},
    ],
    "themes": [{"id": "shequ-fuwu", "name": "社区服务", "description": "社区为居民办事、提供服务的方式。"}],
    "standards": [],
    "policies": [],
    "problems": [],
    "terms": [
        {
            "id": "yichuangban",
            "name": "一窗办",
            "definition": "居民在社区党群服务中心的一个窗口即可办理多项事务。",
            "definition_basis": "editor",
            "citations": [{"source": "zgsqb-excerpt", "quote": "实行“一窗办”“全岗通”"}],
        }
    ],
    "tags": [],
    "sources": [
        {
            "id": "zgsqb-excerpt",
            "publisher": "中国社区报",
            "title": SOURCE_TITLE,
            "published": "2024-08-05",
            "text_file": "zgsqb-excerpt.txt",
        }
    ],
    "synonyms": [],
    "citations": {
        "practices": {
            "zhengzhou-dangqun-fuwu-zhongxin": "基层治理实践库. 郑州市：完善社区党群服务中心功能[DB/OL]. (2026-11-28)[引用日期]."
        },
        "standards": {},
        "policies": {},
    },
}


def test_json_export_is_every_record_as_written(project: Project) -> None:
    add_metric(project)
    text = generated(project, "data/practices.json")
    assert json.loads(text) == EXPORTED
    assert text.startswith('{\n "citations": {\n  "policies": {},\n  "practices": {\n   "zhengzhou-')
    assert '"title": "郑州市：完善社区党群服务中心功能"' in text  # Chinese as it is, not \\u escapes


def test_json_export_is_valid_against_the_published_schemas(project: Project) -> None:
    exported = json.loads(generated(project, "data/practices.json"))
    schemas = {
        p.name: json.loads(p.read_text("utf-8")) for p in (project.generated_docs / "data/schemas").glob("*.json")
    }
    assert sorted(schemas) == sorted(p.name for p in project.schemas.glob("*.schema.json"))
    registry = Registry().with_resource("defs.schema.json", Resource.from_contents(schemas["defs.schema.json"]))
    for kind in KINDS.values():
        validator = Draft202012Validator(schemas[kind.schema_file], registry=registry)
        for record in exported[kind.section]:
            assert list(validator.iter_errors(record)) == []


def test_metrics_csv_opens_in_excel_with_chinese(project: Project) -> None:
    add_metric(project)
    generated(project, "data/metrics.csv")
    raw = (project.generated_docs / "data/metrics.csv").read_bytes()
    assert raw.split(b"\r\n") == [
        "\ufeff做法编号,做法,地区,指标,数值,单位,限定词,原文写法,范围,时间,来源编号,原文,做法引用".encode(),
        "zhengzhou-dangqun-fuwu-zhongxin,郑州市：完善社区党群服务中心功能,郑州市,无主管楼院,278,个,,278个,区内,,"
        "zgsqb-excerpt,区内278个无主管楼院全部实现了,"
        "基层治理实践库. 郑州市：完善社区党群服务中心功能[DB/OL]. (2026-11-28)[引用日期].".encode(),
        b"",
    ]


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_text(project: Project) -> None:
    add_metric(project)
    edit(project, PRACTICE, "title: 郑州市：完善社区党群服务中心功能", 'title: "=HYPERLINK(\\"http://x\\",\\"点此\\")"')
    edit(project, PRACTICE, "indicator: 无主管楼院", "indicator: +无主管楼院")
    edit(project, PRACTICE, "scope: 区内", 'scope: "@区内"')
    edit(project, PRACTICE, 'value: "278"', 'value: "278"\n    as_of: "-目前"')
    generated(project, "data/metrics.csv")
    text = (project.generated_docs / "data/metrics.csv").read_bytes().decode("utf-8")
    assert text.split("\r\n")[1] == (
        'zhengzhou-dangqun-fuwu-zhongxin,"\'=HYPERLINK(""http://x"",""点此"")",郑州市,\'+无主管楼院,278,个,,'
        "278个,'@区内,'-目前,zgsqb-excerpt,区内278个无主管楼院全部实现了,"
        '"基层治理实践库. =HYPERLINK(""http://x"",""点此"")[DB/OL]. (2026-11-28)[引用日期]."'
    )
    row = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))[1]
    assert row[1] == '\'=HYPERLINK("http://x","点此")' and row[4] == "278"  # the figure stays a number


@pytest.mark.parametrize(
    ("cell", "written"),
    [("=1+1", "'=1+1"), ("+86", "'+86"), ("-目前", "'-目前"), ("@区内", "'@区内"), ("\t目前", "'\t目前"),
     ("\r目前", "'\r目前"), ("区内=1", "区内=1"), ("278", "278")],
)  # fmt: skip
def test_a_cell_a_spreadsheet_would_run_gets_a_quote_before_it(cell: str, written: str) -> None:
    assert spreadsheet_text(cell) == written


def test_updates_without_git_use_the_review_dates(project: Project, write: Write) -> None:
    page = visible(generated(project, "updates.md"))
    assert (
        "| 2026-11-28 | 核对 | [郑州市：完善社区党群服务中心功能](practices/zhengzhou-dangqun-fuwu-zhongxin.md) | 郑州市 |"
        in page
    )


def git(project: Project, *argv: str, day: str) -> None:
    stamp = f"{day}T12:00:00+08:00"
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
        "GIT_AUTHOR_NAME": "编辑",
        "GIT_AUTHOR_EMAIL": "editor@example.invalid",
        "GIT_COMMITTER_NAME": "编辑",
        "GIT_COMMITTER_EMAIL": "editor@example.invalid",
    }
    subprocess.run(["git", *argv], cwd=project.root, env=env, check=True, capture_output=True)


def test_updates_with_git_show_when_records_were_added_and_changed(project: Project) -> None:
    git(project, "init", "-q", day="2026-12-01")
    git(project, "add", ".", day="2026-12-01")
    git(project, "commit", "-q", "-m", "收录", day="2026-12-01")
    assert "| 2026-12-01 | 新增 | [郑州市：完善社区党群服务中心功能]" in visible(generated(project, "updates.md"))

    add_metric(project)
    git(project, "commit", "-q", "-a", "-m", "补充数字", day="2026-12-03")
    assert "| 2026-12-03 | 修改 | [郑州市：完善社区党群服务中心功能]" in visible(generated(project, "updates.md"))


def test_field_reference_is_the_schema_descriptions(project: Project) -> None:
    page = generated(project, "guide/fields.md")
    section = page[page.index("## 主题") : page.index("## 标准")]
    assert section.splitlines()[-8:] == [
        "| 字段 | 必填 | 填写 | 说明 |",
        "| --- | --- | --- | --- |",
        "| id | 必填 | 编号 | 主题编号（拼音），必须与文件名相同，如 louyuan&#45;zhili。 |",
        "| name | 必填 | 文字 | 主题名称，如“楼院治理”。 |",
        "| aliases | 选填 | 别称列表 | 读者对这类问题的其他说法，如“基层减负”之于“减负赋能”。 |",
        (
            "| aliases&#95;basis | 选填 | 别称依据 | 别称的依据：不写或写 quote 表示来源原文这样称呼；"
            "editor 表示编者按常用说法补充（页面上标明）。 |"
        ),
        "| description | 必填 | 文字 | 主题说明：这一类做法要解决什么问题（编者撰写）。 |",
        "",
    ]
    # Edited in one place, the schema, the change shows on the page.
    path = project.schemas / "theme.schema.json"
    path.write_text(path.read_text("utf-8").replace("主题名称，如“楼院治理”。", "主题的名称。"), "utf-8")
    assert "| name | 必填 | 文字 | 主题的名称。 |" in generated(project, "guide/fields.md")
