"""The engines that turn the catalog's Markdown into HTML: one stage of the build pipeline each.

* **MkDocs** (the default, with Material for MkDocs): run in this process through the
  ``catalog`` plugin (``govcat.site.plugin``), which adds the generated pages to ``content/``'s.
* **Zensical** (the canary for Material's successor; README, "Zensical"): runs no plugins, so it
  builds the docs tree the pipeline writes (``content/`` and the generated pages in one folder)
  with a config that inherits mkdocs.yml.

Each engine builds into the target folder and nothing else; checking and generating before it
and indexing after it are the pipeline's (``govcat.site.pipeline``).
"""

from __future__ import annotations

import importlib.metadata
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govcat.layout import Project
from govcat.model.diagnostics import Diagnostic

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

# Zensical releases after 0.0.73 require ``zensical-ui``, which the package index does not serve.
ZENSICAL_UI = "zensical-ui"


class BuildRefused(ValueError):
    """Nothing was built: the arguments, the place or the engine asked for cannot be used; the
    message says why, for publishers."""


class BuildFailed(BuildRefused):
    """A stage stopped the build: the record checks (their messages in ``diagnostics``) or the
    engine (which has printed why)."""

    def __init__(self, message: str, diagnostics: Sequence[Diagnostic] = ()) -> None:
        super().__init__(message)
        self.diagnostics = list(diagnostics)

    def __reduce__(self) -> tuple[Any, ...]:  # pickled whole: a stage run in its own process raises it
        return (type(self), (str(self), self.diagnostics))


@dataclass(frozen=True)
class Target:
    """Where and how a site is built: its folder, the address it is served at (a sub-path
    included; None where it is not known) and whether its pages are files opened from a folder
    (the offline bundle: links name ``.html`` files)."""

    site: Path
    url: str | None = None
    offline: bool = False


def docs_tree_folder(project: Project) -> Path:
    """Where the pipeline writes the docs tree for an engine that reads one folder."""
    return project.root / "build" / "docs"


def mkdocs_config(project: Project, target: Target) -> MkDocsConfig:
    """mkdocs.yml read for building ``target`` (strict, as ``mkdocs build --strict``), with the
    plugin told that the pipeline runs the other stages."""
    # Imported here, not above: the command line reads ENGINES at start, and must not load MkDocs.
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's notice about MkDocs 2, once per run
    show_mkdocs_messages()
    options: dict[str, Any] = {"site_dir": str(target.site.resolve()), "strict": True, "site_url": target.url}
    if target.offline:
        options["use_directory_urls"] = False
    config = load_config(config_file=str(project.root / "mkdocs.yml"), **options)
    config.plugins["catalog"].pipeline_owns_stages = True  # type: ignore[attr-defined]
    return config


def build_with_mkdocs(project: Project, target: Target) -> None:
    """``mkdocs build --strict --clean`` in this process, the pipeline running the other stages."""
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    try:
        config = mkdocs_config(project, target)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except (MkDocsException, KeyError) as error:
        raise BuildFailed(f"mkdocs build 失败：{error}") from None


def show_mkdocs_messages() -> None:
    """MkDocs' warnings and notices on the terminal, as ``mkdocs build`` shows them."""
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)


ZENSICAL_CONFIG = """\
# Written by catalog build --engine zensical: the site's mkdocs.yml, read from the docs tree,
# with Zensical's look of Material ("classic") and without Zensical's own search, which ours replaces.
INHERIT: {mkdocs_yml}
docs_dir: {docs}
site_dir: {site}
use_directory_urls: {directory_urls}
{site_url}theme:
  custom_dir: {overrides}
  variant: classic
plugins:
  search:
    enabled: false
"""


def require_zensical() -> None:
    """Refuse, saying what to install, when the installed Zensical cannot build here."""
    try:
        installed = importlib.metadata.version("zensical")
    except importlib.metadata.PackageNotFoundError:
        raise BuildRefused(
            "没有安装 Zensical：pip install --require-hashes -r requirements-zensical.lock（固定为 0.0.73）"
        ) from None
    needs = importlib.metadata.requires("zensical") or []
    if any(requirement.startswith(ZENSICAL_UI) for requirement in needs) and not installed_package(ZENSICAL_UI):
        raise BuildRefused(
            f"安装的 Zensical {installed} 需要 {ZENSICAL_UI}，而软件包索引不提供它，这个版本无法构建："
            "请按 requirements-zensical.lock 安装 Zensical 0.0.73（README 的 Zensical 一节说明了换用新版还缺什么）"
        )


def installed_package(name: str) -> bool:
    try:
        importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


def build_with_zensical(project: Project, target: Target) -> None:
    """``zensical build --clean`` of the docs tree, with a config written beside it. Zensical
    builds only inside the config's folder, so the site is built there and then moved to the target."""
    docs = docs_tree_folder(project)
    config = docs.parent / "zensical.yml"
    built = docs.parent / "zensical-site"
    site_url = f"site_url: {target.url}\n" if target.url else ""
    config.write_text(
        ZENSICAL_CONFIG.format(
            mkdocs_yml=(project.root / "mkdocs.yml").as_posix(),
            docs=docs.name,
            site=built.name,
            directory_urls="false" if target.offline else "true",
            site_url=site_url,
            overrides=(project.root / "overrides").as_posix(),
        ),
        "utf-8",
    )
    command = [sys.executable, "-m", "zensical", "build", "--clean", "--config-file", str(config)]
    if subprocess.run(command, cwd=docs.parent, check=False).returncode != 0:
        raise BuildFailed("zensical build 失败：见上面 Zensical 的输出")
    if target.site.exists():
        shutil.rmtree(target.site)  # the pipeline's fresh folder to build into (site.staging)
    target.site.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(built, target.site)


@dataclass(frozen=True)
class Engine:
    """One engine: whether it reads the pipeline's docs tree, what it needs installed, how it builds."""

    name: str
    reads_docs_tree: bool
    require: Callable[[], None]
    build: Callable[[Project, Target], None]


def nothing_to_require() -> None:
    """MkDocs and Material are the project's own dependencies: the plugin checks Material's version."""


ENGINES = {
    engine.name: engine
    for engine in (
        Engine("mkdocs", reads_docs_tree=False, require=nothing_to_require, build=build_with_mkdocs),
        Engine("zensical", reads_docs_tree=True, require=require_zensical, build=build_with_zensical),
    )
}
DEFAULT_ENGINE = "mkdocs"
