"""What a page generator yields: a page to render from a template, or a file to copy as it is."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Page:
    """One Markdown page: its path below the docs folder (see ``addresses``), its template and
    the template's inputs (the template's opening comment lists them), and its front matter
    (see ``frontmatter``)."""

    uri: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RawFile:
    """A file copied into the site as it is (data downloads, data for scripts)."""

    uri: str
    text: str


@dataclass(frozen=True)
class BinaryFile:
    """A file of bytes copied into the site as it is (Word documents)."""

    uri: str
    data: bytes


Output = Page | RawFile | BinaryFile
