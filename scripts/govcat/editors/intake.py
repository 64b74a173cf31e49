"""``catalog new source --from FILE``: store a source article's text the way quotes are checked.

Quotes are compared with the stored text character for character, so the text is stored in one
predictable form: UTF-8 without a BOM, Unicode NFC, ``\\n`` line ends, no spaces at line ends,
no invisible characters, one final line end. Punctuation is never touched: an article's
full-width "，" and ASCII "," stay as they are, because the quotes copied from it must match.
Every change made is reported, so an editor knows the stored text is still the article.

Files that are not plain text (empty, binary, Word, PDF, a web page) are refused with what to do
instead; GBK/GB18030 and UTF-16 text is converted, with a notice.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from govcat.editors.newrecord import check_arguments, new_record, record_path, write_new
from govcat.layout import KINDS, Project
from govcat.model.catalog import Catalog
from govcat.model.dates import DATE, UNKNOWN, date_problem, iso_form
from govcat.model.sourcetext import content_key, unwrapped, wrap_width

MAX_SOURCE_BYTES = 2 * 1024 * 1024
# Formats editors save articles in by mistake, by their first bytes.
SIGNATURES = (
    (b"%PDF", "是 PDF 文件：请用 PDF 阅读器选中全文复制，粘贴到纯文本文件（.txt）中保存"),
    (b"PK\x03\x04", "是 Word（.docx）等压缩格式的文件：请在 Word 中“另存为”纯文本（.txt），编码选 UTF-8"),
    (b"\xd0\xcf\x11\xe0", "是旧版 Word（.doc）文件：请在 Word 中“另存为”纯文本（.txt），编码选 UTF-8"),
    (b"{\\rtf", "是 RTF 文件：请在写字板或 Word 中“另存为”纯文本（.txt），编码选 UTF-8"),
    (b"\x89PNG", "是图片（PNG）：本库只收文字，请找到文章的文字版"),
    (b"\xff\xd8\xff", "是图片（JPEG）：本库只收文字，请找到文章的文字版"),
)
HTML = re.compile(r"<(!doctype\s+html|html|head|body|div|p|br|span|script|style|meta|table|a)\b[^>]*>", re.IGNORECASE)
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
TRAILING = re.compile(r"[^\S\n]+$", re.MULTILINE)


class IntakeError(ValueError):
    """Why a file cannot be stored as a source text, in words for editors."""


@dataclass
class StoredText:
    """The text to store and, in editors' words, every change made to get it."""

    text: str
    changes: list[str] = field(default_factory=list)


def decode(raw: bytes, shown: str) -> tuple[str, list[str]]:
    """The text of the file and a notice for each conversion; refuses what is not text."""
    for signature, what in SIGNATURES:
        if raw.startswith(signature):
            raise IntakeError(f"{shown} {what}")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), ["文件是 UTF-16 编码（记事本的“Unicode”），已转换为 UTF-8"]
        except UnicodeDecodeError:
            raise IntakeError(f"{shown} 看起来是 UTF-16 编码，但内容已损坏：请用 UTF-8 重新保存") from None
    if b"\x00" in raw:
        raise IntakeError(f"{shown} 不是文本文件（含有二进制内容）：请把文章的文字复制到纯文本文件（.txt）中保存")
    notices = ["去掉了文件开头的 BOM（UTF-8 签名）"] if raw.startswith(codecs.BOM_UTF8) else []
    try:
        return raw.decode("utf-8-sig"), notices
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        raise IntakeError(f"{shown} 既不是 UTF-8 也不是 GBK/GB18030 编码：请用 UTF-8 重新保存") from None
    return text, ["文件是 GBK/GB18030 编码，已转换为 UTF-8：请对照原文看一眼转换后的文字"]


def refuse_non_text(text: str, shown: str) -> None:
    """Empty files, binary content and web pages are not source texts."""
    if not text.strip():
        raise IntakeError(f"{shown} 是空的：请把文章全文粘贴进去再保存")
    if CONTROL.search(text):
        raise IntakeError(f"{shown} 不是文本文件（含有控制字符）：请把文章的文字复制到纯文本文件（.txt）中保存")
    if HTML.search(text):
        raise IntakeError(
            f"{shown} 是网页（HTML）代码，不是文章的文字：请在浏览器中选中正文复制，粘贴到纯文本文件（.txt）中保存"
        )


def normalise(text: str) -> StoredText:
    """The text in stored form, with each kind of change counted."""
    stored = StoredText(text)
    steps = (
        (lambda t: t.replace("\r\n", "\n").replace("\r", "\n"), "把 Windows/旧 Mac 的换行改为 \\n"),
        (lambda t: INVISIBLE.sub("", t), "去掉了零宽字符等看不见的字符（引文中无法照抄）"),
        (lambda t: unicodedata.normalize("NFC", t), "按 Unicode NFC 统一了字符的写法（字形不变）"),
        (lambda t: TRAILING.sub("", t), "去掉了行尾的空格"),
        (lambda t: t.strip("\n") + "\n", "去掉了首尾的空行，文件以一个换行结束"),
    )
    for step, said in steps:
        changed = step(stored.text)
        if changed != stored.text:
            stored.changes.append(f"{said}（{changed_lines(stored.text, changed)}）")
            stored.text = changed
    join_wrapped_lines(stored)
    return stored


