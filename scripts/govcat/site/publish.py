"""``catalog publish``: build the site for the address it is served at, or as an offline bundle.

The address (which may be a sub-path, such as https://intranet.example/zhili/) and the offline
switch reach ``mkdocs build --strict`` through the environment variables that mkdocs.yml reads
with ``!ENV``, so publishing never edits mkdocs.yml. The result is a folder any static web server
can serve; with ``--offline`` it is also packed into a zip that works opened from a file share.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

from govcat.layout import KINDS, Project

SITE_URL_VARIABLE = "CATALOG_SITE_URL"
DIRECTORY_URLS_VARIABLE = "CATALOG_DIRECTORY_URLS"


class PublishError(ValueError):
    """Why nothing was built, in words for publishers."""


class BuildFailed(PublishError):
    """``mkdocs build`` stopped; it has printed why."""


def base_url(url: str) -> str:
    """An http(s) address ending in "/", so that a sub-path is a folder."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise PublishError(
            f"发布地址“{url}”不对：应为 http:// 或 https:// 开头的完整网址，如 https://intranet.example/zhili/"
        )
    return url if url.endswith("/") else url + "/"


def check_output_folder(project: Project, out: Path) -> None:
    """Refuse a folder whose contents a build would wipe and that is not an earlier build."""
    out = out.resolve()
    kept = [project.root / name for name in ("content", "schemas", "overrides", "scripts", "build")]
    kept += [project.folder(kind) for kind in KINDS.values()]
    if out in (project.root, *project.root.parents) or any(out.is_relative_to(k) for k in kept):
        raise PublishError(f"不能输出到 {out}：构建会清空这个目录，请另选一个目录")
    if out.is_dir() and any(out.iterdir()) and not (out / "index.html").is_file():
        raise PublishError(f"{out} 不是空目录，也不像以前发布的站点：构建会清空它，请另选一个目录")


def build(project: Project, out: Path, url: str | None, offline: bool) -> int:
    """Run ``mkdocs build --strict`` into ``out``; its exit status."""
    env = {key: value for key, value in os.environ.items() if key not in (SITE_URL_VARIABLE, DIRECTORY_URLS_VARIABLE)}
    # Opened from files, a link must name the page's file: practices/x.html, not practices/x/.
    env.update({DIRECTORY_URLS_VARIABLE: "false" if offline else "true", "NO_MKDOCS_2_WARNING": "1"})
    if url is not None:
        env[SITE_URL_VARIABLE] = url
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--clean",
        "--config-file",
        str(project.root / "mkdocs.yml"),
        "--site-dir",
        str(out.resolve()),
    ]
    return subprocess.run(command, cwd=project.root, env=env, check=False).returncode


def pack(folder: Path) -> Path:
    """Zip ``folder`` (entries in name order, under the folder's own name) beside it."""
    archive = folder.with_suffix(".zip")
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                bundle.write(path, Path(folder.name) / path.relative_to(folder))
    return archive


def publish(project: Project, out: Path, url: str | None, offline: bool) -> Path | None:
    """Build the publishable site (and, offline, its zip); the zip's path, or None when online.

    Raises ``PublishError`` for wrong arguments, ``BuildFailed`` when the build fails.
    """
    if url is None and not offline:
        raise PublishError("请用 --base-url 给出站点的正式地址，如 https://intranet.example/zhili/")
    url = None if url is None else base_url(url)
    check_output_folder(project, out)
    if build(project, out, url, offline) != 0:
        raise BuildFailed("构建失败：见上面 mkdocs 的输出")
    if not offline:
        return None
    # Opened from files there is no server to show 404.html, whose links are absolute (/assets/…).
    (out / "404.html").unlink(missing_ok=True)
    return pack(out)
