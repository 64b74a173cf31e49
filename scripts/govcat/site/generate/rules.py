"""The rules the site's scripts share with Python, written from the Python constants themselves.

One data script, ``assets/javascripts/rules.js`` (``catalog.data("rules", null, {...})``), which
every page loads right after ``site.js``: the id pattern, the compare limit, where the scripts'
data lives, the search index's hash, token and Han patterns, its normalisation and digits, the manifest
format the search understands, and the Word download's slots and file-name rules. The scripts
read these values and restate none of them; ``tests/browser/test_rules.py`` runs the same cases
through the Python functions and through the browser.

Patterns are handed over as regular-expression sources that Python and JavaScript read alike
(character classes, ranges, groups, ``\\x`` escapes); search.js compiles the Han and token
patterns with the ``u`` flag, so that the supplementary planes are characters, as in Python.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from govcat.layout import ID_PATTERN, KINDS
from govcat.model.catalog import Catalog
from govcat.model.hanzi import HAN
from govcat.site.datascript import data_script
from govcat.site.generate.addresses import COMPARE, COMPARE_DATA, index_uri
from govcat.site.generate.compare import COMPARE_LIMIT
from govcat.site.generate.outputs import RawFile
from govcat.site.generate.wordlinks import PACKAGE_URI, PIECES_FOLDER
from govcat.site.search import digits
from govcat.site.search.index import FNV_OFFSET, FNV_PRIME, FOLDER, FORMAT
from govcat.site.search.words import NORMALIZATION, TOKEN
from govcat.word import package

RULES_URI = "assets/javascripts/rules.js"
DATA_KIND = "rules"


def html_page(uri: str) -> str:
    """The built page of a Markdown page's path, as opened from files (search.js drops the
    index.html when served)."""
    return uri.removesuffix(".md") + ".html"


def rules() -> dict[str, Any]:
    return {
        "id": ID_PATTERN.pattern,
        "compare": {
            "limit": COMPARE_LIMIT,
            "page": COMPARE.removesuffix("index.md"),
            "data": COMPARE_DATA + "/",
            "practices": KINDS["practice"].section + "/",
        },
        "search": {
            "folder": FOLDER + "/",
            "format": FORMAT,
            "hash": {"offset": FNV_OFFSET, "prime": FNV_PRIME},
            "digits": {"alphabet": digits.ALPHABET, "runs": digits.RUNS},  # postings and page sets
            "han": HAN.pattern,
            "token": TOKEN.pattern,
            "normalization": NORMALIZATION,
            # where a query that finds nothing points the reader: the glossary and the themes
            "help": {"glossary": html_page(index_uri("term")), "themes": html_page(index_uri("theme"))},
        },
        "word": {
            "package": PACKAGE_URI,
            "pieces": PIECES_FOLDER + "/",
            "slot": package.SLOT.pattern,
            "unsafe": package.UNSAFE_IN_FILE_NAMES.pattern,
            "replacement": package.UNSAFE_REPLACEMENT,
            "length": package.COMPARE_NAME_LENGTH,
            "titleSeparator": package.TITLE_SEPARATOR,
            "nameSeparator": package.NAME_SEPARATOR,
            "ellipsis": package.ELLIPSIS,
            "extension": package.EXTENSION,
        },
    }


def pages(catalog: Catalog) -> Iterator[RawFile]:
    """The rules script."""
    yield RawFile(RULES_URI, data_script(DATA_KIND, None, rules()))
