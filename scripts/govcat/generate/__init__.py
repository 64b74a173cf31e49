"""Generate the catalog's Markdown pages from validated records.

A thin orchestrator in the manner of PEP 0's generator: each module in ``GENERATORS`` yields the
pages of one output; this module renders them with Jinja2 and hands the whole set to
``output.write_tree``, which replaces the generator-owned folder at once.
"""

from __future__ import annotations

from ..catalog import Catalog
from ..diagnostics import Diagnostic
from ..layout import Project
from ..validate import CheckResult, check_project
from . import compare, downloads, glossary, guide, home, metrics, practices, references, regions, tags, themes, updates, word
from .frontmatter import front_matter_text
from .output import Changes, write_tree
from .render import make_environment
from .searchdict import synonym_lines, user_dictionary
from .site import BinaryFile, Helpers, RawFile

GENERATORS = (home, practices, regions, themes, tags, references, glossary, metrics, compare, guide, updates, downloads,
              word)
OWNER_NOTE = "README.txt"
OWNER_TEXT = "本目录由 catalog generate 生成，每次构建都会覆盖；请修改 practices/ 与 reference/ 中的记录。\n"


def render_pages(catalog: Catalog) -> dict[str, str | bytes]:
    """Every generated file's path (below the docs folder) and content: pages rendered, raw files as given."""
    env = make_environment(Helpers(catalog).globals())
    rendered: dict[str, str | bytes] = {}
    for generator in GENERATORS:
        for output in generator.pages(catalog):
            if output.uri in rendered:
                raise ValueError(f"两个生成器都要写 {output.uri}")
            if isinstance(output, RawFile):
                rendered[output.uri] = output.text
            elif isinstance(output, BinaryFile):
                rendered[output.uri] = output.data
            else:
                template = env.get_template(output.template)
                text = template.render(output.context, page_uri=output.uri, linked_terms=set())
                rendered[output.uri] = front_matter_text(output.meta) + text
    return dict(sorted(rendered.items()))


def generate(project: Project) -> tuple[CheckResult, Changes | None]:
    """Validate everything; only when clean, write the generated folder."""
    result = check_project(project)
    if not result.ok:
        return result, None
    outputs = {f"docs/{uri}": content for uri, content in render_pages(result.catalog).items()}
    for path, text in ((project.search_dictionary, user_dictionary(result.catalog)),
                       (project.search_synonyms, synonym_lines(result.catalog))):
        outputs[path.relative_to(project.generated).as_posix()] = text
    outputs[OWNER_NOTE] = OWNER_TEXT
    result.diagnostics.extend(
        Diagnostic(project.relative(project.content / uri[5:]), 1, 1,
                   f"手写页面与生成的页面 /{uri[5:]} 同名：请给手写页面换个文件名")
        for uri in outputs if uri.startswith("docs/") and (project.content / uri[5:]).exists()
    )
    if not result.ok:
        return result, None
    return result, write_tree(project.generated, outputs)
