"""The search dictionary generated from the catalog: names kept whole, and their unknown parts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import rjieba

from govcat.checks.validate import check_project
from govcat.layout import Project
from govcat.model.catalog import Catalog
from govcat.site.generate.searchdict import FREQUENCY, PART_FREQUENCY, user_dictionary

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


def catalog_of(project: Project) -> Catalog:
    result = check_project(project)
    assert result.ok, [str(d) for d in result.diagnostics]
    return result.catalog


def test_dictionary_keeps_names_whole_and_adds_unknown_parts(project: Project, write: Write) -> None:
    write("reference/terms/wuzhuguan-louyuan.yaml", LOUYUAN_TERM)
    text = user_dictionary(catalog_of(project))
    lines = text.splitlines()
    for name in ("一窗办", "无主管楼院", "郑州市", "河南省", "社区服务"):
        assert f"{name} {FREQUENCY}" in lines
    assert f"楼院 {PART_FREQUENCY}" in lines  # a part jieba does not know
    assert not any(line.startswith("主管 ") for line in lines)  # jieba knows 主管 already
    # A practice's short title is a phrase, not a name: it would hide its words from search.
    assert not any(line.startswith("完善社区党群服务中心功能") for line in lines)
    assert all(len(line.split(" ")) == 2 for line in lines)

    tokenizer = rjieba.Jieba()
    for word, frequency in (line.split(" ") for line in lines):
        tokenizer.add_word(word, int(frequency), None)
    assert "无主管楼院" in tokenizer.cut("治理无主管楼院的问题", True)
    # The part keeps running text from splitting wrongly (jieba's own dictionary: 楼/院长/效).
    assert rjieba.Jieba().cut("完善楼院长效治理机制", True)[:3] == ["完善", "楼", "院长"]
    assert tokenizer.cut("完善楼院长效治理机制", True)[:2] == ["完善", "楼院"]


def test_quoted_names_in_practice_titles_are_names(project: Project, write: Write) -> None:
    path = project.root / "practices/zhengzhou/zhengzhou-dangqun-fuwu-zhongxin.yaml"
    text = path.read_text("utf-8").replace("title: 郑州市：完善社区党群服务中心功能", "title: 郑州市：“廊亭议事”工作法")
    write(path.relative_to(project.root).as_posix(), text)
    assert f"廊亭议事 {FREQUENCY}" in user_dictionary(catalog_of(project)).splitlines()
