"""``catalog bench``: how checking, generating, building and searching scale with the catalog.

For each size it writes a synthetic catalog (``govcat.bench.synthetic``) into a temporary folder (or
``--keep DIR``) and runs each stage as its own process, as editors and CI run them — ``catalog
check``, ``catalog generate``, ``mkdocs build`` without the search index (the build's floor),
``mkdocs build`` — taking the wall time and the process's peak memory from ``wait4``. The
``search`` stage then makes a reader's first search on the built site in headless Chromium
(``govcat.bench.firstquery``). Built sites are measured too: pages, size, search index, the largest
HTML page and the median practice page. The ``preview`` stage (up to ``--preview-up-to`` practices)
times the editor's loop under ``catalog serve`` (``govcat.bench.preview``). After a build, the similar practices are found once more
in-process and timed, per size and per thousand practices (flat when the work is linear). The
``naive`` stage (not run by default) builds the same pages the naive way, for comparison: no plugin
of ours, every page in the navigation, Material's own search. The ``offline`` stage (not run by
default either) runs ``catalog publish --offline`` and reports the bundle: the zip's megabytes, the
folder's, and the seconds to build and pack it. Figures are printed, never asserted: timings belong
to the machine they are measured on.
"""

from __future__ import annotations

import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from govcat.bench.firstquery import QUERY, FirstQuery, measure, unavailable
from govcat.bench.preview import PreviewFigures, measure_preview
from govcat.bench.synthetic import write_catalog
from govcat.layout import Project
from govcat.model.load import load_catalog
from govcat.site.generate import word
from govcat.site.generate.similar import similar_practices
from govcat.site.search.index import FOLDER as SEARCH_FOLDER
from govcat.site.search.index import NO_INDEX_VARIABLE

COMMANDS = {
    "check": ["-m", "govcat", "check"],
    "generate": ["-m", "govcat", "generate"],
    "floor": ["-m", "mkdocs", "build", "--quiet", "--site-dir", "site-floor"],
    "build": ["-m", "govcat", "build", "--out", "site"],
    "naive": ["-m", "mkdocs", "build", "--quiet", "--config-file", "mkdocs-naive.yml"],
    "offline": ["-m", "govcat", "publish", "--offline", "--out", "site-offline"],
}
SITES = {"floor": "site-floor", "build": "site", "naive": "site-naive", "offline": "site-offline"}
ENVIRONMENT = {"floor": {NO_INDEX_VARIABLE: "1"}}
NAIVE_DOCS = "naive-docs"
KEPT_MARK = ".catalog-bench"  # marks a folder of --keep as the benchmark's own, safe to replace
MB = 1024 * 1024


class BenchError(ValueError):
    """Why the benchmark cannot run as asked, in words for the person running it."""


@dataclass
class Figures:
    """What one stage took, and for builds what it wrote."""

    seconds: float
    peak_mb: float  # the largest single process
    together_mb: float = 0.0  # all the stage's processes at once (sampled twice a second)
    pages: int = 0
    site_mb: float = 0.0
    index_mb: float = 0.0
    largest_page: tuple[float, str] = (0.0, "")  # KB, path
    median_practice_kb: float = 0.0
    bundle_mb: float = 0.0  # the offline stage's zip


@dataclass
class WordFigures:
    """What the Word documents cost: the seconds to make them, their megabytes in the site."""

    seconds: float
    site_mb: float


@dataclass
class Run:
    practices: int
    stages: dict[str, Figures] = field(default_factory=dict)
    first_query: FirstQuery | None = None
    first_query_missing: str = ""
    word: WordFigures | None = None
    similar_seconds: tuple[float, float] | None = None  # wall-clock, processor
    preview: PreviewFigures | None = None


class Progress:
    """A one-line text bar on stderr, shown only when stderr is a terminal."""

    def __init__(self) -> None:
        self.shown = sys.stderr.isatty()

    def show(self, label: str, started: float, done: int = 0, total: int = 0) -> None:
        if not self.shown:
            return
        bar = f"[{'#' * (20 * done // total):<20}] {done}/{total} " if total else ""
        sys.stderr.write(f"\r{label} {bar}{time.monotonic() - started:.0f} s\033[K")
        sys.stderr.flush()

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")


