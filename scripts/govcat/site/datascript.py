"""Data for the site's scripts, written as scripts: the one convention every data file follows.

Each file is one call, ``catalog.data(kind, key, payload);``, of the function
``overrides/assets/javascripts/site.js`` defines: the search index's pieces (kind ``search``), each
practice's comparison rows (``compare``), the Word package and pieces (``word-package``,
``word-piece``) and the rules the scripts share with Python (``rules``). A ``<script>`` element
loads such a file from a server and from ``file://`` alike (where ``fetch`` is refused), and under
the site's Content-Security-Policy, since it is a file of the site, never inline.

The payload is JSON with sorted keys, so the same data gives the same bytes; the two line
separators that JavaScript strings once could not hold are escaped.
"""

from __future__ import annotations

import json
from typing import Any

CALL = "catalog.data"


def data_script(kind: str, key: str | None, payload: Any) -> str:
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"{CALL}({json.dumps(kind)},{json.dumps(key)},{text});\n"
