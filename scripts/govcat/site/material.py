"""What the site relies on in MkDocs and Material for MkDocs beyond their documented interfaces.

Everything here works with the Material version in ``TESTED_MATERIAL`` and may change in any
release, a patch release included, without notice. So the ``catalog`` plugin stops a build with another
installed version (``require_tested_material``): a Material update must never silently change the
site. To accept a new version, install it, run the whole test suite (the browser tests drive the
features below) and look at the built site, then add it to ``TESTED_MATERIAL`` and pin it in
pyproject.toml and requirements.lock.

What depends on Material's internals, and where:

* **The page templates.** ``overrides/main.html`` extends Material's ``base.html`` and fills its
  ``extrahead`` block with ``<meta name="catalog:search">`` (the page's front matter ``search``),
  and its ``scripts`` block with our scripts after Material's (``page.content`` holds the
  article's HTML, as Material's own ``content.html`` reads it; ``page.meta`` the front matter).
  ``overrides/partials/actions.html`` replaces Material's partial of that name (the edit button,
  made from the page's front matter ``record:``), and ``overrides/sitemap.xml`` replaces the
  sitemap template (``<lastmod>`` from the front matter ``updated:``).
* **The page's markup, read by our scripts** (``overrides/assets/javascripts/``; the code is the
  front-end's, the dependency is listed here): ``site.js``, which ``search.js``, ``catalog.js``,
  ``compare.js`` and ``word.js`` call, reads the site's base address from Material's ``<script id="__config">``
  JSON; ``search.js`` puts its
  button into the header bar, ``.md-header__inner``, before ``.md-header__option``; ``compare.js``
  and ``word.js`` use Material's ``md-typeset__scrollwrap``/``md-typeset__table`` table wrappers
  and ``md-button``; the style sheets use Material's ``--md-*`` colour and font variables.
* **The page's markup, read by the search index** (``govcat.site.search.pages``): a page's text is its
  ``<article class="md-content__inner">``; heading permalinks are ``<a class="headerlink">``,
  which the index leaves out. A page without such an article is not indexed at all.
* **The content security policy** (``govcat.site.csp``) hashes the inline scripts Material writes into
  every page; they change with Material's version, hence ``catalog csp`` after each build.
* **Publishing notes** (README, "Publishing"): Material's bundles carry a content hash in their
  file names (``bundle.<8 hex digits>.min.js``), as ours do after ``govcat.site.assets``; the
  nginx example caches both for a year. That step leaves Material's hashed files alone.

Material's search plugin, its offline plugin (with the iframe-worker shim) and the jieba swap
we once relied on are gone: search is ``govcat.site.search``, which reads only the built HTML.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

DISTRIBUTION = "mkdocs-material"
TESTED_MATERIAL = ("9.8.2",)


class UntestedMaterial(RuntimeError):
    """The installed Material is not a version this module was checked against."""


def installed_material() -> str | None:
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return None


def require_tested_material(installed: str | None) -> None:
    """Refuse to build with a Material version other than those in ``TESTED_MATERIAL``."""
    if installed in TESTED_MATERIAL:
        return
    found = f"安装的是 {DISTRIBUTION} {installed}" if installed else f"没有安装 {DISTRIBUTION}"
    tested = "、".join(TESTED_MATERIAL)
    raise UntestedMaterial(
        f"{found}，本站只在 {tested} 上测试过：它依赖 Material 未公开的内部结构（见 scripts/govcat/site/material.py），"
        f"换了版本站点可能悄悄变样。请按 requirements.lock 安装（pip install --require-hashes -r requirements.lock）；"
        f"要升级 Material，先按 material.py 开头的步骤核对，再把新版本加入 TESTED_MATERIAL"
    )
