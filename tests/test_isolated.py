"""A pipeline stage in a process of its own: its result, its exception or its crash come back."""

from __future__ import annotations

import os

import pytest

from govcat.model.diagnostics import Diagnostic
from govcat.site.engines import BuildFailed
from govcat.site.isolated import StageCrashed, in_own_process


def pid_and_sum(a: int, b: int) -> tuple[int, int]:
    return os.getpid(), a + b


def refuse() -> None:
    raise BuildFailed("记录校验未通过：1 处错误", [Diagnostic("practices/a/b.yaml", 3, 5, "error: 示例")])


def crash() -> None:
    os._exit(9)


def test_the_stage_runs_elsewhere_and_its_result_comes_back() -> None:
    pid, total = in_own_process(pid_and_sum, 2, 3)
    assert total == 5 and pid != os.getpid()


def test_a_stage_that_stops_raises_here_with_its_diagnostics() -> None:
    with pytest.raises(BuildFailed) as stopped:
        in_own_process(refuse)
    assert str(stopped.value) == "记录校验未通过：1 处错误"
    assert stopped.value.diagnostics == [Diagnostic("practices/a/b.yaml", 3, 5, "error: 示例")]


def test_a_stage_that_dies_is_said_to_have_ended_unexpectedly() -> None:
    with pytest.raises(StageCrashed) as crashed:
        in_own_process(crash)
    assert str(crashed.value) == "构建的一个阶段（crash）意外退出（退出码 9，可能是内存不足）"
