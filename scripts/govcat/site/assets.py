"""Our own scripts and stylesheets with a content hash in their names, after any engine's build.

Material's bundles already carry one (``bundle.a5f9d56c.min.js``); ours (``overrides/assets/``
and the generated ``rules.js``) are copied under their plain names, so a browser that cached
``search.js`` would keep running it beside a new site. ``fingerprint_assets`` renames every
``.js`` and ``.css`` file below ``assets/`` that a page of the built site loads and whose name
carries no hash yet to ``<name>.<hash>.<ext>`` (the first 8 hex digits of its SHA-256), and
rewrites the references in every page. Only the built HTML is read, so any engine's site is
handled alike; it runs after each build, where the search index is built (``site.pipeline.finish_site``:
``catalog build``, the MkDocs plugin, ``catalog index``). The same files give the same names, and a second run finds nothing left
to rename. A server may then cache these files for good (README, "Publishing").
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import Path

# src="…" or href="…" whose address ends in a site path below assets/ naming a script or stylesheet:
# relative (../assets/…), from the root (/assets/…) or absolute (https://host/sub/assets/…).
REFERENCE = re.compile(
    r'(?P<before>\s(?:src|href)="[^"]*?)(?P<path>assets/(?:[^"?#/]+/)*[^"?#/]+\.(?:js|css))(?P<after>[?#"])'
)
HASHED = re.compile(r"\.[0-9a-f]{8}(?:\.min)?\.(?:js|css)$")
HASH_DIGITS = 8


def hashed_name(path: Path) -> str:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:HASH_DIGITS]
    return f"{path.stem}.{digest}{path.suffix}"


def fingerprint_assets(site: Path) -> dict[str, str]:
    """Rename the site's own assets to hashed names and rewrite every page's references to them;
    returns each renamed file's site path and its new one. Pages are read one at a time, twice
    (what they load, then the rewrite), never all at once: at 20,000 practices they are 1.4 GB."""
    pages = sorted(site.rglob("*.html"))
    wanted = sorted({m["path"] for page in pages for m in REFERENCE.finditer(page.read_text("utf-8"))})
    renamed: dict[str, str] = {}
    for relative in wanted:
        path = site / relative
        if HASHED.search(relative) or not path.is_file():
            continue
        target = path.with_name(hashed_name(path))
        os.replace(path, target)
        renamed[relative] = target.relative_to(site).as_posix()
    rewrite_references(pages, renamed)
    return renamed


def rewrite_references(pages: Iterable[Path], renamed: dict[str, str]) -> None:
    """Point these pages, written again after ``fingerprint_assets`` ran, at the renamed assets."""
    for page in pages:
        rewrite_page(page, page.read_bytes().decode("utf-8"), renamed)


def rewrite_page(page: Path, text: str, renamed: dict[str, str]) -> None:
    changed = with_renamed_assets(text, renamed)
    if changed != text:
        page.write_bytes(changed.encode("utf-8"))


def with_renamed_assets(html: str, renamed: dict[str, str]) -> str:
    """``html`` pointing at the assets' hashed names."""

    def rewrite(match: re.Match[str]) -> str:
        path = renamed.get(match["path"], match["path"])
        return match["before"] + path + match["after"]

    return REFERENCE.sub(rewrite, html)
