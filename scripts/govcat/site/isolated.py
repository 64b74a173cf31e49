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

import multiprocessing
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

Result = TypeVar("Result")


class StageCrashed(RuntimeError):
    """The stage's process ended without a result (killed, out of memory) or with an exception
    that could not be sent back; the message says which."""


def in_own_process(stage: Callable[..., Result], *arguments: Any) -> Result:
    """``stage(*arguments)``, run in a forked process; its result, or its exception raised here."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return stage(*arguments)
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)

    def run() -> None:
        try:
            outcome: tuple[str, Any] = ("done", stage(*arguments))
        except BaseException as error:
            outcome = ("raised", error)
        try:
            sending.send(outcome)
        except Exception:
            sending.send(("raised", StageCrashed("".join(traceback.format_exception(outcome[1])))))

    process = context.Process(target=run)
    process.start()
    sending.close()
    try:
        state, value = receiving.recv()
    except EOFError:
        process.join()
        name = getattr(stage, "__name__", str(stage))
        raise StageCrashed(f"构建的一个阶段（{name}）意外退出（退出码 {process.exitcode}，可能是内存不足）") from None
    except BaseException:  # interrupted (Ctrl+C): the stage stops with the pipeline
        process.kill()
        process.join()
        raise
    finally:
        receiving.close()
    process.join()
    if state == "raised":
        raise value
    return value  # type: ignore[no-any-return]
