"""Generate the catalog's Markdown pages from validated records.

A thin orchestrator in the manner of PEP 0's generator: each module in ``GENERATORS`` yields the
pages of one output; this module renders them with Jinja2 and writes the generator-owned folder,
touching only files whose content changed and removing pages whose record is gone.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..catalog import Catalog
from ..diagnostics import Diagnostic
from ..layout import Project
from ..validate import CheckResult, check_project
from . import compare, downloads, glossary, guide, home, metrics, practices, references, regions, themes, updates
from .render import make_environment
from .searchdict import user_dictionary
from .site import Helpers, RawFile

GENERATORS = (home, practices, regions, themes, references, glossary, metrics, compare, guide, updates, downloads)
USER_DICTIONARY = "jieba-userdict.txt"
OWNER_NOTE = "README.txt"
OWNER_TEXT = "本目录由 catalog generate 生成，每次构建都会覆盖；请修改 practices/ 与 reference/ 中的记录。\n"


@dataclass
class Changes:
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0


def render_pages(catalog: Catalog) -> dict[str, str]:
    """Every generated file's path (below the docs folder) and text: pages rendered, raw files as given."""
    env = make_environment(Helpers(catalog).globals())
    rendered: dict[str, str] = {}
    for generator in GENERATORS:
        for output in generator.pages(catalog):
            if output.uri in rendered:
                raise ValueError(f"两个生成器都要写 {output.uri}")
            if isinstance(output, RawFile):
                rendered[output.uri] = output.text
            else:
                template = env.get_template(output.template)
                rendered[output.uri] = template.render(output.context, page_uri=output.uri, linked_terms=set())
    return dict(sorted(rendered.items()))


def write_if_changed(path: Path, text: str) -> bool:
    """Replace ``path`` atomically with ``text`` unless it already holds exactly that."""
    data = text.encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
    os.replace(temporary, path)
    return True


def sync_folder(folder: Path, files: dict[str, str]) -> Changes:
    """Make ``folder`` hold exactly ``files`` (relative path -> text)."""
    changes = Changes()
    for relative, text in files.items():
        if write_if_changed(folder / relative, text):
            changes.written.append(relative)
        else:
            changes.unchanged += 1
    for path in sorted(folder.rglob("*"), reverse=True):
        relative = path.relative_to(folder).as_posix()
        if path.is_file() and relative not in files:
            path.unlink()
            changes.removed.append(relative)
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return changes


def generate(project: Project) -> tuple[CheckResult, Changes | None]:
    """Validate everything; only when clean, write the generated folder."""
    result = check_project(project)
    if not result.ok:
        return result, None
    outputs = {f"docs/{uri}": text for uri, text in render_pages(result.catalog).items()}
    outputs[USER_DICTIONARY] = user_dictionary(result.catalog)
    outputs[OWNER_NOTE] = OWNER_TEXT
    result.diagnostics.extend(
        Diagnostic(project.relative(project.content / uri[5:]), 1, 1,
                   f"手写页面与生成的页面 /{uri[5:]} 同名：请给手写页面换个文件名")
        for uri in outputs if uri.startswith("docs/") and (project.content / uri[5:]).exists()
    )
    if not result.ok:
        return result, None
    return result, sync_folder(project.generated, outputs)
