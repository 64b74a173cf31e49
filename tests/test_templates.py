"""Each page template gets its data from its generator and says so: it opens with a comment naming
every input, reads nothing else but the template functions, and is given nothing it does not use."""

from __future__ import annotations

import re
from collections import defaultdict

import jinja2
import pytest
from jinja2 import meta
from markupsafe import Markup

from govcat.layout import Project
from govcat.model.catalog import Catalog
from govcat.model.load import load_catalog
from govcat.site.generate import GENERATORS
from govcat.site.generate.functions import TemplateFunctions, joined
from govcat.site.generate.outputs import Page
from govcat.site.generate.paging import PageSizes, using_page_sizes
from govcat.site.generate.render import TEMPLATES, make_environment
from support import REPO

RENDERING = {"page_uri", "linked_terms"}  # given by the orchestrator to every page as it renders it
OPENING_COMMENT = re.compile(r"\{#-?(.*?)-?#\}", re.DOTALL)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(Project(REPO))


@pytest.fixture(scope="module")
def environment(catalog: Catalog) -> jinja2.Environment:
    functions = TemplateFunctions(catalog)
    return make_environment(functions.globals(), functions.filters())


def contexts(catalog: Catalog) -> dict[str, set[frozenset[str]]]:
    """Template -> the sets of input names its pages are given (every listing split into pages of
    one item, so that the templates of later pages are used too)."""
    found: dict[str, set[frozenset[str]]] = defaultdict(set)
    with using_page_sizes(PageSizes(table=1, links=1, metrics=1)):
        for generator in GENERATORS:
            for output in generator.pages(catalog):
                if isinstance(output, Page):
                    found[output.template].add(frozenset(output.context))
    return found


def reads(environment: jinja2.Environment, template: str) -> set[str]:
    """The names the template's own text reads from its context (not those it sets or imports)."""
    assert environment.loader is not None
    source = environment.loader.get_source(environment, template)[0]
    return meta.find_undeclared_variables(environment.parse(source))


def test_every_page_template_names_its_inputs_reads_only_them_and_uses_them_all(
    catalog: Catalog,
    environment: jinja2.Environment,
) -> None:
    functions = set(environment.globals)
    given = contexts(catalog)
    assert sorted(given) == sorted(p.name for p in TEMPLATES.glob("*.md.j2") if not p.name.startswith("_"))
    for template, input_sets in sorted(given.items()):
        assert len(input_sets) == 1, f"{template} is given different inputs by different pages: {input_sets}"
        (inputs,) = input_sets
        source = (TEMPLATES / template).read_text("utf-8")
        opening = OPENING_COMMENT.match(source)
        assert opening, f"{template} does not open with a comment listing its inputs"
        unnamed = [name for name in sorted(inputs) if not re.search(rf"\b{name}\b", opening.group(1))]
        assert unnamed == [], f"{template}: inputs missing from its opening comment"
        read = reads(environment, template) - functions - RENDERING
        assert read == set(inputs), f"{template}: reads {sorted(read - inputs)}, does not use {sorted(inputs - read)}"


def test_macros_read_nothing_but_their_arguments_and_the_template_functions(environment: jinja2.Environment) -> None:
    assert reads(environment, "_macros.md.j2") - set(environment.globals) - RENDERING == set()


def test_joined_escapes_text_keeps_links_and_says_when_there_is_nothing() -> None:
    assert joined(["a*b", "c"], " · ") == "a&#42;b · c"
    assert joined([Markup("[甲](x.md)"), "乙"], "、") == "[甲](x.md)、乙"
    assert joined([], "、", "—") == "—"
