/* 基层治理实践库: the 大字 (larger type) button in the header, next to 搜索.
 * Pressed, it enlarges all the text of the site by a quarter (catalog.css, html.catalog-large) and
 * remembers the choice in this browser, for every page and every tab. overrides/main.html applies
 * a remembered choice before the page is first drawn; this script only draws the button and keeps
 * it in step. Without storage (a locked-down browser) the button still works on the page shown. */
(function () {
  "use strict";

  var KEY = "catalog-large-text";  // the same key as the script in overrides/main.html
  var LARGE = "catalog-large";
  var root = document.documentElement;

  function remembered() {
    try { return localStorage.getItem(KEY) === "1"; } catch (error) { return false; }
  }
  function remember(large) {
    try {
      if (large) localStorage.setItem(KEY, "1");
      else localStorage.removeItem(KEY);
    } catch (error) { /* storage disabled: the choice lasts for this page */ }
  }
  function show(large, button) {
    root.classList.toggle(LARGE, large);
    if (button) button.setAttribute("aria-pressed", String(large));
  }

  function start() {
    var header = document.querySelector(".md-header__inner");
    if (!header) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "catalog-textsize";
    button.textContent = "大字";
    button.title = "放大全站文字，再按一次恢复";
    button.addEventListener("click", function () {
      var large = !root.classList.contains(LARGE);
      show(large, button);
      remember(large);
    });
    /* After the search button (search.js puts it before the palette switch), before the switch. */
    header.insertBefore(button, header.querySelector(".md-header__option") || null);
    show(root.classList.contains(LARGE) || remembered(), button);
    window.addEventListener("storage", function (event) {  // chosen in another tab
      if (event.key === KEY || event.key === null) show(remembered(), button);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
