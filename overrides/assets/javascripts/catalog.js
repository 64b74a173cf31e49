/* 基层治理实践库: sortable tables, table filters, printing, and the practice comparison.
 * Plain browser JavaScript, no network access: everything it needs ships with the site.
 * Record text is only ever inserted with textContent, never as HTML. */
(function () {
  "use strict";

  var BASKET_KEY = "catalog-compare";
  var MAX_COMPARE = 4;
  var ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

  /* Site root and page address style, from Material's own configuration. */
  function siteRoot() {
    var config = JSON.parse(document.getElementById("__config").textContent);
    return new URL(config.base + "/", location.href);
  }
  function fileStyleUrls() {
    return /\.html$/.test(location.pathname);
  }
  function pageUrl(path) {
    var target = fileStyleUrls() ? path + ".html" : path + "/";
    return new URL(target, siteRoot());
  }
  function compareUrl(ids) {
    var url = new URL(fileStyleUrls() ? "compare/index.html" : "compare/", siteRoot());
    if (ids.length) url.search = "?ids=" + ids.join(",");
    return url;
  }
  function practiceIdOf(href) {
    var match = /\/practices\/([a-z0-9-]+)(?:\/|\.html)$/.exec(new URL(href, location.href).pathname);
    return match && match[1] !== "index" ? match[1] : null;
  }

  /* ---- Sortable tables (vendored tablesort) ---- */
  function makeSortable() {
    var tables = document.querySelectorAll("article table:not([class])");
    Array.prototype.forEach.call(tables, function (table) {
      if (!table.tHead || table.rows.length < 3) return;
      table.dataset.sortable = "true";  // not a class: Material styles only class-less tables
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
        cell.setAttribute("aria-sort", "none");
        cell.title = "点击排序";
      });
      new Tablesort(table);
    });
  }

  /* ---- Filters for tables inside .catalog-filterable (columns named in data-filter-columns).
   * Each choice shows how many rows it keeps; on one page of a longer listing the box says
   * (data-filter-scope) that it filters that page only. ---- */
  function cellValues(row, column) {
    return row.cells[column].textContent.split("、").map(function (v) { return v.trim(); }).filter(Boolean);
  }
  function makeFilters() {
    Array.prototype.forEach.call(document.querySelectorAll(".catalog-filterable"), function (box) {
      var table = box.querySelector("table");
      if (!table) return;
      var headers = Array.prototype.map.call(table.tHead.rows[0].cells, function (c) { return c.textContent.trim(); });
      var bar = document.createElement("div");
      bar.className = "catalog-filters";
      var selects = box.dataset.filterColumns.split(" ").map(function (name) {
        var column = headers.indexOf(name);
        var values = {};
        Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
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
        bar.appendChild(label);
        return select;
      });
      var count = document.createElement("span");
      bar.appendChild(count);
      function apply() {
        var shown = 0;
        Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
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
      Array.prototype.forEach.call(document.querySelectorAll("article details:not([open])"), function (d) {
        d.setAttribute("open", "");
        d.dataset.printOpened = "true";
      });
    });
    window.addEventListener("afterprint", function () {
      Array.prototype.forEach.call(document.querySelectorAll("details[data-print-opened]"), function (d) {
        d.removeAttribute("open");
        delete d.dataset.printOpened;
      });
    });
  }

  /* ---- Comparison basket: chosen practice ids, kept in the browser ---- */
  function readBasket() {
    try {
      var ids = JSON.parse(localStorage.getItem(BASKET_KEY) || "[]");
      return Array.isArray(ids) ? ids.filter(function (id) { return ID_PATTERN.test(id); }).slice(0, MAX_COMPARE) : [];
    } catch (error) {
      return [];
    }
  }
  function writeBasket(ids) {
    try { localStorage.setItem(BASKET_KEY, JSON.stringify(ids)); } catch (error) { /* storage disabled */ }
    renderBasket();
  }
  function toggle(id) {
    var ids = readBasket();
    var at = ids.indexOf(id);
    if (at >= 0) ids.splice(at, 1);
    else if (ids.length >= MAX_COMPARE) { alert("最多同时对比 " + MAX_COMPARE + " 项做法。"); return; }
    else ids.push(id);
    writeBasket(ids);
  }
  function toggleButton(id) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "compare-toggle";
    button.dataset.practice = id;
    button.textContent = "对比";
    button.title = "加入或移出对比";
    button.addEventListener("click", function (event) { event.preventDefault(); toggle(id); });
    return button;
  }
  function addToggles() {
    var meta = document.querySelector(".catalog-meta[data-practice]");
    if (meta) meta.querySelector("li").appendChild(toggleButton(meta.dataset.practice));
    Array.prototype.forEach.call(document.querySelectorAll("article table td:first-child a[href]"), function (link) {
      var id = practiceIdOf(link.getAttribute("href"));
      if (id) link.parentNode.appendChild(toggleButton(id));
    });
  }
  function renderBasket() {
    var ids = readBasket();
    Array.prototype.forEach.call(document.querySelectorAll(".compare-toggle"), function (b) {
      b.setAttribute("aria-pressed", String(ids.indexOf(b.dataset.practice) >= 0));
    });
    var bar = document.querySelector(".compare-bar");
    if (!ids.length || document.getElementById("compare-app")) { if (bar) bar.remove(); return; }
    if (!bar) {
      bar = document.createElement("div");
      bar.className = "compare-bar";
      bar.setAttribute("role", "status");
      document.body.appendChild(bar);
    }
    bar.textContent = "已选 " + ids.length + " 项做法";
    var open = document.createElement("a");
    open.href = compareUrl(ids).href;
    open.textContent = ids.length > 1 ? "开始对比" : "再选一项即可对比";
    var clear = document.createElement("button");
    clear.type = "button";
    clear.textContent = "清空";
    clear.addEventListener("click", function () { writeBasket([]); });
    bar.appendChild(open);
    bar.appendChild(clear);
  }

  /* ---- The comparison page ----
   * Each practice's rows are a script of their own, data/compare/<id>.js (the folder is the
   * page's data-pieces), which calls catalogCompare.add: only the chosen practices' pieces are
   * loaded, as <script> elements, so that it works from file:// and under the site's CSP. */
  var compareData = window.catalogCompare = {
    fields: [],
    practices: {},
    add: function (id, practice) {
      compareData.fields = practice.fields;
      compareData.practices[id] = practice;
    }
  };
  function loadPieces(app, ids, done) {
    var waiting = ids.length;
    function finished() {
      waiting -= 1;
      if (!waiting) done();
    }
    ids.forEach(function (id) {  // ids match ID_PATTERN: each is a file name in that folder
      var script = document.createElement("script");
      script.src = new URL(app.dataset.pieces + id + ".js", location.href).href;
      script.addEventListener("load", finished);
      script.addEventListener("error", finished);
      document.head.appendChild(script);
    });
  }
  function renderComparison(app) {
    var asked = new URLSearchParams(location.search).get("ids");
    var wanted = (asked ? asked.split(",") : readBasket()).filter(function (id) {
      return ID_PATTERN.test(id);
    }).slice(0, MAX_COMPARE);
    if (!wanted.length) {
      showEmpty(app);
      return;
    }
    loadPieces(app, wanted, function () {
      var known = function (id) { return Object.prototype.hasOwnProperty.call(compareData.practices, id); };
      var missing = wanted.filter(function (id) { return !known(id); });
      if (missing.length) app.appendChild(document.createElement("p")).textContent = app.dataset.missing + missing.join("、");
      var ids = wanted.filter(known);
      if (ids.length) renderTable(app, ids, asked);
      else showEmpty(app);
    });
  }
  function showEmpty(app) {
    var empty = document.createElement("p");
    empty.textContent = app.dataset.empty;
    app.appendChild(empty);
  }
  function renderTable(app, ids, asked) {
    var data = compareData;
    if (!asked) history.replaceState(null, "", compareUrl(ids).href);
    var table = document.createElement("table");
    table.className = "compare-table";
    var head = table.createTHead().insertRow();
    head.appendChild(document.createElement("th")).textContent = "项目";
    ids.forEach(function (id) {
      var th = document.createElement("th");
      var link = document.createElement("a");
      link.href = pageUrl("practices/" + id).href;
      link.textContent = data.practices[id].title;
      th.appendChild(link);
      head.appendChild(th);
    });
    var body = table.createTBody();
    data.fields.forEach(function (field, index) {
      var row = body.insertRow();
      row.appendChild(document.createElement("th")).textContent = field;
      ids.forEach(function (id) {
        var cell = row.insertCell();
        var lines = data.practices[id].cells[index];
        if (!lines.length) { cell.textContent = "—"; return; }
        if (lines.length === 1) { cell.textContent = lines[0]; return; }
        var list = cell.appendChild(document.createElement("ul"));
        lines.forEach(function (line) { list.appendChild(document.createElement("li")).textContent = line; });
      });
    });
    var wrapper = document.createElement("div");
    wrapper.className = "md-typeset__scrollwrap";
    var inner = wrapper.appendChild(document.createElement("div"));
    inner.className = "md-typeset__table";
    inner.appendChild(table);
    app.appendChild(wrapper);
    var share = document.createElement("p");
    share.textContent = "分享本对比：";
    var shareLink = share.appendChild(document.createElement("a"));
    shareLink.href = compareUrl(ids).href;
    shareLink.textContent = decodeURI(compareUrl(ids).href);
    app.appendChild(share);
    document.dispatchEvent(new CustomEvent("catalog:compared", { detail: { ids: ids } }));
  }

  function start() {
    makeSortable();
    makeFilters();
    addToggles();
    renderBasket();
    var app = document.getElementById("compare-app");
    if (app) renderComparison(app);
  }

  openDetailsForPrint();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
