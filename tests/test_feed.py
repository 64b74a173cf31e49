"""The Atom feed of new and changed practices and the /updates/ page: valid Atom, what changed in
each record, links that work at any address and from files."""

from __future__ import annotations

from dataclasses import replace

import atomcheck
from govcat.layout import Project
from support import visible
from test_downloads import add_metric, generated, git

PAGE = "practices/zhengzhou-dangqun-fuwu-zhongxin"


def test_the_feed_is_atom_with_each_practice_and_what_changed(project: Project) -> None:
    git(project, "init", "-q", day="2026-12-01")
    git(project, "add", ".", day="2026-12-01")
    git(project, "commit", "-q", "-m", "收录", day="2026-12-01")
    feed = generated(project, "feed.xml")
    assert atomcheck.problems(feed) == []
    assert "<summary>新增：新增的做法。社区党群服务中心实行“一窗办”“全岗通”" in feed

    add_metric(project)
    git(project, "commit", "-q", "-a", "-m", "补充数字", day="2026-12-03")
    feed = generated(project, "feed.xml")
    assert atomcheck.problems(feed) == []
    assert "<updated>2026-12-03T00:00:00Z</updated>" in feed
    assert "<summary>修改：修改了成效数据（新填）。" in feed
    assert (
        "| 2026-12-03 | 修改 | [郑州市：完善社区党群服务中心功能](practices/zhengzhou-dangqun-fuwu-zhongxin.md) | 郑州市 | 修改了成效数据（新填） |"
        in visible(generated(project, "updates.md"))
    )


def test_updates_say_which_fields_changed_and_how_many_items(project: Project) -> None:
    add_metric(project)
    git(project, "init", "-q", day="2026-12-01")
    git(project, "add", ".", day="2026-12-01")
    git(project, "commit", "-q", "-m", "收录", day="2026-12-01")
    path = project.root / "practices/zhengzhou/zhengzhou-dangqun-fuwu-zhongxin.yaml"
    text = path.read_text("utf-8").replace(
        "metrics:\n",
        'metrics:\n  - indicator: 楼院\n    value: "278"\n    unit: 个\n    citation:\n      source: zgsqb-excerpt\n      quote: 区内278个无主管楼院全部实现了\n',
    )
    path.write_text(text.replace("summary: 社区党群服务中心", "summary: 郑州社区党群服务中心"), "utf-8")
    git(project, "commit", "-q", "-a", "-m", "改", day="2026-12-02")
    assert "| 修改了概述、成效数据（1 项 → 2 项） |" in visible(generated(project, "updates.md"))


def test_without_history_the_review_is_the_event(project: Project) -> None:
    feed = generated(project, "feed.xml")
    assert atomcheck.problems(feed) == []
    assert "<summary>核对：对照来源核对（2026-11-28）。" in feed
    assert "[订阅更新（Atom）](feed.xml)" in visible(generated(project, "updates.md"))


def test_links_are_relative_to_the_feed_or_to_the_site_address(project: Project) -> None:
    assert atomcheck.links(generated(project, "feed.xml")) == [
        ("self", "feed.xml"),
        ("alternate", "updates/"),
        ("related", "./"),
        ("alternate", f"{PAGE}/"),
    ]
    published = replace(project, site_url="https://intranet.example/zhili/")
    assert ("alternate", f"https://intranet.example/zhili/{PAGE}/") in atomcheck.links(generated(published, "feed.xml"))
    offline = replace(project, directory_urls=False)
    assert atomcheck.links(generated(offline, "feed.xml"))[1:] == [
        ("alternate", "updates.html"),
        ("related", "index.html"),
        ("alternate", f"{PAGE}.html"),
    ]


def test_the_structural_check_finds_what_atom_requires() -> None:
    broken = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><updated>2026-12-01</updated>'
        "<entry><id>x</id><id>urn:a:b</id><updated>2026-12-01T00:00:00Z</updated></entry></feed>"
    )
    assert atomcheck.problems(broken) == [
        "feed has 0 atom:id, not one",
        "feed has no author and an entry has none either",
        "entry 0 has 2 atom:id, not one",
        "entry 0 has 0 atom:title, not one",
        "entry 0 has neither content nor an alternate link",
        "id '' is not an absolute IRI",
        "id 'x' is not an absolute IRI",
        "'2026-12-01' is not an RFC 3339 date-time",
    ]
