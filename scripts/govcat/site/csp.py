"""A Content-Security-Policy for the built site, with hashes instead of 'unsafe-inline'.

Material puts a few small scripts inline in every page (the site scope, the colour palette,
the anchor fix-up) and Python-Markdown aligns table columns with ``style`` attributes. This
module reads the built HTML, hashes exactly those, and writes a policy that allows them and
nothing else: every other script, style, image or connection must come from the site itself.
The hashes change with Material's version and the table layout, so compute the policy from
each build (``catalog csp site/``) rather than copying an old one.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.DOTALL)
STYLE_ATTRIBUTE = re.compile(r'\sstyle="(?P<value>[^"]*)"')
FIXED = (
    "default-src 'none'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
    "object-src 'none'",
)


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def inline_parts(site: Path) -> tuple[set[str], set[str]]:
    """The bodies of executable inline scripts and the values of style attributes, site-wide."""
    scripts: set[str] = set()
    styles: set[str] = set()
    for page in sorted(site.rglob("*.html")):
        html = page.read_text("utf-8")
        scripts.update(m["body"] for m in INLINE_SCRIPT.finditer(html) if "application/json" not in m["attrs"])
        styles.update(m["value"] for m in STYLE_ATTRIBUTE.finditer(html))
    return scripts, styles


def policy(site: Path) -> str:
    """The policy for the site built at ``site``, as one header value."""
    scripts, styles = inline_parts(site)
    script_src = " ".join(["script-src 'self'", *sorted(sha256(s) for s in scripts)])
    style_src = " ".join(
        ["style-src 'self'", *(["'unsafe-hashes'"] if styles else []), *sorted(sha256(s) for s in styles)]
    )
    return "; ".join([FIXED[0], script_src, style_src, *FIXED[1:]])


def nginx_directive(site: Path) -> str:
    return f'add_header Content-Security-Policy "{policy(site)}" always;\n'
