"""The build pipeline: check → generate → engine → index, whichever engine builds the HTML.

``catalog build``, ``catalog serve`` and ``catalog publish`` run it (``build_site``); the MkDocs
plugin runs its first and last stages itself when MkDocs is started by hand (``generate``,
``finish_site``). The engines are ``govcat.site.engines``.

The records are loaded and checked (``govcat.checks.validate``); only when nothing is wrong are the
pages generated (``govcat.site.generate``) and the generator-owned folder replaced at once
(``generate.output.write_tree``). Hand-written pages are checked too: one at the path of a
generated page would silently hide it, and an empty front matter block (two lines of ``---``)
shows as a stray heading under MkDocs and stops Zensical.

The engine and the index write a fresh folder beside the output, which is then brought up to date
file by file (``govcat.site.staging``): unchanged files keep their bytes and modification times, so
a publisher copies only what changed, and a failed build leaves the previous site.

With a docs tree (``catalog generate --docs-tree DIR``) the hand-written pages of ``content/``
and the generated pages are also written into one folder, DIR: a complete docs folder for an
engine that runs no MkDocs plugin (Zensical; README, "Zensical").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from govcat.checks.validate import CheckResult, check_project
from govcat.layout import KINDS, Project
from govcat.model.diagnostics import Diagnostic, summary
from govcat.site.assets import fingerprint_assets
from govcat.site.engines import DEFAULT_ENGINE, ENGINES, BuildFailed, BuildRefused, Target, docs_tree_folder
from govcat.site.generate import DOCS, generated_files
from govcat.site.generate.addresses import newest_date
from govcat.site.generate.frontmatter import hand_written_front_matter
from govcat.site.generate.output import Changes, Files, replace_tree, write_tree, writing
from govcat.site.generate.render import TEMPLATES
from govcat.site.isolated import StageCrashed, in_own_process
from govcat.site.search.index import Summary, index_site
from govcat.site.staging import staged

EMPTY_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n---[ \t]*(\r?\n|\Z)")


class DocsTreeRefused(ValueError):
    """The docs tree cannot be written where asked; the message says why, for publishers."""


def generate(project: Project, docs_tree: Path | None = None) -> tuple[CheckResult, Changes | None]:
    """Check everything; only when clean, write the generated folder (its changes, else None) and,
    when asked, the docs tree. Raises ``DocsTreeRefused`` before anything is written."""
    if docs_tree is not None:
        check_docs_tree(project, docs_tree)
    return write_generated(check_project(project), docs_tree)


def write_generated(result: CheckResult, docs_tree: Path | None = None) -> tuple[CheckResult, Changes | None]:
    """``generate`` once the records are checked: nothing is written when ``result`` has problems,
    or a hand-written page opens with an empty front matter or has a generated page's path
    (``empty_front_matter``, ``unshadowed``). Each generated file is written as it is made, and
    the docs tree is copied from the generated folder, so that no more than a chunk of pages is
    ever held in memory."""
    if not result.ok:
        return result, None
    project = result.catalog.project
    problems = empty_front_matter(project)
    if problems:
        return CheckResult(result.catalog, problems), None
    with writing(project.generated):  # the docs tree is read from the generated folder just written
        try:
            changes = replace_tree(project.generated, unshadowed(project, generated_files(result.catalog)))
        except HandWrittenClash as clash:
            return CheckResult(result.catalog, clash.problems), None
        if docs_tree is not None:
            write_tree(docs_tree, docs_tree_files(project, newest_date(result.catalog)))
    return result, changes


def hand_written_pages(project: Project) -> list[Path]:
    return sorted(path for path in project.content.rglob("*") if path.is_file())


def empty_front_matter(project: Project) -> list[Diagnostic]:
    """Hand-written pages opening with an empty front matter."""
    return [
        Diagnostic(project.relative(path), 1, 1, "front matter 是空的（开头两行 ---）：删除这两行")
        for path in hand_written_pages(project)
        if path.suffix == ".md" and EMPTY_FRONT_MATTER.match(path.read_text("utf-8"))
    ]


class HandWrittenClash(Exception):
    """Hand-written pages at the paths of generated ones (``problems``): the tree being written is dropped."""

    def __init__(self, problems: list[Diagnostic]) -> None:
        super().__init__(summary(problems))
        self.problems = problems


def unshadowed(project: Project, outputs: Files) -> Iterator[tuple[str, str | bytes]]:
    """``outputs`` handed on as they come; at their end, ``HandWrittenClash`` when a hand-written
    page has the path of a generated one, which it would silently hide."""
    hand_written = {path.relative_to(project.content).as_posix(): path for path in hand_written_pages(project)}
    clashes: list[Diagnostic] = []
    for name, content in outputs:
        uri = name.removeprefix(f"{DOCS}/")
        if uri != name and uri in hand_written:
            message = f"手写页面与生成的页面 /{uri} 同名：请给手写页面换个文件名"
            clashes.append(Diagnostic(project.relative(hand_written[uri]), 1, 1, message))
        yield name, content
    if clashes:
        raise HandWrittenClash(sorted(clashes, key=str))


def docs_tree_files(project: Project, data_as_of: str | None) -> Iterator[tuple[str, str | bytes]]:
    """The hand-written pages and the generated ones (read from the generated folder), by path in
    one docs folder; the hand-written pages carry the catalog's date in their front matter, as the
    generated ones do."""
    for path in hand_written_pages(project):
        relative = path.relative_to(project.content).as_posix()
        if path.suffix == ".md":
            yield relative, hand_written_front_matter(path.read_text("utf-8"), data_as_of)
        else:
            yield relative, path.read_bytes()
    docs = project.generated_docs
    for path in sorted(docs.rglob("*")):
        if path.is_file():
            yield path.relative_to(docs).as_posix(), path.read_bytes()


def check_docs_tree(project: Project, docs_tree: Path) -> None:
    """Refuse a place whose contents writing the tree would replace: the project itself, its own
    folders, or a folder that is not empty and not a docs tree written before."""
    out = docs_tree.absolute()
    kept = [
        project.content,
        project.schemas,
        project.root / "overrides",
        project.root / "scripts",
        project.generated,
        *(project.folder(kind) for kind in KINDS.values()),
    ]
    if out in (project.root, *project.root.parents) or any(out == k or out.is_relative_to(k) for k in kept):
        raise DocsTreeRefused(
            f"不能把文档目录写到 {docs_tree}：写入会替换这个目录的内容，请另选一个目录，如 build/docs"
        )
    written_before = out.is_symlink() and out.resolve().name.startswith(f".{out.name}-")
    if out.exists() and not written_before and (not out.is_dir() or any(out.iterdir())):
        raise DocsTreeRefused(
            f"{docs_tree} 已存在，且不是 catalog generate --docs-tree 写的文档目录：不会覆盖，请另选一个目录"
        )


def build_site(project: Project, target: Target, engine_name: str = DEFAULT_ENGINE) -> None:
    """Check → generate → engine → index into ``target.site``: built beside it, then only the
    files whose bytes changed are written there (``site.staging``). Each stage runs in a process
    of its own (``site.isolated``), so the build takes the memory of its largest stage.

    Raises ``BuildRefused`` before anything is written, ``BuildFailed`` when a stage stops (a
    record's mistakes are in its diagnostics, which the caller prints)."""
    engine = ENGINES[engine_name]
    engine.require()
    check_output_folder(project, target.site)
    project = replace(project, site_url=target.url, directory_urls=not target.offline)
    try:
        in_own_process(generate_stage, project, docs_tree_folder(project) if engine.reads_docs_tree else None)
        with staged(target.site) as staging:
            in_own_process(engine.build, project, replace(target, site=staging))
            in_own_process(finish_site, project, staging)
    except StageCrashed as crashed:
        raise BuildFailed(f"{crashed}；上一次构建的站点保持不变") from None


def generate_stage(project: Project, docs_tree: Path | None) -> None:
    """``generate`` as a stage of the build: a record's mistakes raise ``BuildFailed``."""
    result, changes = generate(project, docs_tree)
    if changes is None:
        raise BuildFailed(f"记录校验未通过：{summary(result.diagnostics)}", result.diagnostics)


@dataclass(frozen=True)
class Finished:
    """What the stages after the engine did: the search index, and our assets renamed (old → new path)."""

    index: Summary
    renamed: dict[str, str]


def finish_site(project: Project, site: Path) -> Finished:
    """The stages after any engine: our own scripts and styles get hashed names (``site.assets``),
    then the built pages are indexed for search."""
    renamed = fingerprint_assets(site)
    return Finished(index_site(project, site), renamed)


def watched_folders(project: Project) -> list[Path]:
    """What a preview server watches besides the pages: the records and source texts (practices/,
    reference/), the schemas and the page templates."""
    roots = sorted({project.root / kind.folder.split("/")[0] for kind in KINDS.values()})
    return [*roots, project.schemas, TEMPLATES]


def check_output_folder(project: Project, out: Path) -> None:
    """Refuse a folder whose contents a build would wipe and that is not an earlier build."""
    out = out.resolve()
    kept = [project.root / name for name in ("content", "schemas", "overrides", "scripts", "build")]
    kept += [project.folder(kind) for kind in KINDS.values()]
    if out in (project.root, *project.root.parents) or any(out.is_relative_to(k) for k in kept):
        raise BuildRefused(f"不能输出到 {out}：构建会清空这个目录，请另选一个目录")
    if out.is_dir() and any(out.iterdir()) and not (out / "index.html").is_file():
        raise BuildRefused(f"{out} 不是空目录，也不像以前构建的站点：构建会清空它，请另选一个目录")
