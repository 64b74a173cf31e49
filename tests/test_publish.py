"""Publishing: the site under a sub-path has no broken links; the offline bundle is self-contained."""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import pytest

from govcat.cli import main
from govcat.layout import Project
from support import visible

pytestmark = pytest.mark.slow  # each test publishes the fixture site

BASE = "https://intranet.example/zhili/"
PRACTICE_PAGE = "practices/zhengzhou-dangqun-fuwu-zhongxin"
RECORD = "practices/zhengzhou/zhengzhou-dangqun-fuwu-zhongxin.yaml"
LINK = re.compile(r'\b(?:href|src)="([^"]*)"')


def publish(project: Project, monkeypatch: pytest.MonkeyPatch, *argv: str) -> int:
    monkeypatch.chdir(project.root)
    monkeypatch.delenv("CATALOG_EDIT_URL", raising=False)
    return main(["publish", *argv])


def links(html: Path) -> list[str]:
    return LINK.findall(html.read_text("utf-8"))


def target(site: Path, page: Path, link: str) -> Path | None:
    """The file a link of the site under BASE points to; None for another host."""
    parts = urlsplit(link)
    if parts.scheme in ("http", "https"):
        if not link.startswith(BASE):
            return None
        path = "/" + link[len(BASE) :]
    elif parts.path.startswith("/"):
        assert parts.path.startswith(urlsplit(BASE).path), f"{page}: {link} is outside the sub-path"
        path = "/" + parts.path[len(urlsplit(BASE).path) :]
    else:
        relative = PurePosixPath(page.relative_to(site).parent.as_posix()) / unquote(parts.path)
        path = "/" + relative.as_posix()
    resolved = Path(os.path.normpath(site / path.lstrip("/")))
    return resolved / "index.html" if resolved.is_dir() else resolved


def test_site_under_a_sub_path_has_no_broken_links(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    assert publish(project, monkeypatch, "--base-url", BASE.rstrip("/"), "--out", "public") == 0
    sub_path_site = project.root / "public"
    pages = sorted(sub_path_site.rglob("*.html"))
    assert len(pages) > 10
    broken = []
    for page in pages:
        for link in links(page):
            if link.startswith(("#", "mailto:")):
                continue
            found = target(sub_path_site, page, link)
            if found is not None and not found.is_file():
                broken.append(f"{page.relative_to(sub_path_site)}: {link}")
    assert broken == []
    home = (sub_path_site / "index.html").read_text("utf-8")
    assert f'<link rel="canonical" href="{BASE}">' in home
    # The 404 page is served at any depth, so its links are absolute: under the sub-path.
    assert 'href="/zhili/assets/' in (sub_path_site / "404.html").read_text("utf-8")
    # Nothing is loaded from another host.
    for page in pages:
        text = page.read_text("utf-8")
        assert not re.findall(
            r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(?:https?:)?//(?!intranet\.example/zhili/)', text
        ), page


def test_offline_bundle_links_only_to_files_inside_it(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    assert publish(project, monkeypatch, "--offline") == 0
    with zipfile.ZipFile(project.root / "site-offline.zip") as archive:
        archive.extractall(project.root / "unpacked")
    bundle = project.root / "unpacked" / "site-offline"
    pages = sorted(bundle.rglob("*.html"))
    assert (bundle / "index.html") in pages and (bundle / "search" / "manifest.js").is_file()
    outside = []
    for page in pages:
        for link in links(page):
            parts = urlsplit(link)
            if link.startswith("#"):
                continue
            resolved = Path(os.path.normpath(page.parent / unquote(parts.path)))
            if parts.scheme or parts.netloc or not resolved.is_file() or not resolved.is_relative_to(bundle):
                outside.append(f"{page.relative_to(bundle)}: {link}")
    assert outside == []
    home = (bundle / "index.html").read_text("utf-8")
    # the search loads from files too, under its hashed name (govcat.site.assets)
    assert re.search(r'<script src="assets/javascripts/search\.[0-9a-f]{8}\.js">', home)
    assert 'href="practices/index.html"' in home  # pages are files, not folders


def test_record_pages_link_to_their_yaml_record(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    tmp_path = project.root
    assert publish(project, monkeypatch, "--base-url", BASE, "--out", "plain") == 0
    page = (tmp_path / "plain" / PRACTICE_PAGE / "index.html").read_text("utf-8")
    assert 'rel="edit"' not in page
    record = '<span class="catalog-edit__file">practices/zhengzhou/zhengzhou-dangqun-fuwu-zhongxin.yaml</span>'
    foot = visible(page).split('<aside class="catalog-edit" aria-label="编辑本页">')
    assert len(foot) == 2 and record not in foot[0]  # the foot of the page names the file, nothing before it
    assert f"<strong>编辑本页</strong>　本页内容来自文件 {record}。" in foot[1]

    edit = "https://git.example/zhili/catalog/-/edit/main/"
    monkeypatch.setenv("CATALOG_EDIT_URL", edit)
    assert main(["publish", "--base-url", BASE, "--out", "edit"]) == 0
    built = tmp_path / "edit"
    assert f'<a href="{edit}{RECORD}" title="编辑此页"' in (built / PRACTICE_PAGE / "index.html").read_text("utf-8")
    assert f'<a href="{edit}content/about.md" title="编辑此页"' in (built / "about/index.html").read_text("utf-8")
    assert 'rel="edit"' not in (built / "practices/index.html").read_text("utf-8")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ((), "error: 请用 --base-url 给出站点的正式地址"),
        (("--base-url", "intranet.example/zhili"), "error: 发布地址“intranet.example/zhili”不对"),
        (("--base-url", BASE, "--out", "."), "error: 不能输出到"),
        (("--base-url", BASE, "--out", "practices/out"), "error: 不能输出到"),
    ],
)
def test_publish_refuses_what_would_go_wrong(
    argv: tuple[str, ...],
    message: str,
    project: Project,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    tmp_path = project.root
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    assert publish(project, monkeypatch, *argv) == 2
    assert capsys.readouterr().err.startswith(message)
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
