"""Similar practices: up to five per practice, found through shared records and words, each with
its reasons, the same for the same records, and read from capped posting lists (linear work)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from govcat.bench.run import Run, targets
from govcat.layout import Project
from govcat.model.load import load_catalog
from govcat.site.generate import similar
from govcat.site.generate.similar import POSTING_CAP, SimilarIndex, similar_practices
from govcat.site.pipeline import generate

Write = Callable[[str, str], Path]
PROBLEM = (
    "id: meikong-banshi\nname: 上班时间没空办事\n"
    "citations:\n  - source: zgsqb-excerpt\n    quote: 同时落实错时、延时、上门帮办等服务。\n"
)
THEME = "id: louyuan-zhili\nname: 楼院治理\ndescription: 楼院的管理。\n"


def practice(practice_id: str, themes: str, extra: str = "", summary: str = "一项做法。") -> str:
    return (
        f"id: {practice_id}\ntitle: 郑州市：{practice_id}\nregion: zhengzhou\nlevel: city\nthemes: {themes}\n"
        f"summary: {summary}\nmeasures:\n  - title: 举措\n{extra}"
        "sources:\n  - source: zgsqb-excerpt\n    quote: 完善社区党群服务中心功能。\nlast_reviewed: 2026-11-28\n"
    )


def small_catalog(project: Project, write: Write) -> None:
    """The fixture's practice (社区服务, 一窗办) and four more sharing more or less with it."""
    write("reference/problems/meikong-banshi.yaml", PROBLEM)
    write("reference/themes/louyuan-zhili.yaml", THEME)
    fixture = project.root / "practices/zhengzhou/zhengzhou-dangqun-fuwu-zhongxin.yaml"
    fixture.write_text(fixture.read_text("utf-8") + "problems: [meikong-banshi]\n", "utf-8")
    write(
        "practices/zhengzhou/a-same-problem.yaml",
        practice("a-same-problem", "[louyuan-zhili]", "problems: [meikong-banshi]\n"),
    )
    write("practices/zhengzhou/b-same-theme.yaml", practice("b-same-theme", "[shequ-fuwu]"))
    write("practices/zhengzhou/c-same-term.yaml", practice("c-same-term", "[louyuan-zhili]", summary="推行一窗办。"))
    write("practices/zhengzhou/d-same-words.yaml", practice("d-same-words", "[louyuan-zhili]"))


def test_similar_practices_come_with_the_records_they_share(project: Project, write: Write) -> None:
    small_catalog(project, write)
    found = similar_practices(load_catalog(project))
    assert found["zhengzhou-dangqun-fuwu-zhongxin"] == [
        ("a-same-problem", "都解决上班时间没空办事"),
        ("b-same-theme", "同为社区服务主题"),
        ("c-same-term", "都涉及一窗办"),
    ]
    # a, b and d have the same summary: alike in words, which adds to what they share.
    assert found["a-same-problem"] == [
        ("zhengzhou-dangqun-fuwu-zhongxin", "都解决上班时间没空办事"),
        ("d-same-words", "同为楼院治理主题；做法描述相近"),
        ("c-same-term", "同为楼院治理主题"),
        ("b-same-theme", "做法描述相近"),
    ]


def test_the_practice_page_lists_them_with_their_place_and_reasons(project: Project, write: Write) -> None:
    small_catalog(project, write)
    result, _ = generate(project)
    assert result.diagnostics == []
    page = (project.generated_docs / "practices/b-same-theme.md").read_text("utf-8")
    section = page[page.index("## 相似做法") :].split("</div>")[0]
    assert section.splitlines()[2:] == [
        '<div class="catalog-similar" data-search-exclude markdown>',
        "",
        "按共同解决的难题、采用的标准、主题、术语和做法描述，自动找出的相近做法：",
        "",
        "- [郑州市：完善社区党群服务中心功能](zhengzhou-dangqun-fuwu-zhongxin.md)（郑州市）：同为社区服务主题",
        "- [郑州市：a&#45;same&#45;problem](a-same-problem.md)（郑州市）：做法描述相近",
        "- [郑州市：d&#45;same&#45;words](d-same-words.md)（郑州市）：做法描述相近",
        "",
    ]


def test_a_common_feature_is_read_only_a_capped_window_deep(project: Project, write: Write) -> None:
    many = POSTING_CAP * 3
    for number in range(many):
        write(f"practices/zhengzhou/p{number:03}.yaml", practice(f"p{number:03}", "[shequ-fuwu]"))
    index = SimilarIndex(load_catalog(project))
    theme = ("theme", "shequ-fuwu")
    assert len(index.postings[theme]) == many + 1
    middle = index.window(theme, "p100")
    assert len(middle) == POSTING_CAP and "p100" in middle and middle == sorted(middle)
    assert index.window(theme, "p000") == index.postings[theme][:POSTING_CAP]
    # Five found for every practice, always the same five for the same records.
    first = similar_practices(load_catalog(project))
    assert all(len(found) == similar.SHOWN for found in first.values())
    assert similar_practices(load_catalog(project)) == first


def test_catalog_bench_reports_their_cost_per_size() -> None:
    runs = [Run(1000, similar_seconds=(2.0, 0.8)), Run(4000, similar_seconds=(9.5, 3.3))]
    assert targets(runs) == [
        "similar practices at 1000: 2.00 s (0.80 s of processor), 0.80 s of processor per 1000 practices",
        "similar practices at 4000: 9.50 s (3.30 s of processor), 0.82 s of processor per 1000 practices",
    ]
