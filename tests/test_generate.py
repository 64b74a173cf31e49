"""The generator: pages from the fixture catalog, escaping, and ownership of its folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from govcat.layout import Project
from govcat.site.generate import Renderer
from govcat.site.generate.output import write_tree
from govcat.site.generate.outputs import Output
from govcat.site.parallel import WORKERS_VARIABLE
from govcat.site.pipeline import DocsTreeRefused, generate

PRACTICE = "practices/zhengzhou/zhengzhou-dangqun-fuwu-zhongxin.yaml"
PAGE = "practices/zhengzhou-dangqun-fuwu-zhongxin.md"
Write = Callable[[str, str], Path]


def generated(project: Project) -> dict[str, str]:
    result, changes = generate(project)
    assert result.diagnostics == [] and changes is not None
    docs = project.generated_docs
    return {p.relative_to(docs).as_posix(): p.read_text("utf-8") for p in sorted(docs.rglob("*.md"))}


def test_one_page_per_record_and_an_index_per_section(project: Project) -> None:
    assert sorted(generated(project)) == [
        "compare/index.md",
        "glossary/index.md",
        "guide/fields.md",
        "index.md",
        "metrics/index.md",
        "policies/index.md",
        "practices/index.md",
        PAGE,
        "problems/index.md",
        "regions/henan.md",
        "regions/henan/shequ-fuwu.md",  # the theme in the province and below it
        "regions/index.md",
        "regions/zhengzhou.md",
        "sources/index.md",
        "sources/zgsqb-excerpt.md",
        "standards/index.md",
        "tags/index.md",
        "terms/yichuangban.md",
        "themes/index.md",
        "themes/shequ-fuwu.md",
        "themes/shequ-fuwu/zhengzhou.md",  # the theme in one city
        "updates.md",
    ]


def test_practice_page_links_both_ways(project: Project) -> None:
    pages = generated(project)
    page = pages[PAGE]
    assert "\n---\n# 郑州市：完善社区党群服务中心功能\n" in page
    assert "- **地区**　[河南省](../regions/henan.md) › [郑州市](../regions/zhengzhou.md)\n" in page
    assert "[社区服务](../themes/shequ-fuwu.md)" in page
    assert "- [一窗办](../terms/yichuangban.md)：居民在社区党群服务中心的一个窗口即可办理多项事务。（编者注）" in page
    assert (
        "[完善社区党群服务中心功能](../practices/zhengzhou-dangqun-fuwu-zhongxin.md)" in pages["themes/shequ-fuwu.md"]
    )
    assert (
        "[郑州市：完善社区党群服务中心功能](../practices/zhengzhou-dangqun-fuwu-zhongxin.md)"
        in pages["terms/yichuangban.md"]
    )
    assert "[完善社区党群服务中心功能](../practices/zhengzhou-dangqun-fuwu-zhongxin.md)" in pages["regions/henan.md"]


def test_pages_start_with_their_front_matter_or_their_title(project: Project) -> None:
    """An empty front matter ("---" twice) is no front matter to MkDocs: it showed as a heading "---"."""
    for uri, text in generated(project).items():
        first = text.split("\n", 1)[0]
        assert (first == "---" and text.split("\n")[1] != "---") or first.startswith("# "), uri


def test_record_text_is_data_not_markup(project: Project) -> None:
    path = project.root / PRACTICE
    hostile = "summary: '<script>alert(1)</script> [点我](javascript:alert(1)) **粗** {: onclick=x }'\n"
    text = path.read_text("utf-8")
    path.write_text(
        "\n".join(hostile.rstrip() if line.startswith("summary:") else line for line in text.splitlines()) + "\n",
        "utf-8",
    )
    page = generated(project)[PAGE]
    assert "<script>" not in page and "](javascript" not in page and "**粗**" not in page and "{:" not in page
    assert "&#60;script&#62;alert&#40;1&#41;&#60;&#47;script&#62;" in page


def test_unchanged_pages_are_not_rewritten_and_stale_pages_go(project: Project, write: Write) -> None:
    generated(project)
    page = project.generated_docs / PAGE
    before = page.stat().st_mtime_ns
    write(
        "reference/themes/dangjian-yinling.yaml",
        "id: dangjian-yinling\nname: 党建引领\ndescription: 党组织领导基层治理。\n",
    )
    pages = generated(project)
    assert page.stat().st_mtime_ns == before
    assert "themes/dangjian-yinling.md" in pages
    (project.root / "reference/themes/dangjian-yinling.yaml").unlink()
    assert "themes/dangjian-yinling.md" not in generated(project)


def test_hand_written_pages_are_never_touched(project: Project) -> None:
    before = {p: p.read_bytes() for p in project.content.rglob("*") if p.is_file()}
    generated(project)
    assert {p: p.read_bytes() for p in project.content.rglob("*") if p.is_file()} == before


def test_a_hand_written_page_may_not_shadow_a_generated_one(project: Project, write: Write) -> None:
    write("content/themes/index.md", "# 主题\n")
    result, changes = generate(project)
    assert changes is None
    assert [str(d) for d in result.diagnostics] == [
        "content/themes/index.md:1:1: error: 手写页面与生成的页面 /themes/index.md 同名：请给手写页面换个文件名"
    ]
    assert sorted(p.name for p in project.generated.parent.iterdir()) == [".generated.lock"]  # nothing written


def test_invalid_records_write_nothing(project: Project, write: Write) -> None:
    generated(project)
    before = {p: p.read_bytes() for p in project.generated.rglob("*") if p.is_file()}
    write("reference/themes/bad.yaml", "id: bad\n")
    result, changes = generate(project)
    assert changes is None and len(result.diagnostics) == 2
    assert {p: p.read_bytes() for p in project.generated.rglob("*") if p.is_file()} == before


def test_output_is_deterministic(project: Project) -> None:
    first = generated(project)
    for path in project.generated.rglob("*.md"):
        path.unlink()
    assert generated(project) == first


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_generation_stopped_half_way_leaves_the_previous_pages(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    generated(project)
    before = snapshot(project.generated)
    theme = project.root / "reference/themes/shequ-fuwu.yaml"
    theme.write_text(theme.read_text("utf-8").replace("社区服务", "社区服务（新）"), "utf-8")
    real_write = Path.write_bytes
    written: list[Path] = []

    def failing_write(self: Path, data: bytes) -> int:
        if len(written) == 3:
            raise KeyboardInterrupt("stopped half-way")
        written.append(self)
        return real_write(self, data)

    monkeypatch.setattr(Path, "write_bytes", failing_write)
    try:
        generate(project)
    except KeyboardInterrupt:
        pass
    else:
        raise AssertionError("generation was not stopped")
    monkeypatch.undo()
    assert snapshot(project.generated) == before
    # Nothing left of the stopped run: just the link, the tree it points at and the writers' lock.
    assert sorted(p.name for p in project.generated.parent.iterdir()) == sorted(
        [project.generated.name, project.generated.resolve().name, ".generated.lock"]
    )
    assert "社区服务（新）" in generated(project)["themes/shequ-fuwu.md"]


def test_each_file_is_written_as_it_is_made_not_held_until_the_end(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 20,000 practices the pages and Word documents held together would pass a gigabyte."""
    monkeypatch.setenv(WORKERS_VARIABLE, "1")  # every file made in this process, where it can be counted
    made: list[str] = []
    real_render, real_write = Renderer.render, Path.write_bytes

    def counting_render(self: Renderer, output: Output) -> str | bytes:
        made.append(output.uri)
        return real_render(self, output)

    made_when_written: list[int] = []

    def counting_write(self: Path, data: bytes) -> int:
        made_when_written.append(len(made))
        return real_write(self, data)

    monkeypatch.setattr(Renderer, "render", counting_render)
    monkeypatch.setattr(Path, "write_bytes", counting_write)
    generate(project)
    # the docs files, each written right after it was made; then the dictionary, synonyms and note
    assert made_when_written == [*range(1, len(made) + 1), len(made), len(made), len(made)]
    assert len(made) > 50


