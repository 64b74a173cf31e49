"""Check, then generate: what ``catalog generate`` and the MkDocs hook run before a build.

The records are loaded and checked (``govcat.validate``); only when nothing is wrong are the
pages generated (``govcat.generate``) and the generator-owned folder replaced at once
(``generate.output.write_tree``). A hand-written page in ``content/`` with the path of a
generated one is refused too, since one of them would silently hide the other.
"""

from __future__ import annotations

from .diagnostics import Diagnostic
from .generate import DOCS, generated_files
from .generate.output import Changes, write_tree
from .layout import Project
from .validate import CheckResult, check_project


def generate(project: Project) -> tuple[CheckResult, Changes | None]:
    """Check everything; only when clean, write the generated folder (its changes, else None)."""
    result = check_project(project)
    if not result.ok:
        return result, None
    outputs = generated_files(result.catalog)
    clashes = hand_written_clashes(project, outputs)
    if clashes:
        return CheckResult(result.catalog, clashes), None
    return result, write_tree(project.generated, outputs)


def hand_written_clashes(project: Project, outputs: dict[str, str | bytes]) -> list[Diagnostic]:
    """Hand-written pages at the path of a generated page."""
    pages = [name.removeprefix(f"{DOCS}/") for name in outputs if name.startswith(f"{DOCS}/")]
    return [Diagnostic(project.relative(project.content / uri), 1, 1,
                       f"手写页面与生成的页面 /{uri} 同名：请给手写页面换个文件名")
            for uri in pages if (project.content / uri).exists()]
