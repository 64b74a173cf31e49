"""Our own scripts and stylesheets get a content hash in their names after the build
(``govcat.site.assets``), and every page that loads them is rewritten to the new names."""

from __future__ import annotations

import hashlib
from pathlib import Path

from govcat.site.assets import fingerprint_assets

PAGE = """<html><head>
<link rel="stylesheet" href="{up}assets/stylesheets/main.57a0d79d.min.css">
<link rel="stylesheet" href="{up}{catalog}">
</head><body><p>assets/javascripts/site.js is only text here.</p>
<script src="{up}assets/javascripts/bundle.a5f9d56c.min.js"></script>
<script src="{up}{tablesort}"></script>
<script src="{up}{site}"></script>
</body></html>
"""
PLAIN = {
    "catalog": "assets/stylesheets/catalog.css",
    "tablesort": "assets/javascripts/vendor/tablesort.min.js",
    "site": "assets/javascripts/site.js",
}
FILES = {
    "assets/stylesheets/main.57a0d79d.min.css": "/* Material's, already hashed */",
    "assets/stylesheets/catalog.css": "body { color: red; }",
    "assets/javascripts/bundle.a5f9d56c.min.js": "/* Material's */",
    "assets/javascripts/vendor/tablesort.min.js": "/* vendored */",
    "assets/javascripts/site.js": "/* ours */",
    "assets/javascripts/lunr/tinyseg.js": "/* no page loads it */",
}


def short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def make_site(root: Path) -> Path:
    for relative, text in FILES.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, "utf-8")
    (root / "index.html").write_text(PAGE.format(up="", **PLAIN), "utf-8")
    (root / "practices" / "a").mkdir(parents=True)
    (root / "practices" / "a" / "index.html").write_text(PAGE.format(up="../../", **PLAIN), "utf-8")
    (root / "404.html").write_text(PAGE.format(up="/zhili/", **PLAIN), "utf-8")
    return root


def test_own_assets_get_hashed_names_and_every_reference_follows(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site")
    renamed = fingerprint_assets(site)
    expected = {
        "assets/javascripts/site.js": f"assets/javascripts/site.{short_hash('/* ours */')}.js",
        "assets/javascripts/vendor/tablesort.min.js": (
            f"assets/javascripts/vendor/tablesort.min.{short_hash('/* vendored */')}.js"
        ),
        "assets/stylesheets/catalog.css": f"assets/stylesheets/catalog.{short_hash('body { color: red; }')}.css",
    }
    assert renamed == expected
    for old, new in expected.items():
        assert not (site / old).exists() and (site / new).read_text("utf-8") == FILES[old]
    hashed = {key: expected[path] for key, path in PLAIN.items()}
    for page, up in (("index.html", ""), ("practices/a/index.html", "../../"), ("404.html", "/zhili/")):
        assert (site / page).read_text("utf-8") == PAGE.format(up=up, **hashed)
    assert (site / "assets/javascripts/lunr/tinyseg.js").is_file()  # not ours to rename: no page loads it


def test_a_second_run_changes_nothing_and_the_same_files_give_the_same_names(tmp_path: Path) -> None:
    first = make_site(tmp_path / "one")
    renamed = fingerprint_assets(first)
    pages = {p: p.read_bytes() for p in first.rglob("*.html")}
    assert fingerprint_assets(first) == {}
    assert {p: p.read_bytes() for p in first.rglob("*.html")} == pages
    assert fingerprint_assets(make_site(tmp_path / "two")) == renamed
