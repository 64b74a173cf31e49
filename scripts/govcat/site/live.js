/*
 * The preview's own script (catalog serve, mkdocs serve), added to every page as it is served,
 * never to a built site: it asks the preview how far it is (/.catalog-preview/status), reloads
 * the page once pages were written again, and says at the foot of the page what is still being
 * updated, or what is wrong with a saved record.
 */
(() => {
  "use strict";

  const STATUS = "/.catalog-preview/status";
  const EVERY_MS = 400;
  const banner = document.createElement("div");
  banner.className = "catalog-preview";
  banner.setAttribute("role", "status");
  banner.hidden = true;
  banner.style.cssText = [
    "position:fixed", "left:0", "right:0", "bottom:0", "z-index:10", "padding:.6em 1.2em",
    "font-size:.75rem", "line-height:1.5", "white-space:pre-wrap", "color:#fff",
  ].join(";");
  document.body.append(banner);
  let version = null;

  function show(text, problem) {
    banner.hidden = !text;
    banner.textContent = text;
    banner.style.background = problem ? "#b71c1c" : "#37474f";
  }

  async function ask() {
    try {
      const response = await fetch(STATUS, { cache: "no-store" });
      const status = await response.json();
      if (version !== null && status.version !== version) {
        window.location.reload();
        return;
      }
      version = status.version;
      if (status.problems.length > 0) {
        show(`记录有错误，预览没有更新：\n${status.problems.join("\n")}`, true);
      } else {
        show(status.step ? `预览：本页已更新，${status.step}` : "", false);
      }
    } catch {
      show("预览已停止：重新运行 catalog serve（或 mkdocs serve）后刷新页面", true);
    }
    window.setTimeout(ask, EVERY_MS);
  }

  ask();
})();
