"""Jinja2 set-up for Markdown pages in which record text is always data, never markup.

Every ``{{ value }}`` passes through ``finalize``: plain strings are escaped so that no Markdown,
HTML, attribute list or link syntax in a record can take effect. Only values built here as
``Markup`` (links, paragraphs we assemble ourselves) are emitted as they are.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from pymdownx.slugs import slugify

_heading_slug = slugify(case="lower")  # the same rule as toc.slugify in mkdocs.yml

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# ASCII punctuation that means something to Markdown, its extensions, HTML or our templates,
# plus the line separators that would start a new Markdown line. All become character references.
_SPECIAL = re.compile(r"[\\`*_{}\[\]()<>#+\-.!|~&^:=\"'$@%/;?]|[\u2028\u2029\x85]")


def normalise_lines(text: str) -> str:
    """Lines without leading or trailing white space, which Markdown would read as code or breaks."""
    return "\n".join(line.strip() for line in text.splitlines())


def escape_characters(text: str) -> str:
    return _SPECIAL.sub(lambda m: f"&#{ord(m.group())};", text)


def escape(value: Any) -> str:
    """Text that renders as exactly these characters (Markup passes through unchanged)."""
    if isinstance(value, Markup):
        return str(value)
    return escape_characters(normalise_lines(str(value)))


def inline(value: Any) -> Markup:
    """Escaped text forced onto one line, for headings, table cells and link texts."""
    return Markup(" ".join(escape(value).split("\n")))


def paragraphs(value: Any) -> Markup:
    """Escaped text keeping blank-line paragraph breaks and nothing else."""
    blocks = [" ".join(b.split("\n")) for b in re.split(r"\n\s*\n", escape(value).strip())]
    return Markup("\n\n".join(b for b in blocks if b))


def indent(value: Any, width: int = 4) -> Markup:
    """Already rendered Markdown indented into a block (admonition, list item)."""
    pad = " " * width
    return Markup("\n".join(pad + line if line else line for line in str(value).split("\n")))


def slug(value: Any) -> Markup:
    """The anchor MkDocs gives a heading with this text (letters, digits, - and _ only)."""
    return Markup(_heading_slug(str(value), "-"))


def relative_url(from_uri: str, to_uri: str) -> str:
    """Link from one page's source path to another's, as MkDocs expects (``../x/y.md``)."""
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


def make_environment(globals_: dict[str, Any], filters: dict[str, Callable[..., Any]]) -> Environment:
    """The environment of the site's page templates: Markdown out, every value escaped on the way."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        finalize=escape,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(inline=inline, paragraphs=paragraphs, indent_block=indent, slug=slug, **filters)
    env.globals.update(globals_)
    return env
