/* 基层治理实践库: what the site's own scripts share, loaded before them (overrides/main.html).
 *
 * Data reaches the scripts one way: every data file is a script calling
 * catalog.data(kind, key, payload) (govcat/site/datascript.py writes them): the rules shared with
 * Python (rules.js, loaded on every page right after this file), the search index's pieces, the
 * comparison rows, the Word package and pieces. Scripts rather than fetched JSON, because a
 * <script> element also loads from file:// and under the site's CSP. catalog.load(kind, key, url)
 * loads one such file and settles within LOAD_SECONDS: it rejects when the file cannot be loaded,
 * when it runs without handing over its data (a host answering a missing file with an HTML page,
 * a half-finished upload), or when it does not arrive in time; a later call tries again. */
(function () {
  "use strict";

  var LOAD_SECONDS = 10;
  var arrived = new Map();  // "kind key" -> payload
  var loading = new Map();  // "kind key" -> the promise of its payload, while it loads
  var attempts = new Map(); // "kind key" -> failed loads so far
  var nameOf = function (kind, key) { return kind + " " + (key === null ? "" : key); };

  function root() {
    var config = JSON.parse(document.getElementById("__config").textContent);
    return new URL(config.base.replace(/\/*$/, "/"), location.href);
  }

  /* Run the script at url; resolves once it has run, rejects when it could not be loaded or
   * did not load within the time limit. The element goes once it has done its work (a search
   * session loads many pieces). */
  function loadScript(url) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      var timer = null;
      function settle(error) {
        clearTimeout(timer);
        script.remove();
        if (error) reject(error);
        else resolve();
      }
      timer = setTimeout(function () { settle(new Error("载入超时：" + url)); }, LOAD_SECONDS * 1000);
      script.src = url.href || url;
      script.addEventListener("load", function () { settle(null); });
      script.addEventListener("error", function () { settle(new Error("无法载入：" + url)); });
      document.head.appendChild(script);
    });
  }

  function load(kind, key, url) {
    var name = nameOf(kind, key);
    if (arrived.has(name)) return Promise.resolve(arrived.get(name));
    if (!loading.has(name)) {
      var address = new URL(url, location.href);
      var retry = attempts.get(name) || 0;
      if (retry) address.search = "?retry=" + retry;  // not the broken answer from the cache again
      loading.set(name, loadScript(address).then(function () {
        if (!arrived.has(name)) throw new Error("文件没有数据：" + url);
        return arrived.get(name);
      }).catch(function (error) {
        loading.delete(name);
        attempts.set(name, retry + 1);
        throw error;
      }));
    }
    return loading.get(name);
  }

  var rules = null;
  window.catalog = {
    root: root,
    /* Called by every data file. */
    data: function (kind, key, payload) {
      arrived.set(nameOf(kind, key), payload);
      if (kind === "rules") rules = payload;
    },
    load: load,
    /* The rules shared with Python (generate/rules.py): patterns, limits, hash, file names. */
    rules: function () {
      if (!rules) throw new Error("rules.js 未载入");
      return rules;
    },
    /* Page addresses: directory URLs, or .html files (the offline bundle). */
    fileStyleUrls: function () {
      return /\.html$/.test(location.pathname);
    },
    pageUrl: function (path) {
      return new URL(window.catalog.fileStyleUrls() ? path + ".html" : path + "/", root());
    },
    compareUrl: function (ids) {
      var page = window.catalog.rules().compare.page;
      var url = new URL(window.catalog.fileStyleUrls() ? page + "index.html" : page, root());
      if (ids.length) url.search = "?ids=" + ids.join(",");
      return url;
    },
    /* The compare basket: the chosen practices' ids, kept in the browser (catalog.js). */
    basketKey: "catalog-compare",
    basket: function () {
      var compare = window.catalog.rules().compare;
      var id = window.catalog.whole(window.catalog.rules().id);
      try {
        var ids = JSON.parse(localStorage.getItem(window.catalog.basketKey) || "[]");
        return Array.isArray(ids) ? ids.filter(function (each) { return id.test(each); }).slice(0, compare.limit) : [];
      } catch (error) {
        return [];
      }
    },
    /* A pattern of the rules that must match a whole string (ids). */
    whole: function (source) {
      return new RegExp("^(?:" + source + ")$");
    }
  };
})();
