"""A cadre who uses no mouse: the whole way through the site with the keyboard alone.

From the top of a page the first Tab shows the 跳到正文 skip link; every stop on the way shows a
clear focus ring; search, open a result, dismiss a tooltip with Esc, sort and filter the metrics,
fill the compare basket (the fifth practice is refused by a polite message, not an alert) and
open the comparison. The path is walked in both palettes, on a laptop and on a phone (the
layout a laptop zoomed to 200 % gets too); no step uses the mouse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from support import ColorScheme, leading_numbers, refuse_into

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

# What the focused element shows: an outline of at least 2 px (catalog.css draws 3 px) that is
# not transparent.
FOCUS_RING = """() => {
  const focused = document.activeElement;  // the palette switch is a hidden radio shown by its label
  const el = focused.matches("input.md-option") ? focused.nextElementSibling : focused;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  const ring = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2
    && !/rgba\\(.*, 0\\)$/.test(style.outlineColor);
  return {ring, visible: box.width > 0 && box.height > 0,
          what: el.tagName + "." + el.className + " " + (el.textContent || "").trim().slice(0, 20)
            + " (outline " + style.outlineStyle + " " + style.outlineWidth + " " + style.outlineColor + ")"};
}"""


PRESSED = "n => document.querySelectorAll('article .compare-toggle[aria-pressed=true]').length === n"


class Keyboard:
    """Presses keys on ``page`` and checks, at every stop, that the focus can be seen."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.unseen: list[str] = []

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)
        if key in ("Tab", "Shift+Tab"):
            focus = self.page.evaluate(FOCUS_RING)
            if not (focus["ring"] and focus["visible"]):
                self.unseen.append(f"{self.page.url}: {focus['what']}")

    def tab_to(self, condition: str, limit: int = 80, key: str = "Tab") -> int:
        """Tab until ``condition`` (JavaScript on ``el``, the focused element) holds; how many presses."""
        for presses in range(1, limit + 1):
            self.press(key)
            if self.page.evaluate(f"(el => {condition})(document.activeElement)"):
                return presses
        raise AssertionError(f"{condition} not reached in {limit} presses of {key} on {self.page.url}")

    def focused(self, expression: str) -> Any:
        return self.page.evaluate(f"(el => {expression})(document.activeElement)")


def column(page: Page, header: str) -> list[str]:
    headers = [h.strip() for h in page.locator("article table").first.locator("thead th").all_inner_texts()]
    index = headers.index(header) + 1
    return [
        t.strip()
        for t in page.locator(f"article table >> nth=0 >> tbody tr:visible td:nth-child({index})").all_inner_texts()
    ]


