"""The editor's loop, measured: a record saved while ``catalog serve`` runs, and its page served changed.

``catalog bench`` starts ``catalog serve`` on the benchmark catalog as its own process and waits
for its first whole build. Then it changes one practice's title, as an editor saves a record, and
asks the preview's status every 50 ms until the pages were written again (when an open page
reloads), and checks that the page then shows the new title: the seconds from the save are the
preview's own page. It goes on asking the preview's status (``govcat.site.live``) until the pages
that follow (region, themes, lists, Word documents) are written and until the search index is
rebuilt, and takes those seconds too.
"""

from __future__ import annotations

import html
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govcat.site.preview import STATUS_PATH

FIRST_BUILD_SECONDS = 3600.0  # a whole build of the largest catalog the stage runs on, with room
UPDATE_SECONDS = 600.0
ASK_EVERY = 0.05
MARK = "（预览计时）"


@dataclass(frozen=True)
class PreviewFigures:
    """Seconds from a save: its page served changed, the pages that follow written, the index rebuilt."""

    own_page: float
    related_pages: float
    index: float
    first_build: float


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            text: str = response.read().decode("utf-8")
            return text
    except OSError:
        return None


def wait_until(seconds: float, ready: Callable[[], bool]) -> float:
    """Ask ``ready()`` until it is true; the seconds it took. Raises when ``seconds`` pass first."""
    started = time.monotonic()
    while not ready():
        if time.monotonic() - started > seconds:
            raise TimeoutError(f"预览在 {seconds:.0f} 秒内没有更新")
        time.sleep(ASK_EVERY)
    return time.monotonic() - started


def measure_preview(root: Path) -> PreviewFigures:
    """Start ``catalog serve`` in ``root``, save one practice, time what follows; stop the server."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    record = min((root / "practices").rglob("*.yaml"))
    page = f"{base}/practices/{record.stem}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with (root / "preview.log").open("wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "govcat", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=root,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:

        def status() -> dict[str, Any]:
            text = fetch(base + STATUS_PATH)
            found: dict[str, Any] = json.loads(text) if text else {}
            if found.get("problems"):
                raise RuntimeError(f"预览报告了问题（见 {root / 'preview.log'}）：{'；'.join(found['problems'])}")
            return found

        first_build = wait_until(FIRST_BUILD_SECONDS, lambda: status().get("version") == 1)
        text = record.read_text("utf-8")
        title = next(line for line in text.splitlines() if line.startswith("title: "))
        record.write_text(text.replace(title, title + MARK, 1), "utf-8")
        started = time.monotonic()
        # written, with its assets' names, when the version moves on (the open page reloads then)
        wait_until(UPDATE_SECONDS, lambda: status().get("version", 0) >= 2)
        own_page = time.monotonic() - started
        if MARK not in html.unescape(fetch(page) or ""):
            raise RuntimeError(f"预览更新后，{page} 仍不是保存后的标题")
        wait_until(UPDATE_SECONDS, lambda: status().get("version") == 3)  # 2: its own page; 3: the rest
        related = time.monotonic() - started
        wait_until(UPDATE_SECONDS, lambda: status().get("step") is None)
        return PreviewFigures(own_page, related, time.monotonic() - started, first_build)
    finally:
        server.terminate()
        server.wait(timeout=60)
