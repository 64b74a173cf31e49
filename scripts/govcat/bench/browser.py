"""A built site on a local address, and how to start Debian's Chromium against it.

Shared by ``catalog bench`` (``govcat.bench.firstquery``, a reader's first search) and the browser tests
(``tests/browser``), so that both serve and open the site the same way: a threaded HTTP server on
a free port of 127.0.0.1, and Chromium started without the background traffic it would otherwise
try to send off the machine.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

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


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves files quietly, with the extra response headers of its server (a policy, say)."""

    headers_to_send: Mapping[str, str] = {}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the name http.server gives it
        pass

    def end_headers(self) -> None:
        for name, value in self.headers_to_send.items():
            self.send_header(name, value)
        super().end_headers()


@contextmanager
def served(site: Path, headers: Mapping[str, str] | None = None) -> Iterator[str]:
    """``site`` served on a free port of 127.0.0.1 for the duration of the block; its address.
    Every response carries ``headers`` (e.g. a Content-Security-Policy)."""
    handler = type("Handler", (_Handler,), {"headers_to_send": dict(headers or {})})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
