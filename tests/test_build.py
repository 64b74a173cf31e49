"""The real build: `mkdocs build --strict` on the fixture catalog, through the hook."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from govcat.layout import Project
from support import mkdocs_build

pytestmark = pytest.mark.slow  # each test builds the fixture site

Write = Callable[[str, str], Path]


def build(project: Project) -> subprocess.CompletedProcess[str]:
    return mkdocs_build(project.root, project.root / "out")


def test_strict_build_renders_a_practice_page(project: Project) -> None:
    run = build(project)
    assert run.returncode == 0, run.stderr
    html = (project.root / "out/practices/zhengzhou-dangqun-fuwu-zhongxin/index.html").read_text("utf-8")
    assert "<title>郑州市：完善社区党群服务中心功能 - 基层治理实践库</title>" in html
    assert '<html lang="zh-CN"' in html  # overrides/partials/languages/custom.html
    assert '<a href="../../regions/zhengzhou/">郑州市</a>' in html
    assert "实行“一窗办”“全岗通”,同时落实错时、延时、上门帮办等服务。" in html
    # Chinese headings get readable anchors, not _1, _2.
    assert 'id="主要举措"' in html
    # Nothing is fetched from another host: no Google Fonts, no CDN.
    assert not re.findall(r'(?:src|href)="(?:https?:)?//', html)


def test_invalid_record_stops_the_build_with_the_validator_message(project: Project, write: Write) -> None:
    write("reference/themes/bad.yaml", "id: bad\nname: 坏主题\n")
    run = build(project)
    assert run.returncode == 1
    assert (
        "reference/themes/bad.yaml:1:1: error: description: 缺少必填字段。"
        "主题说明：这一类做法要解决什么问题（编者撰写）。"
    ) in run.stderr
    assert "记录校验未通过：1 errors in 1 files" in run.stderr


def test_broken_link_in_a_hand_written_page_fails_strict(project: Project, write: Write) -> None:
    write("content/about.md", "# 关于\n\n[不存在](practices/no-such-practice.md)\n")
    run = build(project)
    assert run.returncode == 1
    assert "no-such-practice.md" in run.stderr
