"""A Python-Markdown extension that marks each header cell of a table as heading its column.

Python-Markdown's tables write ``<th>`` without ``scope``; screen readers then have to guess
which cells a header belongs to. This adds ``scope="col"`` to every cell of every ``<thead>``,
including tables inside ``<div markdown>`` blocks. It is enabled in mkdocs.yml as
``govcat.site.tablescope`` and depends on nothing of Material's, so a theme update leaves it working.
"""

from __future__ import annotations

from typing import Any
from xml.etree import ElementTree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor


class ColumnScope(Treeprocessor):
    def run(self, root: ElementTree.Element) -> None:
        for head in root.iter("thead"):
            for cell in head.iter("th"):
                cell.set("scope", "col")


class TableScopeExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # After the block parser has built the tables, before the tree is serialised.
        md.treeprocessors.register(ColumnScope(md), "catalog_table_scope", 5)


def makeExtension(**kwargs: Any) -> TableScopeExtension:  # noqa: N802 - Python-Markdown looks it up by this name
    return TableScopeExtension(**kwargs)
