"""Work that is independent per item (a page to render, a practice's Word document, a built page to
read for the index) spread over the machine's cores, with the results in the items' order.

``map_ordered(function, items)`` gives what ``map(function, items)`` gives, the same values in
the same order, so a build on several cores writes the same bytes as one on one. Like ``map`` it
hands the results on as they come: a caller that writes each one out and lets it go never holds
them all (at 20,000 practices the pages and Word documents together would take more than a
gigabyte). The workers are forked from the calling process once the items exist: they read the
catalog, the Jinja environments and the items as they are in memory, and only the results travel
back (pickled, a chunk of items at a time). Nothing is pickled on the way out, so ``function`` may
be a closure. Where the system cannot fork (Windows), or ``CATALOG_WORKERS=1`` asks for it, or the
call is already inside a worker, or the items are too few to be worth it (``WORTH_SPLITTING``),
the items are done in this process, one after the other. The first two are always done here.

An exception in a worker is raised again in the caller, the same type with the same message (the
worker's traceback is its cause). A worker that dies (killed, out of memory) stops the whole map
with ``ParallelError``, never a hang; so does a wrong ``CATALOG_WORKERS``.
"""

from __future__ import annotations

import gc
import math
import os
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

WORKERS_VARIABLE = "CATALOG_WORKERS"  # how many processes; 1: everything in the calling process
# Seconds the items would take one after the other (judged by the second) below which starting
# workers costs more than it saves: a small catalog is generated in this process.
WORTH_SPLITTING = 1.0
CHUNKS_PER_WORKER = 8  # more chunks than workers, so that a worker with cheap items takes more

# In a worker: the function and the items it was forked with; empty in the calling process.
_job: list[tuple[Callable[[Any], Any], Sequence[Any]]] = []


class ParallelError(RuntimeError):
    """The work cannot be spread as asked (a worker process ended without finishing its items, or
    ``CATALOG_WORKERS`` is not a number); the message says what to do."""


def worker_count() -> int:
    """``CATALOG_WORKERS`` when set (a whole number from 1), else the number of cores."""
    value = os.environ.get(WORKERS_VARIABLE, "").strip()
    if not value:
        return os.cpu_count() or 1
    if not value.isdigit() or int(value) < 1:
        raise ParallelError(
            f"环境变量 {WORKERS_VARIABLE} 的值“{value}”不对：应为 1 以上的整数，如 {WORKERS_VARIABLE}=1"
        )
    return int(value)


def map_ordered(
    function: Callable[[Item], Result], items: Sequence[Item], workers: int | None = None
) -> Iterator[Result]:
    """``map(function, items)``, on ``workers`` processes (default ``worker_count()``)."""
    import multiprocessing  # here, not above: the ``catalog`` command imports this module for its error

    count = min(worker_count() if workers is None else workers, len(items) - 2)
    if count < 2 or _job or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(function, items)
        return
    yield function(items[0])  # made here: what it builds once and keeps (compiled templates) is shared
    started = time.perf_counter()
    second = function(items[1])  # the time of an item with nothing left to build
    seconds = time.perf_counter() - started
    yield second
    if seconds * (len(items) - 2) < WORTH_SPLITTING:
        yield from map(function, items[2:])
    else:
        yield from _forked(function, items[2:], count)


def _forked(function: Callable[[Item], Result], items: Sequence[Item], workers: int) -> Iterator[Result]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    size = math.ceil(len(items) / (workers * CHUNKS_PER_WORKER))
    starts = range(0, len(items), size)
    gc.freeze()  # the workers' garbage collector leaves the inherited objects alone: their pages stay shared
    pool = ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context("fork"), initializer=_start, initargs=(function, items)
    )
    try:
        for chunk in pool.map(_run, starts, [min(start + size, len(items)) for start in starts]):
            yield from chunk
    except BrokenProcessPool as lost:
        raise ParallelError(
            f"一个工作进程意外退出（可能是内存不足）：设环境变量 {WORKERS_VARIABLE}=1 可在单个进程中重试"
        ) from lost
    finally:
        pool.shutdown(cancel_futures=True)  # after an error, the chunks not yet started are dropped
        gc.unfreeze()


def _start(function: Callable[[Any], Any], items: Sequence[Any]) -> None:
    _job.append((function, items))


def _run(start: int, stop: int) -> list[Any]:
    [(function, items)] = _job  # only a worker started by map_ordered runs chunks
    return [function(items[index]) for index in range(start, stop)]
