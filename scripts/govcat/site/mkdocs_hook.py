"""MkDocs hook: a thin adapter around ``catalog generate`` and ``catalog index``.

Before each build (and each ``mkdocs serve`` rebuild) it refuses a Material version the site was
not tested with (``govcat.site.material``, which also holds the state this hook keeps between events
and lists what else depends on Material's internals), validates the records and regenerates
the pages, stopping the build with the validator's own messages when a record is wrong; then it
adds the generated pages to the build, with edit links to the files editors change (a record's
page: its YAML record), and asks ``mkdocs serve`` to watch the record folders. After the build it
indexes the built site for search (``govcat.site.search``, the same step as ``catalog index``). The
sitemap's dates come from the records, not the day of the build, so the same records always
build the same bytes. Everything else lives in the ``govcat`` package, so the site can also be
generated and indexed without hooks, by any engine.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from govcat.layout import KINDS, Project
from govcat.model.diagnostics import summary
from govcat.site import material
from govcat.site.assets import fingerprint_assets
from govcat.site.generate.addresses import page_dates, record_pages
from govcat.site.generate.render import TEMPLATES
from govcat.site.pipeline import generate
from govcat.site.search.index import NO_INDEX_VARIABLE, index_site
from govcat.site.search.pages import PageError

log = logging.getLogger("mkdocs.hooks.catalog")


def project_of(config: MkDocsConfig) -> Project:
    return Project(Path(config.config_file_path).resolve().parent)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        material.require_tested_material(material.installed_material())
    except material.UntestedMaterial as error:
        raise PluginError(str(error)) from None
    project = project_of(config)
    result, changes = generate(project)
    if changes is None:
        for diagnostic in result.diagnostics:
            log.error(str(diagnostic))
        raise PluginError(f"记录校验未通过：{summary(result.diagnostics)}")
    dates = page_dates(result.catalog)
    material.remember_build(config.config_file_path, material.BuildFacts(dates, max(dates.values(), default="")))
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
    build = material.recalled_build(config.config_file_path)
    if build is not None:
        page.update_date = build.page_dates.get(page.file.src_uri) or build.newest or page.update_date
    return page


def on_post_build(config: MkDocsConfig) -> None:
    """Give our own assets hashed names (govcat.site.assets) and index the built site for search
    (see govcat.site.search); ``catalog bench`` measures the build without the index (its floor)
    by setting CATALOG_NO_SEARCH_INDEX."""
    fingerprint_assets(Path(config.site_dir))
    if os.environ.get(NO_INDEX_VARIABLE):
        return
    project = project_of(config)
    try:
        built = index_site(project, Path(config.site_dir))
    except PageError as error:
        raise PluginError(str(error)) from None
    log.info("搜索索引：%d 个页面，%d 个词", built.pages, built.words)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    project = project_of(config)
    folders = {project.root / kind.folder.split("/")[0] for kind in KINDS.values()}
    for folder in sorted(folders) + [project.schemas, TEMPLATES]:
        server.watch(str(folder))
    return server
