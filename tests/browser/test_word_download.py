"""下载 Word on the built site: a practice's document by its link, and on /compare/ the 汇编 of the
chosen practices, which the browser assembles from the generator's pieces (the same document as
``catalog export --ids``)."""

# python-docx types a document's styles and lengths as optional; the documents these tests read
# always have them, and a missing one fails the test's own assertion.
# mypy: disable-error-code="union-attr"

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import docx
import pytest

from govcat.layout import Project
from govcat.model.load import load_catalog
from govcat.word.package import COMPARE_TITLE, assemble, assemble_outline
from govcat.word.writer import Writer

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
CHOSEN = ["heshan-langting-yishi", "jiyuan-wuzhuguan-louyuan-zhili"]
TITLES = ["鹤壁市鹤山区：“廊亭议事”工作法", "济源产城融合示范区：\n精准施策管理好无主管楼院"]


def exported(ids: list[str]) -> dict[str, bytes]:
    """The parts of the compilation ``catalog export --ids`` writes for ``ids``."""
    writer = Writer(load_catalog(Project(REPO)))
    return dict(assemble(writer.package(), [writer.piece(i) for i in ids], COMPARE_TITLE, writer.compare_front()))


def exported_outline(ids: list[str]) -> dict[str, bytes]:
    """The parts of the outline ``catalog export --outline --ids`` writes for ``ids``."""
    writer = Writer(load_catalog(Project(REPO)))
    return dict(assemble_outline(writer.package(), [writer.piece(i) for i in ids], writer.outline_front()))


def download_compilation(page: Page, folder: Path, button: str = "下载 Word") -> Path:
    page.wait_for_selector(".compare-table")
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    path = folder / info.value.suggested_filename
    info.value.save_as(path)
    return path


def check_compilation(path: Path) -> None:
    assert path.name == "基层治理做法对比：“廊亭议事”工作法、无主管楼院专项治理.docx"
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        assert {name: archive.read(name) for name in archive.namelist()} == exported(CHOSEN)
    document = docx.Document(str(path))
    assert [p.text for p in document.paragraphs if p.style.name in ("汇编标题", "公文标题")] == [COMPARE_TITLE, *TITLES]
    assert [row.cells[1].text for row in document.tables[0].rows] == ["做法", "“廊亭议事”工作法", "无主管楼院专项治理"]


def test_compare_page_downloads_the_chosen_practices_as_one_document(page: Page, tmp_path: Path) -> None:
    page.goto("compare/?ids=" + ",".join(CHOSEN))
    check_compilation(download_compilation(page, tmp_path))
    assert (
        page.locator(".catalog-word").get_by_role("status").inner_text()
        == "已生成：2 项做法的汇编（含对照表），按公文格式排版。"
    )


def test_compare_page_downloads_the_outline_of_the_chosen_practices(page: Page, tmp_path: Path) -> None:
    page.goto("compare/?ids=" + ",".join(CHOSEN))
    path = download_compilation(page, tmp_path, "下载汇报提纲")
    assert path.name == "基层治理做法汇报提纲：“廊亭议事”工作法、无主管楼院专项治理.docx"
    with zipfile.ZipFile(path) as archive:
        assert {name: archive.read(name) for name in archive.namelist()} == exported_outline(CHOSEN)
    headings = [p.text for p in docx.Document(str(path)).paragraphs if p.style.name == "一级标题"]
    assert headings == ["一、基本情况", "二、主要做法", "三、取得成效", "四、经验启示", "附件"]
    assert (
        page.locator(".catalog-word").get_by_role("status").inner_text()
        == "已生成：2 项做法的汇报提纲（经验启示待撰写，附对照表）。"
    )


def test_compare_page_downloads_the_practices_as_the_table_shows_them_now(page: Page, tmp_path: Path) -> None:
    page.goto("compare/?ids=" + ",".join(CHOSEN))
    page.get_by_role("button", name=f"把“{TITLES[0]}”右移").click()
    page.wait_for_selector(".catalog-word button:not([disabled])")
    path = download_compilation(page, tmp_path)
    assert path.name == "基层治理做法对比：无主管楼院专项治理、“廊亭议事”工作法.docx"
    with zipfile.ZipFile(path) as archive:
        assert {name: archive.read(name) for name in archive.namelist()} == exported(CHOSEN[::-1])


def test_nothing_chosen_offers_no_download(page: Page) -> None:
    page.goto("compare/")
    page.wait_for_selector("#compare-app p")
    assert page.get_by_role("button", name="下载 Word").count() == 0


def test_practice_page_link_downloads_its_document(page: Page, site: Path, tmp_path: Path) -> None:
    page.goto(f"practices/{CHOSEN[0]}/")
    with page.expect_download() as info:
        page.get_by_role("link", name="下载 Word").click()
    assert info.value.suggested_filename == "鹤壁市鹤山区：“廊亭议事”工作法.docx"
    info.value.save_as(tmp_path / "practice.docx")
    assert (tmp_path / "practice.docx").read_bytes() == (site / f"word/practices/{CHOSEN[0]}.docx").read_bytes()


def test_theme_page_links_its_compilation(page: Page, site: Path) -> None:
    page.goto("themes/louyuan-zhili/")
    link = page.get_by_role("link", name="下载 Word")
    assert link.get_attribute("download") == "楼院治理做法汇编.docx"
    target = (site / "themes/louyuan-zhili" / str(link.get_attribute("href"))).resolve()
    document = docx.Document(str(target))
    assert [p.text for p in document.paragraphs[:2]] == ["楼院治理做法汇编", "（共5项做法）"]
    outline = page.get_by_role("link", name="下载汇报提纲")
    assert outline.get_attribute("download") == "楼院治理做法汇报提纲.docx"
    target = (site / "themes/louyuan-zhili" / str(outline.get_attribute("href"))).resolve()
    assert docx.Document(str(target)).paragraphs[0].text == "楼院治理做法汇报提纲"


def test_download_lines_are_not_in_the_search_index(site: Path) -> None:
    index = "".join(p.read_text("utf-8") for p in (site / "search").rglob("*.js"))
    assert "下载 Word" not in index and "可编辑、打印" not in index  # not a word a cadre searches the records for


def test_download_lines_are_not_printed(page: Page) -> None:
    for path in (f"practices/{CHOSEN[0]}/", "themes/louyuan-zhili/"):
        page.goto(path)
        assert page.get_by_role("link", name="下载 Word").is_visible()
        page.emulate_media(media="print")
        assert not page.get_by_text("下载 Word").is_visible()
        page.emulate_media(media="screen")
