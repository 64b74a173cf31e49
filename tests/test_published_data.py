"""On the published site and in the offline bundle: the dataset checks with sha256sum -c, the
feed is valid Atom whose links reach pages of the site, and pages cite themselves by the
publisher's address (or say they have none)."""

from __future__ import annotations

import html
import shutil
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import urljoin

import pytest

import atomcheck
from govcat.layout import Project
from test_publish import BASE, PRACTICE_PAGE, publish

pytestmark = pytest.mark.slow  # each test publishes the fixture site


def sums_check(folder: Path) -> None:
    if shutil.which("sha256sum") is None:
        pytest.skip("sha256sum (coreutils) is not installed")
    run = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=folder, capture_output=True, text=True, check=False)
    assert run.returncode == 0 and "manifest.json: OK" in run.stdout, run.stdout + run.stderr


def test_published_under_a_sub_path(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    assert publish(project, monkeypatch, "--base-url", BASE, "--out", "public") == 0
    site = project.root / "public"
    sums_check(site / "dataset")
    feed = (site / "feed.xml").read_text("utf-8")
    assert atomcheck.problems(feed) == []
    for _, href in atomcheck.links(feed):
        assert href.startswith(BASE)
        path = site / href.removeprefix(BASE)
        assert (path / "index.html" if href.endswith("/") else path).is_file(), href
    page = html.unescape((site / PRACTICE_PAGE / "index.html").read_text("utf-8"))
    assert f"[DB/OL]. (2026-11-28)[引用日期]. {BASE}{PRACTICE_PAGE}/." in page
    updates = (site / "updates/index.html").read_text("utf-8")
    assert 'href="../feed.xml"' in updates


def test_in_the_offline_bundle(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    assert publish(project, monkeypatch, "--offline") == 0
    with zipfile.ZipFile(project.root / "site-offline.zip") as archive:
        archive.extractall(project.root / "unpacked")
    bundle = project.root / "unpacked" / "site-offline"
    sums_check(bundle / "dataset")
    feed = (bundle / "feed.xml").read_text("utf-8")
    assert atomcheck.problems(feed) == []
    for _, href in atomcheck.links(feed):  # relative to the feed's own file
        assert (bundle / urljoin("feed.xml", href)).resolve().is_file() or href == "feed.xml", href
    assert 'href="feed.xml"' in (bundle / "updates.html").read_text("utf-8")
    page = html.unescape((bundle / f"{PRACTICE_PAGE}.html").read_text("utf-8"))
    assert "[DB/OL]. (2026-11-28)[引用日期]." in page and "本站没有设定发布地址" in page
