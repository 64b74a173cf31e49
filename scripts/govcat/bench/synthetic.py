"""A synthetic catalog of N realistic practices, for benchmarks (``catalog bench``) and scale tests.

Everything is drawn with a seeded random generator from the project's own records, so the same
project and seed always give the same files. The reference records (themes, tags, terms,
problems, standards, policies, regions, the source article and its text) are copied as they are; practice
prose is assembled from the clauses of the stored article and the measures and indicators of the
real practices, so pages read and segment like real ones. Regions are real divisions of the
national division table, spread over several provinces: Henan with all its prefectures and four
prefectures of each other province, up to 9 counties per prefecture and 8 townships per county
(a smaller tree for small catalogs), with their real names and codes. Practices are reported in synthetic news reports of a few practices each;
every quote is a sentence of its report's stored text and every figure stands in its quote, so
the catalog passes ``catalog check``.
"""

from __future__ import annotations

import datetime
import random
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pypinyin import lazy_pinyin

from govcat.layout import KINDS, Project
from govcat.model.catalog import Catalog, metric_text
from govcat.model.divisions import Division

# The provinces the synthetic catalog spreads over (codes of the division table): Henan, where the
# real records are, first; of the others, the first CITIES_ELSEWHERE prefectures each.
PROVINCES = ("410000", "610000", "320000", "350000", "510000", "440000")
CITIES_ELSEWHERE = 4
COUNTIES_PER_CITY = 9
TOWNSHIPS_PER_COUNTY = 8
FULL_TREE_AT = 1000  # practices from which the region tree has its full size
LEVEL_WEIGHTS = {"province": 2, "city": 15, "county": 35, "township": 48}
NUMERALS = "一两三四五六"
ACTIONS = "联访议帮管治建带评促融通"
METHOD_SUFFIXES = ("工作法", "机制", "模式", "行动", "工程")
PUBLISHERS = ("中国社区报", "河南日报", "大河报", "人民网河南频道")
QUALIFIERS = ("", "", "", "余", "多", "以上", "达到", "累计")
PRACTICES_PER_REPORT = 8
CLAUSE = re.compile(r"[^，,。；;：:！？!?\n]+")
FIRST_DAY = datetime.date(2024, 1, 1)
DAYS = 730


@dataclass(frozen=True)
class Vocabulary:
    """Words and phrases of the real records that synthetic practices are written with."""

    clauses: list[str]  # clauses of the stored article without figures
    measure_titles: list[str]
    indicators: list[tuple[str, str]]  # (indicator, unit)
    item_names: list[str]  # items of the real standards


def vocabulary(catalog: Catalog) -> Vocabulary:
    article = "\n".join(text for _, text in sorted(catalog.source_texts.items()))
    clauses = sorted(
        {c.strip() for c in CLAUSE.findall(article) if 8 <= len(c.strip()) <= 40 and not re.search(r"[0-9A-Za-z]", c)}
    )
    practices = catalog.all("practice")
    return Vocabulary(
        clauses=clauses,
        measure_titles=sorted({m["title"] for p in practices for m in p["measures"]}),
        indicators=sorted({(m["indicator"], m.get("unit", "")) for p in practices for m in p.get("metrics", [])}),
        item_names=sorted({i["name"] for s in catalog.all("standard") for i in s["items"]}),
    )


def slug(text: str) -> str:
    """An id from Chinese text: its pinyin, two syllables a word (一联四帮 -> yilian-sibang)."""
    syllables = [s for s in lazy_pinyin(text) if s.isascii() and s.isalpha()]
    return "-".join("".join(syllables[i : i + 2]) for i in range(0, len(syllables), 2)).lower()


