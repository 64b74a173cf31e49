"""The loaded catalog: records indexed by kind and id, and the relations derived from them.

References are declared once, in ``REFERENCE_FIELDS``; the validator resolves them and the
generator follows them both ways (a standard lists its practices, a region its practices…),
so a new reference field is checked and back-linked by adding one line.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from govcat.layout import Project
from govcat.model.diagnostics import Diagnostic, FieldPath
from govcat.model.divisions import DivisionTable, TableError, level_from_name, load_table
from govcat.model.records import Record
from govcat.model.sourcetext import content_key

LEVELS = ("province", "city", "county", "township", "community")
LEVEL_LABELS = {
    "province": "省级",
    "city": "市级",
    "county": "县级",
    "township": "乡镇（街道）级",
    "community": "村（社区）级",
}

# kind -> (field pattern, kind referred to); "*" stands for every item of a list.
REFERENCE_FIELDS: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {
    "practice": (
        (("region",), "region"),
        (("parent",), "practice"),
        (("themes", "*"), "theme"),
        (("tags", "*"), "tag"),
        (("standards", "*"), "standard"),
        (("policies", "*"), "policy"),
        (("terms", "*"), "term"),
        (("problems", "*"), "problem"),
        (("related", "*"), "practice"),
        (("measures", "*", "practice"), "practice"),
    ),
    "region": ((("parent",), "region"),),
    "standard": ((("region",), "region"), (("policies", "*"), "policy")),
    "policy": ((("region",), "region"),),
}

# kind -> the field holding the record's date (checked to be a real day; the sitemap's date of its page)
DATE_FIELDS = {"practice": "last_reviewed", "source": "published", "policy": "date"}

# kind -> patterns of citation objects ({source, quote})
CITATION_FIELDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "practice": (("sources", "*"), ("measures", "*", "citations", "*"), ("metrics", "*", "citation")),
    "standard": (("citations", "*"),),
    "policy": (("citations", "*"),),
    "term": (("citations", "*"),),
    "problem": (("citations", "*"),),
}


# Fields in which a record's name is written; an editor may type any of them where an id belongs.
NAME_FIELDS = ("name", "title", "short_title")
NAME_DECORATION = str.maketrans("", "", "“”‘’\"'「」『』《》〈〉 \t\u3000")

MAGNITUDES = ("万", "亿")
# Where each qualifier stands around a figure as Chinese writes it: 约50人, 50余人 / 4.9万余人, 50人以上.
PREFIX_QUALIFIERS = ("达到", "累计", "约", "近", "超过")
INFIX_QUALIFIERS = ("余", "多")
SUFFIX_QUALIFIERS = ("以上", "以下", "左右")
PRACTICE_TEXT_FIELDS = (("summary",), ("background",), ("measures", "*", "title"), ("measures", "*", "detail"))


def metric_text(metric: dict[str, Any]) -> str:
    """A figure written the way the source writes it: 4.9万余人, 30%以上, 达到89.9%, 累计424人, 近50名."""
    value, unit, qualifier = metric["value"], metric.get("unit", ""), metric.get("qualifier", "")
    if qualifier in PREFIX_QUALIFIERS:
        return f"{qualifier}{value}{unit}"
    if qualifier in SUFFIX_QUALIFIERS:
        return f"{value}{unit}{qualifier}"
    if qualifier and unit.startswith(MAGNITUDES):  # 4.9 + 万人 + 余 -> 4.9万余人
        return f"{value}{unit[0]}{qualifier}{unit[1:]}"
    return f"{value}{qualifier}{unit}"


def term_names(term: dict[str, Any]) -> list[str]:
    """The ways a term is written: its name and aliases, without decorative quotes."""
    names = [term["name"], *term.get("aliases", [])]
    return [n for n in dict.fromkeys(n.strip('“”"') for n in names) if n]


def name_key(text: str) -> str:
    """A name as compared with what an editor typed: NFKC, without quotes, title marks or spaces."""
    return unicodedata.normalize("NFKC", text).translate(NAME_DECORATION)


def walk(data: Any, pattern: tuple[str, ...], prefix: FieldPath = ()) -> Iterator[tuple[FieldPath, Any]]:
    """Values of ``data`` at ``pattern``, with their field paths; missing parts yield nothing."""
    if not pattern:
        if data is not None:
            yield prefix, data
        return
    step, rest = pattern[0], pattern[1:]
    if step == "*":
        if isinstance(data, list):
            for index, item in enumerate(data):
                yield from walk(item, rest, prefix + (index,))
    elif isinstance(data, dict) and step in data:
        yield from walk(data[step], rest, prefix + (step,))


def references(record: Record) -> Iterator[tuple[FieldPath, str, str]]:
    """Every (field path, kind, id) that ``record`` refers to, including its citations' sources."""
    for pattern, target in REFERENCE_FIELDS.get(record.kind.name, ()):
        for path, value in walk(record.data, pattern):
            if isinstance(value, str):
                yield path, target, value
    for path, citation in citations(record):
        if isinstance(citation.get("source"), str):
            yield path + ("source",), "source", citation["source"]


