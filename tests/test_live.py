"""The preview's updates after a save (``govcat.site.live``): the saved record's page first, then
the rest, ending byte for byte where a whole build of the same records ends."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from govcat.layout import Project
from govcat.model.load import load_catalog
from govcat.site import parallel, preview
from govcat.site.engines import Target
from govcat.site.live import GENERATING, MKDOCS_STOPPED, LiveSite, generate_all
from govcat.site.pipeline import build_site
from govcat.site.preview import snapshot, watch
from support import edit, visible

pytestmark = pytest.mark.slow

PRACTICE_RECORD = "practices/zhengzhou/zhengzhou-dangqun-fuwu-zhongxin.yaml"
PRACTICE_PAGE = "practices/zhengzhou-dangqun-fuwu-zhongxin/index.html"
TITLE = "郑州市：完善社区党群服务中心功能"


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def differences(live: Path, whole: Path) -> list[str]:
    """The files that are not the same in the two sites (missing from either, or other bytes)."""
    ours, theirs = files(live), files(whole)
    return sorted(name for name in ours.keys() | theirs.keys() if ours.get(name) != theirs.get(name))


@pytest.fixture
def live(project: Project, tmp_path: Path) -> LiveSite:
    site = LiveSite(project, tmp_path / "preview")
    site.build()
    assert site.status_json() == {"version": 1, "step": None, "problems": []}
    return site


def whole_build(project: Project, tmp_path: Path) -> Path:
    out = tmp_path / "whole"
    build_site(project, Target(out))
    return out


def test_a_saved_practice_shows_first_then_the_site_equals_a_whole_build(
    project: Project, live: LiveSite, tmp_path: Path
) -> None:
    edit(project, PRACTICE_RECORD, f"title: {TITLE}", "title: 改过的标题")
    live.saved([project.root / PRACTICE_RECORD])
    assert "改过的标题" in visible((live.site / PRACTICE_PAGE).read_text("utf-8"))
    assert live.status_json() == {"version": 2, "step": GENERATING, "problems": []}
    live.settle()
    assert live.status_json()["step"] is None
    assert "改过的标题" in visible((live.site / "practices/index.html").read_text("utf-8"))
    assert differences(live.site, whole_build(project, tmp_path)) == []


def test_practices_added_and_removed_end_as_in_a_whole_build(project: Project, live: LiveSite, tmp_path: Path) -> None:
    source = project.root / PRACTICE_RECORD
    copy = source.with_name("zhengzhou-dangqun-fuwu-zhongxin-er.yaml")
    text = source.read_text("utf-8").replace(
        "id: zhengzhou-dangqun-fuwu-zhongxin", "id: zhengzhou-dangqun-fuwu-zhongxin-er"
    )
    copy.write_text(text.replace(f"title: {TITLE}", "title: 新增的做法"), "utf-8")
    live.saved([copy])
    live.settle()
    assert "新增的做法" in visible(
        (live.site / "practices/zhengzhou-dangqun-fuwu-zhongxin-er/index.html").read_text("utf-8")
    )
    assert differences(live.site, whole_build(project, tmp_path)) == []
    copy.unlink()
    live.saved([copy])
    live.settle()
    assert not (live.site / "practices/zhengzhou-dangqun-fuwu-zhongxin-er/index.html").exists()
    assert differences(live.site, whole_build(project, tmp_path / "again")) == []


def test_a_mistake_is_shown_and_the_last_good_page_stays(project: Project, live: LiveSite) -> None:
    before = (live.site / PRACTICE_PAGE).read_bytes()
    edit(project, PRACTICE_RECORD, "region: zhengzhou", "region: zhengzou")
    live.saved([project.root / PRACTICE_RECORD])
    status = live.status_json()
    assert status["version"] == 1 and status["step"] is None
    [problem] = status["problems"]
    assert problem.startswith(f"{PRACTICE_RECORD}:") and "zhengzou" in problem
    assert (live.site / PRACTICE_PAGE).read_bytes() == before


def test_a_hand_written_page_saved_rebuilds_every_page_as_a_whole_build(
    project: Project, live: LiveSite, tmp_path: Path
) -> None:
    about = project.content / "about.md"
    about.write_text(about.read_text("utf-8") + "\n新加的一段话。\n", "utf-8")
    live.saved([about])
    live.settle()
    assert "新加的一段话" in (live.site / "about/index.html").read_text("utf-8")
    assert differences(live.site, whole_build(project, tmp_path)) == []


def test_pages_a_stopped_generation_wrote_are_still_written(project: Project, live: LiveSite, tmp_path: Path) -> None:
    """A save can stop step 2 after its child switched the generator's folder in but before the
    preview heard of it: the pages it generated are written all the same."""
    edit(project, PRACTICE_RECORD, f"title: {TITLE}", "title: 改过的标题")
    assert generate_all(load_catalog(project)) == []  # the child's work, its report lost
    live.saved([project.root / PRACTICE_RECORD])
    live.settle()
    assert "改过的标题" in visible((live.site / "practices/index.html").read_text("utf-8"))
    assert differences(live.site, whole_build(project, tmp_path)) == []


def test_what_stops_mkdocs_is_shown_and_the_preview_goes_on(project: Project, live: LiveSite, tmp_path: Path) -> None:
    about = project.content / "about.md"
    good = about.read_text("utf-8")
    about.write_text(good + "\n[不存在的页面](nowhere.md)\n", "utf-8")
    live.saved([about])
    live.settle()
    assert live.status_json()["problems"] == [f"预览未更新：{MKDOCS_STOPPED}"]
    about.write_text(good, "utf-8")
    live.saved([about])
    live.settle()
    assert live.status_json()["problems"] == []
    assert differences(live.site, whole_build(project, tmp_path)) == []


def test_where_processes_cannot_fork_the_steps_run_in_the_preview_itself(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    live = LiveSite(project, tmp_path / "preview")
    live.build()
    edit(project, PRACTICE_RECORD, f"title: {TITLE}", "title: 改过的标题")
    live.saved([project.root / PRACTICE_RECORD])
    live.settle()
    assert differences(live.site, whole_build(project, tmp_path)) == []


def test_the_steps_may_start_workers_of_their_own(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large catalog is generated and indexed on every core (``govcat.site.parallel``): the
    preview's steps are processes that may start workers."""
    monkeypatch.setattr(parallel, "WORTH_SPLITTING", 0.0)
    monkeypatch.setenv(parallel.WORKERS_VARIABLE, "2")
    live = LiveSite(project, tmp_path / "preview")
    live.build()
    assert live.status_json() == {"version": 1, "step": None, "problems": []}
    edit(project, PRACTICE_RECORD, f"title: {TITLE}", "title: 改过的标题")
    live.saved([project.root / PRACTICE_RECORD])
    live.settle()
    assert live.status_json()["problems"] == []
    assert differences(live.site, whole_build(project, tmp_path)) == []


