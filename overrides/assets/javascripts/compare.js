/* 基层治理实践库: the comparison page (/compare/?ids=a,b): the chosen practices side by side.
 * Each practice's rows are a data script of their own (kind "compare"), data/compare/<id>.js (the
 * folder is in the rules). Only the chosen practices' pieces are loaded, as <script>
 * elements (site.js: catalog.load), so that it works from file:// and under the site's CSP. The
 * ids come from the address, else from the basket; the id pattern and the limit are the rules
 * Python hands over (rules.js). Once the table is drawn, a "catalog:compared" event on document
 * tells other scripts (word.js) which practices are shown.
 * Record text is only ever inserted with textContent, never as HTML. */
(function () {
  "use strict";

  var RULES = window.catalog.rules().compare;
  var ID = window.catalog.whole(window.catalog.rules().id);
  var compareUrl = window.catalog.compareUrl;

  /* Each chosen practice's rows by id; a practice whose piece did not load is missing. */
  function loadPieces(ids) {  // ids match the id pattern: each is a file name in that folder
    var data = { practices: {} };
    return Promise.all(ids.map(function (id) {
      return window.catalog.load("compare", id, new URL(RULES.data + id + ".js", window.catalog.root())).then(function (practice) {
        data.practices[id] = practice;
      }, function (error) {
        console.warn("compare.js:", error.message);
      });
    })).then(function () { return data; });
  }
  function renderComparison(app) {
    var asked = new URLSearchParams(location.search).get("ids");
    var wanted = (asked ? asked.split(",") : window.catalog.basket()).filter(function (id, at, all) {
      return ID.test(id) && all.indexOf(id) === at;
    }).slice(0, RULES.limit);
    if (!wanted.length) {
      showEmpty(app);
      return;
    }
    loadPieces(wanted).then(function (data) {
      var known = function (id) { return Object.prototype.hasOwnProperty.call(data.practices, id); };
      var missing = wanted.filter(function (id) { return !known(id); });
      if (missing.length) app.appendChild(document.createElement("p")).textContent = app.dataset.missing + missing.join("、");
      var ids = wanted.filter(known);
      if (ids.length) renderTable(app, data, ids, asked);
      else showEmpty(app);
    });
  }
  function showEmpty(app) {
    var empty = document.createElement("p");
    empty.textContent = app.dataset.empty;
    app.appendChild(empty);
  }
  function headerCell(row, scope) {
    var th = row.appendChild(document.createElement("th"));
    th.scope = scope;
    return th;
  }
  function renderTable(app, data, ids, asked) {
    if (!asked) history.replaceState(null, "", compareUrl(ids).href);
    var table = document.createElement("table");
    table.className = "compare-table";
    table.createCaption().textContent = ids.length + " 项做法逐项对比";
    table.caption.className = "catalog-sr-only";
    var head = table.createTHead().insertRow();
    headerCell(head, "col").textContent = "项目";
    ids.forEach(function (id) {
      var link = headerCell(head, "col").appendChild(document.createElement("a"));
      link.href = window.catalog.pageUrl(RULES.practices + id).href;
      link.textContent = data.practices[id].title;
    });
    var body = table.createTBody();
    data.practices[ids[0]].fields.forEach(function (field, index) {
      var row = body.insertRow();
      headerCell(row, "row").textContent = field;
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
    var app = document.getElementById("compare-app");
    if (app) renderComparison(app);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
