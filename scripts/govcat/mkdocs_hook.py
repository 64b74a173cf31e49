"""MkDocs hook: a thin adapter around ``catalog generate``.

Before each build (and each ``mkdocs serve`` rebuild) it validates the records and regenerates
the pages, stopping the build with the validator's own messages when a record is wrong; then it
adds the generated pages to the build and asks ``mkdocs serve`` to watch the record folders.
Everything else lives in the ``govcat`` package, so the site can also be generated without hooks.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from govcat.diagnostics import summary
from govcat.generate import USER_DICTIONARY, generate
from govcat.generate.render import TEMPLATES
from govcat.layout import KINDS, Project

log = logging.getLogger("mkdocs.hooks.catalog")


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
    search = config.plugins.get("material/search")
    if search is not None:
        search.config.jieba_dict_user = str(project.generated / USER_DICTIONARY)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    docs = project_of(config).generated_docs
    for path in sorted(p for p in docs.rglob("*") if p.is_file()):
        # Record pages are reached from lists, not the sidebar: keep the navigation small.
        inclusion = InclusionLevel.INCLUDED if path.name == "index.md" else InclusionLevel.NOT_IN_NAV
        uri = path.relative_to(docs).as_posix()
        files.append(File.generated(config, uri, abs_src_path=str(path), inclusion=inclusion))
    return files


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    project = project_of(config)
    folders = {project.root / kind.folder.split("/")[0] for kind in KINDS.values()}
    for folder in sorted(folders) + [project.schemas, TEMPLATES]:
        server.watch(str(folder))
    return server
