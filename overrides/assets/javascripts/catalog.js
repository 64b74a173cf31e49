/* 基层治理实践库: sortable tables, table filters, printing, the compare basket, and tooltips
 * that Esc dismisses (the comparison page itself is compare.js).
 * Plain browser JavaScript, no network access: everything it needs ships with the site.
 * Record text is only ever inserted with textContent, never as HTML.
 * Each feature starts on its own (see start): if one fails, for instance because the vendored
 * Tablesort did not load, the others still work. Everything is usable with the keyboard alone,
 * and what changes without a page load (filter counts, the compare basket) is told to screen
 * readers through polite live regions. */
(function () {
  "use strict";

  var BASKET_KEY = window.catalog.basketKey;
  var RULES = window.catalog.rules();
  var LIMIT = RULES.compare.limit;
  var ID = window.catalog.whole(RULES.id);
  var each = function (list, action) { Array.prototype.forEach.call(list, action); };

  /* The practice a link leads to: its id, when the link is to a practice's page. */
  function practiceIdOf(href) {
    var path = new URL(href, location.href).pathname;
    var section = new URL(RULES.compare.practices, window.catalog.root()).pathname;
    if (path.indexOf(section) !== 0) return null;
    var id = path.slice(section.length).replace(/(\/|\.html)$/, "");
    return ID.test(id) && id !== "index" ? id : null;
  }
  /* An element's text without Material's "¶" permalink. */
  function textOf(element) {
    var copy = element.cloneNode(true);
    each(copy.querySelectorAll(".headerlink"), function (link) { link.remove(); });
    return copy.textContent.trim();
  }

  /* ---- What screen readers are told about the compare basket: one polite live region, on every
   * page where the basket shows. It is in the page from the start (a region created at the moment
   * it speaks is often not read), and each message replaces the last, so that the same words said
   * twice are said again. ---- */
  var announcer = null;
  function announce(text) {
    if (!announcer) return;
    announcer.textContent = "";
    setTimeout(function () { announcer.textContent = text; }, 50);
  }
  function makeAnnouncer() {
    announcer = document.createElement("div");
    announcer.className = "catalog-sr-only";
    announcer.setAttribute("role", "status");
    document.body.appendChild(announcer);
  }

  /* ---- Sortable tables (vendored Tablesort, if it loaded). Each header cell gets a button, so
   * that Tab reaches it and Enter or Space sorts; the cell's aria-sort tells the order. ---- */
  function makeSortable() {
    if (typeof window.Tablesort !== "function") return;  // the tables stay as they are, in order
    each(document.querySelectorAll("article table:not([class])"), function (table) {
      if (!table.tHead || table.rows.length < 3) return;
      /* A column marked [data-sort-number] (figures as written: 4.9万余人, 达到89.9%) sorts by its
       * number, which Tablesort does not guess from such text. */
      each(table.tHead.rows[0].cells, function (cell) {
        if (cell.querySelector("[data-sort-number]")) cell.setAttribute("data-sort-method", "number");
      });
      try {
        new window.Tablesort(table);
      } catch (error) {
        console.warn("catalog.js: 表格无法排序", error);
        return;
      }
      table.dataset.sortable = "true";  // not a class: Material styles only class-less tables
      each(table.tHead.rows[0].cells, function (cell) {
        cell.removeAttribute("tabindex");  // Tablesort makes the cell focusable: the button is
        var button = document.createElement("button");
        button.type = "button";
        button.className = "catalog-sort";
        button.title = "按此列排序";
        if (cell.querySelector("a, button, input, select")) {
          /* A header that is a link keeps it; the button beside it is the arrow alone. */
          button.setAttribute("aria-label", "按“" + textOf(cell) + "”排序");
        } else {
          while (cell.firstChild) button.appendChild(cell.firstChild);
        }
        cell.appendChild(button);
      });
    });
  }

  /* ---- Filters for the tables inside .catalog-filterable: one choice for each column whose
   * header holds a [data-filter] marker (the templates put it there). Each choice shows how many
   * rows it keeps; on one page of a longer listing the box says (data-filter-scope) that it
   * filters that page only. The count is a live region: a screen reader hears it change. ---- */
  function cellValues(row, column) {
    return row.cells[column].textContent.split("、").map(function (v) { return v.trim(); }).filter(Boolean);
  }
  function filterSelect(table, cell) {
    var name = textOf(cell);
    var column = cell.cellIndex;
    var values = {};
    each(table.tBodies[0].rows, function (row) {
      cellValues(row, column).forEach(function (v) { values[v] = (values[v] || 0) + 1; });
    });
    var label = document.createElement("label");
    label.textContent = name + "：";
    var select = document.createElement("select");
    select.dataset.column = column;
    select.setAttribute("aria-label", "按" + name + "筛选");
    [""].concat(Object.keys(values).sort(function (a, b) { return a.localeCompare(b, "zh"); })).forEach(function (v) {
      var option = document.createElement("option");
      option.value = v;
      option.textContent = v ? v + "（" + values[v] + "）" : "全部";
      select.appendChild(option);
    });
    label.appendChild(select);
    return label;
  }
  function makeFilters() {
    each(document.querySelectorAll(".catalog-filterable"), function (box) {
      var table = box.querySelector("table");
      if (!table || !table.tHead || !table.tBodies.length) return;
      var marked = Array.prototype.filter.call(table.tHead.rows[0].cells, function (cell) {
        return cell.querySelector("[data-filter]");
      });
      if (!marked.length) return;
      var bar = document.createElement("div");
      bar.className = "catalog-filters";
      var selects = marked.map(function (cell) {
        return bar.appendChild(filterSelect(table, cell)).querySelector("select");
      });
      var count = document.createElement("span");
      count.setAttribute("role", "status");
      bar.appendChild(count);
      function apply() {
        var shown = 0;
        each(table.tBodies[0].rows, function (row) {
          var keep = selects.every(function (s) {
            return !s.value || cellValues(row, s.dataset.column).indexOf(s.value) >= 0;
          });
          row.hidden = !keep;
          if (keep) shown += 1;
        });
        count.textContent = (box.dataset.filterScope || "") + "显示 " + shown + " / " + table.tBodies[0].rows.length + " 项";
      }
      selects.forEach(function (s) { s.addEventListener("change", apply); });
      box.insertBefore(bar, box.firstChild);
      apply();
    });
  }

  /* ---- Printing: quotes folded into <details> are printed open ---- */
  function openDetailsForPrint() {
    window.addEventListener("beforeprint", function () {
      each(document.querySelectorAll("article details:not([open])"), function (d) {
        d.setAttribute("open", "");
        d.dataset.printOpened = "true";
      });
    });
    window.addEventListener("afterprint", function () {
      each(document.querySelectorAll("details[data-print-opened]"), function (d) {
        d.removeAttribute("open");
        delete d.dataset.printOpened;
      });
    });
  }

  /* ---- Tooltips: Material shows a term's definition or a footnote while the link is hovered or
   * focused, and offers no way to hide it. Esc hides it (WCAG 1.4.13) until the reader moves on to
   * something else. ---- */
  function dismissTooltipsWithEscape() {
    var root = document.documentElement;
    var host = null;
    document.addEventListener("keydown", function (event) {
      var shown = document.querySelector(".md-tooltip2--active[id]");
      if (event.key !== "Escape" || !shown) return;
      host = document.querySelector("[aria-describedby~='" + shown.id + "']") || document.activeElement;
      root.classList.add("catalog-tooltips-dismissed");
    });
    function moved(event) {
      if (host && !host.contains(event.target)) {
        host = null;
        root.classList.remove("catalog-tooltips-dismissed");
      }
    }
    document.addEventListener("focusin", moved);
    document.addEventListener("pointerover", moved);
  }

  /* ---- Material's palette switch is a pair of radio buttons, each shown by a label. While the
   * palette follows the system's setting, neither is checked, so Tab lands on the first, which
   * may be the one whose label is hidden: the focus would be invisible, and a screen reader would
   * name the wrong switch. Checking the one in use (as a click on the switch does) puts the focus
   * on the visible one. No change event: the palette itself is left as it is. ---- */
  function markPaletteInUse() {
    var inputs = document.querySelectorAll(".md-header__option input.md-option");
    if (Array.prototype.some.call(inputs, function (input) { return input.checked; })) return;
    var scheme = document.body.getAttribute("data-md-color-scheme");
    each(inputs, function (input) {
      if (input.getAttribute("data-md-color-scheme") === scheme) input.checked = true;
    });
  }

  /* ---- On a phone, or a laptop zoomed in, Material's navigation is a drawer opened by a label
   * in the header, which the keyboard cannot reach. Made a button: Tab reaches it, Enter or Space
   * opens the drawer and moves into it, Esc closes it and comes back. (catalog.css hides the
   * closed drawer, so that Tab never wanders through it off screen.) ---- */
  function makeDrawerKeyboardable() {
    var drawer = document.getElementById("__drawer");
    var opener = document.querySelector(".md-header label[for='__drawer']");
    if (!drawer || !opener) return;
    opener.tabIndex = 0;
    opener.setAttribute("role", "button");
    opener.setAttribute("aria-label", "导航菜单");
    opener.setAttribute("aria-expanded", String(drawer.checked));
    opener.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      event.stopPropagation();  // Material clicks a focused label on Enter too: the drawer would close again
      drawer.click();
    });
    drawer.addEventListener("change", function () {
      opener.setAttribute("aria-expanded", String(drawer.checked));
      var first = drawer.checked && document.querySelector(".md-sidebar--primary a[href], .md-sidebar--primary label[tabindex]");
      if (first) setTimeout(function () { first.focus(); }, 0);  // once the drawer is visible
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !drawer.checked) return;
      drawer.click();
      opener.focus();
    });
  }

  /* ---- Comparison basket: chosen practice ids, kept in the browser and shared by its tabs ---- */
  var basketBar = null;
  var readBasket = window.catalog.basket;
  function writeBasket(ids) {
    try { localStorage.setItem(BASKET_KEY, JSON.stringify(ids)); } catch (error) { /* storage disabled */ }
    renderBasket();
  }
  function toggle(button) {
    var id = button.dataset.practice;
    var title = button.dataset.title;
    var ids = readBasket();
    var at = ids.indexOf(id);
    if (at < 0 && ids.length >= LIMIT) {
      var full = "最多同时对比 " + LIMIT + " 项做法。要加入“" + title + "”，请先移出一项。";
      basketBar.querySelector(".compare-bar__note").textContent = full;
      announce(full);
      return;
    }
    if (at >= 0) ids.splice(at, 1);
    else ids.push(id);
    writeBasket(ids);
    announce((at >= 0 ? "已移出对比：" : "已加入对比：") + title + "。共选 " + ids.length + " 项做法。");
  }
  function toggleButton(id, title) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "compare-toggle";
    button.dataset.practice = id;
    button.dataset.title = title;
    button.textContent = "对比";
    button.setAttribute("aria-label", "对比：" + title);
    button.title = "加入或移出对比";
    button.addEventListener("click", function (event) { event.preventDefault(); toggle(button); });
    return button;
  }
  function addToggles() {
    var meta = document.querySelector(".catalog-meta[data-practice]");
    var heading = document.querySelector("article h1");
    /* A practice page's button has a row of its own below the facts, which says what it does:
     * beside the region it would read as "compare this region". */
    var slot = meta && meta.querySelector(".catalog-compare-slot");
    if (slot && heading) {
      slot.insertBefore(toggleButton(meta.dataset.practice, textOf(heading)), slot.firstChild);
      slot.hidden = false;
    }
    each(document.querySelectorAll("article table td:first-child a[href]"), function (link) {
      var id = practiceIdOf(link.getAttribute("href"));
      if (id) link.parentNode.appendChild(toggleButton(id, rowPracticeName(link)));
    });
  }
  /* A table shows a practice's short title beside its place (a link to the region): the button
   * names both, "郑州市：四措并举", as the practice's own title does. */
  function rowPracticeName(link) {
    var title = link.textContent.trim();
    var region = link.closest("tr").querySelector("a[href*='regions/']");
    var place = region ? region.textContent.trim() : "";
    return place && title.indexOf("：") < 0 && title.indexOf(place) !== 0 ? place + "：" + title : title;
  }
  /* The bar at the bottom of the page: how many are chosen, the way to the comparison, and, when
   * a fifth is asked for, why it was not added. */
  function makeBasketBar() {
    var bar = document.createElement("div");
    bar.className = "compare-bar";
    bar.setAttribute("role", "region");
    bar.setAttribute("aria-label", "对比篮");
    bar.hidden = true;
    var text = bar.appendChild(document.createElement("p"));
    text.appendChild(document.createElement("strong")).className = "compare-bar__note";
    text.appendChild(document.createElement("span")).className = "compare-bar__count";
    var open = bar.appendChild(document.createElement("a"));
    open.className = "compare-bar__open";
    var clear = bar.appendChild(document.createElement("button"));
    clear.type = "button";
    clear.textContent = "清空";
    clear.setAttribute("aria-label", "清空对比篮");
    clear.addEventListener("click", function () {
      writeBasket([]);
      announce("已清空对比篮。");
    });
    document.body.appendChild(bar);
    basketBar = bar;
  }
  function renderBasket() {
    var ids = readBasket();
    each(document.querySelectorAll(".compare-toggle"), function (b) {
      b.setAttribute("aria-pressed", String(ids.indexOf(b.dataset.practice) >= 0));
    });
    var shown = ids.length > 0;
    basketBar.hidden = !shown;
    document.body.classList.toggle("catalog-basket-shown", shown);
    basketBar.querySelector(".compare-bar__note").textContent = "";
    basketBar.querySelector(".compare-bar__count").textContent = "已选 " + ids.length + " 项做法";
    var open = basketBar.querySelector(".compare-bar__open");
    open.href = window.catalog.compareUrl(ids).href;
    open.textContent = ids.length > 1 ? "开始对比" : "再选一项即可对比";
  }
  function makeBasket() {
    if (document.getElementById("compare-app")) return;  // the comparison page shows the basket itself
    makeAnnouncer();
    makeBasketBar();
    addToggles();
    renderBasket();
    window.addEventListener("storage", function (event) {  // another tab changed the basket
      if (event.key === BASKET_KEY || event.key === null) renderBasket();
    });
  }

  /* Each feature on its own: one that fails is reported on the console and skipped. */
  function start() {
    [makeSortable, makeFilters, makeBasket, dismissTooltipsWithEscape,
      markPaletteInUse, makeDrawerKeyboardable].forEach(function (feature) {
      try {
        feature();
      } catch (error) {
        console.warn("catalog.js: " + feature.name + " 未能启用", error);
      }
    });
  }

  openDetailsForPrint();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
