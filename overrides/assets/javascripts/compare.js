/* 基层治理实践库: the comparison page (/compare/?ids=a,b): the chosen practices side by side.
 * Each practice's rows are a data script of their own (kind "compare"), data/compare/<id>.js (the
 * folder is in the rules). Only the chosen practices' pieces are loaded, as <script>
 * elements (site.js: catalog.load), so that it works from file:// and under the site's CSP. The
 * ids come from the address, else from the basket; the id pattern and the limit are the rules
 * Python hands over (rules.js). Once the table is drawn, a "catalog:compared" event on document
 * tells other scripts (word.js) which practices are shown, and again whenever the reader moves,
 * removes or adds one: the order and the choice are kept in the address and the basket (which keeps
 * a practice moved out, offered to be added back).
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
    var others = window.catalog.basket().filter(function (id) { return wanted.indexOf(id) < 0; });
    if (!wanted.length && !others.length) {
      showEmpty(app);
      return;
    }
    loadPieces(wanted.concat(others)).then(function (data) {
      var known = function (id) { return Object.prototype.hasOwnProperty.call(data.practices, id); };
      var missing = wanted.filter(function (id) { return !known(id); });
      if (missing.length) app.appendChild(document.createElement("p")).textContent = app.dataset.missing + missing.join("、");
      var view = makeView(app, data);
      view.show(wanted.filter(known), Boolean(asked));
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
  function button(label, name, action) {
    var control = document.createElement("button");
    control.type = "button";
    control.className = "compare-control";
    control.textContent = label;
    control.setAttribute("aria-label", name);
    control.title = name;
    control.addEventListener("click", action);
    return control;
  }
  /* The comparison as the reader changes it: the practices shown, in their order, are the address
   * (?ids=…) and the basket, so that a shared link and the other pages show the same choice. */
  function makeView(app, data) {
    var area = app.appendChild(document.createElement("div"));
    var status = app.appendChild(document.createElement("p"));
    status.className = "catalog-sr-only";
    status.setAttribute("role", "status");
    var shown = [];
    function title(id) { return data.practices[id].title; }
    function change(ids, told) {
      shown = ids;
      history.replaceState(null, "", ids.length ? compareUrl(ids).href : compareUrl([]).href);
      var kept = ids.concat(window.catalog.basket().filter(function (id) { return ids.indexOf(id) < 0; }));
      try {  // the basket keeps a practice moved out, so that it can come back (drawChoices)
        localStorage.setItem(window.catalog.basketKey, JSON.stringify(kept.slice(0, RULES.limit)));
      } catch (error) { /* storage disabled: the address alone holds the choice */ }
      draw();
      status.textContent = told + "现对比 " + ids.length + " 项做法。";
    }
    function move(id, by) {
      var ids = shown.slice();
      var at = ids.indexOf(id);
      ids.splice(at, 1);
      ids.splice(at + by, 0, id);
      change(ids, "已把“" + title(id) + "”" + (by < 0 ? "左移" : "右移") + "。");
    }
    function remove(id) {
      change(shown.filter(function (each) { return each !== id; }), "已移出对比：" + title(id) + "。");
    }
    function add(id) {
      if (shown.length >= RULES.limit) {
        status.textContent = "最多同时对比 " + RULES.limit + " 项做法。要加入“" + title(id) + "”，请先移出一项。";
        return;
      }
      change(shown.concat([id]), "已加入对比：" + title(id) + "。");
    }
    function draw() {
      area.textContent = "";
      if (shown.length) drawTable(area, data, shown, { move: move, remove: remove });
      else area.appendChild(document.createElement("p")).textContent = app.dataset.none;
      drawChoices(area, data, shown, add);
      document.dispatchEvent(new CustomEvent("catalog:compared", { detail: { ids: shown } }));
    }
    return {
      show: function (ids, asked) {
        shown = ids;
        if (!asked && ids.length) history.replaceState(null, "", compareUrl(ids).href);
        draw();
      }
    };
  }
  /* The practices of the basket not in the table, each with a button that adds it, and the way to
   * the lists for more. */
  function drawChoices(area, data, shown, add) {
    var more = window.catalog.basket().filter(function (id) {
      return shown.indexOf(id) < 0 && Object.prototype.hasOwnProperty.call(data.practices, id);
    });
    var choices = area.appendChild(document.createElement("div"));
    choices.className = "compare-choices";
    if (more.length) {
      choices.appendChild(document.createElement("p")).textContent = "已选但未列入对比的做法：";
      var list = choices.appendChild(document.createElement("ul"));
      more.forEach(function (id) {
        var item = list.appendChild(document.createElement("li"));
        item.appendChild(document.createTextNode(data.practices[id].title + " "));
        item.appendChild(button("加入对比", "加入对比：" + data.practices[id].title, function () { add(id); }));
      });
    }
    var hint = choices.appendChild(document.createElement("p"));
    hint.appendChild(document.createTextNode("要加入别的做法：到"));
    var lists = hint.appendChild(document.createElement("a"));
    lists.href = window.catalog.pageUrl(RULES.practices.replace(/\/$/, "")).href;
    lists.textContent = "做法列表";
    hint.appendChild(document.createTextNode("或任一做法页面点“对比”，再回到本页。"));
  }
  /* A row whose cells say the same for every practice (one source, say) is one cell across the
   * columns, so that the reader sees at once that they do not differ. */
  function sameForAll(data, ids, index) {
    var first = JSON.stringify(data.practices[ids[0]].cells[index]);
    return ids.length > 1 && ids.every(function (id) { return JSON.stringify(data.practices[id].cells[index]) === first; });
  }
  function fillCell(cell, lines) {
    if (!lines.length) { cell.textContent = "—"; return; }
    if (lines.length === 1) { cell.textContent = lines[0]; return; }
    var list = cell.appendChild(document.createElement("ul"));
    lines.forEach(function (line) { list.appendChild(document.createElement("li")).textContent = line; });
  }
  function drawTable(area, data, ids, actions) {
    var table = document.createElement("table");
    table.className = "compare-table";
    table.createCaption().textContent = ids.length + " 项做法逐项对比";
    table.caption.className = "catalog-sr-only";
    var head = table.createTHead().insertRow();
    headerCell(head, "col").textContent = "项目";
    ids.forEach(function (id, at) {
      var th = headerCell(head, "col");
      var link = th.appendChild(document.createElement("a"));
      link.href = window.catalog.pageUrl(RULES.practices + id).href;
      link.textContent = data.practices[id].title;
      var controls = th.appendChild(document.createElement("span"));
      controls.className = "compare-controls";
      var name = "“" + data.practices[id].title + "”";
      var left = controls.appendChild(button("← 左移", "把" + name + "左移", function () { actions.move(id, -1); }));
      var right = controls.appendChild(button("右移 →", "把" + name + "右移", function () { actions.move(id, 1); }));
      controls.appendChild(button("移出", "从对比中移出" + name, function () { actions.remove(id); }));
      left.disabled = at === 0;
      right.disabled = at === ids.length - 1;
    });
    var body = table.createTBody();
    data.practices[ids[0]].fields.forEach(function (field, index) {
      var row = body.insertRow();
      headerCell(row, "row").textContent = field;
      if (sameForAll(data, ids, index)) {
        var shared = row.insertCell();
        shared.colSpan = ids.length;
        shared.className = "compare-same";
        var lines = data.practices[ids[0]].cells[index];
        if (lines.length) {
          fillCell(shared, lines);
          shared.appendChild(document.createElement("span")).textContent = "（各项相同）";
        } else shared.textContent = "均无";
        return;
      }
      ids.forEach(function (id) { fillCell(row.insertCell(), data.practices[id].cells[index]); });
    });
    var wrapper = document.createElement("div");
    wrapper.className = "md-typeset__scrollwrap compare-scroll";
    wrapper.tabIndex = 0;  // a box that scrolls is reached and scrolled by keyboard too
    wrapper.setAttribute("role", "region");
    wrapper.setAttribute("aria-label", "对比表（可上下、左右滚动）");
    var inner = wrapper.appendChild(document.createElement("div"));
    inner.className = "md-typeset__table";
    inner.appendChild(table);
    area.appendChild(wrapper);
    var share = document.createElement("p");
    share.textContent = "分享本对比：";
    var shareLink = share.appendChild(document.createElement("a"));
    shareLink.href = compareUrl(ids).href;
    shareLink.textContent = decodeURI(compareUrl(ids).href);
    area.appendChild(share);
  }
  function start() {
    var app = document.getElementById("compare-app");
    if (app) renderComparison(app);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
