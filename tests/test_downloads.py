"""Generated data and editor pages: JSON and CSV downloads, 最近更新, the field reference."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from govcat.checks.schema.fields import record_fields
from govcat.layout import KINDS, Project
from govcat.model.records import read_record, record_paths
from govcat.site.generate.guide import rows
from govcat.site.generate.render import escape
from govcat.site.pipeline import generate
from support import visible

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


def test_json_export_round_trips_to_the_records(project: Project) -> None:
    add_metric(project)
    exported = json.loads(generated(project, "data/practices.json"))
    loaded: dict[str, list[dict[str, object]]] = {kind.section: [] for kind in KINDS.values()}
    for kind, path in record_paths(project):
        record, problems = read_record(project, kind, path)
        assert record is not None and problems == []
        loaded[kind.section].append(record.data)
    assert exported == {"format": 1, **{k: sorted(v, key=lambda r: str(r["id"])) for k, v in loaded.items()}}
    assert exported["practices"][0]["metrics"][0]["value"] == "278"  # text, exactly as written


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
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert table == [
        ["做法编号", "做法", "地区", "指标", "数值", "单位", "限定词", "原文写法", "范围", "时间", "来源编号", "原文"],
        [
            "zhengzhou-dangqun-fuwu-zhongxin",
            "郑州市：完善社区党群服务中心功能",
            "郑州市",
            "无主管楼院",
            "278",
            "个",
            "",
            "278个",
            "区内",
            "",
            "zgsqb-excerpt",
            "区内278个无主管楼院全部实现了",
        ],
    ]


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
    for kind in KINDS.values():
        for row in rows(record_fields(project.schemas, kind.schema_file)):
            required = "必填" if row.field.required else "选填"
            assert (
                f"| {escape(row.path)} | {required} | {escape(row.field.value)} | {escape(row.field.description)}"
                in page
            )
    # Edited in one place, the schema, the change shows on the page.
    path = project.schemas / "theme.schema.json"
    path.write_text(path.read_text("utf-8").replace("主题名称，如“楼院治理”。", "主题的名称。"), "utf-8")
    assert "| name | 必填 | 文字 | 主题的名称。 |" in generated(project, "guide/fields.md")
