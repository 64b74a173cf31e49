"""引用本条: practice, standard and policy pages cite themselves and their sources in GB/T 7714—2015
form, with the page's address at the publisher's site when it is known."""

from __future__ import annotations

from dataclasses import replace

from govcat.layout import Project
from govcat.site.generate.citation import source_citation
from govcat.site.pipeline import generate
from support import edit, visible

PRACTICE = "practices/zhengzhou/zhengzhou-dangqun-fuwu-zhongxin.yaml"
PAGE_ENTRY = "基层治理实践库. 郑州市：完善社区党群服务中心功能[DB/OL]. (2026-11-28)[引用日期]."
SOURCE_ENTRY = "河南省:把党的领导贯穿基层治理全过程各方面（测试摘录）[N]. 中国社区报, 2024-08-05."


def cite_section(project: Project, uri: str) -> list[str]:
    result, changes = generate(project)
    assert result.diagnostics == [] and changes is not None
    page = visible((project.generated_docs / uri).read_text("utf-8"))
    return page[page.index("## 引用本条") :].splitlines()


def test_without_an_address_the_entry_has_none_and_says_so(project: Project) -> None:
    assert cite_section(project, "practices/zhengzhou-dangqun-fuwu-zhongxin.md") == [
        "## 引用本条",
        "",
        '<div class="catalog-cite" data-search-exclude markdown>',
        "",
        "按 GB/T 7714—2015 著录；“引用日期”处填写您查阅本页的日期。",
        "",
        f"- 本页：{PAGE_ENTRY}",
        f"- 原文：{SOURCE_ENTRY}",
        "",
        "（本站没有设定发布地址，引文中缺少本页的网址：请补上您打开本页所用的网址。）",
        "",
        "</div>",
    ]


def test_with_the_publishers_address_the_entry_points_to_the_page(project: Project) -> None:
    published = replace(project, site_url="https://intranet.example/zhili/")
    lines = cite_section(published, "practices/zhengzhou-dangqun-fuwu-zhongxin.md")
    assert (
        lines[6] == f"- 本页：{PAGE_ENTRY} https://intranet.example/zhili/practices/zhengzhou-dangqun-fuwu-zhongxin/."
    )
    assert not any("没有设定发布地址" in line for line in lines)


def test_policy_pages_cite_too_without_a_date_they_do_not_have(project: Project) -> None:
    (project.root / "reference/policies").mkdir(parents=True, exist_ok=True)
    (project.root / "reference/policies/tongzhi.yaml").write_text(
        "id: tongzhi\ntitle: 关于完善社区党群服务中心功能的通知\ntitle_basis: editor\nregion: zhengzhou\n"
        "citations:\n  - source: zgsqb-excerpt\n    quote: 完善社区党群服务中心功能。\n",
        "utf-8",
    )
    lines = cite_section(project, "policies/tongzhi.md")
    assert lines[6:8] == [
        "- 本页：基层治理实践库. 关于完善社区党群服务中心功能的通知（编者拟定）[DB/OL]. [引用日期].",
        f"- 原文：{SOURCE_ENTRY}",
    ]


def test_a_source_names_its_authors_and_its_address_when_it_has_them() -> None:
    source = {"title": "标题", "publisher": "中国社区报", "published": "2024-08-05"}
    assert source_citation({**source, "authors": ["甲", "乙"]}) == "甲, 乙. 标题[N]. 中国社区报, 2024-08-05."
    assert source_citation({**source, "authors": ["甲", "乙", "丙", "丁"], "url": "https://x.example/a"}) == (
        "甲, 乙, 丙, 等. 标题[N/OL]. 中国社区报, 2024-08-05[引用日期]. https://x.example/a."
    )


def test_the_entry_is_dated_by_the_last_review(project: Project) -> None:
    edit(project, PRACTICE, "last_reviewed: 2026-11-28", "last_reviewed: 2026-11-27")
    assert cite_section(project, "practices/zhengzhou-dangqun-fuwu-zhongxin.md")[6] == (
        f"- 本页：{PAGE_ENTRY.replace('2026-11-28', '2026-11-27')}"
    )
