"""``catalog serve``: the site on a local address while an editor works, rebuilt on every save.

With MkDocs this is ``mkdocs serve`` (live reload; the plugin checks, generates and indexes on
each rebuild and watches the records). An engine that runs no plugin (Zensical) gets the same
from here: the whole pipeline runs into a preview folder, which a local server serves, and runs
again whenever a record, source text, schema, template or hand-written page changes.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from govcat.layout import Project
from govcat.site.engines import BuildFailed, Target, show_mkdocs_messages
from govcat.site.pipeline import build_site, watched_folders
from govcat.site.server import served

POLL_SECONDS = 1.0


def serve(project: Project, engine: str, address: str) -> None:
    """Serve the site at ``address`` (host:port) until interrupted, rebuilding it on changes."""
    if engine == "mkdocs":
        from mkdocs.commands.serve import serve as mkdocs_serve

        show_mkdocs_messages()
        mkdocs_serve(config_file=str(project.root / "mkdocs.yml"), dev_addr=address, livereload=True)
        return
    with tempfile.TemporaryDirectory(prefix="catalog-preview-") as folder:
        site = Path(folder) / "site"
        rebuild(project, engine, site)
        host, _, port = address.rpartition(":")
        with served(site, host=host or "127.0.0.1", port=int(port)) as url:
            print(f"预览：{url}（修改记录后自动重新构建，刷新页面即可看到；Ctrl+C 停止）", flush=True)
            watch(project, engine, site)


def rebuild(project: Project, engine: str, site: Path) -> None:
    """One run of the pipeline; a record's mistakes are printed and the last good site stays."""
    try:
        build_site(project, Target(site), engine)
    except BuildFailed as error:
        for diagnostic in error.diagnostics:
            print(diagnostic, flush=True)
        print(f"未重新构建：{error}", flush=True)
        return
    print("已重新构建", flush=True)


def snapshot(project: Project) -> tuple[tuple[str, int, int], ...]:
    """Every watched file's path, size and modification time: a change to any is a rebuild."""
    files = []
    for folder in [*watched_folders(project), project.content]:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                status = path.stat()
                files.append((path.as_posix(), status.st_size, status.st_mtime_ns))
    return tuple(files)


def watch(project: Project, engine: str, site: Path) -> None:
    seen = snapshot(project)
    try:
        while True:
            time.sleep(POLL_SECONDS)
            now = snapshot(project)
            if now != seen:
                seen = now
                rebuild(project, engine, site)
    except KeyboardInterrupt:
        print("已停止预览", flush=True)
