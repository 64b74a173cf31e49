"""The preview of ``catalog serve``: a saved record's page in seconds, the rest of the site behind it.

``LiveSite`` builds the whole site once, with MkDocs in this process, and keeps what MkDocs
gathered (the plugin's ``Gathered``: files, navigation, theme). After a save:

1. **The record's own page** (``first_pages``). Only the changed files are read again, only they
   are checked, and each changed record's page is rendered by its generator and written by MkDocs
   with the kept state: seconds, whatever the size of the catalog. A practice's similar practices
   are still found among all practices.
2. **Everything else** (``start_generating``, ``carry_on``). A child process checks the whole catalog and generates
   every page into the generator's folder, which keeps unchanged files as they were. MkDocs then
   writes again only the pages and files whose generated source changed (adding and removing
   pages as records come and go), the sitemap and the 404 page; when hand-written pages, the theme
   or mkdocs.yml changed, it builds the whole site. Last, a child process rebuilds the search index.
   Each runs in a forked process (``site.isolated.Forked``); a save during step 2 stops them (the
   generator's folder and the index are both replaced whole or not at all) and starts again from step 1.

Once step 2 is done the site is byte for byte what ``catalog build`` makes of the same records (a
test compares them). The preview's pages say which step is running, or what is wrong with a saved
record, and reload when their page changed (``live.js``, added as pages are served: ``preview``).

MkDocs has no public call for writing one page; ``_populate_page``, ``_build_page`` and
``_build_theme_template`` of ``mkdocs.commands.build`` 1.6.1 are used as ``build`` uses them.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.pages import Page as MkDocsPage

from govcat.checks.validate import CheckResult, validate
from govcat.layout import Project
from govcat.model.catalog import Catalog
from govcat.model.load import ReadCache, load_catalog
from govcat.model.records import Record
from govcat.site.assets import fingerprint_assets, rewrite_references
from govcat.site.engines import Target, mkdocs_config
from govcat.site.generate import Renderer, practices, problems, references, regions, tags, themes
from govcat.site.generate.addresses import newest_date, page_uri
from govcat.site.generate.output import writing
from govcat.site.generate.outputs import Page
from govcat.site.generate.similar import similar_practices
from govcat.site.isolated import Forked
from govcat.site.pipeline import write_generated
from govcat.site.plugin import CatalogPlugin, Gathered, generated_file
from govcat.site.search.index import index_site

# The generator of each kind's own page (a practice's is made alone: ``practices.practice_page``).
PAGE_GENERATORS = {
    "region": regions,
    "theme": themes,
    "problem": problems,
    "tag": tags,
    **dict.fromkeys(("standard", "policy", "source"), references),
}
THEME = ("content", "overrides")  # a change here may change every page: MkDocs builds them all
MKDOCS_STOPPED = "MkDocs 报告了问题，见终端中 WARNING 开头的行（如手写页面中的链接指向不存在的页面）"
GENERATING, WRITING, INDEXING = (
    "正在生成相关页面（地区、主题、列表、Word 文档）…",
    "正在写入相关页面…",
    "正在更新搜索索引…",
)


@dataclass
class Status:
    """What the preview's pages show: ``version`` changes when pages were written (they reload),
    ``step`` is what is still being updated, ``problems`` what stops the preview from updating."""

    version: int = 0
    step: str | None = None
    problems: list[str] = field(default_factory=list)


def in_words(error: Exception) -> str:
    """What stopped a step, for the pages' bar."""
    return MKDOCS_STOPPED if isinstance(error, Abort) else f"{type(error).__name__}: {error}"


def generate_all(catalog: Catalog) -> list[str]:
    """Check the whole catalog and write the generator's folder; the problems found (then nothing
    was written)."""
    result, changes = write_generated(CheckResult(catalog, validate(catalog)))
    return [str(d) for d in result.diagnostics] if changes is None else []


Stamp = tuple[int, int]  # a file's inode and modification time: the generator writes a changed file anew


def stamps(docs: Path) -> dict[str, Stamp]:
    """Every file of the generator's pages folder, by its path there, with its stamp."""
    found = {}
    for top, _, names in os.walk(docs):
        for name in names:
            path = Path(top, name)
            found[path.relative_to(docs).as_posix()] = stamps_of(path)
    return found


