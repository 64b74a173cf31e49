"""Similar practices: for each practice, up to ``SHOWN`` others that share the most with it —
problems addressed, standards applied, terms used, themes, and words of their text — each with
the reasons a reader can check (“同为楼院治理主题；都采用无主管楼院治理目标”).

Computed once per build over an inverted index (feature -> practices having it), never over all
pairs: a practice's scores are summed along the posting lists of its features (its records and
its ``TEXT_FEATURES`` rarest runs of text), each read at most ``POSTING_CAP`` entries deep (for a
common feature, the entries beside the practice in the list's id order), so the work grows with
the number of practices times a constant. Each shared feature counts by kind and by rarity (a
theme shared by half the catalog says little, a problem shared by three practices a lot). Ties
go to the smaller id, and nothing iterates a set, so the same records give the same lists.
"""

from __future__ import annotations

import heapq
import math
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from govcat.model.catalog import Catalog

SHOWN = 5
POSTING_CAP = 48  # practices read per feature and practice: the constant of the linear cost
TEXT_FEATURES = 12  # the rarest two-character runs of a practice's text that it is compared on
# Weight of one shared feature of each kind (times its rarity); text is the prose's two-character runs.
WEIGHTS = {"problem": 4.0, "standard": 3.0, "term": 2.0, "theme": 2.0, "text": 0.25}
REASONS = {"problem": "都解决{}", "standard": "都采用{}", "term": "都涉及{}", "theme": "同为{}主题"}
REASON_ORDER = ("problem", "standard", "theme", "term")
TEXT_REASON = "做法描述相近"
NAME_SEPARATOR = "、"
HAN_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")
MIN_TEXT_SHARE = 4  # of its compared runs of text a pair must share before their text counts as alike

Feature = tuple[str, str]  # (kind, id) or ("text", two characters)


@dataclass(frozen=True)
class Similar:
    """One similar practice and why: the shared records of each kind, by kind."""

    practice: str
    score: float
    shared: dict[str, list[str]]
    text_alike: bool


def practice_features(catalog: Catalog, practice_id: str) -> list[Feature]:
    data = catalog.get("practice", practice_id)
    found: list[Feature] = [("problem", p) for p in data.get("problems", [])]
    found += [("standard", s) for s in data.get("standards", [])]
    found += [("term", t) for t in catalog.practice_terms.get(practice_id, [])]
    found += [("theme", t) for t in data["themes"]]
    pairs = dict.fromkeys(HAN_PAIR.findall(f"{data['title']}\n{catalog.practice_text(practice_id)}"))
    found += [("text", pair) for pair in pairs]
    return list(dict.fromkeys(found))


class SimilarIndex:
    """The features of every practice and the practices of every feature, ordered by id."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        features = {p: practice_features(catalog, p) for p in catalog.ids("practice")}
        postings: dict[Feature, list[str]] = defaultdict(list)
        for practice_id, own in features.items():  # ids in order: each list is sorted
            for feature in own:
                postings[feature].append(practice_id)
        self.postings = dict(postings)
        total = max(len(features), 1)
        self.rarity = {f: math.log(1 + total / len(ids)) for f, ids in self.postings.items()}
        self.features = {p: self.searched(own) for p, own in features.items()}

    def searched(self, features: list[Feature]) -> list[Feature]:
        """The features a practice is compared on: all its records, and its rarest runs of text."""
        named = [f for f in features if f[0] != "text"]
        text = sorted((f for f in features if f[0] == "text"), key=lambda f: (len(self.postings[f]), f[1]))
        return named + text[:TEXT_FEATURES]

    def window(self, feature: Feature, practice_id: str) -> list[str]:
        """The feature's practices, at most ``POSTING_CAP`` of them: those beside this one in id order."""
        ids = self.postings[feature]
        if len(ids) <= POSTING_CAP:
            return ids
        start = min(max(bisect_left(ids, practice_id) - POSTING_CAP // 2, 0), len(ids) - POSTING_CAP)
        return ids[start : start + POSTING_CAP]

    def similar(self, practice_id: str) -> list[Similar]:
        """Up to ``SHOWN`` practices most like this one, best first, leaving out itself, its parent
        and its children (the page shows those already)."""
        data = self.catalog.get("practice", practice_id)
        family = {practice_id, data.get("parent"), *self.catalog.practice_children.get(practice_id, [])}
        scores: dict[str, float] = defaultdict(float)
        named: dict[str, int] = defaultdict(int)
        texts: dict[str, int] = defaultdict(int)
        for feature in self.features[practice_id]:
            weight = WEIGHTS[feature[0]] * self.rarity[feature]
            for other in self.window(feature, practice_id):
                scores[other] += weight
                if feature[0] == "text":
                    texts[other] += 1
                else:
                    named[other] += 1
        ranked = heapq.nsmallest(
            SHOWN,
            (
                (-round(score, 9), other)
                for other, score in scores.items()
                if other not in family and (named[other] or texts[other] >= MIN_TEXT_SHARE)
            ),
        )
        return [self.explained(practice_id, other, -score) for score, other in ranked]

    def explained(self, practice_id: str, other: str, score: float) -> Similar:
        """What the two practices share, by kind of record, and whether their text is alike."""
        other_features = set(self.features[other])
        shared = [f for f in self.features[practice_id] if f in other_features]
        by_kind = {kind: [key for k, key in shared if k == kind] for kind in REASON_ORDER}
        text_alike = sum(f[0] == "text" for f in shared) >= MIN_TEXT_SHARE
        return Similar(other, score, {k: v for k, v in by_kind.items() if v}, text_alike)


def reason(catalog: Catalog, similar: Similar) -> str:
    """Why a practice is similar, in words: 都解决无主管楼院无人管；同为楼院治理主题；做法描述相近."""
    parts = [
        REASONS[kind].format(NAME_SEPARATOR.join(catalog.get(kind, key)["name"] for key in keys))
        for kind, keys in similar.shared.items()
    ]
    if similar.text_alike:
        parts.append(TEXT_REASON)
    return "；".join(parts)


def similar_practices(catalog: Catalog, only: Iterable[str] | None = None) -> dict[str, list[tuple[str, str]]]:
    """Practice id -> (id, reason) of its similar practices, best first; for every practice, or
    for those ``only`` names (still compared with the whole catalog)."""
    index = SimilarIndex(catalog)
    wanted = catalog.ids("practice") if only is None else only
    return {p: [(s.practice, reason(catalog, s)) for s in index.similar(p)] for p in wanted}
