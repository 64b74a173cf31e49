"""How to start Debian's Chromium against a served site (``govcat.site.server``).

Shared by ``catalog bench`` (``govcat.bench.firstquery``, a reader's first search) and the browser
tests (``tests/browser``), so that both open the site the same way: Chromium started without the
background traffic it would otherwise try to send off the machine.
"""

from __future__ import annotations

import os
import shutil

CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def chromium() -> str:
    """The browser's path: ``CHROMIUM`` if set, else the ``chromium`` on PATH (Debian's package)."""
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
