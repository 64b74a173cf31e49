"""The offline bundle at size: packed file by file, the previous bundle kept when packing stops;
and ``catalog bench --stages offline``, which reports its size and time."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from govcat.bench import DEFAULT_STAGES, STAGES
from govcat.bench.run import Figures, Run, site_figures, table, targets
from govcat.site.publish import pack


def test_a_packing_that_stops_leaves_the_previous_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "site-offline"
    (folder / "practices").mkdir(parents=True)
    (folder / "index.html").write_text("首页", "utf-8")
    (folder / "practices" / "a.html").write_text("做法", "utf-8")
    archive = pack(folder)
    with zipfile.ZipFile(archive) as bundle:
        assert bundle.namelist() == ["site-offline/index.html", "site-offline/practices/a.html"]
    before = archive.read_bytes()
    (folder / "index.html").write_text("新首页", "utf-8")

    def disk_full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(zipfile.ZipFile, "write", disk_full)
    with pytest.raises(OSError, match="No space left"):
        pack(folder)
    assert archive.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site-offline", "site-offline.zip"]


def test_the_offline_stage_runs_only_when_asked_for() -> None:
    assert "offline" in STAGES and "offline" not in DEFAULT_STAGES
    assert DEFAULT_STAGES == ("check", "generate", "floor", "build", "search", "preview")


def test_the_offline_stage_reports_the_bundle_size_and_seconds() -> None:
    offline = Figures(
        212.4, 1180, together_mb=1412, pages=8842, site_mb=431.0, largest_page=(117.2, "/regions/"), bundle_mb=98.31
    )
    runs = [Run(4000, stages={"offline": offline})]
    assert targets(runs) == ["offline bundle at 4000: 98.3 MB zipped (431.0 MB unpacked), built and packed in 212.4 s"]
    assert (
        table(runs)[1]
        == "     4000 offline     212.4     1180    1412   8842    431.0      0.0           117.2                0.0"
    )


def test_the_bundle_is_measured_like_the_site(tmp_path: Path) -> None:
    """The offline bundle's practice pages are files (practices/<id>.html), not folders."""
    bundle = tmp_path / "site-offline"
    pages = {"index.html": 100, "practices/index.html": 500, "practices/a.html": 2048, "practices/b.html": 4096}
    for name, size in pages.items():
        (bundle / name).parent.mkdir(parents=True, exist_ok=True)
        (bundle / name).write_bytes(b"x" * size)
    figures = Figures(1.0, 1.0)
    site_figures(figures, bundle)
    assert (figures.pages, figures.median_practice_kb, figures.largest_page) == (4, 3.0, (4.0, "/practices"))
