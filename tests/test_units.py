"""Small rules many pages rely on, each on its own: how a figure is written, whether a number
stands whole in a quote, which standards are compared side by side, and which practices are
related to one another."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from govcat.layout import KINDS, Project
from govcat.model.catalog import Catalog, metric_text
from govcat.model.records import Record
from govcat.model.sourcetext import stands_whole
from govcat.model.yamlsource import YamlDocument
from govcat.site.generate.practices import related
from govcat.site.generate.references import aligned_rows, comparable_groups


@pytest.mark.parametrize(
    ("metric", "written"),
    [
        ({"value": "4.9", "unit": "万人", "qualifier": "余"}, "4.9万余人"),  # the qualifier inside a magnitude
        ({"value": "30", "unit": "%", "qualifier": "以上"}, "30%以上"),
        ({"value": "89.9", "unit": "%", "qualifier": "达到"}, "达到89.9%"),
        ({"value": "424", "unit": "人", "qualifier": "累计"}, "累计424人"),
        ({"value": "1.2", "unit": "亿元", "qualifier": "约"}, "约1.2亿元"),
        ({"value": "160", "unit": "个", "qualifier": "多"}, "160多个"),
        ({"value": "278", "unit": "个"}, "278个"),
        ({"value": "50", "unit": "名", "qualifier": "近"}, "近50名"),
        ({"value": "3", "unit": "万元", "qualifier": "超过"}, "超过3万元"),
        ({"value": "35", "unit": "岁", "qualifier": "以下"}, "35岁以下"),
        ({"value": "20", "unit": "%", "qualifier": "左右"}, "20%左右"),
        ({"value": "5"}, "5"),
    ],
)
def test_metric_text_writes_a_figure_as_the_source_does(metric: dict[str, str], written: str) -> None:
    assert metric_text(metric) == written


@pytest.mark.parametrize(
    ("number", "text", "whole"),
    [
        ("42", "共42个", True),
        ("42", "共424个", False),  # part of a longer number
        ("42", "增长4.42倍", False),  # part of a decimal
        ("4.9", "4.9万余人", True),
        ("4.9", "14.9万人", False),
        ("4", "4.9万人", False),  # the integer part of a decimal is not the number 4
        ("2024", "2024年8月", True),
        ("8", "2024年8月", True),
        ("278", "", False),
    ],
)
def test_stands_whole_finds_only_the_whole_number(number: str, text: str, whole: bool) -> None:
    assert stands_whole(number, text) is whole


def catalog_of(records: dict[str, list[dict[str, Any]]]) -> Catalog:
    """A catalog of these records (kind -> data), as loading would index them."""
    catalog = Catalog(Project(Path("/nowhere")))
    for kind, items in records.items():
        for data in items:
            record = Record(KINDS[kind], Path(f"{data['id']}.yaml"), f"{data['id']}.yaml", YamlDocument(data))
            catalog.records.setdefault(kind, {})[data["id"]] = record
    return catalog


def standard(standard_id: str, *items: str) -> dict[str, Any]:
    return {"id": standard_id, "name": standard_id, "items": [{"name": item} for item in items]}


def test_standards_sharing_an_item_are_compared_and_the_others_are_not() -> None:
    catalog = catalog_of(
        {
            "standard": [
                standard("nongcun", "支部过硬星", "产业兴旺星", "平安法治星"),
                standard("chengshi", "支部过硬星", "服务群众星", "平安法治星", "文明幸福星"),
                standard("haozhishu", "政治素质好"),
                standard("xiangzhen", "文明幸福星", "乡风文明"),
            ]
        }
    )
    assert comparable_groups(catalog) == [["chengshi", "nongcun", "xiangzhen"]]  # linked through 文明幸福星 too
    assert aligned_rows(catalog, ["nongcun", "chengshi"]) == [
        ("支部过硬星", "支部过硬星"),  # shared items first, one row each, in the order they first appear
        ("平安法治星", "平安法治星"),
        ("产业兴旺星", "服务群众星"),  # then the rest side by side, each column in its own order
        (None, "文明幸福星"),
    ]


def practice(practice_id: str, **fields: Any) -> dict[str, Any]:
    return {"id": practice_id, "region": "henan", "measures": [], **fields}


def test_related_practices_are_named_both_ways_without_the_family() -> None:
    catalog = catalog_of(
        {
            "practice": [
                practice("a", related=["b", "c"], measures=[{"title": "一", "practice": "child"}]),
                practice("b"),
                practice("c", related=["a"]),  # names a back: listed once
                practice("d", related=["a"]),  # names a: a lists it (the way back)
                practice("child", parent="a", related=["a"]),  # a's child has its own section
                practice("parent-of-a", related=["a"]),
            ]
        }
    )
    a = catalog.get("practice", "a")
    assert related(catalog, a) == ["b", "c", "d", "parent-of-a"]
    a["parent"] = "parent-of-a"
    assert related(catalog, a) == ["b", "c", "d"]  # nor its parent
    assert related(catalog, catalog.get("practice", "b")) == ["a"]