@pytest.mark.parametrize("width", [1366, 390], ids=["laptop", "phone"])
@pytest.mark.parametrize("palette", ["light", "dark"])
def test_the_whole_way_with_the_keyboard_alone(
    browser: Browser, base_url: str, palette: ColorScheme, width: int
) -> None:
    context = browser.new_context(
        locale="zh-CN", base_url=base_url, color_scheme=palette, viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    alerts: list[str] = []
    page.on("dialog", refuse_into(alerts))
    keys = Keyboard(page)

    # The first Tab shows the skip link; following it puts the reader at the page's title.
    page.goto("./")
    keys.press("Tab")
    skip = page.locator(".md-skip")
    assert keys.focused("el.classList.contains('md-skip')") and skip.inner_text().strip() == "跳到正文"
    page.wait_for_function("() => getComputedStyle(document.querySelector('.md-skip')).opacity === '1'")
    keys.press("Enter")
    assert page.url.endswith("#基层治理实践库") or page.url.endswith(
        "#%E5%9F%BA%E5%B1%82%E6%B2%BB%E7%90%86%E5%AE%9E%E8%B7%B5%E5%BA%93"
    )

    # Search from the header button, open the first result.
    page.goto("./")
    keys.tab_to("el.classList.contains('catalog-search-open')")
    keys.press("Enter")
    assert keys.focused("el.classList.contains('catalog-search__input')")
    page.keyboard.insert_text("廊亭议事")
    keys.press("End")  # an input method's commit
    page.locator(".catalog-search__result a").first.wait_for()
    assert "找到" in page.get_by_role("status").filter(has_text="找到").inner_text()
    keys.press("ArrowDown")
    first = keys.focused("el.pathname")
    assert "廊亭议事" in keys.focused("el.textContent")
    keys.press("Enter")
    page.wait_for_url(f"**{first}?h=*")
    assert "廊亭议事" in page.locator("h1").inner_text()

    # A term's definition shows while its link has the focus; Esc hides it.
    page.goto("practices/henan-siyi-liang-gongkai/")
    keys.tab_to("el.matches('article p a') && el.textContent === '四议两公开'")
    # The tooltip of a link tabbed past (下载 Word) may still be fading out: wait for the term's own.
    tooltip = page.locator(".md-tooltip2--active", has_text="村级重大事项决策")
    tooltip.wait_for()
    assert "村级重大事项决策" in tooltip.inner_text()
    keys.press("Escape")
    tooltip.wait_for(state="hidden")

    # Sort the metrics by value, both ways, and keep one city's.
    page.goto("metrics/")
    keys.tab_to("el.tagName === 'SELECT' && el.getAttribute('aria-label') === '按城市筛选'")
    for _ in range(40):
        if page.evaluate("document.activeElement.value") == "济源市":
            break
        keys.press("ArrowDown")
    status = page.locator(".catalog-filters [role=status]")
    page.wait_for_function(
        "s => document.querySelector(s).textContent.startsWith('显示 6 / ')", arg=".catalog-filters [role=status]"
    )
    assert status.inner_text().startswith("显示 6 / ")
    keys.tab_to("el.classList.contains('catalog-sort') && el.textContent === '数据'")
    keys.press("Enter")
    values = leading_numbers(column(page, "数据"))
    assert values == sorted(values) and len(values) == 6
    assert page.locator("article th[aria-sort=ascending]").inner_text().strip() == "数据"
    keys.press("Space")
    assert leading_numbers(column(page, "数据")) == sorted(values, reverse=True)
    assert set(column(page, "城市")) == {"济源市"}

    # Choose five practices for comparison: four are kept, the fifth is refused politely.
    page.goto("themes/louyuan-zhili/")
    chosen = []
    for at in range(5):
        keys.tab_to("el.classList.contains('compare-toggle')")
        chosen.append(keys.focused("el.dataset.practice"))
        assert keys.focused("el.getAttribute('aria-label')").startswith("对比：")
        keys.press("Space" if at % 2 else "Enter")
    pressed = page.locator("article .compare-toggle[aria-pressed=true]")
    page.wait_for_function(PRESSED, arg=4)
    assert pressed.count() == 4
    assert keys.focused("el.getAttribute('aria-pressed')") == "false"  # the fifth, refused
    note = page.locator(".compare-bar__note")
    assert note.inner_text().startswith("最多同时对比 4 项做法") and note.is_visible()
    assert alerts == []
    keys.tab_to("el.classList.contains('compare-toggle')", key="Shift+Tab")
    assert keys.focused("el.dataset.practice") == chosen[3]
    keys.press("Enter")  # take the fourth out again: three remain
    page.wait_for_function(PRESSED, arg=3)
    assert pressed.count() == 3 and note.inner_text() == ""

    # The bar's link opens the comparison of the three.
    keys.tab_to("el.classList.contains('compare-bar__open')", limit=120)
    assert keys.focused("el.textContent") == "开始对比"
    keys.press("Enter")
    page.wait_for_selector(".compare-table")
    assert page.locator(".compare-table thead th").count() == 4
    assert page.eval_on_selector_all(".compare-table thead th a", "links => links.map(a => a.pathname)") == [
        f"/practices/{practice}/" for practice in chosen[:3]
    ]

    context.close()
    assert keys.unseen == [], "focus not visible at these stops:\n" + "\n".join(keys.unseen)


def test_the_navigation_drawer_opens_and_closes_with_the_keyboard(browser: Browser, base_url: str) -> None:
    """Where the navigation is a drawer (a phone, a zoomed laptop) the closed drawer holds no Tab
    stop; its button opens it, the focus moves in, Esc closes it and brings the focus back."""
    context = browser.new_context(locale="zh-CN", base_url=base_url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    keys = Keyboard(page)
    page.goto("practices/henan-sihui/")
    keys.press("Tab")  # the skip link
    keys.press("Tab")
    assert keys.focused("el.getAttribute('aria-label')") == "导航菜单"
    assert keys.focused("el.getAttribute('aria-expanded')") == "false"
    for _ in range(4):  # search, 大字, palette, then straight into the page
        keys.press("Tab")
    assert keys.focused("el.closest('article') !== null")
    keys.tab_to("el.getAttribute('aria-label') === '导航菜单'", key="Shift+Tab")
    keys.press("Enter")
    page.wait_for_function("document.activeElement.closest('.md-sidebar--primary') !== null")
    assert page.locator("label[for=__drawer][aria-expanded=true]").count() == 1
    keys.press("Tab")
    assert keys.focused("el.closest('.md-sidebar--primary') !== null")
    keys.press("Escape")
    assert keys.focused("el.getAttribute('aria-label')") == "导航菜单"
    assert not page.evaluate("document.getElementById('__drawer').checked")
    context.close()
    assert keys.unseen == [], "focus not visible at these stops:\n" + "\n".join(keys.unseen)