def test_an_unfinished_tree_from_a_killed_run_is_cleaned_up(project: Project, write: Write) -> None:
    generated(project)
    leftover = project.generated.parent / ".generated-killed00"  # as mkdtemp names a tree
    (leftover / "docs").mkdir(parents=True)
    (leftover / "docs" / "index.md").write_text("half", "utf-8")
    write(
        "reference/themes/dangjian-yinling.yaml",
        "id: dangjian-yinling\nname: 党建引领\ndescription: 党组织领导基层治理。\n",
    )
    generated(project)
    assert not leftover.exists()
    assert (project.root / "content").is_dir() and (project.root / "reference").is_dir()


def test_where_links_cannot_be_made_the_tree_is_renamed_into_place(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*args: object, **kwargs: object) -> None:
        raise OSError("symbolic links are not allowed here")

    monkeypatch.setattr(os, "symlink", no_links)
    first = generated(project)
    theme = project.root / "reference/themes/shequ-fuwu.yaml"
    theme.write_text(theme.read_text("utf-8").replace("社区服务", "社区服务（新）"), "utf-8")
    second = generated(project)
    assert not project.generated.is_symlink() and project.generated.is_dir()
    assert "社区服务（新）" in second["themes/shequ-fuwu.md"] and second.keys() == first.keys()
    assert sorted(p.name for p in project.generated.parent.iterdir()) == [".generated.lock", project.generated.name]