def run_stage(root: Path, stage: str, practices: int, progress: Progress) -> Figures:
    """Run one stage in ``root`` as a child process; its time and peak resident memory."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **ENVIRONMENT.get(stage, {})}
    log = root / f"{stage}.log"
    started = time.monotonic()
    with log.open("wb") as out:
        child = subprocess.Popen(
            [sys.executable, *COMMANDS[stage]], cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT
        )
    together = 0.0  # the most the stage's processes held at once (it may fork workers)
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        together = max(together, tree_memory_mb(child.pid))
        done = practice_pages_written(root, SITES[stage]) if stage in SITES else 0
        progress.show(f"{practices} {stage}", started, done, practices if stage in SITES else 0)
        time.sleep(0.5)
    seconds = time.monotonic() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    progress.clear()
    if child.returncode != 0:
        raise RuntimeError(f"{stage} failed ({child.returncode}):\n{log.read_text('utf-8')[-3000:]}")
    largest = usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux: the largest single process
    return Figures(seconds, largest, together_mb=max(together, largest))


def tree_memory_mb(pid: int) -> float:
    """The memory a process and its descendants hold now, shared pages counted once (the sum of
    their proportional set sizes); 0 where /proc does not tell."""
    total_kb, waiting = 0, [pid]
    while waiting:
        current = waiting.pop()
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:  # ended meanwhile, or not Linux
            continue
        total_kb += next((int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:")), 0)
        waiting += [int(child) for child in children]
    return total_kb / 1024


def practice_pages_written(root: Path, site: str) -> int:
    """The practice pages a build has written so far: into the folder ``catalog build`` fills
    beside the site (``govcat.site.staging``), or the site itself (``mkdocs build``)."""
    for folder in [*sorted(root.glob(f".{site}.building-*")), root / site]:
        if (folder / "practices").is_dir():
            return max(len(os.listdir(folder / "practices")) - 1, 0)
    return 0


def site_figures(figures: Figures, site: Path) -> None:
    """Pages, size, search index, largest page and median practice page of a built site."""
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    figures.pages = len(pages)
    figures.site_mb = sum(p.stat().st_size for p in files) / MB
    figures.index_mb = sum(p.stat().st_size for p in files if p.relative_to(site).parts[0] == SEARCH_FOLDER) / MB
    largest = max(pages, key=lambda p: (p.stat().st_size, p.as_posix()))
    figures.largest_page = (largest.stat().st_size / 1024, "/" + largest.relative_to(site).parent.as_posix())
    practice_pages = [p.stat().st_size for p in practice_pages_of(site)]
    figures.median_practice_kb = statistics.median(practice_pages) / 1024


def practice_pages_of(site: Path) -> list[Path]:
    """Each practice's page: ``practices/<id>/index.html``, or ``practices/<id>.html`` in the
    offline bundle, whose links name files."""
    folder = site / "practices"
    return [*folder.glob("*/index.html"), *(page for page in folder.glob("*.html") if page.name != "index.html")]


def prepare_naive(project: Project) -> None:
    """The generated and hand-written pages in one folder (the docs tree of ``catalog generate
    --docs-tree``), and a config listing every page in ``nav``, without our plugin and with
    Material's search plugin at its default settings."""
    docs = project.root / NAIVE_DOCS
    subprocess.run(
        [sys.executable, "-m", "govcat", "generate", "--docs-tree", NAIVE_DOCS],
        cwd=project.root,
        check=True,
        capture_output=True,
    )
    sections: dict[str, list[str]] = {}
    for page in sorted(docs.rglob("*.md")):
        uri = page.relative_to(docs).as_posix()
        sections.setdefault(uri.split("/")[0] if "/" in uri else "", []).append(uri)
    nav = sections.pop("", []) + [{name: pages} for name, pages in sorted(sections.items())]
    config = {
        "INHERIT": "mkdocs.yml",
        "docs_dir": NAIVE_DOCS,
        "site_dir": SITES["naive"],
        "strict": False,
        "plugins": ["search"],
        "nav": nav,
    }
    (project.root / "mkdocs-naive.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")


@contextmanager
def workspace(keep: Path | None, practices: int) -> Iterator[Path]:
    """Where the synthetic catalog is written: ``keep/<practices>`` (kept), or a temporary folder."""
    if keep is None:
        with tempfile.TemporaryDirectory(prefix=f"catalog-bench-{practices}-") as temporary:
            yield Path(temporary)
        return
    folder = keep / str(practices)
    if folder.exists():
        if not (folder / KEPT_MARK).is_file():
            raise BenchError(f"{folder} 已存在且不是 catalog bench 保留的目录：不会覆盖，请另选 --keep 目录")
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    (folder / KEPT_MARK).write_text("catalog bench --keep\n", encoding="utf-8")
    yield folder


