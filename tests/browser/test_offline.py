"""The offline bundle opened straight from the file system: pages load and Chinese search works."""

# python-docx types a document's styles and lengths as optional; the documents these tests read
# always have them, and a missing one fails the test's own assertion.
# mypy: disable-error-code="union-attr"

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import docx
import pytest

from govcat.cli import main
from support import checked_page

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's offline zip, unpacked as a reader would from a file share."""
    folder = tmp_path_factory.mktemp("bundle")
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.chdir(REPO)
        assert main(["publish", "--offline", "--out", str(folder / "site-offline")]) == 0
    with zipfile.ZipFile(folder / "site-offline.zip") as archive:
        archive.extractall(folder / "share")
    return folder / "share" / "site-offline"


@pytest.fixture
def file_page(browser: Browser, bundle: Path) -> Iterator[Page]:
    """A page of the bundle; at teardown: no console errors, nothing fetched but local files."""
    with checked_page(browser) as tab:
        yield tab


def search(page: Page, query: str) -> list[str]:
    """Titles of the results for ``query``, typed as soon as the page is there."""
    page.keyboard.press("/")
    page.keyboard.insert_text(query)
    page.locator(".catalog-search__result a").first.wait_for()
    return page.locator(".catalog-search__title").all_inner_texts()


def test_search_works_from_the_file_system(file_page: Page, bundle: Path) -> None:
    file_page.goto((bundle / "index.html").as_uri())
    titles = search(file_page, "楼院")
    assert any("楼院" in title for title in titles), titles
    file_page.locator(".catalog-search__result a").first.click()
    opened = urlsplit(file_page.url)
    assert opened.scheme == "file" and Path(opened.path).is_file() and Path(opened.path).is_relative_to(bundle)
    assert "楼院" in file_page.locator("h1").first.inner_text()


def test_compare_selection_downloads_as_word_from_the_file_system(
    file_page: Page, bundle: Path, tmp_path: Path
) -> None:
    # The page assembles the compilation from the generator's scripts, which load from file:// too.
    file_page.goto((bundle / "compare" / "index.html").as_uri() + "?ids=henan-sihui,kaifeng-zhua-wenhua")
    file_page.wait_for_selector(".compare-table")
    with file_page.expect_download() as info:
        file_page.get_by_role("button", name="下载 Word").click()
    info.value.save_as(tmp_path / "compare.docx")
    document = docx.Document(str(tmp_path / "compare.docx"))
    titles = [p.text for p in document.paragraphs if p.style.name in ("汇编标题", "公文标题")]
    assert titles[0] == "基层治理做法对比" and len(titles) == 3 and len(document.tables[0].rows) == 3


def test_compare_loads_its_pieces_from_the_file_system(file_page: Page, bundle: Path) -> None:
    """Each practice's comparison data is a script file, which a browser loads from file:// too."""
    file_page.goto((bundle / "compare" / "index.html").as_uri() + "?ids=henan-sihui,kaifeng-zhua-wenhua")
    file_page.wait_for_selector(".compare-table")
    assert file_page.locator(".compare-table thead th").count() == 3
    file_page.get_by_role("link", name="河南省：规范“四会”组织，以新时代文明实践增添德治动力").click()
    assert Path(urlsplit(file_page.url).path) == bundle / "practices" / "henan-sihui.html"
