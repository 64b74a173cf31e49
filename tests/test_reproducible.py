"""The same records give the same bytes: across runs, hash seeds and build days."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from govcat.layout import Project
from support import mkdocs_build

pytestmark = pytest.mark.slow  # builds the fixture site twice


def build(project: Project, site: str, hash_seed: str, epoch: str) -> dict[str, bytes]:
    """Run `mkdocs build` as a build on another day would; the generated folder afterwards."""
    run = mkdocs_build(
        project.root,
        project.root / site,
        PYTHONHASHSEED=hash_seed,
        SOURCE_DATE_EPOCH=epoch,
        CATALOG_SITE_URL="https://intranet.example/zhili/",
    )  # with an address, the sitemap lists pages
    assert run.returncode == 0, run.stderr
    return files(project.generated)


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_generated_pages_and_site_are_byte_identical(project: Project) -> None:
    # 1970 and 2031: any date of the build, not of the records, would make the bytes differ.
    first = build(project, "one", "1", "0")
    second = build(project, "two", "2", "1950000000")
    assert second == first
    one, two = files(project.root / "one"), files(project.root / "two")
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []
    # The sitemap's dates are the records' dates: a source's publication, else the newest review.
    sitemap = one["sitemap.xml"].decode("utf-8")
    dated = dict(re.findall(r"<loc>https://intranet\.example/zhili/(.*?)</loc>\s*<lastmod>(.*?)</lastmod>", sitemap))
    assert dated["sources/zgsqb-excerpt/"] == "2024-08-05"
    assert dated[""] == dated["practices/zhengzhou-dangqun-fuwu-zhongxin/"] == "2026-11-28"