def bench_one(
    source: Project,
    practices: int,
    stages: Sequence[str],
    naive_up_to: int,
    seed: int,
    keep: Path | None,
    progress: Progress,
    preview_up_to: int,
) -> Run:
    run = Run(practices)
    with workspace(keep, practices) as folder:
        progress.show(f"{practices} synthesize", time.monotonic())
        project = write_catalog(load_catalog(source), folder, practices, seed)
        for stage in stages:
            if stage == "search":
                first_query(run, project.root / SITES["build"])
                continue
            if stage == "preview":
                if practices <= preview_up_to:
                    progress.show(f"{practices} preview", time.monotonic())
                    run.preview = measure_preview(project.root)
                continue
            if stage == "naive":
                if practices > naive_up_to:
                    continue
                prepare_naive(project)
            run.stages[stage] = figures = run_stage(project.root, stage, practices, progress)
            if stage in SITES:
                site_figures(figures, project.root / SITES[stage])
            if stage == "offline":
                figures.bundle_mb = (project.root / SITES[stage]).with_suffix(".zip").stat().st_size / MB
            if stage == "build":
                run.word = word_figures(project, project.root / SITES[stage])
                run.similar_seconds = similar_seconds(project)
    return run


def similar_seconds(project: Project) -> tuple[float, float]:
    """What the build spends finding every practice's similar practices, timed on its own (with
    the terms each practice mentions already computed, as the practice pages need them anyway):
    wall-clock and processor seconds (the second unaffected by other work on a shared machine)."""
    catalog = load_catalog(project)
    catalog.practice_terms  # noqa: B018 - computed once per build by the practice pages
    started, processor = time.perf_counter(), time.process_time()
    similar_practices(catalog)
    return time.perf_counter() - started, time.process_time() - processor


def similar_report(runs: list[Run]) -> list[str]:
    """The similar practices' cost per size and per thousand practices: flat when the work is linear."""
    lines = []
    for run in runs:
        if run.similar_seconds is not None:
            wall, processor = run.similar_seconds
            lines.append(
                f"similar practices at {run.practices}: {wall:.2f} s ({processor:.2f} s of processor), "
                f"{1000 * processor / run.practices:.2f} s of processor per 1000 practices"
            )
    return lines


def first_query(run: Run, site: Path) -> None:
    missing = unavailable() or ("" if (site / "index.html").is_file() else "先运行 build 阶段")
    if missing:
        run.first_query_missing = missing
    else:
        run.first_query = measure(site)


def word_figures(project: Project, site: Path) -> WordFigures:
    """What the build spends on the Word documents, timed on its own: making them from the checked
    catalog (with the relations the other pages share already computed, as in the build), then
    copying them as MkDocs copies them into the site; and their bytes in the built site."""
    catalog = load_catalog(project)
    catalog.practice_terms  # noqa: B018 - computed once per build by the practice pages
    started = time.perf_counter()
    for _ in word.pages(catalog):
        pass
    with tempfile.TemporaryDirectory(dir=project.root) as copy:
        shutil.copytree(site / "word", Path(copy) / "word")
    seconds = time.perf_counter() - started
    size = sum(p.stat().st_size for p in (site / "word").rglob("*") if p.is_file())
    return WordFigures(seconds, size / MB)


def word_report(runs: list[Run]) -> list[str]:
    """The Word documents' share of each build, against their budget: at most 15% more build time
    and 25% more site (README, "Benchmarks", where the figures are kept)."""
    lines = []
    for run in runs:
        if run.word is not None:
            build, spent = run.stages["build"], run.word
            lines.append(
                f"Word documents at {run.practices}: {spent.seconds:.1f} s of the {build.seconds:.1f} s build, "
                f"+{spent.seconds / (build.seconds - spent.seconds):.0%} (target ≤ 15%); "
                f"{spent.site_mb:.1f} MB of the {build.site_mb:.1f} MB site, "
                f"+{spent.site_mb / (build.site_mb - spent.site_mb):.0%} (target ≤ 25%)"
            )
    return lines