def test_a_save_while_the_first_build_runs_is_seen_as_a_change_after_it(project: Project) -> None:
    """The preview watches from the state its first build started from, not from when it began
    serving: a save in between is a change, not the starting point."""
    before = snapshot(project)  # taken as the first build starts
    edit(project, PRACTICE_RECORD, f"title: {TITLE}", "title: 改过的标题")  # saved during that build
    saves: list[list[Path]] = []

    def saved(changed: list[Path]) -> None:
        saves.append(changed)
        raise KeyboardInterrupt  # the editor stops the preview

    watch(project, before, saved, lambda: None)
    assert saves == [[project.root / PRACTICE_RECORD]]


def test_the_watcher_looks_at_the_files_only_after_the_system_tells_of_a_change(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One look at every watched file takes 0.12 s of processor at 4,000 practices, more as the
    catalog grows: an idle preview must not take one every 0.3 s."""
    looks: list[int] = []
    real_snapshot = preview.snapshot

    def counted(project: Project) -> preview.Snapshot:
        looks.append(1)
        return real_snapshot(project)

    monkeypatch.setattr(preview, "snapshot", counted)
    looks_at_each_turn: list[int] = []
    saves: list[list[Path]] = []

    def carry_on() -> None:
        looks_at_each_turn.append(len(looks))
        if len(looks_at_each_turn) == 4:
            edit(project, PRACTICE_RECORD, f"title: {TITLE}", "title: 改过的标题")
        if len(looks_at_each_turn) == 12:
            raise KeyboardInterrupt  # the editor stops the preview

    watch(project, real_snapshot(project), saves.append, carry_on)
    assert looks_at_each_turn[:4] == [1, 1, 1, 1]  # the first look, for saves during the first build; then idle
    assert saves and all(changed == [project.root / PRACTICE_RECORD] for changed in saves)
    assert looks_at_each_turn[-1] == looks_at_each_turn[-4]  # idle again after the save