class LiveSite:
    """A site kept up to date with the records while it is previewed (see the module's docstring)."""

    def __init__(self, project: Project, site: Path) -> None:
        self.project = project
        self.site = site
        self.cache = ReadCache()
        self.status = Status()
        self.lock = threading.Lock()  # ``status`` is read by the server's threads
        self.catalog: Catalog | None = None
        self.config: MkDocsConfig | None = None
        self.renamed: dict[str, str] = {}  # our assets' hashed names
        self.built_newest: str | None = None  # the catalog's date the pages show
        self.child: Forked | None = None  # a step running behind the pages
        self.child_step = ""  # which: "generate" or "index"
        self.written: dict[str, Stamp] = {}  # the generated files as MkDocs last wrote them into the site
        self.whole_build = True  # the first build, or the theme changed: MkDocs builds every page

    def status_json(self) -> dict[str, Any]:
        with self.lock:
            return asdict(self.status)

    def show(self, step: str | None, problems: Iterable[str] = (), *, written: bool = False) -> None:
        with self.lock:
            self.status.step = step
            self.status.problems = list(problems)
            if written:
                self.status.version += 1
        for line in self.status.problems:
            print(line, flush=True)

    def build(self) -> None:
        """The whole site, as step 2 makes it after the first save; returns when it is done."""
        self.whole_build = True
        self.start_generating(load_catalog(self.project, self.cache))
        self.settle()

    def saved(self, changed: list[Path]) -> None:
        """Files were saved: stop step 2, write the changed records' pages, start step 2 again."""
        self.guarded(lambda: self.after_save(changed))

    def tick(self, wait: bool = False) -> None:
        """Carry step 2 on when its child process has finished."""
        self.guarded(lambda: self.carry_on(wait))

    def adopt(self, config: MkDocsConfig) -> None:
        """Go on from a whole site MkDocs has just built with the plugin running every stage
        (``mkdocs serve`` typed by hand): what MkDocs gathered, our assets' names, the generated
        files as they were written."""
        self.config = config
        self.renamed = self.plugin().asset_names
        self.catalog = load_catalog(self.project, self.cache)
        self.built_newest = newest_date(self.catalog)
        self.written = stamps(self.project.generated_docs)
        self.whole_build = False
        self.show(None, written=True)

    def guarded(self, step: Callable[[], None]) -> None:
        """Run ``step``; what stops it is shown on the pages (the last good ones stay) and the next
        save builds every page again."""
        try:
            step()
        except Exception as error:
            self.stop()
            self.whole_build = True
            self.show(None, [f"预览未更新：{in_words(error)}"])

    def stop(self) -> None:
        """Stop the step running behind the pages, and the workers it started (a save came, or the
        preview ends)."""
        if self.child is not None:
            self.child.stop()
            self.child = None

    def after_save(self, changed: list[Path]) -> None:
        self.stop()
        root = self.project.root
        if root / "mkdocs.yml" in changed or any(root / name in path.parents for path in changed for name in THEME):
            self.whole_build = True
        catalog = load_catalog(self.project, self.cache)  # only the changed files are read again
        if not self.whole_build and not self.first_pages(changed, catalog):
            return
        self.start_generating(catalog)

    def first_pages(self, changed: list[Path], catalog: Catalog) -> bool:
        """Check the changed records and write their own pages; False when they have problems."""
        problems = validate(catalog, only=[path for path in changed if path.suffix == ".yaml"])
        if problems:
            self.show(None, [str(d) for d in problems])
            return False
        files = self.gathered()[1].files
        pages = [
            page
            for record in catalog.loaded
            if record.path in changed
            for page in own_pages(catalog, record)
            if files.get_file_from_path(page.uri) is not None  # a new record's page waits for step 2
        ]
        if pages:
            renderer = Renderer(catalog)
            docs = self.project.generated_docs
            with writing(self.project.generated):
                for page in pages:
                    replace_file(docs / page.uri, renderer.render(page))
            self.write_pages([page.uri for page in pages], hand_written=False)
            self.written.update({page.uri: stamps_of(docs / page.uri) for page in pages})
            self.show(GENERATING, written=True)
        return True

    def start_generating(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.show(GENERATING)
        self.start_child("generate", lambda: generate_all(catalog))

    def settle(self) -> None:
        """Wait for step 2 to end (the first build; tests)."""
        while self.child is not None:
            self.tick(wait=True)

    def start_child(self, step: str, work: Callable[[], Any]) -> None:
        self.child, self.child_step = Forked.start(work), step

    def carry_on(self, wait: bool) -> None:
        child = self.child
        finished = child.result(wait) if child is not None else None
        if finished is None:
            return
        self.child = None
        state, value = finished
        if state == "crashed":
            self.show(None, [f"预览未更新：子进程意外退出（退出码 {value}）"])
        elif state == "raised":
            self.show(None, [f"预览未更新：{in_words(value)}"])
        elif self.child_step == "index":
            self.show(None)
        elif value:  # the records' problems: nothing was generated
            self.show(None, value)
        else:
            self.write_after_generating()
            self.show(INDEXING, written=True)
            self.start_child("index", lambda: index_site(self.project, self.site))

    def write_after_generating(self) -> None:
        """MkDocs writes what the generator's folder holds that it has not written: told by the
        files' stamps, not by the generator's report, so that a generation stopped after it had
        switched its folder in still gets its pages written."""
        self.show(WRITING)
        now = stamps(self.project.generated_docs)
        if self.whole_build or self.config is None:
            self.build_everything()
        else:
            self.write_changes(
                sorted(uri for uri in now.keys() | self.written.keys() if now.get(uri) != self.written.get(uri))
            )
        self.written = now

    def build_everything(self) -> None:
        """MkDocs builds every page, keeping what it gathered; our assets get hashed names."""
        self.config = mkdocs_config(self.project, Target(self.site))
        self.config.plugins.on_startup(command="serve", dirty=False)
        mkdocs_build.build(self.config)
        self.renamed = fingerprint_assets(self.site)
        self.plugin().asset_names = self.renamed  # pages written again name the hashed assets themselves
        self.built_newest = newest_date(self.catalog) if self.catalog is not None else None
        self.whole_build = False

    def write_changes(self, uris: list[str]) -> None:
        """Write again what changed in the generator's folder: pages and files, added and removed."""
        config, gathered = self.gathered()
        files, docs = gathered.files, self.project.generated_docs
        pages = []
        for uri in uris:
            known = files.get_file_from_path(uri)
            if not (docs / uri).is_file():
                if known is not None:
                    files.remove(known)
                    Path(known.abs_dest_path).unlink(missing_ok=True)
                continue
            if known is None:
                known = generated_file(config, docs, uri)
                files.append(known)
                if known.is_documentation_page():
                    MkDocsPage(None, known, config)
            if known.is_documentation_page():
                pages.append(uri)
            else:
                known.copy_file()
        newest = newest_date(self.catalog) if self.catalog is not None else None
        self.write_pages(pages, hand_written=newest != self.built_newest)
        self.built_newest = newest

    def write_pages(self, uris: list[str], *, hand_written: bool) -> None:
        """MkDocs writes these pages again with what it gathered (and the hand-written ones, which
        show the catalog's date, when it changed), then the sitemap and the 404 page."""
        config, gathered = self.gathered()
        files, nav = gathered.files, gathered.nav
        pages = [file.page for uri in uris if (file := files.get_file_from_path(uri)) and file.page]
        if hand_written:
            pages += [f.page for f in files.documentation_pages() if f.page and f.generated_by is None]
        for page in pages:
            mkdocs_build._populate_page(page, config, files)
        env = config.plugins.on_env(gathered.env, config=config, files=files)
        doc_files = files.documentation_pages()
        for page in pages:
            mkdocs_build._build_page(page, config, doc_files, nav, env)
        for template in config.theme.static_templates:
            mkdocs_build._build_theme_template(template, env, files, config, nav)
        rewrite_references([self.site / "404.html"], self.renamed)  # a theme template: no page events

    def plugin(self) -> CatalogPlugin:
        plugin = self.config.plugins["catalog"] if self.config is not None else None
        if not isinstance(plugin, CatalogPlugin):
            raise RuntimeError("LiveSite: mkdocs.yml has not been read yet")
        return plugin

    def gathered(self) -> tuple[MkDocsConfig, Gathered]:
        gathered = self.plugin().gathered
        if self.config is None or gathered is None:
            raise RuntimeError("LiveSite: MkDocs has not built the whole site yet")
        return self.config, gathered


def own_pages(catalog: Catalog, record: Record) -> list[Page]:
    """The page a record has of its own (the first of its list, for a record listing practices),
    when its generator can make it alone or quickly."""
    kind, record_id = record.kind.name, record.id
    if catalog.records.get(kind, {}).get(record_id) is not record:
        return []  # an id used twice: the checks say so
    if kind == "practice":
        similar = similar_practices(catalog, only=[record_id])[record_id]
        return [practices.practice_page(catalog, record.data, similar)]
    generator = PAGE_GENERATORS.get(kind)
    uri = page_uri(kind, record_id)
    outputs: Iterable[Page] = generator.pages(catalog) if generator is not None else ()
    return [page for page in outputs if page.uri == uri][:1]


def stamps_of(path: Path) -> Stamp:
    status = path.stat()
    return status.st_ino, status.st_mtime_ns


def replace_file(path: Path, content: str | bytes) -> None:
    """Write ``path`` whole: a reader sees the old file or the new one."""
    temporary = path.with_name(f".{path.name}.new")
    temporary.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    os.replace(temporary, path)