def table(runs: list[Run]) -> list[str]:
    lines = [
        (
            f"{'practices':>9} {'stage':<8} {'seconds':>8} {'peak MB':>8} {'all MB':>7} {'pages':>6} {'site MB':>8} "
            f"{'index MB':>8} {'largest page KB':>15} {'median practice KB':>18}"
        )
    ]
    for run in runs:
        for stage, f in run.stages.items():
            site = (
                f"{f.pages:>6} {f.site_mb:>8.1f} {f.index_mb:>8.1f} {f.largest_page[0]:>15.1f} "
                f"{f.median_practice_kb:>18.1f}"
                if stage in SITES
                else ""
            )
            lines.append(
                f"{run.practices:>9} {stage:<8} {f.seconds:>8.1f} {f.peak_mb:>8.0f} {f.together_mb:>7.0f} {site}".rstrip()
            )
    return lines


def targets(runs: list[Run]) -> list[str]:
    """The ratios and sizes the README's Benchmarks section keeps targets for, computed from one
    run's measurements, each with its target."""
    lines = []
    for run in runs:
        stages = run.stages
        if "floor" in stages and "build" in stages:
            ratio = stages["build"].seconds / stages["floor"].seconds
            lines.append(f"build / build without search index at {run.practices}: {ratio:.2f} (target ≤ 1.15)")
        if "naive" in stages and "build" in stages:
            ratio = stages["build"].seconds / stages["naive"].seconds
            lines.append(f"build / naive build at {run.practices}: {ratio:.2f}")
        if "check" in stages:
            lines.append(f"catalog check at {run.practices}: {stages['check'].seconds:.1f} s (target ≤ 10 at 20,000)")
        if "build" in stages:
            kb, path = stages["build"].largest_page
            lines.append(f"largest HTML page at {run.practices}: {kb:.1f} KB, {path} (target ≤ 400)")
            lines.append(
                f"median practice page at {run.practices}: {stages['build'].median_practice_kb:.1f} KB (target < 60)"
            )
            index_mb = stages["build"].index_mb
            lines.append(
                f"search index at {run.practices}: {index_mb:.1f} MB, "
                f"{index_mb * 1024 / run.practices:.1f} KB per practice (target ≤ 8 at 20,000)"
            )
        if "offline" in stages:
            offline = stages["offline"]
            lines.append(
                f"offline bundle at {run.practices}: {offline.bundle_mb:.1f} MB zipped "
                f"({offline.site_mb:.1f} MB unpacked), built and packed in {offline.seconds:.1f} s"
            )
        if run.first_query is not None:
            q = run.first_query
            lines.append(
                f"first search ({QUERY}) at {run.practices}: {q.seconds:.2f} s (target ≤ 1.0), "
                f"{q.bytes / MB:.2f} MB in {q.requests} requests (target ≤ 1)"
            )
        elif run.first_query_missing:
            lines.append(f"first search at {run.practices}: not measured ({run.first_query_missing})")
        if run.preview is not None:
            p = run.preview
            lines.append(
                f"preview at {run.practices}: the saved practice's page served changed {p.own_page:.1f} s after "
                f"the save (target ≤ 5); the pages that follow {p.related_pages:.1f} s; search index "
                f"{p.index:.1f} s (first whole build {p.first_build:.0f} s)"
            )
    builds = {r.practices: r.stages["build"] for r in runs if "build" in r.stages}
    sizes = sorted(builds)
    for small, large in itertools.pairwise(sizes):
        ratio = builds[large].seconds / builds[small].seconds
        lines.append(
            f"build time {large} / {small}: {ratio:.2f} for {large / small:.1f}× the practices "
            f"(target ≤ {1.1 * large / small:.1f})"
        )
    for size in sizes:
        build = builds[size]
        lines.append(
            f"build at {size}: peak memory {build.peak_mb:.0f} MB in one process, {build.together_mb:.0f} MB "
            f"in all its processes (target ≤ 3072 at 20,000); site {1024 * build.site_mb / size:.1f} KB per "
            "practice, Word documents included (target: no larger at 20,000 than at 4,000)"
        )
    return lines + word_report(runs) + similar_report(runs)


def bench(
    project: Project,
    sizes: Sequence[int],
    stages: Sequence[str],
    naive_up_to: int,
    seed: int,
    keep: Path | None = None,
    preview_up_to: int = 4000,
) -> list[str]:
    progress = Progress()
    runs = [bench_one(project, size, stages, naive_up_to, seed, keep, progress, preview_up_to) for size in sizes]
    return table(runs) + targets(runs)
