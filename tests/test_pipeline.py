"""The build pipeline (check → generate → engine → index) and the house it lives in."""

from __future__ import annotations

import ast
import importlib.metadata
import json
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from mkdocs.config import load_config

from govcat.layout import Project
from govcat.site import engines
from support import REPO, edit, run_catalog, visible

Write = Callable[[str, str], Path]
PACKAGE = REPO / "scripts" / "govcat"
PRACTICE_PAGE = "practices/zhengzhou-dangqun-fuwu-zhongxin/index.html"
PRACTICE_RECORD = "practices/zhengzhou/zhengzhou-dangqun-fuwu-zhongxin.yaml"
TITLE = "郑州市：完善社区党群服务中心功能"


def test_the_package_top_level_holds_few_modules() -> None:
    """Every module but the entry points and the project's map sits in a package named for its concern."""
    modules = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert modules == ["__init__.py", "__main__.py", "cli.py", "layout.py"]
    packages = sorted(path.name for path in PACKAGE.iterdir() if (path / "__init__.py").is_file())
    assert packages == ["bench", "checks", "editors", "model", "site", "word"]


def imported_modules(path: Path) -> Iterator[str]:
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


@pytest.mark.parametrize(
    ("package", "allowed"),
    [("model", ("govcat.layout", "govcat.model")), ("checks", ("govcat.layout", "govcat.model", "govcat.checks"))],
)
def test_imports_run_one_way(package: str, allowed: tuple[str, ...]) -> None:
    """The record model and the checks never reach up into the editors' tools, the site, Word or the bench."""
    upward = [
        f"{path.relative_to(PACKAGE).as_posix()}: {module}"
        for path in sorted((PACKAGE / package).rglob("*.py"))
        for module in imported_modules(path)
        if module.startswith("govcat") and not module.startswith(allowed)
    ]
    assert upward == []


def test_catalog_check_starts_without_the_site_or_the_benchmark() -> None:
    code = (
        "import sys; from govcat.cli import main; main(['check']); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material', 'rjieba', 'pypinyin') "
        "or m.startswith(('govcat.site.generate', 'govcat.site.search', 'govcat.bench.run', 'govcat.word'))))"
    )
    run = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert run.stdout.splitlines()[-1] == "[]"


def test_mkdocs_runs_our_plugin_and_no_hook() -> None:
    config = load_config(str(REPO / "mkdocs.yml"))
    assert not config.hooks
    assert list(config.plugins) == ["catalog"]


@pytest.mark.slow
def test_catalog_build_checks_generates_builds_and_indexes(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run_catalog(project, monkeypatch, capsys, "build", "--out", "out")
    assert (status, out[-1]) == (0, "已构建站点（mkdocs）：out")
    page = visible((project.root / "out" / PRACTICE_PAGE).read_text("utf-8"))
    assert f"<title>{TITLE} - 基层治理实践库</title>" in page
    assert (project.root / "out/search/manifest.js").is_file()  # the index stage ran


@pytest.mark.slow
def test_a_wrong_record_stops_catalog_build_before_the_engine(
    project: Project, write: Write, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write("reference/themes/bad.yaml", "id: bad\nname: 坏主题\n")
    status, out, err = run_catalog(project, monkeypatch, capsys, "build", "--out", "out")
    assert status == 1
    assert out == [
        "reference/themes/bad.yaml:1:1: error: description: 缺少必填字段。主题说明：这一类做法要解决什么问题（编者撰写）。"
    ]
    assert err == "error: 记录校验未通过：1 errors in 1 files\n"
    assert not (project.root / "out").exists()


def test_a_zensical_that_needs_zensical_ui_is_refused_with_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(importlib.metadata, "version", lambda name: {"zensical": "0.1.3"}.get(name) or missing())
    monkeypatch.setattr(importlib.metadata, "requires", lambda name: ["zensical-ui==0.1.3", "click>=8"])
    with pytest.raises(engines.BuildRefused) as refused:
        engines.require_zensical()
    assert str(refused.value) == (
        "安装的 Zensical 0.1.3 需要 zensical-ui，而软件包索引不提供它，这个版本无法构建："
        "请按 requirements-zensical.lock 安装 Zensical 0.0.73（README 的 Zensical 一节说明了换用新版还缺什么）"
    )


def missing() -> str:
    raise importlib.metadata.PackageNotFoundError


def wait_for_page(url: str, text: str, seconds: float) -> bool:
    """Whether the page at ``url`` shows ``text`` within ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in visible(response.read().decode("utf-8")):
                    return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


SERVE_COMMANDS = {
    "catalog serve": ["govcat", "serve", "--engine", "mkdocs"],
    "catalog serve --engine zensical": ["govcat", "serve", "--engine", "zensical"],
    "mkdocs serve": ["mkdocs", "serve"],  # typed by hand: the same preview on MkDocs' own server
}


@pytest.mark.slow
@pytest.mark.parametrize("command", SERVE_COMMANDS)
def test_the_preview_shows_an_edited_record(project: Project, command: str, unused_port: int) -> None:
    """The preview is updated when an editor saves a record, under either engine; with MkDocs the
    pages that list the record follow, and the pages carry the preview's script and status."""
    if "zensical" in command:
        pytest.importorskip("zensical")
    address = f"127.0.0.1:{unused_port}"
    argv = [sys.executable, "-m", *SERVE_COMMANDS[command], "--dev-addr", address]
    server = subprocess.Popen(argv, cwd=project.root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://{address}/practices/zhengzhou-dangqun-fuwu-zhongxin/"
    try:
        assert wait_for_page(url, TITLE, 120)
        edit(project, PRACTICE_RECORD, f"title: {TITLE}", "title: 改过的标题")
        assert wait_for_page(url, "改过的标题", 120)
        if "zensical" not in command:
            assert wait_for_page(f"http://{address}/practices/", "改过的标题", 120)
            with urllib.request.urlopen(url, timeout=5) as response:
                assert '<script src="/.catalog-preview/live.js"></script></body>' in response.read().decode("utf-8")
            with urllib.request.urlopen(f"http://{address}/.catalog-preview/status", timeout=5) as response:
                assert json.load(response)["problems"] == []
    finally:
        server.send_signal(signal.SIGINT)  # as Ctrl+C: the steps behind the pages stop with it
        assert server.wait(timeout=30) == 0


@pytest.fixture
def unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.mark.slow
def test_tooltips_and_screen_reader_text_are_chinese(site: Path) -> None:
    """Heading permalinks and the footnotes' links back say what they do in Chinese, on every page."""
    english = [
        page.relative_to(site).as_posix()
        for page in sorted(site.rglob("*.html"))
        if "Permanent link" in (text := page.read_text("utf-8")) or "Jump back to footnote" in text
    ]
    assert english == []
    practice = (site / "practices/henan-sihui/index.html").read_text("utf-8")
    assert '<a class="headerlink" href="#概述" title="本节的链接">' in practice
    assert 'class="footnote-backref" href="#fnref:m1" title="返回正文中第 1 个注释处"' in practice
