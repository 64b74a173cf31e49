"""A built site on a local address: a threaded HTTP server that serves its files quietly.

The preview of ``catalog serve`` (for engines that run no plugin), ``catalog bench``'s first search
and the browser tests all serve a site this one way.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files quietly, with the extra response headers of its server (a policy, say)."""

    headers_to_send: Mapping[str, str] = {}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the name http.server gives it
        pass

    def end_headers(self) -> None:
        for name, value in self.headers_to_send.items():
            self.send_header(name, value)
        super().end_headers()


@contextmanager
def served(
    site: Path,
    headers: Mapping[str, str] | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
    handler_class: type[SiteHandler] | None = None,
) -> Iterator[str]:
    """``site`` served on ``host:port`` (a free port by default) for the duration of the block; its
    address. Every response carries ``headers`` (e.g. a Content-Security-Policy); ``handler_class``
    may answer some requests itself (the preview's)."""
    handler = type("Handler", (handler_class or SiteHandler,), {"headers_to_send": dict(headers or {})})
    server = http.server.ThreadingHTTPServer((host, port), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
