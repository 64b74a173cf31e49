"""Helpers the tests share that are not fixtures: a build as editors and CI run it, and what a
reader reads off a page in the browser."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NoReturn
from urllib.parse import urlsplit

import pytest

from govcat.cli import main
from govcat.layout import Project

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Dialog, Page

REPO = Path(__file__).resolve().parent.parent
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
IN_PAGE_SCHEMES = ("data", "blob", "about")  # nothing is fetched for these
# An article as text copied from a PDF gives it: hard-wrapped at 28 characters, three paragraphs.
WRAPPED_ARTICLE = (
    "河南省郑州市金水区某街道坚持党建引领，组织干部深入社区走\n"
    "访调研，召开座谈会听取居民意见，收集问题建议120余条。\n"
    "街道还建立了“网格+楼栋”工作机制，全面推行“一窗办”“全\n"
    "岗通”，群众办事更加便捷，满意度达到98%以上，累计办结群\n"
    "众诉求3000余件。\n"
    "下一步，街道将继续深化改革。\n"
)


def unavailable(reason: str) -> NoReturn:
    """Skip a test that needs a program this machine lacks; in CI (``CI`` set), fail it instead,
    so that CI cannot pass by skipping."""
    if os.environ.get("CI"):
        pytest.fail(f"CI: {reason}", pytrace=False)
    pytest.skip(reason)


def run_catalog(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *argv: str
) -> tuple[int, list[str], str]:
    """``catalog ARGV`` in the project's folder, as an editor types it: its exit status, the lines it
    printed and what it wrote to stderr."""
    monkeypatch.chdir(project.root)
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out.splitlines(), captured.err


def edit(project: Project, relative: str, old: str, new: str) -> None:
    """Replace the one occurrence of ``old`` in a record of the project, as an editor would."""
    path = project.root / relative
    text = path.read_text("utf-8")
    assert text.count(old) == 1, f"{relative} has {text.count(old)} of {old!r}, not one"
    path.write_text(text.replace(old, new), "utf-8")


def mkdocs_build(root: Path, site: Path, **environment: str) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` of the project at ``root`` into ``site``, as its own process, with
    ``environment`` added to ours; the finished process (its output captured)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **environment}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def visible(text: str) -> str:
    """Generated Markdown or built HTML with its character references read as the characters a
    reader sees (record text is written as references: ``2026&#45;11&#45;28`` shows as 2026-11-28)."""
    return html.unescape(text)


def leading_numbers(figures: list[str]) -> list[float]:
    """The numbers of figures as written (“达到89.9%”, “4.9万余人”), as the tables sort them."""
    return [float(re.sub(r"[^0-9.]", "", figure)) for figure in figures]


def heading(page: Page) -> str:
    """The page's title as a reader sees it, without the ¶ permalink."""
    return page.locator("h1").inner_text().rstrip("¶").strip()


@contextmanager
def checked_page(browser: Browser, base_url: str | None = None, init_script: str | None = None) -> Iterator[Page]:
    """A page in a context of its own (Chinese locale; relative addresses against ``base_url``).
    When the block ends: no console error was logged, and every request stayed on the site — on
    127.0.0.1 for a served site, on the file system for one opened from files (no ``base_url``)."""
    context = browser.new_context(locale="zh-CN", base_url=base_url)
    if init_script is not None:
        context.add_init_script(init_script)
    errors: list[str] = []
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    tab = context.new_page()
    tab.on("console", lambda message: errors.append(f"console: {message.text}") if message.type == "error" else None)
    tab.on("pageerror", lambda error: errors.append(f"page error: {error}"))
    try:
        yield tab
    finally:
        context.close()
    assert errors == [], "console errors"
    assert [url for url in requests if not stays_on_site(url, served=base_url is not None)] == [], (
        "requests that left the site"
    )


def stays_on_site(url: str, served: bool) -> bool:
    """Whether a request is for the site itself: a served site's own host, or local files."""
    parts = urlsplit(url)
    if parts.scheme in IN_PAGE_SCHEMES:
        return True
    return parts.hostname in LOCAL_HOSTS if served else parts.scheme == "file"


ColorScheme = Literal["light", "dark"]  # the palettes a test renders the site in


def refuse_into(alerts: list[str]) -> Callable[[Dialog], None]:
    """A handler for a page's "dialog" event: every alert, confirm or prompt is noted in
    ``alerts`` and dismissed (our pages must never raise one)."""

    def refuse(dialog: Dialog) -> None:
        alerts.append(dialog.message)
        dialog.dismiss()

    return refuse
