/* 基层治理实践库: what the site's own scripts share, loaded before them (mkdocs.yml,
 * extra_javascript): where the site's root is, and loading one of the site's script files.
 * Data pieces (search index, comparison rows, Word parts) are scripts rather than fetched JSON,
 * because a <script> element also loads from file:// and under the site's CSP. */
(function () {
  "use strict";

  window.catalogSite = {
    /* The site's root, from Material's own configuration: "." becomes "./", "/" stays "/". */
    root: function () {
      var config = JSON.parse(document.getElementById("__config").textContent);
      return new URL(config.base.replace(/\/*$/, "/"), location.href);
    },
    /* Run the script at url (one of the site's files); resolves to true once it has run, to
     * false when it could not be loaded. */
    loadScript: function (url) {
      return new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = url.href || url;
        script.addEventListener("load", function () { resolve(true); });
        script.addEventListener("error", function () { resolve(false); });
        document.head.appendChild(script);
      });
    }
  };
})();
