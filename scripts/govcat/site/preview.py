"""``catalog serve``: the site on a local address while an editor works, updated on every save.

With MkDocs, a saved record's own page is written again in seconds and the rest of the site
follows (``govcat.site.live``). An engine that runs no plugin (Zensical) builds the whole site
again: the whole pipeline runs into the preview folder whenever a record, source text, schema,
template or hand-written page changes.

Either way the pages are served with a small script of the preview's own added (``live.js``,
never part of a built site): a page reloads once it was written again, and says at its foot
what is still being updated, or what is wrong with a saved record.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from govcat.layout import Project
from govcat.site.engines import BuildFailed, Target
from govcat.site.pipeline import build_site, watched_folders
from govcat.site.server import SiteHandler, served

POLL_SECONDS = 0.3
STATUS_PATH = "/.catalog-preview/status"
SCRIPT_PATH = "/.catalog-preview/live.js"
SCRIPT = Path(__file__).with_name("live.js")
BUILDING = "正在构建整个站点…"


class PreviewHandler(SiteHandler):
    """Serves the site with the preview's script in every page, and the preview's status."""

    status: ClassVar[Callable[[], dict[str, Any]]]

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path == STATUS_PATH:
            self.answer(json.dumps(type(self).status()).encode("utf-8"), "application/json")
            return
        if path == SCRIPT_PATH:
            self.answer(SCRIPT.read_bytes(), "text/javascript")
            return
        local = Path(self.translate_path(path))
        page = local / "index.html" if path.endswith("/") else local
        if page.suffix == ".html" and page.is_file():
            html = page.read_bytes()
            tag = f'<script src="{SCRIPT_PATH}"></script>'.encode()
            end = html.rfind(b"</body>")
            self.answer(html[:end] + tag + html[end:] if end >= 0 else html + tag, "text/html; charset=utf-8")
            return
        super().do_GET()

    def answer(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def serve(project: Project, engine: str, address: str) -> None:
    """Serve the site at ``address`` (host:port) until interrupted, updating it on changes."""
    host, _, port = address.rpartition(":")
    before = snapshot(project)  # a save while the first build runs is a change after it
    with tempfile.TemporaryDirectory(prefix="catalog-preview-") as folder:
        site = Path(folder) / "site"
        if engine == "mkdocs":
            from govcat.site.live import LiveSite

            live = LiveSite(project, site)
            print(BUILDING, flush=True)
            live.build()
            status = live.status_json
            on_save: Callable[[list[Path]], None] = live.saved
            carry_on: Callable[[], None] = live.tick
        else:
            whole = WholeRebuilds(project, engine, site)
            whole.rebuild()
            status, on_save, carry_on = whole.status_json, whole.saved, lambda: None
        handler = type("Preview", (PreviewHandler,), {"status": staticmethod(status)})
        with served(site, host=host or "127.0.0.1", port=int(port), handler_class=handler) as url:
            print(f"预览：{url}（保存记录后页面自动更新；Ctrl+C 停止）", flush=True)
            watch(project, before, on_save, carry_on)


class WholeRebuilds:
    """The preview of an engine that runs no plugin: every save runs the whole pipeline."""

    def __init__(self, project: Project, engine: str, site: Path) -> None:
        self.project, self.engine, self.site = project, engine, site
        self.version = 0
        self.problems: list[str] = []

    def status_json(self) -> dict[str, Any]:
        return {"version": self.version, "step": None, "problems": self.problems}

    def saved(self, changed: list[Path]) -> None:
        self.rebuild()

    def rebuild(self) -> None:
        """One run of the pipeline; a record's mistakes are printed and the last good site stays."""
        try:
            build_site(self.project, Target(self.site), self.engine)
        except BuildFailed as error:
            self.problems = [str(d) for d in error.diagnostics] or [str(error)]
            for line in self.problems:
                print(line, flush=True)
            print(f"未重新构建：{error}", flush=True)
            return
        self.problems = []
        self.version += 1
        print("已重新构建", flush=True)


def watched(project: Project) -> list[Path]:
    """Everything a save of which changes the site: records, sources, schemas, templates, pages, theme."""
    return [*watched_folders(project), project.content, project.root / "overrides", project.root / "mkdocs.yml"]


def snapshot(project: Project) -> dict[Path, tuple[int, int]]:
    """Every watched file's size and modification time."""
    files = {}
    for place in watched(project):
        for path in sorted(place.rglob("*")) if place.is_dir() else [place]:
            if path.is_file():
                status = path.stat()
                files[path] = (status.st_size, status.st_mtime_ns)
    return files


def watch(
    project: Project,
    seen: dict[Path, tuple[int, int]],
    on_save: Callable[[list[Path]], None],
    carry_on: Callable[[], None],
) -> None:
    """Poll the watched files; hand what changed since ``seen`` to ``on_save``, and let the work
    behind go on."""
    try:
        while True:
            time.sleep(POLL_SECONDS)
            now = snapshot(project)
            if now != seen:
                changed = sorted(path for path in now.keys() | seen.keys() if now.get(path) != seen.get(path))
                seen = now
                on_save(changed)
            carry_on()
    except KeyboardInterrupt:
        print("已停止预览", flush=True)
