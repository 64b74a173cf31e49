"""The synthetic catalog of ``catalog bench``: valid, realistic in shape, the same for a seed."""

from __future__ import annotations

from pathlib import Path

from govcat.bench.synthetic import PROVINCES, write_catalog
from govcat.checks.validate import check_project
from govcat.layout import Project
from govcat.model.catalog import Catalog
from govcat.model.load import load_catalog

REPO = Path(__file__).resolve().parent.parent


def real_catalog() -> Catalog:
    return load_catalog(Project(REPO))


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_synthetic_catalog_passes_check_and_spreads_over_provinces(tmp_path: Path) -> None:
    project = write_catalog(real_catalog(), tmp_path, 30, seed=7)
    result = check_project(project)
    assert [str(d) for d in result.diagnostics] == []
    catalog = result.catalog
    assert len(catalog.ids("practice")) == 30
    assert sorted(
        catalog.get("region", r)["code"] for r in catalog.ids("region") if catalog.region_level(r) == "province"
    ) == sorted(PROVINCES)
    provinces = {catalog.region_chain(p["region"])[0] for p in catalog.all("practice")}
    assert len(provinces) >= 3, provinces
    levels = {p["level"] for p in catalog.all("practice")}
    assert {"city", "county", "township"} <= levels
    assert any("parent" in p for p in catalog.all("practice"))
    assert any(p.get("related") for p in catalog.all("practice"))
    assert all(
        p.get("metrics") is None or all(m["citation"]["quote"] for m in p["metrics"]) for p in catalog.all("practice")
    )
    # Sources are the synthetic reports plus the real article the copied reference records cite.
    assert len(catalog.ids("source")) > 1 and all(catalog.source_texts.get(s) for s in catalog.ids("source"))


def test_same_seed_same_files_other_seed_other_files(tmp_path: Path) -> None:
    source = real_catalog()
    first = files(write_catalog(source, tmp_path / "a", 30, seed=3).root)
    assert files(write_catalog(source, tmp_path / "b", 30, seed=3).root) == first
    assert files(write_catalog(source, tmp_path / "c", 30, seed=4).root) != first