def test_a_title_the_editor_made_up_is_marked_so_wherever_it_is_shown(project: Project, write: Write) -> None:
    quoted = "citations:\n  - source: zgsqb-excerpt\n    quote: 完善社区党群服务中心功能。\n"
    write(
        "reference/policies/zhengzhou-fuwu-mulu.yaml",
        "id: zhengzhou-fuwu-mulu\ntitle: 社区服务事项目录\ntitle_basis: editor\nregion: zhengzhou\n" + quoted,
    )
    text = (project.root / PRACTICE).read_text("utf-8")
    (project.root / PRACTICE).write_text(
        text.replace("terms: [yichuangban]", "terms: [yichuangban]\npolicies: [zhengzhou-fuwu-mulu]"), "utf-8"
    )
    pages = generated(project)
    named = "文中提到的社区服务事项目录（编者拟定）"
    assert f"# {named}\n" in pages["policies/zhengzhou-fuwu-mulu.md"]
    assert (
        "| 名称 | 来源没有写出这份文件的正式名称，上面的名称由编者据来源的说法拟定，不是文件的标题，引用时不要加书名号 |"
        in pages["policies/zhengzhou-fuwu-mulu.md"]
    )
    # Not under 政策依据 as if it were an issued document: under what the source mentions.
    assert "## 政策依据" not in pages[PAGE]
    assert (
        "## 文中提到的文件\n\n来源提到了这些文件，但没有写出正式名称、发文机关、文号或日期；名称由编者据来源拟定。\n\n"
        f"- [{named}](../policies/zhengzhou-fuwu-mulu.md)\n"
    ) in pages[PAGE]
    assert f"- [{named}](zhengzhou-fuwu-mulu.md)（只见于来源的提及，1 项做法引用）\n" in pages["policies/index.md"]
    compare = (project.generated_docs / "data" / "compare" / "zhengzhou-dangqun-fuwu-zhongxin.js").read_text("utf-8")
    cells = json.loads(compare[compare.index("{") : compare.rindex("}") + 1])
    assert dict(zip(cells["fields"], cells["cells"], strict=True))["文中提到的文件"] == [named]
    assert dict(zip(cells["fields"], cells["cells"], strict=True))["政策依据"] == []
    assert all("《社区服务事项目录》" not in text for text in [*pages.values(), compare])
    download = (project.generated_docs / "data" / "practices.json").read_text("utf-8")
    assert '"title": "社区服务事项目录"' in download and '"title_basis": "editor"' in download  # data stay raw


def test_bytes_are_written_as_given_and_linked_when_unchanged(tmp_path: Path) -> None:
    link = tmp_path / "build" / "generated"
    data = bytes(range(256))  # not UTF-8: written as it is, never encoded
    write_tree(link, [("docs/a.docx", data), ("docs/a.md", "文字")])
    changes = write_tree(link, [("docs/a.docx", data), ("docs/a.md", "文字（新）")])
    assert (changes.written, changes.unchanged) == (["docs/a.md"], 1)
    assert (link / "docs/a.docx").read_bytes() == data and (link / "docs/a.md").read_text("utf-8") == "文字（新）"


def test_aliases_are_shown_marked_and_given_to_search(project: Project, write: Write) -> None:
    text = (project.root / PRACTICE).read_text("utf-8")
    write(
        PRACTICE,
        text.replace("region: zhengzhou\n", "aliases: [一站式服务大厅]\naliases_basis: editor\nregion: zhengzhou\n", 1),
    )
    write("reference/synonyms/fuwu.yaml", "id: fuwu\nname: 服务\nwords: [上门帮办, 上门服务]\n")
    pages = generated(project)
    assert "- **又称**　一站式服务大厅（编者按常用说法补充）\n" in pages[PAGE]
    search = next(line for line in pages[PAGE].splitlines() if line.startswith("search: "))
    assert '"names": ["一站式服务大厅", "河南省", "郑州市"' in search and '"kind": "做法"' in search
    assert "一站式服务大厅 100000\n" in project.search_dictionary.read_text("utf-8")
    assert "上门服务 100000\n" in project.search_dictionary.read_text("utf-8")
    assert project.search_synonyms.read_text("utf-8") == "上门帮办 上门服务\n"


