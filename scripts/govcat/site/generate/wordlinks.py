"""Where the Word documents are in the site (/word/), and the "下载 Word" links to them."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from govcat.site.generate.render import relative_url
from govcat.word.package import file_name, theme_outline_title, theme_title

PACKAGE_URI = "word/package.js"
PIECES_FOLDER = "word/pieces"  # one <id>.js per practice, for word.js
LINK_TITLE = "下载 .docx 文件，用 Word 或 WPS 打开"


def practice_uri(practice_id: str) -> str:
    return f"word/practices/{practice_id}.docx"


def theme_uri(theme_id: str) -> str:
    return f"word/themes/{theme_id}.docx"


def outline_uri(theme_id: str) -> str:
    return f"word/outlines/{theme_id}.docx"


def piece_uri(practice_id: str) -> str:
    return f"{PIECES_FOLDER}/{practice_id}.js"


def download_link(page: str, target: str, title: str, label: str = "下载 Word") -> Markup:
    """A Markdown link ``label`` from ``page`` to the document titled ``title``, suggesting its
    Chinese file name to the browser (``file_name`` leaves no character Markdown would read)."""
    return Markup(f'[{label}]({relative_url(page, target)}){{ download="{file_name(title)}" title="{LINK_TITLE}" }}')


def practice_download(page: str, practice: dict[str, Any]) -> Markup:
    return download_link(page, practice_uri(practice["id"]), practice["title"])


def theme_download(page: str, theme: dict[str, Any]) -> Markup:
    """The link to the theme's 汇编 (written only for a theme with practices)."""
    return download_link(page, theme_uri(theme["id"]), theme_title(theme))


def theme_outline_download(page: str, theme: dict[str, Any]) -> Markup:
    """The link to the theme's 汇报提纲 (written only for a theme with practices)."""
    return download_link(page, outline_uri(theme["id"]), theme_outline_title(theme), "下载汇报提纲")
