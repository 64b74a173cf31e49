"""The figures ``catalog bench`` prints for a built site, computed on a small hand-made one."""

from __future__ import annotations

from pathlib import Path

from govcat.bench.run import Figures, Run, site_figures, targets


def test_the_search_index_is_printed_per_practice(tmp_path: Path) -> None:
    site = tmp_path / "site"
    sizes = {"index.html": 500, "practices/a/index.html": 3000, "search/manifest.js": 100, "search/w/0.js": 399_900}
    for relative, size in sizes.items():
        (site / relative).parent.mkdir(parents=True, exist_ok=True)
        (site / relative).write_text("x" * size, encoding="utf-8")
    figures = Figures(seconds=1.0, peak_mb=1.0)
    site_figures(figures, site)
    lines = targets([Run(practices=50, stages={"build": figures})])
    assert "search index at 50: 0.4 MB, 7.8 KB per practice (target ≤ 8 at 20,000)" in lines
