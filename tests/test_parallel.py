"""Work spread over the cores gives what one process gives, byte for byte: the generated pages and
Word documents, and the search index; a worker's error reaches the caller, a lost worker stops it."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from govcat.layout import Project
from govcat.model.load import load_catalog
from govcat.site import parallel
from govcat.site.generate import generated_files
from govcat.site.parallel import WORKERS_VARIABLE, ParallelError, map_ordered
from govcat.site.search.index import build_index, index_site
from govcat.site.search.pages import PageError
from support import REPO, run_catalog

DICTIONARY = "无主管楼院 100000\n楼院 10000\n"


@pytest.fixture(autouse=True)
def split_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every map here is split, however little work its items are."""
    monkeypatch.setattr(parallel, "WORTH_SPLITTING", 0.0)


@pytest.fixture
def forked(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many items each map handed to worker processes (none: all done in this process)."""
    counts: list[int] = []
    forked_map = parallel._forked

    def counting(function: Callable[[Any], Any], items: Sequence[Any], workers: int) -> Iterator[Any]:
        counts.append(len(items))
        return forked_map(function, items, workers)

    monkeypatch.setattr(parallel, "_forked", counting)
    return counts


def test_results_come_back_in_order_from_the_workers() -> None:
    offset = 3  # a closure: nothing is pickled on the way to a forked worker
    results = list(map_ordered(lambda n: (n * n + offset, os.getpid()), range(40), workers=2))
    assert [value for value, _ in results] == [n * n + 3 for n in range(40)]
    assert os.getpid() not in {pid for _, pid in results[2:]}  # the first two are done here


def test_one_worker_or_a_call_inside_a_worker_runs_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(WORKERS_VARIABLE, "1")
    assert set(map_ordered(lambda _: os.getpid(), range(5))) == {os.getpid()}
    inner = map_ordered(
        lambda _: (os.getpid(), list(map_ordered(lambda _: os.getpid(), range(4)))), range(4), workers=2
    )
    assert all(inner_pids == [pid] * 4 for pid, inner_pids in inner)


def test_a_wrong_worker_count_is_named_with_the_fix(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(WORKERS_VARIABLE, "两个")
    assert run_catalog(project, monkeypatch, capsys, "generate") == (
        2,
        [],
        "error: 环境变量 CATALOG_WORKERS 的值“两个”不对：应为 1 以上的整数，如 CATALOG_WORKERS=1\n",
    )
    assert not project.generated.exists()


def test_an_error_in_a_worker_is_raised_in_the_caller_as_it_was() -> None:
    def read(n: int) -> int:
        if n == 7:
            raise PageError("p/7.html: error: front matter search.boost 的值“高”类型不对")
        return n

    with pytest.raises(PageError) as raised:
        list(map_ordered(read, range(20), workers=2))
    assert str(raised.value) == "p/7.html: error: front matter search.boost 的值“高”类型不对"


@pytest.mark.timeout(60)
def test_a_worker_that_dies_stops_the_map_instead_of_hanging() -> None:
    def die(n: int) -> int:
        if n == 5:
            os._exit(3)  # as the kernel's out-of-memory killer would end it
        return n

    with pytest.raises(ParallelError) as raised:
        list(map_ordered(die, range(20), workers=2))
    assert (
        str(raised.value) == "一个工作进程意外退出（可能是内存不足）：设环境变量 CATALOG_WORKERS=1 可在单个进程中重试"
    )


@pytest.mark.parametrize("catalog_root", ["fixture", "repository"])
def test_generation_on_two_workers_writes_the_bytes_of_one(
    project: Project, monkeypatch: pytest.MonkeyPatch, forked: list[int], catalog_root: str
) -> None:
    root = project.root if catalog_root == "fixture" else REPO
    monkeypatch.setenv(WORKERS_VARIABLE, "2")
    on_two = dict(generated_files(load_catalog(Project(root))))
    assert forked and max(forked) > 1  # the pages (and, with several practices, the Word documents) were split
    monkeypatch.setenv(WORKERS_VARIABLE, "1")
    on_one = dict(generated_files(load_catalog(Project(root))))
    assert list(on_two) == list(on_one)
    assert [name for name in on_one if on_two[name] != on_one[name]] == []


def search_folder(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted((site / "search").rglob("*")) if p.is_file()}


def index_on(
    site: Path, workers: str, monkeypatch: pytest.MonkeyPatch, project: Project | None = None
) -> dict[str, bytes]:
    """The search folder written for ``site`` on ``workers`` processes, with ``project``'s dictionary
    and synonyms (else a small dictionary)."""
    monkeypatch.setenv(WORKERS_VARIABLE, workers)
    if project is None:
        build_index(site, DICTIONARY)
    else:
        index_site(project, site)
    return search_folder(site)


def test_index_on_two_workers_writes_the_bytes_of_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forked: list[int]
) -> None:
    for n, text in enumerate(
        ["推进无主管楼院专项治理。", "楼院议事。", "社区工作者走访。", "楼院微更新。", "居民议事会。", "楼长制。"]
    ):
        page = tmp_path / f"practices/p{n}/index.html"
        page.parent.mkdir(parents=True)
        page.write_text(
            f"<html><head><title>做法{n}</title></head><body><article><h1>做法{n}</h1><p>{text}</p></article></body>",
            encoding="utf-8",
        )
    on_two = index_on(tmp_path, "2", monkeypatch)
    assert forked == [4]  # the first two pages are read here
    assert index_on(tmp_path, "1", monkeypatch) == on_two


def test_index_of_the_built_site_on_two_workers_is_the_index_on_one(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    on_one = index_on(copy, "1", monkeypatch, Project(REPO))
    assert index_on(copy, "2", monkeypatch, Project(REPO)) == on_one
    assert on_one == search_folder(site)  # and the index the build wrote
