"""Material's internals stay guarded: an untested version stops the build, and the markup our
scripts and the search index read is in the pages Material builds (see govcat/site/material.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from govcat.layout import Project
from govcat.site import material

UNTESTED = (
    "安装的是 mkdocs-material 9.8.3，本站只在 9.8.2 上测试过：它依赖 Material 未公开的内部结构"
    "（见 scripts/govcat/site/material.py），换了版本站点可能悄悄变样。请按 requirements.lock 安装"
    "（pip install --require-hashes -r requirements.lock）；要升级 Material，先按 material.py 开头的步骤核对，"
    "再把新版本加入 TESTED_MATERIAL"
)


def test_the_installed_material_is_the_tested_one() -> None:
    assert material.installed_material() in material.TESTED_MATERIAL


def test_an_untested_version_is_refused_with_what_to_do() -> None:
    with pytest.raises(material.UntestedMaterial) as refused:
        material.require_tested_material("9.8.3")
    assert str(refused.value) == UNTESTED
    with pytest.raises(material.UntestedMaterial, match=r"^没有安装 mkdocs-material，本站只在 9\.8\.2 上测试过"):
        material.require_tested_material(None)


def test_a_build_with_an_untested_material_stops_before_writing_anything(
    project: Project,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(material, "installed_material", lambda: "9.8.3")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(config_file=str(project.root / "mkdocs.yml"), site_dir=str(project.root / "out"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        with pytest.raises(Abort):
            build(config)
    finally:
        config.plugins.on_shutdown()
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == [UNTESTED]
    assert not project.generated.exists() and not (project.root / "out").exists()


def test_pages_have_the_markup_our_scripts_and_the_index_read(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 100
    for path in pages:
        html = path.read_text("utf-8")
        assert '<script id="__config" type="application/json">' in html, path
        assert re.search(r'<nav class="md-header__inner\b[^"]*"', html), path
        assert re.search(r'<article class="md-content__inner\b[^"]*"', html), path
    practice = (site / "practices/henan-sihui/index.html").read_text("utf-8")
    head = practice.split("</head>")[0]
    assert '<meta name="catalog:search" content=\'{"facets": ' in head  # overrides/main.html's extrahead
    assert '<a class="headerlink" href="#' in practice
    assert 'class="md-header__option"' in practice  # search.js puts its button before it
