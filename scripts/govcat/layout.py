"""Where things live in a catalog checkout: record folders per kind, schemas, generated output.

Every path the tools use is derived here, from one project root, so that the validator,
the generator, the MkDocs plugin and the tests agree by construction.
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

# Names Windows will not give a file, whatever the extension: an id must not be one of them.
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
)
# Ids that YAML tools other than ours (editors' IDEs, scripts reading practices.json's sources)
# read as something other than text when written unquoted, as references are.
YAML_WORDS = {
    "null": "空值",
    "true": "是非值",
    "false": "是非值",
    "yes": "是非值",
    "no": "是非值",
    "on": "是非值",
    "off": "是非值",
    "y": "是非值",
    "n": "是非值",
}
YAML_NOT_TEXT = (
    (re.compile(r"[0-9]+|0x[0-9a-f]+|0o[0-7]+|[0-9]+e[0-9]+"), "数字"),
    (re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"), "日期"),
)


def reserved_id(record_id: str) -> str | None:
    """Why ``record_id`` cannot be used although it has the form of an id; None when it can."""
    if record_id in WINDOWS_RESERVED:
        return f"“{record_id}”是 Windows 保留的文件名，不能用作编号：换一个编号"
    if record_id in RESERVED_IDS:
        names = "、".join(RESERVED_IDS)
        return f"“{record_id}”是网站自用的路径名（{names}：栏目首页与列表的分页），不能用作编号：换一个编号"
    meaning = YAML_WORDS.get(record_id) or next(
        (what for pattern, what in YAML_NOT_TEXT if pattern.fullmatch(record_id)), None
    )
    if meaning:
        return f"“{record_id}”在 YAML 中会被读成{meaning}而不是文字，不能用作编号：换一个编号，例如在前面加上地区拼音"
    return None


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
        Kind("problem", "难题", "reference/problems", "problems"),
        Kind("source", "来源", "reference/sources", "sources"),
        Kind("synonym", "同义词组", "reference/synonyms", "synonyms"),  # read by search, no pages
    )
}


@dataclass(frozen=True)
class Project:
    """A catalog checkout rooted at ``root``; ``site_url``, where known, is the address its site is
    published at (``catalog publish --base-url``, or mkdocs.yml's ``site_url`` for a build typed by
    hand): citations and the feed name pages by it; ``directory_urls`` is False where pages are
    files (the offline bundle)."""

    root: Path
    site_url: str | None = None
    directory_urls: bool = True  # pages at <section>/<id>/; False in the offline bundle: <section>/<id>.html

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

    @property
    def search_dictionary(self) -> Path:
        """The catalog's names and their parts for the search segmenter (jieba's format)."""
        return self.generated / "jieba-userdict.txt"

    @property
    def search_synonyms(self) -> Path:
        """The synonym groups for the search index: one group a line, words apart by spaces."""
        return self.generated / "search-synonyms.txt"

    @property
    def divisions(self) -> Path:
        """The national division table (reference/divisions/): data, not records."""
        return self.root / "reference" / "divisions"

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