def join_wrapped_lines(stored: StoredText) -> None:
    """A text hard-wrapped at a fixed width (as copied from a PDF) joined into its paragraphs, one
    a line, with a notice: only the line breaks of the wrapping go, every other character stays."""
    width = wrap_width(stored.text)
    if width is None:
        return
    joined = unwrapped(stored.text)
    before, after = stored.text.count("\n"), joined.count("\n")
    stored.changes.append(
        f"原文是按固定宽度折行的文字（每行约 {width // 2} 个字，常见于从 PDF 复制的文字）：去掉了段落中间折行处的"
        f"换行（{before - after} 处），{before} 行接成 {after} 段，其他字符一个未改；请对照原文看一眼分段"
    )
    stored.text = joined


def changed_lines(before: str, after: str) -> str:
    """How much a step changed, in lines of the text before it."""
    old, new = before.split("\n"), after.split("\n")
    if len(old) != len(new):
        return f"{abs(len(old) - len(new))} 行"
    return f"{sum(a != b for a, b in zip(old, new, strict=True))} 行"


def punctuation_note(text: str) -> str | None:
    """Which commas the text uses, when it mixes them: quotes must copy each as it is."""
    full, ascii_ = text.count("，"), text.count(",")
    if full and ascii_:
        return f"原文同时用了全角逗号“，”（{full} 处）和半角逗号“,”（{ascii_} 处），已原样保留：引文要照抄"
    if ascii_:
        return f"原文的逗号是半角“,”（{ascii_} 处），已原样保留：引文也要用半角逗号"
    return None


def read_source_file(path: Path, shown: str) -> StoredText:
    """The stored form of the article in ``path``; ``IntakeError`` when it is not a text to store."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise IntakeError(f"找不到文件 {shown}") from None
    except IsADirectoryError:
        raise IntakeError(f"{shown} 是文件夹，不是文件") from None
    if len(raw) > MAX_SOURCE_BYTES:
        raise IntakeError(f"{shown} 超过 {MAX_SOURCE_BYTES // 1024 // 1024} MB：一篇文章不会这么长，请确认选对了文件")
    text, notices = decode(raw, shown)
    refuse_non_text(text, shown)
    stored = normalise(text)
    stored.changes[:0] = notices
    return stored


def check_source_details(published: str, url: str | None) -> None:
    """The publication date and address as the source schema wants them, before anything is written."""
    meant = published if published == UNKNOWN or DATE.match(published) else iso_form(published)
    problem = date_problem(meant) if meant else None
    if problem:
        raise IntakeError(f"--date “{published}”不是真实存在的日期：{problem}")
    if meant != published:
        how = (
            f"写成 {meant}"
            if meant
            else "写成 YYYY-MM-DD，如 2024-08-05；只知道年月或年写 2024-08 或 2024；不知道写 不详"
        )
        raise IntakeError(f"--date “{published}”不是日期：{how}")
    if url is not None and not re.fullmatch(r"https?://[^\s<>\"]+", url):
        raise IntakeError(f"--url “{url}”不是网址：要以 http:// 或 https:// 开头，不含空格")


def refuse_stored_twice(catalog: Catalog, text: str, shown: str) -> None:
    """An article already stored under another id is not stored again: quotes would split between two."""
    key = content_key(text)
    for source_id, other in sorted(catalog.source_texts.items()):
        if content_key(other) == key:
            where = catalog.records["source"][source_id].display_path
            raise IntakeError(
                f"{shown} 的内容已保存为来源“{source_id}”（{where}）：同一篇文章只存一份，引用时写 source: {source_id}"
            )


def new_source(
    project: Project,
    catalog: Catalog,
    record_id: str,
    title: str,
    article: Path,
    publisher: str,
    published: str,
    url: str | None,
) -> tuple[Path, Path, StoredText]:
    """Store the article's text and write its source record; returns both paths and what changed.
    Nothing is written unless both files can be, and nothing existing is replaced."""
    kind = KINDS["source"]
    check_source_details(published, url)
    stored = read_source_file(article, article.as_posix())
    check_arguments(project, catalog, kind, record_id, None)
    refuse_stored_twice(catalog, stored.text, article.as_posix())
    text_path = project.folder(kind) / f"{record_id}.txt"
    record = record_path(project, catalog, kind, record_id, None)
    if article.resolve() == text_path.resolve():
        raise IntakeError(
            f"--from 的文件就是要保存的全文 {project.relative(text_path)}：请把原文件放在 "
            f"{kind.folder}/ 之外（例如下载文件夹），命令会把整理好的全文存到这里"
        )
    for path in (text_path, record):
        if path.exists():
            raise IntakeError(f"{project.relative(path)} 已存在，不会覆盖：换一个编号，或修改已有的来源")
    write_new(text_path, stored.text, project.relative(text_path))
    details = {"publisher": publisher, "published": published, **({"url": url} if url else {})}
    try:
        new_record(project, catalog, kind, record_id, title, None, details)
    except BaseException:
        text_path.unlink()  # the pair is written whole or not at all
        raise
    return text_path, record, stored
