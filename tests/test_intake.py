"""``catalog new source --from``: an article file becomes a stored text and a source record.

What is stored, what the editor is told was changed, and what is refused (with nothing written).
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from govcat.checks.validate import check_project
from govcat.layout import Project
from support import WRAPPED_ARTICLE, run_catalog

ARTICLE = "洛阳市涧西区：“小院议事厅”\n今年以来，涧西区在全区126个老旧小区推行“小院议事厅”。\n截至2月底，已召开议事会312场,居民满意率达到96.5%。\n"
ID = "lyrb-2025-03-12-jianxi"
TEXT = f"reference/sources/{ID}.txt"
RECORD = f"reference/sources/{ID}.yaml"
OPTIONS = ["--id", ID, "--title", "洛阳市涧西区：“小院议事厅”", "--publisher", "洛阳日报", "--date", "2025-03-12"]
NEXT_STEPS = [
    "下一步：",
    f"  1. 核对来源记录，按注释填写作者等选填字段：catalog check {RECORD}",
    f"  2. 找出要引用的句子，得到可直接粘贴的 source 和 quote：catalog cite {ID} 关键词 …",
    f"  3. 写好做法等记录后，看哪些段落和数字还没有收录：catalog coverage {ID}",
]


def article(tmp_path: Path, data: bytes, name: str = "article.txt") -> Path:
    path = tmp_path / "downloads" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return path


def sources(project: Project) -> list[str]:
    return sorted(p.name for p in (project.root / "reference/sources").iterdir())


def test_a_plain_utf8_article_is_stored_as_it_is_and_its_record_checks_clean(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = article(tmp_path, ARTICLE.encode("utf-8"))
    status, out, _ = run_catalog(
        project,
        monkeypatch,
        capsys,
        "new",
        "source",
        "--from",
        str(path),
        *OPTIONS,
        "--url",
        "https://example.org/a.html",
    )
    assert status == 0
    assert out == [
        f"已保存全文 {TEXT}（3 行）",
        "  - 文字没有改动",
        "  - 原文同时用了全角逗号“，”（2 处）和半角逗号“,”（1 处），已原样保留：引文要照抄",
        f"已写入来源记录 {RECORD}",
        *NEXT_STEPS,
    ]
    assert (project.root / TEXT).read_bytes() == ARTICLE.encode("utf-8")
    record = (project.root / RECORD).read_text("utf-8")
    for line in (
        f"id: {ID}",
        'publisher: "洛阳日报"',
        'title: "洛阳市涧西区：“小院议事厅”"',
        "published: 2025-03-12",
        f"text_file: {ID}.txt",
        'url: "https://example.org/a.html"',
    ):
        assert f"\n{line}\n" in record, line
    assert [str(d) for d in check_project(project).diagnostics] == []


def test_windows_text_is_normalised_and_every_change_reported(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    decomposed = "e\u0301"  # é written as e + combining accent: NFC makes it one character
    messy = ("\n洛阳市涧西区：“小院议事厅”  \r\n今年以来，\u200b涧西区" + decomposed + "\r\n\r\n").encode("utf-8")
    status, out, _ = run_catalog(
        project,
        monkeypatch,
        capsys,
        "new",
        "source",
        "--from",
        str(article(tmp_path, codecs.BOM_UTF8 + messy)),
        *OPTIONS,
    )
    assert status == 0
    assert out[:7] == [
        f"已保存全文 {TEXT}（2 行）",
        "  - 去掉了文件开头的 BOM（UTF-8 签名）",
        "  - 把 Windows/旧 Mac 的换行改为 \\n（3 行）",
        "  - 去掉了零宽字符等看不见的字符（引文中无法照抄）（1 行）",
        "  - 按 Unicode NFC 统一了字符的写法（字形不变）（1 行）",
        "  - 去掉了行尾的空格（1 行）",
        "  - 去掉了首尾的空行，文件以一个换行结束（2 行）",
    ]
    assert (project.root / TEXT).read_text("utf-8") == "洛阳市涧西区：“小院议事厅”\n今年以来，涧西区\u00e9\n"


@pytest.mark.parametrize(
    ("encoding", "notice"),
    [
        ("gbk", "  - 文件是 GBK/GB18030 编码，已转换为 UTF-8：请对照原文看一眼转换后的文字"),
        ("utf-16", "  - 文件是 UTF-16 编码（记事本的“Unicode”），已转换为 UTF-8"),
    ],
)
def test_gbk_and_utf16_articles_are_converted_with_a_notice(
    project: Project,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    encoding: str,
    notice: str,
) -> None:
    status, out, _ = run_catalog(
        project,
        monkeypatch,
        capsys,
        "new",
        "source",
        "--from",
        str(article(tmp_path, ARTICLE.encode(encoding))),
        *OPTIONS,
    )
    assert status == 0 and out[1] == notice
    assert (project.root / TEXT).read_text("utf-8") == ARTICLE


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "article.txt", "{path} 是空的：请把文章全文粘贴进去再保存"),
        (" \n\u3000\n".encode("utf-8"), "article.txt", "{path} 是空的：请把文章全文粘贴进去再保存"),
        (
            b"\x7fELF\x02\x01\x01\x00\x00\x00",
            "article.txt",
            "{path} 不是文本文件（含有二进制内容）：请把文章的文字复制到纯文本文件（.txt）中保存",
        ),
        (
            "<!DOCTYPE html>\n<html><body><p>洛阳市涧西区</p></body></html>".encode(),
            "article.txt",
            "{path} 是网页（HTML）代码，不是文章的文字：请在浏览器中选中正文复制，粘贴到纯文本文件（.txt）中保存",
        ),
        (
            b"PK\x03\x04\x14\x00\x06\x00",
            "article.docx",
            "{path} 是 Word（.docx）等压缩格式的文件：请在 Word 中“另存为”纯文本（.txt），编码选 UTF-8",
        ),
        (
            b"%PDF-1.7\n",
            "article.pdf",
            "{path} 是 PDF 文件：请用 PDF 阅读器选中全文复制，粘贴到纯文本文件（.txt）中保存",
        ),
        (b"\x81\x30\xff\xff", "article.txt", "{path} 既不是 UTF-8 也不是 GBK/GB18030 编码：请用 UTF-8 重新保存"),
    ],
    ids=["empty", "blank", "binary", "html", "docx", "pdf", "unknown encoding"],
)
def test_what_is_not_an_article_text_is_refused_and_nothing_written(
    project: Project,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    data: bytes,
    name: str,
    message: str,
) -> None:
    before = sources(project)
    path = article(tmp_path, data, name)
    status, out, err = run_catalog(project, monkeypatch, capsys, "new", "source", "--from", str(path), *OPTIONS)
    assert (status, out, err) == (2, [], f"error: {message.format(path=path.as_posix())}\n")
    assert sources(project) == before


def test_mistakes_on_the_command_line_are_refused_and_nothing_written(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sources(project)
    path = str(article(tmp_path, ARTICLE.encode("utf-8")))
    title = ["--title", "标题"]
    cases = {
        ("--id", ID, *title): "来源还要写明 --publisher 和 --date，例如 --publisher 中国社区报 --date 2024-08-05",
        (
            "--id",
            ID,
            *title,
            "--publisher",
            "洛阳日报",
            "--date",
            "2025-3-12",
        ): "--date “2025-3-12”不是日期：写成 2025-03-12",
        (
            "--id",
            ID,
            *title,
            "--publisher",
            "洛阳日报",
            "--date",
            "2025-02-30",
        ): "--date “2025-02-30”不是真实存在的日期：2025年2月没有30日",
        (
            "--id",
            ID,
            *title,
            "--publisher",
            "洛阳日报",
            "--date",
            "2025年2月30日",
        ): "--date “2025年2月30日”不是真实存在的日期：2025年2月没有30日",
        (
            "--id",
            ID,
            *title,
            "--publisher",
            "洛阳日报",
            "--date",
            "2025-03-12",
            "--url",
            "www.example.org",
        ): "--url “www.example.org”不是网址：要以 http:// 或 https:// 开头，不含空格",
        (
            "--id",
            "null",
            *title,
            "--publisher",
            "洛阳日报",
            "--date",
            "2025-03-12",
        ): "“null”在 YAML 中会被读成空值而不是文字，不能用作编号：换一个编号，例如在前面加上地区拼音",
        (
            "--id",
            "zgsqb-excerpt",
            *title,
            "--publisher",
            "洛阳日报",
            "--date",
            "2025-03-12",
        ): "已有来源“zgsqb-excerpt”：reference/sources/zgsqb-excerpt.yaml，请换一个编号，或直接修改该文件",
    }
    for argv, message in cases.items():
        status, _, err = run_catalog(project, monkeypatch, capsys, "new", "source", "--from", path, *argv)
        assert (status, err) == (2, f"error: {message}\n"), argv
    status, _, err = run_catalog(project, monkeypatch, capsys, "new", "theme", "--id", "x", *title, "--from", path)
    assert (status, err) == (
        2,
        "error: --from、--publisher、--date、--url 只用于来源：catalog new source --from 文章.txt …\n",
    )
    status, _, err = run_catalog(
        project, monkeypatch, capsys, "new", "source", "--from", str(tmp_path / "nope.txt"), *OPTIONS
    )
    assert (status, err) == (2, f"error: 找不到文件 {(tmp_path / 'nope.txt').as_posix()}\n")
    assert sources(project) == before


def test_an_existing_text_is_never_overwritten(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (project.root / TEXT).write_text("编辑正在整理的全文\n", "utf-8")
    status, _, err = run_catalog(
        project,
        monkeypatch,
        capsys,
        "new",
        "source",
        "--from",
        str(article(tmp_path, ARTICLE.encode("utf-8"))),
        *OPTIONS,
    )
    assert (status, err) == (2, f"error: {TEXT} 已存在，不会覆盖：换一个编号，或修改已有的来源\n")
    assert (project.root / TEXT).read_text("utf-8") == "编辑正在整理的全文\n"
    assert not (project.root / RECORD).exists()
    status, _, err = run_catalog(
        project, monkeypatch, capsys, "new", "source", "--from", str(project.root / TEXT), *OPTIONS
    )
    assert (status, err) == (
        2,
        (
            f"error: --from 的文件就是要保存的全文 {TEXT}：请把原文件放在 "
            "reference/sources/ 之外（例如下载文件夹），命令会把整理好的全文存到这里\n"
        ),
    )


def test_a_hard_wrapped_text_is_joined_into_paragraphs_with_a_notice(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = article(tmp_path, WRAPPED_ARTICLE.encode("utf-8"))
    status, out, _ = run_catalog(project, monkeypatch, capsys, "new", "source", "--from", str(path), *OPTIONS)
    assert status == 0
    assert out[:2] == [
        f"已保存全文 {TEXT}（3 行）",
        (
            "  - 原文是按固定宽度折行的文字（每行约 28 个字，常见于从 PDF 复制的文字）：去掉了段落中间折行处的换行（3 处），"
            "6 行接成 3 段，其他字符一个未改；请对照原文看一眼分段"
        ),
    ]
    stored = (project.root / TEXT).read_text("utf-8")
    assert stored.split("\n") == [
        "河南省郑州市金水区某街道坚持党建引领，组织干部深入社区走访调研，召开座谈会听取居民意见，收集问题建议120余条。",
        "街道还建立了“网格+楼栋”工作机制，全面推行“一窗办”“全岗通”，群众办事更加便捷，满意度达到98%以上，累计办结群众诉求3000余件。",
        "下一步，街道将继续深化改革。",
        "",
    ]
    assert stored.replace("\n", "") == WRAPPED_ARTICLE.replace("\n", "")  # every character kept


def test_an_article_stored_already_is_refused_naming_its_id(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (project.root / "reference/sources/zgsqb-excerpt.txt").read_text("utf-8")
    path = article(tmp_path, text.replace("\n", "\r\n").encode("utf-8"))
    status, out, err = run_catalog(project, monkeypatch, capsys, "new", "source", "--from", str(path), *OPTIONS)
    assert (status, out) == (2, [])
    assert err == (
        f"error: {path.as_posix()} 的内容已保存为来源“zgsqb-excerpt”（reference/sources/zgsqb-excerpt.yaml）："
        "同一篇文章只存一份，引用时写 source: zgsqb-excerpt\n"
    )
    assert sources(project) == ["zgsqb-excerpt.txt", "zgsqb-excerpt.yaml"]
