"""The fast segmenter used for Material's search cuts exactly as jieba does with our dictionary."""

from __future__ import annotations

import logging
from pathlib import Path

import jieba
from backrefs import bre

from govcat.generate import render_pages
from govcat.generate.searchdict import user_dictionary
from govcat.layout import Project
from govcat.segment import Segmenter
from govcat.validate import check_project

REPO = Path(__file__).resolve().parent.parent
HAN = bre.compile(r"\p{script: Han}+", bre.UNICODE)  # the runs Material's search hands to jieba


def test_every_han_run_of_the_real_pages_is_cut_as_jieba_cuts_it(tmp_path: Path) -> None:
    catalog = check_project(Project(REPO)).catalog
    dictionary = tmp_path / "userdict.txt"
    dictionary.write_text(user_dictionary(catalog), "utf-8")
    pages = [text for text in render_pages(catalog).values() if isinstance(text, str)]  # not the Word documents
    texts = [*pages, *(p.read_text("utf-8") for p in (REPO / "content").rglob("*.md"))]
    runs = sorted({run for text in texts for run in HAN.findall(text)})
    assert len(runs) > 1000

    jieba.setLogLevel(logging.WARNING)
    reference = jieba.Tokenizer()
    reference.load_userdict(str(dictionary))
    fast = Segmenter()
    fast.load_userdict(str(dictionary))
    differing = [(run, list(reference.cut(run)), fast.cut(run.encode("utf-8")))
                 for run in runs if list(reference.cut(run)) != fast.cut(run.encode("utf-8"))]
    assert differing == []
    # Our words are really in the dictionary: without it, 楼院长效治理机制 splits differently.
    assert fast.cut("楼院长效治理机制") != Segmenter().cut("楼院长效治理机制")
