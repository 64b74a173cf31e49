"""The search words generated from the catalog: jieba user dictionary, parts, practice names."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jieba

from govcat.generate.searchdict import (
    FREQUENCY, PART_FREQUENCY, add_parts, compounds, page_names, user_dictionary,
)
from govcat.layout import Project
from govcat.validate import check_project

Write = Callable[[str, str], Path]

LOUYUAN_TERM = """id: wuzhuguan-louyuan
name: 无主管楼院
definition: 没有物业和主管单位管理的老旧楼院。
definition_basis: editor
citations:
  - source: zgsqb-excerpt
    quote: 实行“一窗办”“全岗通”
"""
LOUYUAN_THEME = """id: louyuan-zhili
name: 楼院治理
description: 老旧楼院、无主管楼院的管理。
"""


def catalog_of(project: Project):
    result = check_project(project)
    assert result.ok, [str(d) for d in result.diagnostics]
    return result.catalog


def test_dictionary_keeps_names_whole_and_adds_unknown_parts(project: Project, write: Write) -> None:
    write("reference/terms/wuzhuguan-louyuan.yaml", LOUYUAN_TERM)
    text = user_dictionary(catalog_of(project))
    lines = text.splitlines()
    for name in ("一窗办", "无主管楼院", "郑州市", "河南省", "社区服务"):
        assert f"{name} {FREQUENCY}" in lines
    assert f"楼院 {PART_FREQUENCY}" in lines        # a part jieba does not know
    assert not any(line.startswith("主管 ") for line in lines)   # jieba knows 主管 already
    # A practice's short title is a phrase, not a name: it would hide its words from search.
    assert not any(line.startswith("完善社区党群服务中心功能") for line in lines)
    assert all(len(line.split(" ")) == 2 for line in lines)

    tokenizer = jieba.Tokenizer()
    path = project.root / "userdict.txt"
    path.write_text(text, "utf-8")
    tokenizer.load_userdict(str(path))
    assert "无主管楼院" in tokenizer.lcut("治理无主管楼院的问题")
    # The part keeps running text from splitting wrongly (default jieba: 楼/院长/效).
    assert tokenizer.lcut("完善楼院长效治理机制")[:2] == ["完善", "楼院"]


def test_quoted_names_in_practice_titles_are_names(project: Project, write: Write) -> None:
    path = project.root / "practices/zhengzhou/zhengzhou-dangqun-fuwu-zhongxin.yaml"
    text = path.read_text("utf-8").replace("title: 郑州市：完善社区党群服务中心功能",
                                           "title: 郑州市：“廊亭议事”工作法")
    write(path.relative_to(project.root).as_posix(), text)
    assert f"廊亭议事 {FREQUENCY}" in user_dictionary(catalog_of(project)).splitlines()


def test_parts_that_begin_a_name_are_left_to_the_wildcard(project: Project, write: Write) -> None:
    write("reference/terms/wuzhuguan-louyuan.yaml", LOUYUAN_TERM)
    write("reference/themes/louyuan-zhili.yaml", LOUYUAN_THEME)
    found = compounds(catalog_of(project))
    assert found["无主管楼院"] == ["主管", "楼院"]
    assert found["楼院治理"] == ["治理"]


def test_practice_page_names(project: Project) -> None:
    names = page_names(catalog_of(project))
    assert names == {"practices/zhengzhou-dangqun-fuwu-zhongxin": ["河南省", "郑州市", "社区服务", "一窗办"]}


def test_add_parts_writes_parts_keys_and_names() -> None:
    index = {
        "config": {"separator": "[\\s\\u200b]+"},
        "docs": [
            {"location": "practices/x/", "title": "济源\u200b无主管楼院", "text": "<p>老旧\u200b无主管楼院</p>"},
            {"location": "practices/x/#a", "title": "概述", "text": "<p>没有\u200b名字</p>"},
        ],
    }
    extra = {"无主管楼院": ["主管", "楼院"], "楼院治理": ["治理"]}
    pages = {"practices/x": ["楼院治理", "河南省"]}
    index["docs"].append({**index["docs"][0], "location": "practices/x.html"})  # offline build
    first, second, offline = json.loads(add_parts(json.dumps(index), extra, pages))["docs"]
    assert offline["names"] == "楼院治理\u200b河南省\u200b治理"
    assert first["title_parts"] == "主管\u200b楼院"
    # text parts, then the name minus its last character for Material's query cutter
    assert first["text_parts"] == "无主管楼\u200b主管\u200b楼院\u200b无主管楼"
    assert first["names"] == "楼院治理\u200b河南省\u200b治理"
    assert set(second) == {"location", "title", "text"}
