"""No serious accessibility violation on any kind of page the site generates, as axe-core sees it.

axe-core (bundled by ``axe-playwright-python``) runs on every page type: each record kind's page,
every listing (page 2 of the paginated ones comes from ``paged_site``, since the real catalog's
listings fit on one page), the theme × city pages, the metrics after sorting and filtering, the
comparison of two and of four practices, the compare basket at its limit, a tooltip shown, the
search dialog with results and facets, the hand-written pages and the 404 page; in the light and
the dark palette, at 1366 px (a small laptop) and 390 px (a phone), and once more in 大字 mode.
Every violation rated serious or critical fails the test, which names the rule, the element
(axe's target selector) and the page for each one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from axe_playwright_python.sync_playwright import Axe

from support import ColorScheme

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

    from conftest import PagedSite

pytestmark = pytest.mark.browser

FAILING_IMPACTS = ("serious", "critical")
PALETTES: dict[ColorScheme, str] = {
    "light": "default",
    "dark": "slate",
}  # Playwright's colour scheme -> Material's scheme
WIDTHS = {"laptop": 1366, "phone": 390}
FOUR = "henan-sihui,kaifeng-zhua-wenhua,jiyuan-wuzhuguan-louyuan-zhili,zhengzhou-louyuan-changxiao-zhili"


def sorted_and_filtered(page: Page) -> None:
    page.locator("article thead th", has_text="数据").click()
    page.get_by_label("按城市筛选").select_option("济源市")


def filtered_by_theme(page: Page) -> None:
    page.get_by_label("按主题筛选").select_option("楼院治理")


def compared(page: Page) -> None:
    page.wait_for_selector(".compare-table")


def basket_at_its_limit(page: Page) -> None:
    """Five practices asked for: the basket holds four and says why not the fifth."""
    toggles = page.locator("article table .compare-toggle")
    for at in range(5):
        toggles.nth(at).click()
    page.locator(".compare-bar").get_by_text("最多").wait_for()


def tooltip_shown(page: Page) -> None:
    page.locator("article p a[title]").first.focus()
    page.locator(".md-tooltip2--active").wait_for()


def searched(page: Page) -> None:
    page.keyboard.press("/")
    page.keyboard.insert_text("社区")
    page.keyboard.press("End")
    page.wait_for_function(
        "() => document.querySelector('.catalog-search__result a')"
        " && !document.querySelector('.catalog-search__result[aria-busy]')"
    )
    page.evaluate("document.querySelector('.catalog-search__facets').open = true")  # folded on a phone


def large_text(page: Page) -> None:
    page.get_by_role("button", name="大字").click()


@dataclass(frozen=True)
class View:
    """A page of the site in the state a reader brings it to (``prepare``), named for the report."""

    name: str
    path: str
    prepare: Callable[..., None] | None = None


REAL_SITE = [
    View("首页", ""),
    View("做法", "practices/jiyuan-wuzhuguan-louyuan-zhili/"),
    View("做法（总括）", "practices/zhengzhou-sicuo-bingju/"),
    View("做法（术语提示已显示）", "practices/henan-siyi-liang-gongkai/", tooltip_shown),
    View("做法（大字）", "practices/jiyuan-wuzhuguan-louyuan-zhili/", large_text),
    View("地区（按主题筛选后）", "regions/sanmenxia/", filtered_by_theme),
    View("地区（社区）", "regions/yima-kuangkou/"),
    View("主题", "themes/louyuan-zhili/"),
    View("主题（对比篮已满）", "themes/louyuan-zhili/", basket_at_its_limit),
    View("主题 × 城市", "themes/louyuan-zhili/zhengzhou/"),
    View("标准", "standards/sanling/"),
    View("政策", "policies/sanmenxia-chengxiang-shequ-zhili-shishi-yijian/"),
    View("术语", "terms/siyi-liang-gongkai/"),
    View("标签", "tags/chengshi-shequ/"),
    View("来源", "sources/zgsqb-2024-08-05-henan-jiceng-zhili/"),
    View("难题", "problems/wuzhuguan-louyuan-wuren-guan/"),
    *(
        View(f"列表 {path}", path)
        for path in ("practices/", "themes/", "problems/", "regions/", "standards/", "policies/", "tags/", "sources/")
    ),
    View("指标（排序、筛选后）", "metrics/", sorted_and_filtered),
    View("指标 · 城市", "metrics/sanmenxia/"),
    View("对比（未选）", "compare/"),
    View("对比两项", "compare/?ids=henan-sihui,kaifeng-zhua-wenhua", compared),
    View("对比四项", f"compare/?ids={FOUR}", compared),
    View("术语表", "glossary/"),
    View("编辑指南", "guide/"),
    View("字段说明", "guide/fields/"),
    View("关于", "about/"),
    View("最近更新", "updates/"),
    View("404", "404.html"),
    View("搜索（有结果和筛选）", "", searched),
]


def paged_views(site: Path) -> list[View]:
    """Page 2 of one listing of each section of the paginated site (its practices, a theme, a
    region, the metrics, a tag…), so that the pager and the page status are checked too."""
    seconds = sorted(path.parent.relative_to(site).as_posix() for path in site.glob("**/page/2/index.html"))
    first_of_section: dict[str, str] = {}
    for path in seconds:
        first_of_section.setdefault(path.split("/")[0], path)
    return [View(f"第 2 页 {path}/", f"{path}/") for path in first_of_section.values()]


# Resolves once two frames have been drawn: the scroll event of a move has then been handled.
NEXT_FRAMES = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))"


def back_to_top_shown(page: Page) -> None:
    """Scroll to the foot of a long page and back up a little, as a reader does: Material then
    shows its back-to-top button (``.md-top``), which is pointed at, so that axe checks it in the
    colours it has then. Without this step the button was checked only when an earlier step
    happened to scroll the page up with the pointer over it: one run in three (issue 22)."""
    if not page.evaluate(
        "!!document.querySelector('.md-top') && document.documentElement.scrollHeight > 2 * innerHeight"
    ):
        return  # too short to scroll: Material never shows the button
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    # Material reads the direction from one scroll event to the next, and a browser fires one scroll
    # event a frame: let a frame pass at the foot, or both moves read as one move down.
    page.evaluate(NEXT_FRAMES)
    page.evaluate("window.scrollBy(0, -innerHeight / 2)")
    page.wait_for_function("() => !document.querySelector('.md-top').hidden")
    page.locator(".md-top").hover(force=True)


def violations_of(context: BrowserContext, base: str, views: list[View], scheme: str, axe: Axe) -> list[str]:
    """One line per serious or critical violation found on ``views``: rule, target, page."""
    found = []
    for view in views:
        page = context.new_page()
        page.goto(base + view.path)
        assert page.locator("body").get_attribute("data-md-color-scheme") == scheme, view.name
        if view.prepare:
            view.prepare(page)
        back_to_top_shown(page)
        for violation in axe.run(page).response["violations"]:
            if violation["impact"] in FAILING_IMPACTS:
                for node in violation["nodes"]:
                    target = " ".join(" >> ".join(part) if isinstance(part, list) else part for part in node["target"])
                    found.append(f"{violation['id']} ({violation['impact']}): {target} — {view.name} /{view.path}")
        page.close()
    return found


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("palette", PALETTES.keys())
def test_no_serious_violation_on_any_page_type(
    browser: Browser, base_url: str, paged_url: str, paged_site: PagedSite, palette: ColorScheme, width: int
) -> None:
    axe = Axe()
    found = []
    for base, views in ((base_url, REAL_SITE), (paged_url, paged_views(paged_site.site))):
        context = browser.new_context(
            # reduced motion: no fading in, so axe never sees a control half drawn
            locale="zh-CN",
            color_scheme=palette,
            reduced_motion="reduce",
            viewport={"width": width, "height": 900},
        )
        found += violations_of(context, base, views, PALETTES[palette], axe)
        context.close()
    report = "\n".join(found)
    print(report)
    assert not found, f"{len(found)} serious or critical violations ({palette}, {width} px):\n{report}"
