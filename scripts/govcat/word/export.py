"""``catalog export``: the site's Word documents as files, for editors and batch jobs.

``--ids a`` writes one practice's document (the same bytes as "下载 Word" on its page); ``--ids
a,b,c`` the 汇编 of those practices in that order, as the compare page makes it (any number of
them, not only 2–4); ``--theme ID`` the theme's 汇编, as linked from the theme page. With
``--outline`` each writes the 汇报提纲 of the same practices instead (as "下载汇报提纲" does), and
``--compiler`` names the 编印单位 under a compilation's or outline's title. Without ``-o`` the
file is named as the browser would name the download, in the working folder.

An id that does not exist gets a did-you-mean (also when a practice's title or a theme's name was
typed instead of its id). An existing file is never overwritten unless ``--force`` is given, and
the document is written to a temporary file first, so a stopped export leaves no half file.
"""

from __future__ import annotations

import difflib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from govcat.model.catalog import Catalog
from govcat.model.names import short_name
from govcat.site.generate.word import theme_practices
from govcat.word.package import (
    OUTLINE_TITLE,
    compare_file_name,
    document,
    file_name,
    outline_document,
    theme_outline_title,
    theme_title,
)
from govcat.word.writer import Writer

NAME_FIELDS = {"practice": ("title", "short_title"), "theme": ("name",)}
KIND_LABELS = {"practice": "做法", "theme": "主题"}


class ExportError(ValueError):
    """Why nothing was written, in words for editors."""


@dataclass(frozen=True)
class Export:
    data: bytes
    default_name: str  # the file name the browser would give the download
    practices: int


def resolve(catalog: Catalog, kind: str, wanted: str) -> str:
    """``wanted`` if it is an id of ``kind``; otherwise an error naming the id meant."""
    if catalog.has(kind, wanted):
        return wanted
    named = [r["id"] for r in catalog.all(kind) if any(r.get(f) == wanted for f in NAME_FIELDS[kind])]
    close = named or difflib.get_close_matches(wanted, catalog.ids(kind), n=1, cutoff=0.6)
    hint = f"是不是“{close[0]}”？" if close else f"用 {KIND_LABELS[kind]}页面地址中的编号，如 {catalog.ids(kind)[0]}"
    raise ExportError(f"没有编号为“{wanted}”的{KIND_LABELS[kind]}：{hint}")


def practice_ids(catalog: Catalog, text: str) -> list[str]:
    """The ids of ``--ids a,b,c`` (full-width commas and spaces allowed), each known and once."""
    wanted = [part.strip() for part in text.replace("，", ",").split(",") if part.strip()]
    if not wanted:
        raise ExportError("--ids 后面要写做法编号，多个用逗号隔开，如 --ids henan-sihui,kaifeng-zhua-wenhua")
    repeated = sorted({i for i in wanted if wanted.count(i) > 1})
    if repeated:
        raise ExportError(f"做法“{'、'.join(repeated)}”写了不止一次")
    return [resolve(catalog, "practice", i) for i in wanted]


def export_practices(catalog: Catalog, ids: list[str], outline: bool = False, compiler: str | None = None) -> Export:
    writer = Writer(catalog, compiler)
    pieces = [writer.piece(i) for i in ids]
    names = [short_name("practice", catalog.get("practice", i)) for i in ids]
    if outline:
        data = outline_document(writer.package(), pieces, writer.outline_front())
        return Export(data, compare_file_name(names, OUTLINE_TITLE), len(ids))
    if len(ids) == 1:
        title = catalog.get("practice", ids[0])["title"]
        return Export(document(writer.package(), pieces, title), file_name(title), 1)
    front = writer.compare_front()
    return Export(document(writer.package(), pieces, front.title, front), compare_file_name(names), len(ids))


def export_theme(catalog: Catalog, wanted: str, outline: bool = False, compiler: str | None = None) -> Export:
    theme_id = resolve(catalog, "theme", wanted)
    ids = theme_practices(catalog, theme_id)
    theme = catalog.get("theme", theme_id)
    if not ids:
        raise ExportError(f"主题“{theme['name']}”还没有做法，没有可汇编的内容")
    writer = Writer(catalog, compiler)
    pieces = [writer.piece(i) for i in ids]
    if outline:
        data = outline_document(writer.package(), pieces, writer.theme_outline_front(theme_id))
        return Export(data, file_name(theme_outline_title(theme)), len(ids))
    front = writer.theme_front(theme_id)
    return Export(document(writer.package(), pieces, front.title, front), file_name(theme_title(theme)), len(ids))


def write_new(path: Path, data: bytes, force: bool) -> None:
    """Write ``data`` to ``path`` whole; an existing file only with ``force``."""
    if path.suffix.lower() != ".docx":
        raise ExportError(f"{path}：输出文件名要以 .docx 结尾，Word 和 WPS 才认得")
    if not path.parent.is_dir():
        raise ExportError(f"{path.parent}：没有这个目录")
    if path.is_dir():
        raise ExportError(f"{path} 是一个目录：请给出文件名")
    if path.exists() and not force:
        raise ExportError(f"{path} 已存在，不会覆盖：换一个文件名，或加 --force 覆盖它")
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # as any new file, not mkstemp's owner-only mode
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
