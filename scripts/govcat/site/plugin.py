"""The MkDocs plugin ``catalog``: the MkDocs engine's seat in the catalog's build pipeline.

``catalog build`` owns the pipeline (check → generate → engine → index, ``govcat.site.pipeline``)
and reaches MkDocs through this plugin, registered as the ``mkdocs.plugins`` entry point
``catalog`` and listed in mkdocs.yml. It adds the generated pages to the build and stops a build
with a Material version the site was not tested with (``govcat.site.material``).

Typed by hand, ``mkdocs build`` and ``mkdocs serve`` still work: the plugin then runs the stages
around the engine itself, checking and generating before the build and indexing the site after
it. Under ``mkdocs serve`` it then makes MkDocs' server the preview of ``catalog serve``
(``govcat.site.preview.MkDocsServe``): it watches the records, source texts, schemas, templates
and theme, and a save writes the saved record's page in seconds, the rest behind it. When the
pipeline runs MkDocs, it sets ``pipeline_owns_stages`` and does those stages itself.

After a build the plugin keeps what MkDocs gathered (``files``, ``nav``, the theme's ``env``):
``catalog serve`` re-renders single pages with them after a save (``govcat.site.live``).

Everything a page needs from its record (the edit link's file, the sitemap's date) is in the
page's front matter (``record:``, ``updated:``), read by template overrides, so any engine sees it.
"""

from __future__ import annotations

import logging
import os
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from govcat.layout import Project
from govcat.model.diagnostics import summary
from govcat.site import material
from govcat.site.assets import fingerprint_assets, with_renamed_assets
from govcat.site.pipeline import finish_site, generate
from govcat.site.search.index import NO_INDEX_VARIABLE
from govcat.site.search.pages import PageError

log = logging.getLogger("mkdocs.plugins.catalog")


@dataclass(frozen=True)
class Gathered:
    """What MkDocs gathered for a build before writing pages: enough to write one page again."""

    files: Files
    nav: Navigation
    env: Environment


def generated_file(config: MkDocsConfig, docs: Path, uri: str) -> File:
    """The generated file at ``uri`` below ``docs`` as MkDocs sees it: a section's index page is
    included (the navigation lists some), any other page is reached from lists only."""
    inclusion = InclusionLevel.INCLUDED if Path(uri).name == "index.md" else InclusionLevel.NOT_IN_NAV
    return File.generated(config, uri, abs_src_path=str(docs / uri), inclusion=inclusion)


class CatalogConfig(Config):  # type: ignore[no-untyped-call]  # MkDocs leaves __init_subclass__ untyped
    """The plugin takes no options in mkdocs.yml: what it needs is in the project's folders."""


class CatalogPlugin(BasePlugin[CatalogConfig]):  # type: ignore[no-untyped-call]  # as above
    """Adds the generated pages to a MkDocs build; runs the pipeline's other stages when MkDocs
    was started by hand."""

    def __init__(self) -> None:
        self.pipeline_owns_stages = False  # set by the pipeline, which checks, generates and indexes itself
        self.project: Project | None = None
        self.gathered: Gathered | None = None  # what the last build gathered, for single-page rebuilds
        self.waiting: dict[str, bytes] = {}  # pages rendered, not yet written: their HTML, compressed
        self.asset_names: dict[str, str] = {}  # our assets' hashed names, once a build gave them
        self.build_started = 0  # when on_config began the last build (ns): files saved since are changes
        self._nav: Navigation | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            material.require_tested_material(material.installed_material())
        except material.UntestedMaterial as error:
            raise PluginError(str(error)) from None
        root = Path(config.config_file_path).resolve().parent
        self.project = Project(root, config.site_url or None, config.use_directory_urls)
        self.build_started = time.time_ns()
        if not self.pipeline_owns_stages:
            result, changes = generate(self.project)
            if changes is None:
                for diagnostic in result.diagnostics:
                    log.error(str(diagnostic))
                raise PluginError(f"记录校验未通过：{summary(result.diagnostics)}")
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """The generated pages join the hand-written ones; record pages stay out of the sidebar
        (they are reached from lists)."""
        docs = self.owned_project().generated_docs
        for path in sorted(p for p in docs.rglob("*") if p.is_file()):
            files.append(generated_file(config, docs, path.relative_to(docs).as_posix()))
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self._nav = nav
        return nav

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        """MkDocs dates the sitemap's gzip copy by the pages' ``update_date``, which is the day of
        the build unless set: set it from the front matter ``updated`` (hand-written pages, which
        carry none, take the newest), so the same records build the same bytes on any day. Hand-written
        pages also get the generated ones' ``data_as_of``, the footer's date."""
        pages = [file.page for file in files.documentation_pages() if file.page is not None]
        newest = max((page.meta["updated"] for page in pages if page.meta.get("updated")), default=None)
        as_of = max((page.meta["data_as_of"] for page in pages if page.meta.get("data_as_of")), default=None)
        for page in pages:
            page.update_date = page.meta.get("updated") or newest or page.update_date
            if as_of and not page.meta.get("data_as_of"):  # a hand-written page: the footer's date
                page.meta["data_as_of"] = as_of
        if self._nav is not None:
            self.gathered = Gathered(files, self._nav, env)
        return env

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """MkDocs renders every page before it writes the first, and holds them all meanwhile: at
        20,000 practices that was most of the build's memory. A page's HTML waits compressed until
        its page is written, and its Markdown, rendered, is let go."""
        self.waiting[page.file.src_uri] = zlib.compress(html.encode("utf-8"), 1)
        page.markdown = ""  # not None: MkDocs reads None as "not read yet"
        return ""

    def on_page_context(
        self, context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        page.content = zlib.decompress(self.waiting.pop(page.file.src_uri)).decode("utf-8")
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """A page written again after the assets got hashed names (``catalog serve``) names them so."""
        page.content = None  # written: nothing reads it again
        return with_renamed_assets(output, self.asset_names) if self.asset_names else output

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Hash our assets' names and index the built site for search, unless the pipeline does
        it; ``catalog bench`` measures the build without the index (its floor) by setting
        CATALOG_NO_SEARCH_INDEX."""
        if self.pipeline_owns_stages:
            return
        site = Path(config.site_dir)
        if os.environ.get(NO_INDEX_VARIABLE):
            self.asset_names = fingerprint_assets(site)
            return
        try:
            finished = finish_site(self.owned_project(), site)
        except PageError as error:
            raise PluginError(str(error)) from None
        self.asset_names = finished.renamed
        log.info("搜索索引：%d 个页面，%d 个词", finished.index.pages, finished.index.words)

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
        """``mkdocs serve`` after its first build: from now on a save is the preview's, not a whole build."""
        from govcat.site.preview import MkDocsServe  # here: the preview imports this module

        MkDocsServe.take_over(server, config, self.owned_project(), self.build_started)
        return server

    def owned_project(self) -> Project:
        if self.project is None:
            raise PluginError("catalog 插件尚未读取配置（on_config 未运行）")
        return self.project
