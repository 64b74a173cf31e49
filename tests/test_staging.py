"""A rebuilt site keeps every file whose bytes did not change, with its old modification time, so
that a publisher copies only what changed; a failed build leaves the previous site as it was."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from govcat.layout import Project
from govcat.site.staging import Updated, staged, update_folder
from support import edit, run_catalog

Write = Callable[[str, str], Path]
LONG_AGO = 978_307_200  # 2001-01-01, before any build of these tests
PRACTICE_RECORD = "practices/zhengzhou/zhengzhou-dangqun-fuwu-zhongxin.yaml"
PRACTICE_PAGE = "practices/zhengzhou-dangqun-fuwu-zhongxin/index.html"
TERM_PAGE = "terms/yichuangban/index.html"


def fill(folder: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")


def contents(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): p.read_text("utf-8") for p in sorted(folder.rglob("*")) if p.is_file()}


def age(folder: Path) -> dict[str, tuple[int, float]]:
    """Set every file below ``folder`` to a modification time long ago; each file's inode and time then."""
    for path in folder.rglob("*"):
        if path.is_file():
            os.utime(path, (LONG_AGO, LONG_AGO))
    return stamps(folder)


def stamps(folder: Path) -> dict[str, tuple[int, float]]:
    """Each file below ``folder``: its inode and modification time."""
    files = (p for p in sorted(folder.rglob("*")) if p.is_file())
    return {p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime) for p in files}


def test_only_files_that_differ_are_touched(tmp_path: Path) -> None:
    out, new = tmp_path / "site", tmp_path / "new"
    fill(out, {"index.html": "首页", "a/index.html": "旧", "gone/index.html": "删", "old.js": "x", "page": "文件"})
    before = age(out)
    fill(
        new,
        {"index.html": "首页", "a/index.html": "新", "b/index.html": "加", "old.js/x": "y", "page/index.html": "夹"},
    )
    updated = update_folder(new, out)
    assert updated == Updated(
        added=["b/index.html", "old.js/x", "page/index.html"],
        replaced=["a/index.html"],
        removed=["gone/index.html", "old.js", "page"],
        unchanged=1,
    )
    assert contents(out) == {
        "a/index.html": "新",
        "b/index.html": "加",
        "index.html": "首页",
        "old.js/x": "y",
        "page/index.html": "夹",
    }
    assert stamps(out)["index.html"] == before["index.html"]
    assert (out / "a/index.html").stat().st_mtime > LONG_AGO
    assert not (out / "gone").exists()  # the folder left empty is removed too


def test_a_failure_while_building_leaves_the_output_and_no_unfinished_folder(tmp_path: Path) -> None:
    out = tmp_path / "site"
    fill(out, {"index.html": "首页"})
    fill(tmp_path / ".site.building-a1b2c3d4", {"index.html": "半"})  # a build killed earlier
    before = age(out)

    def stopping_engine(folder: Path) -> None:
        fill(folder, {"index.html": "新首页"})
        raise RuntimeError("the engine stopped")

    with pytest.raises(RuntimeError, match="the engine stopped"), staged(out) as folder:
        stopping_engine(folder)
    assert contents(out) == {"index.html": "首页"}
    assert stamps(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "site"]


def test_an_output_on_another_file_system_gets_whole_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A rename cannot cross file systems: the file is copied beside its place, then renamed."""
    out, new = tmp_path / "site", tmp_path / "new"
    fill(new, {"index.html": "首页"})
    real_replace = os.replace

    def across_devices(source: Path, target: Path) -> None:
        if Path(source).parent == new:
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", across_devices)
    update_folder(new, out)
    assert contents(out) == {"index.html": "首页"}


def build(project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *argv: str) -> int:
    status, _, _ = run_catalog(project, monkeypatch, capsys, "build", "--out", "out", *argv)
    return status


@pytest.mark.slow
@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_a_second_build_of_the_same_records_touches_no_file(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], engine: str
) -> None:
    if engine == "zensical":
        pytest.importorskip("zensical")
    assert build(project, monkeypatch, capsys, "--engine", engine) == 0
    before = age(project.root / "out")
    assert len(before) > 100
    assert build(project, monkeypatch, capsys, "--engine", engine) == 0
    assert stamps(project.root / "out") == before


@pytest.mark.slow
def test_a_changed_record_touches_only_the_files_that_changed(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = project.root / "out"
    assert build(project, monkeypatch, capsys) == 0
    before = age(out)
    old_bytes = {name: (out / name).read_bytes() for name in before}
    # The practice no longer names its term, and the term's record is deleted: its page goes.
    edit(project, PRACTICE_RECORD, "terms: [yichuangban]\n", "")
    (project.root / "reference/terms/yichuangban.yaml").unlink()
    assert build(project, monkeypatch, capsys) == 0
    now = {p.relative_to(out).as_posix(): p for p in out.rglob("*") if p.is_file()}
    assert TERM_PAGE in before and TERM_PAGE not in now and not (out / "terms/yichuangban").exists()
    touched = sorted(name for name, path in now.items() if path.stat().st_mtime != LONG_AGO)
    differ = sorted(name for name, path in now.items() if old_bytes.get(name) != path.read_bytes())
    assert touched == differ
    assert PRACTICE_PAGE in touched
    assert len(touched) < len(now) / 2  # the stylesheets, scripts and most pages stay as they were


@pytest.mark.slow
def test_a_failed_build_leaves_the_previous_site(
    project: Project, write: Write, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = project.root / "out"
    assert build(project, monkeypatch, capsys) == 0
    before = age(out)
    old_bytes = {name: (out / name).read_bytes() for name in before}
    # MkDocs writes every page, then stops the strict build for the broken link.
    write("content/about.md", "# 关于\n\n[不存在](practices/no-such-practice.md)\n")
    assert build(project, monkeypatch, capsys) == 1
    assert {name: (out / name).read_bytes() for name in before} == old_bytes
    assert stamps(out) == before
    assert [p.name for p in project.root.iterdir() if ".building-" in p.name] == []
