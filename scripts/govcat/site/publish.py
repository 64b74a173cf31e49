"""``catalog publish``: build the site for the address it is served at, or as an offline bundle.

The build is the pipeline's (``govcat.site.pipeline.build_site``), with the address (which may be
a sub-path, such as https://intranet.example/zhili/) and the offline switch given to the engine,
so publishing never edits mkdocs.yml. The result is a folder any static web server can serve; with
``--offline`` it is also packed into a zip that works opened from a file share.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

from govcat.layout import Project
from govcat.site.engines import DEFAULT_ENGINE, BuildRefused, Target
from govcat.site.pipeline import build_site


def base_url(url: str) -> str:
    """An http(s) address ending in "/", so that a sub-path is a folder."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise BuildRefused(
            f"发布地址“{url}”不对：应为 http:// 或 https:// 开头的完整网址，如 https://intranet.example/zhili/"
        )
    return url if url.endswith("/") else url + "/"


def pack(folder: Path) -> Path:
    """Zip ``folder`` (entries in name order, under the folder's own name) beside it. Each file is
    streamed into the zip, so memory stays flat at any catalog size; the zip is written under a
    temporary name and renamed into place, so a packing that stops leaves the previous bundle."""
    archive = folder.with_suffix(".zip")
    unfinished = archive.with_name(f".{archive.name}.part")
    try:
        with zipfile.ZipFile(unfinished, "w", zipfile.ZIP_DEFLATED) as bundle:
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    bundle.write(path, Path(folder.name) / path.relative_to(folder))
        os.replace(unfinished, archive)
    finally:
        unfinished.unlink(missing_ok=True)
    return archive


def publish(project: Project, out: Path, url: str | None, offline: bool, engine: str = DEFAULT_ENGINE) -> Path | None:
    """Build the publishable site (and, offline, its zip); the zip's path, or None when online.

    Raises ``BuildRefused`` for wrong arguments, ``BuildFailed`` when the build fails.
    """
    if url is None and not offline:
        raise BuildRefused("请用 --base-url 给出站点的正式地址，如 https://intranet.example/zhili/")
    build_site(project, Target(out, None if url is None else base_url(url), offline), engine)
    if not offline:
        return None
    # Opened from files there is no server to show 404.html, whose links are absolute (/assets/…).
    (out / "404.html").unlink(missing_ok=True)
    return pack(out)
