"""Browsing long listings as a reader does: page by page with the pager, by city, by theme; and a
comparison that fetches the data of the chosen practices only.

The paginated listings are those of ``paged_site`` (a synthetic catalog built with small page
sizes); the real site's listings fit on one page.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from govcat.layout import Project
from govcat.model.load import load_catalog
from govcat.site.generate.places import by_place, place_groups, place_name
from support import heading

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

    from conftest import PagedSite

REPO = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.browser


def listed_practices(page: Page) -> list[str]:
    paths: list[str] = page.eval_on_selector_all(
        "article table td:first-child a[href*='practices/']", "links => links.map(a => new URL(a.href).pathname)"
    )
    return paths


def test_walk_a_theme_page_by_page_with_the_pager(paged_page: Page, paged_site: PagedSite) -> None:
    catalog = paged_site.catalog
    theme = catalog.ids("theme")[0]
    expected = [f"/practices/{p}/" for p in by_place(catalog, catalog.referring("theme", theme, "practice"))]
    paged_page.goto(f"themes/{theme}/")
    seen: list[str] = []
    number = 1
    while True:
        seen += listed_practices(paged_page)
        pager = paged_page.get_by_role("navigation", name="分页")
        assert pager.locator("[aria-current=page]").inner_text() == str(number)
        following = pager.get_by_role("link", name="下一页")
        if not following.count():
            break
        following.click()
        number += 1
        paged_page.wait_for_url(f"**/themes/{theme}/page/{number}/")
        assert heading(paged_page) == f"{catalog.get('theme', theme)['name']}（第 {number} 页）"
    assert seen == expected and number == -(-len(expected) // 4)
    pager.get_by_role("link", name="第 1 页").click()
    paged_page.wait_for_url(f"**/themes/{theme}/")
    assert heading(paged_page) == catalog.get("theme", theme)["name"]


def test_a_theme_in_one_city_and_back(paged_page: Page, paged_site: PagedSite) -> None:
    catalog = paged_site.catalog
    theme = catalog.ids("theme")[1]
    name = catalog.get("theme", theme)["name"]
    place, ids = max(
        place_groups(catalog, by_place(catalog, catalog.referring("theme", theme, "practice"))),
        key=lambda group: len(group[1]),
    )
    paged_page.goto(f"themes/{theme}/")
    paged_page.locator(".catalog-index").get_by_role("link", name=place_name(catalog, place), exact=True).click()
    assert heading(paged_page) == f"{name} · {place_name(catalog, place)}"
    assert listed_practices(paged_page) == [f"/practices/{p}/" for p in ids[:4]]
    paged_page.locator("article").get_by_role("link", name=name, exact=True).first.click()
    assert heading(paged_page) == name


def test_the_region_matrix_leads_to_a_theme_in_a_city(page: Page) -> None:
    page.goto("regions/")
    row = page.locator(".catalog-matrix tbody tr", has=page.get_by_role("link", name="郑州市", exact=True))
    headers = [h.strip() for h in page.locator(".catalog-matrix thead th").all_inner_texts()]
    cell = row.locator("td").nth(headers.index("楼院治理"))
    count = int(cell.inner_text())
    cell.get_by_role("link").click()
    assert heading(page) == "楼院治理 · 郑州市"
    # An umbrella practice and its parts (marked 其中) count once, in the matrix as on the page.
    whole = page.locator("article table td:first-child:not(:has(.catalog-part)) a[href*='practices/']")
    assert whole.count() == count < len(listed_practices(page))


def test_a_region_page_filters_its_practices_by_theme(page: Page) -> None:
    catalog = load_catalog(Project(REPO))
    practices = catalog.practices_in_region("sanmenxia")
    louyuan = [p for p in practices if "louyuan-zhili" in catalog.get("practice", p)["themes"]]
    page.goto("regions/sanmenxia/")
    select = page.get_by_label("按主题筛选")
    options = select.locator("option").all_inner_texts()
    assert options[0] == "全部" and f"楼院治理（{len(louyuan)}）" in options
    select.select_option("楼院治理")
    themes = page.locator("article table tbody tr:visible td:nth-child(4)").all_inner_texts()
    assert len(themes) == len(louyuan) and all("楼院治理" in t for t in themes)
    assert page.get_by_text(f"显示 {len(louyuan)} / {len(practices)} 项").count() == 1


RECORD_COMPARED = """
window.__compared = [];
document.addEventListener("catalog:compared", e => window.__compared.push(e.detail.ids));
"""


def test_compare_fetches_only_the_chosen_practices(paged_page: Page, paged_site: PagedSite) -> None:
    chosen = random.Random(9).sample(paged_site.catalog.ids("practice"), 3)
    fetched: list[str] = []
    paged_page.on("request", lambda request: fetched.append(urlsplit(request.url).path))
    paged_page.add_init_script(RECORD_COMPARED)
    paged_page.goto(f"compare/?ids={','.join(chosen)}")
    paged_page.wait_for_selector(".compare-table")
    titles = paged_page.locator(".compare-table thead th a").all_inner_texts()
    assert titles == [paged_site.catalog.get("practice", p)["title"] for p in chosen]
    assert sorted(p for p in fetched if "/data/" in p) == sorted(f"/data/compare/{p}.js" for p in chosen)
    assert paged_page.evaluate("window.__compared") == [chosen]


def test_compare_names_a_practice_it_cannot_find(browser: Browser, base_url: str) -> None:
    context = browser.new_context(base_url=base_url)  # the missing piece logs a 404: not the checked page
    page = context.new_page()
    page.goto("compare/?ids=henan-sihui,no-such-practice")
    page.wait_for_selector(".compare-table")
    assert page.locator(".compare-table thead th").count() == 2
    assert page.get_by_text("找不到以下做法的数据（可能已被删除或改了编号）：no-such-practice").count() == 1
    context.close()


def test_regions_list_each_province_in_code_order_followed_by_its_cities(
    paged_page: Page, paged_site: PagedSite
) -> None:
    catalog = paged_site.catalog
    provinces = [r for r in catalog.ids("region") if catalog.region_level(r) == "province"]
    expected: list[str] = []
    for province in sorted(provinces, key=lambda r: catalog.get("region", r)["code"]):
        if catalog.practices_in_region(province):
            cities = [r for r in catalog.ids("region") if catalog.get("region", r).get("parent") == province]
            cities = [c for c in cities if catalog.region_level(c) == "city" and catalog.practices_in_region(c)]
            expected.append(f"{catalog.get('region', province)['name']}（含下辖）")
            expected += [
                catalog.get("region", c)["name"] for c in sorted(cities, key=lambda c: catalog.get("region", c)["code"])
            ]
    paged_page.goto("regions/")
    rows = paged_page.locator(".catalog-matrix table tbody tr td:first-child").all_inner_texts()
    assert [r.strip() for r in rows] == expected
    assert len([r for r in expected if r.endswith("（含下辖）")]) >= 3


def test_a_provinces_theme_count_opens_that_provinces_practices_of_the_theme(
    paged_page: Page, paged_site: PagedSite
) -> None:
    catalog = paged_site.catalog
    provinces = [r for r in catalog.ids("region") if catalog.region_level(r) == "province"]
    province = max(
        (r for r in provinces if catalog.practices_in_region(r)), key=lambda r: catalog.get("region", r)["code"]
    )  # the last province: not Henan, where the real records are
    theme = next(
        t
        for t in catalog.ids("theme")
        if any(t in catalog.get("practice", p)["themes"] for p in catalog.practices_in_region(province))
    )
    ids = [
        p
        for p in by_place(catalog, catalog.practices_in_region(province))
        if theme in catalog.get("practice", p)["themes"]
    ]
    paged_page.goto(f"regions/{province}/")
    name = catalog.get("theme", theme)["name"]
    paged_page.locator(".catalog-index").get_by_role("link", name=name, exact=True).click()
    paged_page.wait_for_url(f"**/regions/{province}/{theme}/")
    assert heading(paged_page) == f"{name} · {catalog.get('region', province)['name']}"
    assert listed_practices(paged_page) == [f"/practices/{p}/" for p in ids[:4]]
    assert f"及其下辖地区的 {len(ids)} 项做法" in paged_page.locator("article").inner_text()
