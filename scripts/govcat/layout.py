"""Where things live in a catalog checkout: record folders per kind, schemas, generated output.

Every path the tools use is derived here, from one project root, so that the validator,
the generator, the MkDocs hook and the tests agree by construction.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path


# What an id may look like; the same rule as "id" in schemas/defs.schema.json (a test keeps them equal).
ID_PATTERN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
# Path segments the generator uses for pages of its own, beside record pages: every section's
# list is <section>/index.md and page k of a listing is <listing>/page/<k>.md. A record with one
# of these ids would take the place of such a page, so ``catalog check`` refuses them.
PAGE_SEGMENT = "page"
RESERVED_IDS = ("index", PAGE_SEGMENT)


@dataclass(frozen=True)
class Kind:
    """A kind of record: where its files are and how it is called in Chinese."""

    name: str
    label: str
    folder: str
    section: str  # the site section: pages are at /<section>/<id>/
    nested: bool = False  # practices are grouped in one sub-folder per place

    @property
    def schema_file(self) -> str:
        return f"{self.name}.schema.json"


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("practice", "做法", "practices", "practices", nested=True),
        Kind("region", "地区", "reference/regions", "regions"),
        Kind("theme", "主题", "reference/themes", "themes"),
        Kind("standard", "标准", "reference/standards", "standards"),
        Kind("policy", "政策文件", "reference/policies", "policies"),
        Kind("term", "术语", "reference/terms", "terms"),
        Kind("tag", "标签", "reference/tags", "tags"),
        Kind("source", "来源", "reference/sources", "sources"),
    )
}


@dataclass(frozen=True)
class Project:
    """A catalog checkout rooted at ``root``."""

    root: Path

    @classmethod
    def find(cls, start: Path | None = None) -> Project:
        """The nearest folder at or above ``start`` (default: the working folder) with mkdocs.yml."""
        here = (start or Path(os.getcwd())).resolve()
        for folder in (here, *here.parents):
            if (folder / "mkdocs.yml").is_file() and (folder / "schemas").is_dir():
                return cls(folder)
        raise FileNotFoundError(f"{here}: 不在实践库目录中（找不到 mkdocs.yml 和 schemas/）")

    @property
    def content(self) -> Path:
        """Hand-written pages (MkDocs docs_dir). The generator never writes here."""
        return self.root / "content"

    @property
    def schemas(self) -> Path:
        return self.root / "schemas"

    @property
    def generated(self) -> Path:
        """The folder the generator owns: nothing else writes here, nobody edits it."""
        return self.root / "build" / "generated"

    @property
    def generated_docs(self) -> Path:
        """Generated Markdown pages, added to the MkDocs build beside content/."""
        return self.generated / "docs"

    def folder(self, kind: Kind) -> Path:
        return self.root / kind.folder

    def record_files(self, kind: Kind) -> list[Path]:
        pattern = "*/*.yaml" if kind.nested else "*.yaml"
        return sorted(self.folder(kind).glob(pattern))

    def relative(self, path: Path) -> str:
        """A path as editors see it in messages: relative to the root, with forward slashes."""
        if path.is_absolute() and path.is_relative_to(self.root):  # resolving is slow: only when needed
            return path.relative_to(self.root).as_posix()
        resolved = path.resolve()
        return resolved.relative_to(self.root).as_posix() if resolved.is_relative_to(self.root) else path.as_posix()
