"""The versioned dataset (/dataset/): every record as JSON Lines, the JSON Schemas they follow,
the stored source texts, a manifest and a ``SHA256SUMS`` that ``sha256sum -c`` checks.

Every build writes it, so ``catalog publish`` puts it on the site and in the offline bundle. Its
version is made from its content alone: the newest date a record gives, then the first twelve hex
digits of a SHA-256 over every data file's path and SHA-256. The same records, schemas and source
texts give the same version (and the same bytes); any change to them gives another. The manifest
also counts the records of each kind, lists the sources, and gives the date the national division
table is current to, when the project has one (``reference/divisions/divisions.tsv``, its
``# as_of:`` line).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Any

from govcat.layout import KINDS, Project
from govcat.model.catalog import DATE_FIELDS, Catalog
from govcat.site.generate.outputs import RawFile

FOLDER = "dataset"
MANIFEST = "manifest.json"
SUMS = "SHA256SUMS"
DATASET_FORMAT = 1
DIVISIONS = "reference/divisions/divisions.tsv"
HASH_DIGITS = 12
DIVISION_FACTS = ("as_of", "source", "licence", "attribution")  # the licence asks for attribution


def json_lines(records: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n" for r in records)


def data_files(catalog: Catalog) -> dict[str, str]:
    """Path below the dataset folder -> text: the records of each kind, the schemas, the source texts."""
    files = {f"{kind.section}.jsonl": json_lines(catalog.all(kind.name)) for kind in KINDS.values()}
    for schema in sorted(catalog.project.schemas.glob("*.schema.json")):
        files[f"schemas/{schema.name}"] = schema.read_text(encoding="utf-8")
    for source_id in sorted(catalog.source_texts):
        files[f"sources/{source_id}.txt"] = catalog.source_texts[source_id]
    return dict(sorted(files.items()))


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def content_hash(files: dict[str, str]) -> str:
    """A SHA-256 over every file's path and SHA-256, in path order."""
    return sha256("".join(f"{path}\0{sha256(text)}\n" for path, text in sorted(files.items())))


def newest_date(catalog: Catalog) -> str:
    dates = [r[field] for kind, field in DATE_FIELDS.items() for r in catalog.all(kind) if field in r]
    return max(dates, default="")


def division_facts(project: Project) -> dict[str, str]:
    """The ``# key: value`` lines at the top of the division table (its source and ``as_of``
    date), when the project has the table; nothing otherwise."""
    path = project.root / DIVISIONS
    if not path.is_file():
        return {}
    facts: dict[str, str] = {}
    with path.open(encoding="utf-8") as table:
        for line in table:
            if not line.startswith("#"):
                break
            key, colon, value = line[1:].strip().partition(":")
            if colon and key.strip().isidentifier():
                facts[key.strip()] = value.strip()
    return facts


def manifest(catalog: Catalog, files: dict[str, str]) -> dict[str, Any]:
    digest = content_hash(files)
    newest = newest_date(catalog).replace("-", "")
    divisions = division_facts(catalog.project)
    return {
        "format": DATASET_FORMAT,
        "version": f"{newest}.{digest[:HASH_DIGITS]}" if newest else digest[:HASH_DIGITS],
        "content_sha256": digest,
        "records": {kind.section: len(catalog.ids(kind.name)) for kind in KINDS.values()},
        "sources": [
            {key: source[key] for key in ("id", "title", "publisher", "published", "url") if key in source}
            for source in catalog.all("source")
        ],
        "division_table": {k: divisions[k] for k in DIVISION_FACTS if k in divisions} if "as_of" in divisions else None,
        "files": sorted(files),
    }


def pages(catalog: Catalog) -> Iterator[RawFile]:
    files = data_files(catalog)
    files[MANIFEST] = json.dumps(manifest(catalog, files), ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    sums = "".join(f"{sha256(text)}  {path}\n" for path, text in sorted(files.items()))
    for path, text in [*files.items(), (SUMS, sums)]:
        yield RawFile(f"{FOLDER}/{path}", text)
