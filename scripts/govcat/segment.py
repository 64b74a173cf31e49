"""A faster stand-in for jieba in Material's search plugin: jieba-rs (rjieba), remembering its cuts.

Material segments every run of Han characters of every page section with ``jieba.cut`` while it
builds the search index: most of a large build's time. rjieba is jieba's algorithm (same
dictionary, same HMM) in Rust and about ten times faster; it has no ``load_userdict``, so
``Segmenter`` reads our user dictionary itself and adds each word with its frequency, as jieba's
``load_userdict`` does. Lists of practices repeat the same summaries on region, theme and list
pages, so each distinct run is cut once. tests/test_segment.py checks that every Han run of the
generated pages is cut exactly as jieba cuts it with the same user dictionary.
"""

from __future__ import annotations

from pathlib import Path

import rjieba
from material.plugins.search import plugin as search_plugin


class Segmenter:
    """The two calls Material's search plugin makes on the ``jieba`` module, served by rjieba."""

    def __init__(self) -> None:
        self.jieba = rjieba.Jieba()  # a new one per build: words of removed records do not linger
        self.cuts: dict[str, list[str]] = {}

    def load_userdict(self, path: str) -> None:
        """jieba's user dictionary format: ``word [frequency [tag]]`` on each line."""
        for fields in (line.split() for line in Path(path).read_text(encoding="utf-8").splitlines()):
            if not fields:
                continue
            word, *rest = fields
            self.jieba.add_word(word, int(rest[0]) if rest else None, rest[1] if len(rest) > 1 else None)

    def cut(self, text: str | bytes) -> list[str]:
        if isinstance(text, bytes):  # Material passes UTF-8 bytes, which jieba decodes
            text = text.decode("utf-8")
        if text not in self.cuts:
            self.cuts[text] = self.jieba.cut(text)
        return self.cuts[text]


def replace_jieba() -> Segmenter:
    """Make Material's search plugin segment with a new ``Segmenter``; call before its on_config,
    which loads the user dictionary into it."""
    search_plugin.jieba = Segmenter()
    return search_plugin.jieba