# ---- The docs tree: one complete docs folder for an engine that runs no hook ----


def test_the_docs_tree_holds_the_hand_written_and_the_generated_pages(project: Project, tmp_path: Path) -> None:
    tree = tmp_path / "out" / "docs"
    result, changes = generate(project, tree)
    assert result.diagnostics == [] and changes is not None
    written = sorted(p.relative_to(tree).as_posix() for p in tree.rglob("*") if p.is_file())
    hand_written = sorted(p.relative_to(project.content).as_posix() for p in project.content.rglob("*") if p.is_file())
    generated_files = sorted(
        p.relative_to(project.generated_docs).as_posix() for p in project.generated_docs.rglob("*") if p.is_file()
    )
    assert written == sorted(hand_written + generated_files)
    # a hand-written page carries the newest record date (the practices' 2026-11-28) for the footer
    about = (project.content / "about.md").read_text("utf-8")
    assert (tree / "about.md").read_text("utf-8") == '---\ndata_as_of: "2026-11-28"\n---\n' + about
    assert (tree / PAGE).read_bytes() == (project.generated_docs / PAGE).read_bytes()
    pages = [p for p in tree.rglob("*.md") if p.read_text("utf-8").startswith("---")]
    assert pages and all(not p.read_text("utf-8").startswith(("---\n---", "---\r\n---")) for p in pages)
    generate(project, tree)  # written again over its own earlier tree
    assert sorted(p.name for p in tree.parent.iterdir()) == sorted(["docs", tree.resolve().name, ".docs.lock"])


def test_the_docs_tree_never_replaces_a_folder_it_did_not_write(project: Project, tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "mine.txt").write_text("keep", "utf-8")
    for place, message in [
        (
            tmp_path / "notes",
            f"{tmp_path / 'notes'} 已存在，且不是 catalog generate --docs-tree 写的文档目录：不会覆盖，请另选一个目录",
        ),
        (
            project.content,
            f"不能把文档目录写到 {project.content}：写入会替换这个目录的内容，请另选一个目录，如 build/docs",
        ),
        (project.root, f"不能把文档目录写到 {project.root}：写入会替换这个目录的内容，请另选一个目录，如 build/docs"),
    ]:
        with pytest.raises(DocsTreeRefused) as refused:
            generate(project, place)
        assert str(refused.value) == message
    assert (tmp_path / "notes" / "mine.txt").read_text("utf-8") == "keep"
    assert not project.generated.exists()  # refused before anything was written


def test_a_hand_written_page_with_an_empty_front_matter_is_refused(project: Project, write: Write) -> None:
    write("content/about.md", "---\n---\n# 关于\n")
    result, changes = generate(project)
    assert changes is None
    assert [str(d) for d in result.diagnostics] == [
        "content/about.md:1:1: error: front matter 是空的（开头两行 ---）：删除这两行"
    ]


# Each writer, in its own process, writes its own tree over and over, as two `catalog generate`
# (or an editor's `mkdocs serve` and a `catalog build`) on one project would.
WRITER = """
import sys
from pathlib import Path
from govcat.site.generate.output import write_tree
link, name = Path(sys.argv[1]), sys.argv[2]
for round in range(int(sys.argv[3])):
    write_tree(link, ((f"docs/{n:03}.md", f"{name} {round} {n}") for n in range(150)))
"""


def test_two_writers_at_once_never_break_each_other_or_the_tree(tmp_path: Path) -> None:
    link = tmp_path / "build" / "generated"
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(link), name, "15"], stderr=subprocess.PIPE, text=True, cwd=tmp_path
        )
        for name in ("甲", "乙")
    ]
    failures = [(writer.wait(timeout=120), writer.stderr.read()) for writer in writers if writer.stderr]
    assert failures == [(0, ""), (0, "")]
    # The last tree switched in is whole: one writer's last round, every file.
    texts = {path.read_text("utf-8") for path in (link / "docs").iterdir()}
    assert len(list((link / "docs").iterdir())) == 150 and len({text.rsplit(" ", 1)[0] for text in texts}) == 1
    assert sorted(p.name for p in link.parent.iterdir() if p.name.startswith(".generated-")) == [link.resolve().name]
