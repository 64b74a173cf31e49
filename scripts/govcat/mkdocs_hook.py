"""MkDocs hook: a thin adapter around ``catalog generate``.

Before each build (and each ``mkdocs serve`` rebuild) it validates the records and regenerates
the pages, stopping the build with the validator's own messages when a record is wrong; then it
adds the generated pages to the build, with edit links to the files editors change (a record's
page: its YAML record), and asks ``mkdocs serve`` to watch the record folders. Material's search
segments with ``govcat.segment`` (same words as jieba, faster), and the sitemap's dates come from
the records, not the day of the build, so the same records always build the same bytes.
Everything else lives in the ``govcat`` package, so the site can also be generated without hooks.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from govcat.diagnostics import summary
from govcat.generate import USER_DICTIONARY, generate
from govcat.generate.render import TEMPLATES
from govcat.generate.site import page_dates, record_pages
from govcat.generate.searchdict import add_parts, compounds, page_names
from govcat.layout import KINDS, Project
from govcat.segment import replace_jieba

log = logging.getLogger("mkdocs.hooks.catalog")
# Material's offline plugin would load this shim from a CDN; ours is a local copy (MIT licence).
OFFLINE_SHIM = "assets/javascripts/vendor/iframe-worker/shim.js"


@dataclass
class _Build:
    """What on_config learns from the records for the later events of the same build."""

    page_dates: dict[str, str]
    newest: str
    search_parts: tuple[dict[str, list[str]], dict[str, list[str]]] | None = None


_builds: dict[str, _Build] = {}  # by mkdocs.yml path: one entry per project being built


def project_of(config: MkDocsConfig) -> Project:
    return Project(Path(config.config_file_path).resolve().parent)


@event_priority(100)  # before the search plugin reads its jieba dictionary
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    project = project_of(config)
    result, changes = generate(project)
    if changes is None:
        for diagnostic in result.diagnostics:
            log.error(str(diagnostic))
        raise PluginError(f"记录校验未通过：{summary(result.diagnostics)}")
    dates = page_dates(result.catalog)
    build = _Build(dates, max(dates.values(), default=""))
    _builds[config.config_file_path] = build
    offline = config.plugins.get("material/offline")
    if offline is not None and offline.config.enabled:  # before the plugin adds the CDN address
        config.extra["polyfills"] = [*config.extra.get("polyfills", []), OFFLINE_SHIM]
    search = config.plugins.get("material/search")
    if search is not None:
        search.config.jieba_dict_user = str(project.generated / USER_DICTIONARY)
        replace_jieba()  # the same words as jieba, several times faster (see govcat.segment)
        build.search_parts = (compounds(result.catalog), page_names(result.catalog))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    project = project_of(config)
    for page in files.documentation_pages():  # edit links are relative to the repository root
        page.edit_uri = project.relative(Path(page.abs_src_path or ""))
    records = record_pages(project)
    docs = project.generated_docs
    for path in sorted(p for p in docs.rglob("*") if p.is_file()):
        # Record pages are reached from lists, not the sidebar: keep the navigation small.
        inclusion = InclusionLevel.INCLUDED if path.name == "index.md" else InclusionLevel.NOT_IN_NAV
        uri = path.relative_to(docs).as_posix()
        file = File.generated(config, uri, abs_src_path=str(path), inclusion=inclusion)
        file.edit_uri = records.get(uri)  # other generated pages have no one file to edit
        files.append(file)
    return files


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    """Dates in sitemap.xml from the records, never the day of the build, so the same records
    build the same site: a record's own date, on other pages the newest record date."""
    build = _builds.get(config.config_file_path)
    if build is not None:
        page.update_date = build.page_dates.get(page.file.src_uri) or build.newest or page.update_date
    return page


@event_priority(-50)  # after search writes search_index.json, before offline (-100) inlines it
def on_post_build(config: MkDocsConfig) -> None:
    """Index the parts of our compound words too (see govcat.generate.searchdict)."""
    path = Path(config.site_dir) / "search" / "search_index.json"
    build = _builds.get(config.config_file_path)
    if build is not None and build.search_parts is not None and path.is_file():
        path.write_text(add_parts(path.read_text("utf-8"), *build.search_parts), "utf-8")


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    project = project_of(config)
    folders = {project.root / kind.folder.split("/")[0] for kind in KINDS.values()}
    for folder in sorted(folders) + [project.schemas, TEMPLATES]:
        server.watch(str(folder))
    return server