class Writer:
    """Builds the synthetic catalog's records and report texts, then writes them out."""

    def __init__(self, source: Catalog, practices: int, seed: int) -> None:
        self.source = source
        self.count = practices
        self.random = random.Random(seed)
        self.words = vocabulary(source)
        self.regions: dict[str, dict[str, Any]] = {r["id"]: r for r in source.all("region")}
        self.files: dict[str, dict[str, Any]] = {}  # path below the root -> record data
        self.reports: dict[str, list[str]] = {}  # source id -> sentences of its text
        self.ids: set[str] = set(self.regions)

    def unique(self, wanted: str) -> str:
        found, number = wanted, 1
        while found in self.ids:
            number += 1
            found = f"{wanted}-{number}"
        self.ids.add(found)
        return found

    def pick(self, items: list[Any], low: int, high: int) -> list[Any]:
        return self.random.sample(items, min(len(items), self.random.randint(low, high)))

    # regions --------------------------------------------------------------------------------

    def add_region(self, division: Division, parent: str | None) -> str:
        """The region record of a division of the table (the real record when there is one)."""
        owners = self.source.region_codes.get(division.code)
        if owners:
            return owners[0]
        short = division.name[:2] if division.level != "township" else division.name[:-1]
        region_id = self.unique(f"{self.regions[parent]['id']}-{slug(short)}" if parent else slug(short))
        data = {"id": region_id, "name": division.name, "code": division.code, "level": division.level}
        if parent:
            data["parent"] = parent
        self.regions[region_id] = data
        self.files[f"{KINDS['region'].folder}/{region_id}.yaml"] = data
        return region_id

    def region_tree(self) -> None:
        """Provinces of ``PROVINCES`` with their prefectures, counties and townships, from the
        division table: real names and codes, as many as the catalog's size calls for."""
        table = self.source.divisions
        scale = min(1.0, self.count / FULL_TREE_AT)
        counties = max(1, round(COUNTIES_PER_CITY * scale))
        townships = max(1, round(TOWNSHIPS_PER_COUNTY * scale))
        for number, code in enumerate(PROVINCES):
            province = table.get(code)
            if province is None:
                raise ValueError(f"区划表中没有代码 {code}")
            province_id = self.add_region(province, None)
            cities = [d for d in table.children(code) if d.level == "city"]
            for city in cities if number == 0 else cities[:CITIES_ELSEWHERE]:
                city_id = self.add_region(city, province_id)
                for county in [d for d in table.children(city.code) if d.level == "county"][:counties]:
                    county_id = self.add_region(county, city_id)
                    for township in table.children(county.code)[:townships]:
                        self.add_region(township, county_id)

    def chain(self, region_id: str) -> list[str]:
        chain = [region_id]
        while "parent" in self.regions[chain[-1]]:
            chain.append(self.regions[chain[-1]]["parent"])
        return chain[::-1]

    def full_name(self, region_id: str) -> str:
        """How a report names a place: 洛阳市新安县城关镇 (without the province)."""
        names = [self.regions[r]["name"] for r in self.chain(region_id)]
        return "".join(names[1:]) or names[0]

    # practices ------------------------------------------------------------------------------

    def method(self) -> str:
        r = self.random
        return f"{r.choice(NUMERALS)}{r.choice(ACTIONS)}{r.choice(NUMERALS)}{r.choice(ACTIONS)}"

    def sentence(self, *clauses: str) -> str:
        return "，".join(clauses)

    def clauses(self, count: int) -> list[str]:
        return self.random.sample(self.words.clauses, count)

    def metric(self, place: str) -> tuple[dict[str, Any], str]:
        indicator, unit = self.random.choice(self.words.indicators)
        percent = unit == "%"
        value = f"{self.random.uniform(10, 99):.1f}" if percent else str(self.random.randint(2, 3000))
        data: dict[str, Any] = {"indicator": indicator, "value": value}
        if unit:
            data["unit"] = unit
        qualifier = self.random.choice(QUALIFIERS)
        if qualifier and not (percent and qualifier in ("余", "多")):
            data["qualifier"] = qualifier
        return data, f"{place}{indicator}{metric_text(data)}"

    def practice(self, region_id: str, report: str, standards: list[str], parent: str | None) -> dict[str, Any]:
        r = self.random
        place = self.full_name(region_id)
        name = self.method()
        suffix = r.choice(METHOD_SUFFIXES)
        lead = self.sentence(f"{place}推行“{name}”{suffix}", *self.clauses(2))
        text = [lead]
        measures = []
        for title in self.pick(self.words.measure_titles, 2, 4):
            detail = self.sentence(*self.clauses(2))
            text.append(detail)
            measures.append(
                {"title": title, "detail": f"{detail}。", "citations": [{"source": report, "quote": detail}]}
            )
        metrics = []
        for _ in range(r.randint(0, 3)):
            metric, sentence = self.metric(place)
            metric["citation"] = {"source": report, "quote": sentence}
            text.append(sentence)
            metrics.append(metric)
        self.reports[report] += text
        tags = sorted(self.pick(self.source.ids("tag"), 0, 3))
        data: dict[str, Any] = {
            "id": self.unique(f"{region_id}-{slug(name)}"),
            "title": f"{place}：“{name}”{suffix}",
            "short_title": f"“{name}”{suffix}",
            "region": region_id,
            "level": self.regions[region_id]["level"],
            **({"parent": parent} if parent else {}),
            "themes": sorted(self.pick(self.source.ids("theme"), 1, 3)),
            **({"tags": tags} if tags else {}),
            "summary": f"{lead}。",
        }
        if r.random() < 0.5:
            data["background"] = f"{self.sentence(*self.clauses(1))}。"
        data["measures"] = measures
        if metrics:
            data["metrics"] = metrics
        for field, ids, high in (
            ("standards", standards, 2),
            ("policies", self.source.ids("policy"), 2),
            ("terms", self.source.ids("term"), 3),
            ("problems", self.source.ids("problem"), 2),
        ):
            chosen = sorted(self.pick(ids, 0, high))
            if chosen:
                data[field] = chosen
        data["sources"] = [{"source": report, "quote": lead}]
        data["last_reviewed"] = (FIRST_DAY + datetime.timedelta(days=r.randrange(DAYS))).isoformat()
        return data

    def city_of(self, region_id: str) -> str:
        chain = self.chain(region_id)
        return chain[1] if len(chain) > 1 else chain[0]

    def places(self) -> list[tuple[str, str]]:
        """(city, region) of each practice, by city: a level drawn by weight, then a region at it."""
        levels = list(LEVEL_WEIGHTS)
        at_level = {level: sorted(r for r, d in self.regions.items() if d["level"] == level) for level in levels}
        drawn = self.random.choices(levels, weights=list(LEVEL_WEIGHTS.values()), k=self.count)
        return sorted(
            (self.city_of(region), region) for region in (self.random.choice(at_level[level]) for level in drawn)
        )

    def practices(self) -> None:
        """Practices in reports of a few each; every 25th is the parent of the next two."""
        made: list[dict[str, Any]] = []
        reported: list[str] = []  # the city of each practice in the current report
        report, standards = "", list[str]()  # the first practice opens the first report
        for index, (city, region) in enumerate(self.places()):
            if reported[:1] != [city] or len(reported) == PRACTICES_PER_REPORT:
                report, reported = self.report(city), []
                standards = self.source.ids("standard") + [self.city_standard(city, report)]
            reported.append(city)
            parent = made[index - index % 25] if index % 25 in (1, 2) else None
            data = self.practice(region, report, standards, parent["id"] if parent else None)
            if parent:
                parent["measures"].append({"title": data["short_title"], "practice": data["id"]})
            made.append(data)
        ids = [p["id"] for p in made]
        for data in made:
            related = sorted(p for p in self.pick(ids, 0, 3) if p not in (data["id"], data.get("parent")))
            if related:
                data["related"] = related
            self.files[f"{KINDS['practice'].folder}/{self.city_of(data['region'])}/{data['id']}.yaml"] = data

    # reports and standards ------------------------------------------------------------------

    def report(self, city: str) -> str:
        r = self.random
        report_id = self.unique(f"{city}-baodao")
        day = FIRST_DAY + datetime.timedelta(days=r.randrange(DAYS))
        title = f"{self.regions[city]['name']}：{r.choice(self.words.clauses)}"
        self.files[f"{KINDS['source'].folder}/{report_id}.yaml"] = {
            "id": report_id,
            "publisher": r.choice(PUBLISHERS),
            "title": title,
            "published": day.isoformat(),
            "text_file": f"{report_id}.txt",
        }
        self.reports[report_id] = [title]
        return report_id

    def city_standard(self, city: str, report: str) -> str:
        """The city's own work standard, stated in its first report."""
        standard_id = f"{city}-gongzuo-biaozhun"
        path = f"{KINDS['standard'].folder}/{standard_id}.yaml"
        if path not in self.files:
            self.ids.add(standard_id)
            name = f"{self.regions[city]['name']}“{self.method()}”工作标准"
            items = self.pick(self.words.item_names, 3, 6)
            quote = f"制定{name}，明确{'、'.join(items)}等要求"
            self.reports[report].append(quote)
            self.files[path] = {
                "id": standard_id,
                "name": name,
                "region": city,
                "items": [{"name": i} for i in items],
                "citations": [{"source": report, "quote": quote}],
            }
        return standard_id

    def texts(self) -> Iterator[tuple[str, str]]:
        for report_id, sentences in self.reports.items():
            yield f"{KINDS['source'].folder}/{report_id}.txt", sentences[0] + "\n" + "。\n".join(sentences[1:]) + "。\n"


def schema_line(relative: str) -> str:
    kind = next(k for k in KINDS.values() if relative.startswith(k.folder + "/"))
    depth = relative.count("/")
    return f"# yaml-language-server: $schema={'../' * depth}schemas/{kind.schema_file}\n"


def write_catalog(source: Catalog, target: Path, practices: int, seed: int = 1) -> Project:
    """Write a synthetic catalog of ``practices`` practices into ``target``, next to copies of
    the source project's configuration, schemas, hand-written pages and reference records."""
    root = source.project.root
    for name in ("mkdocs.yml", "schemas", "content", "overrides", "reference"):
        if (root / name).is_dir():
            shutil.copytree(root / name, target / name, dirs_exist_ok=True)
        else:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(root / name, target / name)
    writer = Writer(source, practices, seed)
    writer.region_tree()
    writer.practices()
    for relative, data in writer.files.items():
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        (target / relative).write_text(schema_line(relative) + text, encoding="utf-8")
    for relative, text in writer.texts():
        (target / relative).write_text(text, encoding="utf-8")
    return Project(target)
