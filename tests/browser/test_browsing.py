"""Browsing long listings as a reader does: page by page with the pager, by city, by theme.

The paginated listings are those of ``paged_site`` (a synthetic catalog built with small page
sizes); the real site's listings fit on one page.
"""

from __future__ import annotations

import pytest

from govcat.generate.places import by_place, place_groups, place_name

pytestmark = pytest.mark.browser


def heading(page) -> str:  # type: ignore[no-untyped-def]
    return page.locator("h1").inner_text().rstrip("¶").strip()


def listed_practices(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.eval_on_selector_all(
        "article table td:first-child a[href*='practices/']", "links => links.map(a => new URL(a.href).pathname)")


def test_walk_a_theme_page_by_page_with_the_pager(paged_page, paged_site) -> None:  # type: ignore[no-untyped-def]
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


def test_a_theme_in_one_city_and_back(paged_page, paged_site) -> None:  # type: ignore[no-untyped-def]
    catalog = paged_site.catalog
    theme = catalog.ids("theme")[1]
    name = catalog.get("theme", theme)["name"]
    place, ids = max(place_groups(catalog, by_place(catalog, catalog.referring("theme", theme, "practice"))),
                     key=lambda group: len(group[1]))
    paged_page.goto(f"themes/{theme}/")
    paged_page.locator(".catalog-index").get_by_role("link", name=place_name(catalog, place), exact=True).click()
    assert heading(paged_page) == f"{name} · {place_name(catalog, place)}"
    assert listed_practices(paged_page) == [f"/practices/{p}/" for p in ids[:4]]
    paged_page.locator("article").get_by_role("link", name=name, exact=True).first.click()
    assert heading(paged_page) == name


def test_the_region_matrix_leads_to_a_theme_in_a_city(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("regions/")
    row = page.locator(".catalog-matrix tbody tr", has=page.get_by_role("link", name="郑州市", exact=True))
    headers = [h.strip() for h in page.locator(".catalog-matrix thead th").all_inner_texts()]
    cell = row.locator("td").nth(headers.index("楼院治理"))
    count = int(cell.inner_text())
    cell.get_by_role("link").click()
    assert heading(page) == "楼院治理 · 郑州市"
    assert len(listed_practices(page)) == count


def test_a_region_page_filters_its_practices_by_theme(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("regions/sanmenxia/")
    select = page.get_by_label("按主题筛选")
    options = select.locator("option").all_inner_texts()
    assert options[0] == "全部" and "楼院治理（2）" in options
    select.select_option("楼院治理")
    themes = page.locator("article table tbody tr:visible td:nth-child(4)").all_inner_texts()
    assert len(themes) == 2 and all("楼院治理" in t for t in themes)
    assert page.get_by_text("显示 2 / 6 项").count() == 1
