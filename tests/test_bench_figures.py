"""The figures ``catalog bench`` prints for a built site, computed on a small hand-made one."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from govcat.bench.run import Figures, Run, site_figures, targets, tree_memory_mb


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


def test_each_size_is_compared_with_the_one_before_and_its_memory_and_site_are_printed() -> None:
    runs = [
        Run(practices=n, stages={"build": Figures(seconds=s, peak_mb=p, together_mb=t, site_mb=m)})
        for n, s, p, t, m in [
            (1000, 50.0, 500, 700, 170.0),
            (4000, 180.0, 1200, 1500, 450.0),
            (20000, 990.0, 2800, 3300, 2000.0),
        ]
    ]
    lines = targets(runs)
    assert "build time 4000 / 1000: 3.60 for 4.0× the practices (target ≤ 4.4)" in lines
    assert "build time 20000 / 4000: 5.50 for 5.0× the practices (target ≤ 5.5)" in lines
    assert (
        "build at 20000: peak memory 2800 MB in one process, 3300 MB in all its processes (target ≤ 3072 at 20,000); "
        "site 102.4 KB per practice, Word documents included (target: no larger at 20,000 than at 4,000)"
    ) in lines


def test_the_memory_of_a_process_and_its_children_is_read_from_proc() -> None:
    """A child holding 64 MB is counted, alone and under the process that started it."""
    holder = subprocess.Popen([sys.executable, "-c", "import time; b = b'x' * (64 * 2**20); time.sleep(60)"])
    try:
        deadline = time.monotonic() + 20
        while tree_memory_mb(holder.pid) < 64 and time.monotonic() < deadline:
            time.sleep(0.1)
        alone = tree_memory_mb(holder.pid)
        together = tree_memory_mb(os.getpid())
    finally:
        holder.kill()
        holder.wait()
    assert 64 <= alone < 128
    assert together >= alone + 10  # this process too