def _matches(path: FieldPath, pattern: tuple[str, ...]) -> bool:
    return len(path) == len(pattern) and all(
        isinstance(step, int) if part == "*" else step == part for step, part in zip(path, pattern, strict=True)
    )


def reference_kind(kind: str, path: FieldPath) -> str | None:
    """The kind of record the field at ``path`` of a ``kind`` record refers to, if it is a reference."""
    for pattern, target in REFERENCE_FIELDS.get(kind, ()):
        if _matches(path, pattern):
            return target
    if any(_matches(path, pattern + ("source",)) for pattern in CITATION_FIELDS.get(kind, ())):
        return "source"
    return None


def citations(record: Record) -> Iterator[tuple[FieldPath, dict[str, Any]]]:
    for pattern in CITATION_FIELDS.get(record.kind.name, ()):
        for path, value in walk(record.data, pattern):
            if isinstance(value, dict):
                yield path, value


@dataclass
class Catalog:
    """All records of a project, by kind and id, plus source texts for quote checks; made by
    ``govcat.model.load.load_catalog``."""

    project: Project
    records: dict[str, dict[str, Record]] = field(default_factory=dict)
    # Every record read, in file order: with those the index leaves out for having an id already taken.
    loaded: list[Record] = field(default_factory=list)
    source_texts: dict[str, str] = field(default_factory=dict)
    unreadable: dict[str, set[str]] = field(default_factory=dict)  # kind -> stems of files that did not parse
    reading_problems: list[Diagnostic] = field(default_factory=list)  # see govcat.model.load

    def ids(self, kind: str) -> list[str]:
        return sorted(self.records.get(kind, {}))

    def has(self, kind: str, record_id: str) -> bool:
        return record_id in self.records.get(kind, {})

    def get(self, kind: str, record_id: str) -> dict[str, Any]:
        return self.records[kind][record_id].data

    def each(self, kind: str, record_ids: Iterable[str]) -> list[dict[str, Any]]:
        """The records of a kind with these ids, as data, in the order given."""
        return [self.records[kind][i].data for i in record_ids]

    def all(self, kind: str) -> list[dict[str, Any]]:
        """Records of a kind as data, ordered by id."""
        return [self.records[kind][i].data for i in self.ids(kind)]

    @cached_property
    def referrers(self) -> dict[tuple[str, str], dict[str, list[str]]]:
        """(kind, id) -> referring kind -> sorted ids of the records that refer to it."""
        found: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for kind in sorted(self.records):
            for record_id in self.ids(kind):
                for _, target_kind, target_id in references(self.records[kind][record_id]):
                    if (target_kind, target_id) != (kind, record_id):
                        found[(target_kind, target_id)][kind].add(record_id)
        return {
            target: {kind: sorted(ids) for kind, ids in sorted(by_kind.items())}
            for target, by_kind in sorted(found.items())
        }

    def referring(self, kind: str, record_id: str, referrer_kind: str) -> list[str]:
        """Ids of ``referrer_kind`` records that refer to (kind, id)."""
        return self.referrers.get((kind, record_id), {}).get(referrer_kind, [])

    @cached_property
    def names(self) -> dict[str, dict[str, tuple[str, str]]]:
        """kind -> ``name_key`` of each name, title, short title or alias -> (id, the name as written);
        for sources also the publisher, when only one source has it. Where two records share a
        name, the first by id keeps it."""
        found: dict[str, dict[str, tuple[str, str]]] = {}
        for kind in sorted(self.records):
            index = found.setdefault(kind, {})
            for record_id in self.ids(kind):
                data = self.records[kind][record_id].data
                aliases = data.get("aliases")
                written = [data.get(f) for f in NAME_FIELDS] + (aliases if isinstance(aliases, list) else [])
                for name in written:
                    if isinstance(name, str) and name_key(name):
                        index.setdefault(name_key(name), (record_id, name))
        publishers: dict[str, list[str]] = defaultdict(list)
        for record_id in self.ids("source"):
            publisher = self.records["source"][record_id].data.get("publisher")
            if isinstance(publisher, str) and name_key(publisher):
                publishers[publisher].append(record_id)
        for publisher, ids in sorted(publishers.items()):  # a newspaper names a source when it has only one
            if len(ids) == 1:
                found.setdefault("source", {}).setdefault(name_key(publisher), (ids[0], publisher))
        return found

    @cached_property
    def name_owners(self) -> dict[str, list[tuple[str, str, str]]]:
        """``name_key`` of every name, title, short title and alias -> (kind, id, field) of each
        record that has it, in kind and id order: two records sharing a name are found here."""
        found: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for kind in sorted(self.records):
            for record_id in self.ids(kind):
                data = self.records[kind][record_id].data
                aliases = data.get("aliases")
                written = [(f, data.get(f)) for f in NAME_FIELDS]
                written += [(f"aliases[{i}]", a) for i, a in enumerate(aliases if isinstance(aliases, list) else [])]
                for field_name, name in written:
                    if isinstance(name, str) and name_key(name):
                        found[name_key(name)].append((kind, record_id, field_name))
        return dict(found)

    @cached_property
    def same_texts(self) -> dict[str, list[str]]:
        """Source id -> the other sources whose stored text is the same article (spaces and line
        breaks aside), ordered by id."""
        by_key: dict[str, list[str]] = defaultdict(list)
        for source_id in sorted(self.source_texts):
            by_key[content_key(self.source_texts[source_id])].append(source_id)
        return {s: [o for o in ids if o != s] for ids in by_key.values() for s in ids if len(ids) > 1}

    @cached_property
    def synonym_groups(self) -> dict[str, str]:
        """Each word of a synonym group -> the group (the first by id, where two have it)."""
        found: dict[str, str] = {}
        for group_id in self.ids("synonym"):
            words = self.get("synonym", group_id).get("words")
            for word in words if isinstance(words, list) else []:
                if isinstance(word, str):
                    found.setdefault(word, group_id)
        return found

    @cached_property
    def searchable_text(self) -> str:
        """What readers can find on the site: every record's text and the stored source texts,
        one string (a synonym group must have a word that occurs in it)."""
        texts: list[str] = []

        def collect(value: Any) -> None:
            if isinstance(value, str):
                texts.append(value)
            elif isinstance(value, dict):
                for item in value.values():
                    collect(item)
            elif isinstance(value, list):
                for item in value:
                    collect(item)

        for kind in sorted(self.records):
            if kind != "synonym":
                for record_id in self.ids(kind):
                    collect(self.records[kind][record_id].data)
        texts += [self.source_texts[s] for s in sorted(self.source_texts)]
        return "\n".join(texts)

    @cached_property
    def practice_children(self) -> dict[str, list[str]]:
        """Practice id -> ids of the practices whose ``parent`` it is, ordered by id."""
        found: dict[str, list[str]] = defaultdict(list)
        for practice in self.all("practice"):
            if "parent" in practice:
                found[practice["parent"]].append(practice["id"])
        return dict(found)

    def children(self, practice_id: str) -> list[str]:
        """Practices whose ``parent`` is ``practice_id``, in the order the parent lists its measures."""
        kids = self.practice_children.get(practice_id, [])
        order = [m.get("practice") for m in self.get("practice", practice_id).get("measures", [])]
        return sorted(kids, key=lambda kid: (order.index(kid) if kid in order else len(order), kid))

    def region_chain(self, region_id: str) -> list[str]:
        """The region and its ancestors, from the province down to ``region_id``."""
        chain: list[str] = []
        current: str | None = region_id
        while current and self.has("region", current) and current not in chain:
            chain.append(current)
            current = self.get("region", current).get("parent")
        return chain[::-1]

    @cached_property
    def divisions(self) -> DivisionTable:
        """The national division table (read on first use; ``TableError`` when it is missing)."""
        return load_table(self.project.divisions)

    @cached_property
    def region_levels(self) -> dict[str, str | None]:
        """Region id -> its level: as written; else the division table's for its code; else what
        its name's ending says (a 市 under a province is a city); None when nothing says."""
        found: dict[str, str | None] = {}
        try:
            table: DivisionTable | None = self.divisions
        except TableError:
            table = None  # the checks report the missing table; levels as written still count

        def level(region_id: str, seen: tuple[str, ...]) -> str | None:
            if region_id not in found:
                data = self.get("region", region_id)
                division = table.get(data["code"]) if table is not None and isinstance(data.get("code"), str) else None
                parent = data.get("parent")
                above = None
                if isinstance(parent, str) and self.has("region", parent) and parent not in seen:
                    above = level(parent, (*seen, region_id))
                found[region_id] = (
                    data.get("level")
                    or (division.level if division else None)
                    or level_from_name(str(data.get("name", "")), above)
                )
            return found[region_id]

        for region_id in self.ids("region"):
            level(region_id, ())
        return found

    @cached_property
    def region_codes(self) -> dict[str, list[str]]:
        """Division code -> ids of the regions that carry it, ordered by id (one, when all is well)."""
        found: dict[str, list[str]] = defaultdict(list)
        for region_id in self.ids("region"):
            code = self.get("region", region_id).get("code")
            if isinstance(code, str):
                found[code].append(region_id)
        return dict(found)

    def region_level(self, region_id: str) -> str:
        """The region's level, written or inferred (a region whose level nothing tells is refused
        by ``catalog check`` before anything is generated)."""
        return self.region_levels.get(region_id) or ""

    def place_of(self, region_id: str) -> str:
        """The city (or, for a province, the province) a region belongs to: practices are grouped by it."""
        chain = self.region_chain(region_id)
        return chain[1] if len(chain) > 1 else chain[0]

    def practice_text(self, practice_id: str) -> str:
        """The prose of a practice: summary, background, measures."""
        data = self.get("practice", practice_id)
        return "\n".join(v for pattern in PRACTICE_TEXT_FIELDS for _, v in walk(data, pattern) if isinstance(v, str))

    @cached_property
    def term_mentions(self) -> dict[str, list[str]]:
        """Term id -> practices that list the term or use one of its names in their text."""
        texts = {p["id"]: (p.get("terms", []), self.practice_text(p["id"])) for p in self.all("practice")}
        found: dict[str, list[str]] = {}
        for term in self.all("term"):
            names = term_names(term)
            found[term["id"]] = [
                practice_id
                for practice_id, (terms, text) in texts.items()
                if term["id"] in terms or any(n in text for n in names)
            ]
        return found

    @cached_property
    def practice_terms(self) -> dict[str, list[str]]:
        """Practice id -> the terms it mentions (see ``term_mentions``), ordered by id."""
        found: dict[str, list[str]] = defaultdict(list)
        for term_id, practice_ids in sorted(self.term_mentions.items()):
            for practice_id in practice_ids:
                found[practice_id].append(term_id)
        return dict(found)

    @cached_property
    def _practices_below(self) -> dict[str, list[str]]:
        """Region id -> practices of the region and of all its sub-regions, ordered by id."""
        found: dict[str, list[str]] = defaultdict(list)
        for practice in self.all("practice"):
            for region_id in self.region_chain(practice["region"]):
                found[region_id].append(practice["id"])
        return dict(found)

    def practices_in_region(self, region_id: str) -> list[str]:
        """Practices of the region and of all its sub-regions, ordered by id."""
        return list(self._practices_below.get(region_id, []))
