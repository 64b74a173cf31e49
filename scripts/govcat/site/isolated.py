"""A stage of the build pipeline in a process of its own, so that the memory it took is given
back to the system when it ends, before the next stage starts.

Python keeps the memory a stage freed for itself: after generating a province's pages, MkDocs
would start from the generator's high-water mark, and the index from MkDocs'. Forked, each stage
starts from the pipeline's small process and ends with its memory; at 20,000 practices that is the
difference between the stages' memory added up and the largest stage's (README, "Benchmarks").
What the stage returns, or raises, comes back pickled; its output goes where the pipeline's goes.
Where processes cannot fork (Windows), the stage runs in the pipeline's own process.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from multiprocessing.connection import Connection
from typing import Any, TypeVar

Result = TypeVar("Result")
# ("done", what the work returned), ("raised", its exception) or ("crashed", the process's exit code)
Outcome = tuple[str, Any]


class StageCrashed(RuntimeError):
    """The stage's process ended without a result (killed, out of memory) or with an exception
    that could not be sent back; the message says which."""


def outcome_of(work: Callable[[], Any]) -> Outcome:
    try:
        return "done", work()
    except Exception as error:
        return "raised", error


@dataclass
class Forked:
    """Work running in a forked process (it sees this one's objects as they were at the fork) in a
    process group of its own, with the workers it starts (``govcat.site.parallel``), and the end of
    the pipe its outcome comes through. Where processes cannot fork (Windows), the work is done at
    once in this process and its outcome waits here."""

    process: multiprocessing.process.BaseProcess | None
    pipe: Connection | None
    outcome: Outcome | None = None

    @classmethod
    def start(cls, work: Callable[[], Any]) -> Forked:
        if "fork" not in multiprocessing.get_all_start_methods():
            return cls(None, None, outcome_of(work))
        context = multiprocessing.get_context("fork")
        receiving, sending = context.Pipe(duplex=False)

        def run() -> None:
            os.setpgid(0, 0)
            outcome = outcome_of(work)
            try:
                sending.send(outcome)
            except Exception:  # an exception that does not pickle: its words, then
                sending.send(("raised", StageCrashed("".join(traceback.format_exception(outcome[1])))))

        process = context.Process(target=run)  # not a daemon: it may start workers of its own
        process.start()
        sending.close()
        return cls(process, receiving)

    def result(self, wait: bool) -> Outcome | None:
        """The work's outcome; None while it runs (unless ``wait``)."""
        if self.pipe is not None and (wait or self.pipe.poll()):
            try:
                self.outcome = self.pipe.recv()
            except EOFError:
                assert self.process is not None
                self.process.join()
                self.outcome = ("crashed", self.process.exitcode)
            self.stop()
        return self.outcome

    def stop(self) -> None:
        """End the work and the workers it started, if it is still running."""
        if self.process is not None:
            if self.process.is_alive() and self.process.pid is not None:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(self.process.pid, signal.SIGKILL)  # its own group: workers and all
                self.process.kill()  # in case it was stopped before it made its group
            self.process.join()
        if self.pipe is not None:
            self.pipe.close()
            self.pipe = None


def in_own_process(stage: Callable[..., Result], *arguments: Any) -> Result:
    """``stage(*arguments)``, run in a forked process; its result, or its exception raised here."""
    forked = Forked.start(partial(stage, *arguments))
    try:
        outcome = forked.result(wait=True)
    except BaseException:  # interrupted (Ctrl+C): the stage stops with the pipeline
        forked.stop()
        raise
    assert outcome is not None
    state, value = outcome
    if state == "crashed":
        name = getattr(stage, "__name__", str(stage))
        raise StageCrashed(f"构建的一个阶段（{name}）意外退出（退出码 {value}，可能是内存不足）")
    if state == "raised":
        raise value
    return value  # type: ignore[no-any-return]
