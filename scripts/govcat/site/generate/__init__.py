"""Generate the catalog's Markdown pages from checked records.

A thin orchestrator in the manner of PEP 0's generator: each module in ``GENERATORS`` yields the
pages of one output; this module renders them with Jinja2 into the files of the generator-owned
folder (``generated_files``). It trusts the records it is given: ``govcat.site.pipeline`` checks them
first and then writes each file as it is made into a folder switched in at once
(``output.write_tree``); nothing in this package imports the checks.
"""

from __future__ import annotations

from collections.abc import Iterator

from govcat.model.catalog import Catalog
from govcat.site.generate import (
    compare,
    dataset,
    downloads,
    glossary,
    guide,
    home,
    metrics,
    practices,
    problems,
    references,
    regions,
    results,
    rules,
    tags,
    themes,
    updates,
    word,
)
from govcat.site.generate.addresses import newest_date, page_dates, record_pages
from govcat.site.generate.frontmatter import front_matter_text, page_facts
from govcat.site.generate.functions import TemplateFunctions
from govcat.site.generate.outputs import BinaryFile, Output, Page, RawFile
from govcat.site.generate.render import make_environment
from govcat.site.generate.searchdict import synonym_lines, user_dictionary
from govcat.site.parallel import map_ordered

GENERATORS = (
    home,
    practices,
    regions,
    results,
    themes,
    problems,
    tags,
    references,
    glossary,
    metrics,
    compare,
    guide,
    updates,
    downloads,
    dataset,
    word,
    rules,
)
DOCS = "docs"  # the pages, below build/generated (Project.generated_docs)
OWNER_NOTE = "README.txt"
OWNER_TEXT = "本目录由 catalog generate 生成，每次构建都会覆盖；请修改 practices/ 与 reference/ 中的记录。\n"


class Renderer:
    """Renders a generator's outputs into file contents: pages through their templates, with the
    front matter every page gets (its record's file, its date, the catalog's date)."""

    def __init__(self, catalog: Catalog) -> None:
        functions = TemplateFunctions(catalog)
        self.env = make_environment(functions.globals(), functions.filters())
        self.records = record_pages(catalog.project)
        self.dates = page_dates(catalog)
        self.newest = newest_date(catalog)

    def render(self, output: Output) -> str | bytes:
        if isinstance(output, RawFile):
            return output.text
        if isinstance(output, BinaryFile):
            return output.data
        template = self.env.get_template(output.template)
        text = template.render(output.context, page_uri=output.uri, linked_terms=set())
        facts = page_facts(self.records.get(output.uri), self.dates.get(output.uri, self.newest), self.newest)
        return front_matter_text({**output.meta, **facts}) + text


def render_pages(catalog: Catalog) -> Iterator[tuple[str, str | bytes]]:
    """Every generated file's path (below the docs folder) and content, handed on as each is made:
    raw files and Word documents as their generators give them, then the pages, rendered on every
    core (``govcat.site.parallel``), each worker with the environment made here before it was
    forked. Only the pages' contexts are held until the end, never the files made."""
    renderer = Renderer(catalog)
    pages: dict[str, Page] = {}
    made: set[str] = set()
    for generator in GENERATORS:
        for output in generator.pages(catalog):
            if output.uri in made or output.uri in pages:
                raise ValueError(f"两个生成器都要写 {output.uri}")
            if isinstance(output, Page):
                pages[output.uri] = output
            else:
                made.add(output.uri)
                yield output.uri, renderer.render(output)
    for template in sorted({page.template for page in pages.values()}):
        renderer.env.get_template(template)  # compiled once, here, for every worker
    yield from zip(pages, map_ordered(renderer.render, list(pages.values())), strict=True)


def generated_files(catalog: Catalog) -> Iterator[tuple[str, str | bytes]]:
    """Everything the generator owns, by path below ``build/generated``, as it is made: the pages
    and data files (under ``docs/``), the search dictionary and synonym groups, and a note saying
    the folder is not to be edited. Each path comes once, in an order that depends only on the
    records."""
    for uri, content in render_pages(catalog):
        yield f"{DOCS}/{uri}", content
    project = catalog.project
    for path, text in (
        (project.search_dictionary, user_dictionary(catalog)),
        (project.search_synonyms, synonym_lines(catalog)),
    ):
        yield path.relative_to(project.generated).as_posix(), text
    yield OWNER_NOTE, OWNER_TEXT
