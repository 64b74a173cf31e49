"""Word documents: what an office checks when it opens one (python-docx reads them back), record
text that stays text, the same bytes for the same records, ``catalog export``, and LibreOffice,
a real word processor, turning each kind into PDF pages of 22 lines of 28 characters."""

# python-docx types a document's styles and lengths as optional; the documents these tests read
# always have them, and a missing one fails the test's own assertion.
# mypy: disable-error-code="union-attr"

from __future__ import annotations

import dataclasses
import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from lxml import etree

from govcat.checks.validate import check_project
from govcat.cli import main
from govcat.layout import Project
from govcat.model.catalog import Catalog
from govcat.site.generate import word
from govcat.site.generate.outputs import BinaryFile
from govcat.site.generate.word import theme_practices
from govcat.site.pipeline import generate
from govcat.word.export import export_practices, export_theme
from govcat.word.package import COMPARE_TITLE, assemble, contents, document, outline_document, zip_package
from govcat.word.text import title_lines
from govcat.word.writer import Writer
from support import REPO, unavailable

PRACTICE_ID = "zhengzhou-dangqun-fuwu-zhongxin"
PRACTICE = f"practices/zhengzhou/{PRACTICE_ID}.yaml"
OTHER_ID = "jiyuan-wuzhuguan-louyuan"
TITLE = "郑州市：完善社区党群服务中心功能"
OTHER_TITLE = "济源产城融合示范区：精准施策管理好无主管楼院"
OTHER_TITLE_LINES = "济源产城融合示范区：\n精准施策管理好无主管楼院"  # longer than a line: broken after the colon
QUOTE = "区内278个无主管楼院全部实现了"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
Write = Callable[[str, str], Path]

RECORDS = {
    "reference/regions/jiyuan.yaml": (
        'id: jiyuan\nname: 济源市\ncode: "419001"\nlevel: city\nparent: henan\ndivision_note: 省直管县级市，按市级处理\n'
    ),
    "reference/standards/louyuan-mubiao.yaml": (
        "id: louyuan-mubiao\nname: 无主管楼院治理目标\nregion: jiyuan\n"
        "items:\n  - name: 有人看门\n  - name: 路要平\n"
        "citations:\n  - source: zgsqb-excerpt\n    quote: “有人看门、路要平、灯要明,安全通道要通畅”的目标\n"
    ),
    "reference/policies/louyuan-fangan.yaml": (
        "id: louyuan-fangan\ntitle: 无主管楼院专项治理方案\ntitle_basis: editor\nregion: jiyuan\nissuer: 济源产城融合示范区\n"
        "date: 2026-11-25\ncitations:\n  - source: zgsqb-excerpt\n    quote: 合力推进无主管楼院专项治理\n"
    ),
    f"practices/jiyuan/{OTHER_ID}.yaml": f"""id: {OTHER_ID}
title: {OTHER_TITLE}
short_title: 无主管楼院专项治理
region: jiyuan
level: city
themes: [shequ-fuwu]
summary: 济源产城融合示范区瞄准群众急难愁盼，合力推进无主管楼院专项治理。
background: |-
  无主管楼院无人管理。

  老旧楼院设施短缺。
measures:
  - title: 坚持高点谋划、精准施策
    detail: 合力推进无主管楼院专项治理。
    citations:
      - source: zgsqb-excerpt
        quote: 坚持高点谋划、精准施策,合力推进无主管楼院专项治理
metrics:
  - indicator: 实现目标的无主管楼院
    value: "278"
    unit: 个
    scope: 区内
    citation:
      source: zgsqb-excerpt
      quote: {QUOTE}
standards: [louyuan-mubiao]
policies: [louyuan-fangan]
sources:
  - source: zgsqb-excerpt
    quote: 济源产城融合示范区瞄准群众急难愁盼
  - source: zgsqb-excerpt
    quote: 区内278个无主管楼院全部实现了“有人看门、路要平、灯要明,安全通道要通畅”的目标
last_reviewed: 2026-11-20
editor_note: 来源未说明治理开始的时间。
""",
}


@pytest.fixture
def catalog_project(project: Project, write: Write) -> Project:
    """The fixture catalog plus a second practice with a metric, a standard, a policy and an editor's note."""
    for path, text in RECORDS.items():
        write(path, text)
    return project


def generated(project: Project) -> Path:
    result, changes = generate(project)
    assert result.diagnostics == [] and changes is not None
    return project.generated_docs / "word"


def open_document(path: Path) -> docx.document.Document:
    return docx.Document(str(path))


def compare_document(project: Project, ids: list[str], out: Path) -> Path:
    """The compilation of ``ids`` that the compare page (and ``catalog export --ids``) makes."""
    writer = Writer(generate(project)[0].catalog)
    out.write_bytes(document(writer.package(), [writer.piece(i) for i in ids], COMPARE_TITLE, writer.compare_front()))
    return out


def each_kind(project: Project, folder: Path) -> dict[str, Path]:
    """A document of each kind: a practice's, a theme's 汇编 and a compare-page 汇编."""
    word = generated(project)
    return {
        "practice": word / f"practices/{OTHER_ID}.docx",
        "theme": word / "themes/shequ-fuwu.docx",
        "compare": compare_document(project, [OTHER_ID, PRACTICE_ID], folder / "compare.docx"),
    }


def footnotes(document: docx.document.Document) -> dict[str, str]:
    """Note id -> its text, from the footnotes part."""
    part = next(r.target_part for r in document.part.rels.values() if r.reltype == RELATIONSHIP_TYPE.FOOTNOTES)
    root = etree.fromstring(part.blob)
    return {
        note.get(f"{W}id"): "".join(note.itertext())
        for note in root.iter(f"{W}footnote")
        if note.get(f"{W}type") is None
    }


def references(element: etree._Element) -> list[str]:
    return [ref.get(f"{W}id") for ref in element.iter(f"{W}footnoteReference")]


def east_asian_font(style: docx.styles.style.BaseStyle) -> str:
    font: str = style.element.rPr.rFonts.get(qn("w:eastAsia"))
    return font


# ---- What the office checks ----


@pytest.mark.parametrize("kind", ["practice", "theme", "compare"])
def test_page_setup_is_gbt_9704(catalog_project: Project, tmp_path: Path, kind: str) -> None:
    document = open_document(each_kind(catalog_project, tmp_path)[kind])
    [section] = document.sections
    for measured, wanted in (
        (section.page_width, 210),
        (section.page_height, 297),
        (section.top_margin, 37),
        (section.bottom_margin, 35),
        (section.left_margin, 28),
        (section.right_margin, 26),
    ):
        assert abs(measured.mm - wanted) < 0.05
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines"
    pitch = int(grid.get(qn("w:linePitch")))
    text_height = section.page_height.twips - section.top_margin.twips - section.bottom_margin.twips
    assert text_height // pitch == 22
    # 28 characters of 三号 (16 pt = 320 twips), set closer by the default character spacing, fill the line.
    spacing = int(document.styles.element.find(f"{qn('w:docDefaults')}//{qn('w:spacing')}").get(qn("w:val")))
    text_width = section.page_width.twips - section.left_margin.twips - section.right_margin.twips
    assert text_width // (320 + spacing) == 28


@pytest.mark.parametrize("kind", ["practice", "theme", "compare"])
def test_styles_of_title_body_and_both_heading_levels(catalog_project: Project, tmp_path: Path, kind: str) -> None:
    document = open_document(each_kind(catalog_project, tmp_path)[kind])
    styles = document.styles
    expected = {
        "公文标题": ("方正小标宋简体", 22),
        "Normal": ("仿宋_GB2312", 16),
        "一级标题": ("黑体", 16),
        "二级标题": ("楷体_GB2312", 16),
    }
    for name, (font, points) in expected.items():
        style = styles[name]
        assert (
            east_asian_font(style) or east_asian_font(style.base_style),
            style.font.size or style.base_style.font.size,
        ) == (font, docx.shared.Pt(points)), name
    assert styles["公文标题"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert not styles["公文标题"].font.bold  # 小标宋 is heavy already
    # Named, not embedded; a fallback name for each font an office may not have.
    fonts = etree.fromstring(
        next(r.target_part for r in document.part.rels.values() if r.reltype == RELATIONSHIP_TYPE.FONT_TABLE).blob
    )
    fallbacks = {f.get(f"{W}name"): f.find(f"{W}altName").get(f"{W}val") for f in fonts.iter(f"{W}font")}
    assert (
        fallbacks["方正小标宋简体"] == "宋体"
        and fallbacks["仿宋_GB2312"] == "仿宋"
        and fallbacks["楷体_GB2312"] == "楷体"
    )
    assert not [r for r in document.part.package.iter_parts() if "font" in r.partname and r.partname.endswith(".odttf")]

    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    paragraphs = paragraphs[paragraphs.index(("公文标题", OTHER_TITLE_LINES)) :]  # the practice, wherever it starts
    assert paragraphs[:4] == [
        ("公文标题", OTHER_TITLE_LINES),
        ("基本信息", "地区：河南省济源市"),
        ("基本信息", "层级：市级"),
        ("基本信息", "主题：社区服务"),
    ]
    headings = [text for style, text in paragraphs if style in ("一级标题", "二级标题")][:7]
    assert headings == [
        "一、概述",
        "二、背景与问题",
        "三、主要举措",
        "（一）坚持高点谋划、精准施策",
        "四、成效数据",
        "五、采用的标准",
        "六、政策依据",
    ]
    assert ("Normal", "无主管楼院无人管理。") in paragraphs and ("Normal", "老旧楼院设施短缺。") in paragraphs
    assert ("Normal", "无主管楼院治理目标：有人看门、路要平") in paragraphs
    assert (
        "Normal",
        "文中提到的无主管楼院专项治理方案（编者拟定）（济源产城融合示范区，2026年11月25日）",
    ) in paragraphs


def test_metrics_table_writes_each_figure_with_unit_qualifier_and_its_note(catalog_project: Project) -> None:
    document = open_document(generated(catalog_project) / f"practices/{OTHER_ID}.docx")
    [table] = document.tables
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["指标", "数据", "范围", "时间"],
        ["实现目标的无主管楼院", "278个", "区内", "—"],
    ]
    notes = footnotes(document)
    [figure_note] = references(table.rows[1].cells[1]._element)
    assert notes[figure_note] == f"原文：“{QUOTE}”。"
    # The sources at the end of the summary, the measure's citation at the end of its detail: the marks
    # before the closing punctuation, so they stay on the line of the word they follow.
    summary = next(p for p in document.paragraphs if p.text.startswith("济源产城融合示范区瞄准"))
    detail = next(p for p in document.paragraphs if p.text == "合力推进无主管楼院专项治理。")
    assert [references(p._element) for p in (summary, detail)] == [["1"], ["2"]]
    assert summary.runs[-1].text == "。" and references(summary._element[-2]) == ["1"]
    # One place, one note: its quotes together, a quote inside a quote in single marks, half-width
    # punctuation beside Han text set full-width (the record keeps the source's ","); the article once,
    # at the end of the practice, not in every note.
    assert notes["1"] == (
        "原文：“济源产城融合示范区瞄准群众急难愁盼”；“区内278个无主管楼院全部实现了‘有人看门、路要平、灯要明，"
        "安全通道要通畅’的目标”。"
    )
    assert notes["2"] == "原文：“坚持高点谋划、精准施策，合力推进无主管楼院专项治理”。"
    assert [(p.style.name, p.text) for p in document.paragraphs if p.style.name == "资料来源"] == [
        ("资料来源", "资料来源：中国社区报《河南省：把党的领导贯穿基层治理全过程各方面（测试摘录）》，2024年8月5日。")
    ]
    assert references(document.element.body) == ["1", "2", "3"] and sorted(notes) == ["1", "2", "3"]
    settings = document.settings.element.find(qn("w:footnotePr"))
    assert settings.find(qn("w:numRestart")).get(qn("w:val")) == "eachPage"


def test_editor_notes_stay_marked(catalog_project: Project) -> None:
    document = open_document(generated(catalog_project) / f"practices/{OTHER_ID}.docx")
    assert [(p.style.name, p.text) for p in document.paragraphs if "编者注" in p.text] == [
        ("编者注", "编者注：来源未说明治理开始的时间。")
    ]
    own = open_document(generated(catalog_project) / f"practices/{PRACTICE_ID}.docx")
    assert "一窗办：居民在社区党群服务中心的一个窗口即可办理多项事务。（编者注）" in [p.text for p in own.paragraphs]


def test_page_numbers_at_the_outside_edge_and_the_closing_lines(catalog_project: Project) -> None:
    document = open_document(generated(catalog_project) / f"practices/{OTHER_ID}.docx")
    assert document.settings.odd_and_even_pages_header_footer
    [section] = document.sections
    for footer, alignment in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        [paragraph] = footer.paragraphs
        assert paragraph.alignment == alignment
        xml = paragraph._element
        assert [t.text for t in xml.iter(qn("w:t"))] == ["— ", "1", " —"]
        assert [f.get(qn("w:instr")) for f in xml.iter(qn("w:fldSimple"))] == [" PAGE "]
    assert east_asian_font(document.styles["footer"]) == "宋体" and document.styles["footer"].font.size.pt == 14
    # The last lines: the catalog and the newest date of the records shown (here the policy's), not the build day.
    assert [(p.style.name, p.text) for p in document.paragraphs[-2:]] == [
        ("落款", "基层治理实践库"),
        ("落款", "资料截至2026年11月25日"),
    ]
    assert document.core_properties.created.date().isoformat() == "2026-11-25"


def test_theme_compilation_opens_with_the_comparison_table(catalog_project: Project) -> None:
    document = open_document(generated(catalog_project) / "themes/shequ-fuwu.docx")
    texts = [p.text for p in document.paragraphs]
    assert texts[:5] == [
        "社区服务做法汇编",
        "（共2项做法）",
        "基层治理实践库编印",
        "资料截至2026年11月28日",  # the newest date of its records, as at its end
        "编者按：社区为居民办事、提供服务的方式。",
    ]
    table = document.tables[0]
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["序号", "做法", "地区", "主要举措", "主要数据"],
        ["1", "完善社区党群服务中心功能", "郑州市\n（市级）", "1.实行“一窗办”“全岗通”", "—"],
        ["2", "无主管楼院专项治理", "济源市\n（市级）", "1.坚持高点谋划、精准施策", "实现目标的无主管楼院：278个"],
    ]  # in the order of the theme page: by place
    titles = [p for p in document.paragraphs if p.style.name == "公文标题"]  # the practices' (汇编标题: its own)
    assert [p.text for p in titles] == [TITLE, OTHER_TITLE_LINES]
    assert [p.paragraph_format.page_break_before for p in titles] == [True, True]  # each practice on a new page
    # Notes are numbered across the compilation, each practice's after the one before.
    assert references(document.element.body) == [str(n) for n in range(1, 6)]
    assert texts[-2:] == ["基层治理实践库", "资料截至2026年11月28日"]  # the newest: 郑州's review


# ---- Ready for a meeting ----


def style_flags(document: docx.document.Document, style: str) -> tuple[bool, bool]:
    """Whether paragraphs of ``style`` keep with the next one, and keep two lines together at a page break."""
    fmt = document.styles[style].paragraph_format
    base = document.styles[style].base_style
    widow = fmt.widow_control if fmt.widow_control is not None else base.paragraph_format.widow_control
    return bool(fmt.keep_with_next), bool(widow)


def test_headings_keep_with_their_text_and_body_text_keeps_two_lines(catalog_project: Project, tmp_path: Path) -> None:
    document = open_document(each_kind(catalog_project, tmp_path)["compare"])
    for style in ("公文标题", "一级标题", "二级标题", "表格标题", "表注", "目录标题", "资料来源"):
        assert style_flags(document, style)[0], style
    assert style_flags(document, "Normal") == (False, True)
    # A measure heading with nothing of its own under it lets go: a run of them kept together would
    # leave half a page empty before 三、主要举措.
    bare = next(p for p in document.paragraphs if p.text.startswith("（一）实行“一窗办”“全岗通”"))
    assert bare.paragraph_format.keep_with_next is False
    detailed = next(p for p in document.paragraphs if p.text == "（一）坚持高点谋划、精准施策")
    assert detailed.paragraph_format.keep_with_next is None  # as its style: kept with its detail
    # The table's note stands under its caption, above the table: never alone on a page after it.
    texts = [p.text for p in document.paragraphs]
    assert texts[texts.index("做法对照表") + 1].startswith("注：表中数据摘自")
    assert document.element.body.index(document.tables[0]._element) == texts.index("做法对照表") + 2


def test_editor_remarks_are_never_running_text(catalog_project: Project) -> None:
    own = open_document(generated(catalog_project) / f"practices/{PRACTICE_ID}.docx")
    editors = [p.text for p in own.paragraphs if "编者" in p.text]
    assert editors and all(p.style.name == "编者注" for p in own.paragraphs if "编者" in p.text), (
        editors
    )  # 编者注, and a definition the editors wrote, in the 编者注 style


def test_sources_are_listed_once_numbered_when_several(catalog_project: Project, write: Write) -> None:
    write(
        "reference/sources/other.yaml",
        "id: other\npublisher: 河南日报\ntitle: 关于《条例》的说明\npublished: 2024-09-01\ntext_file: other.txt\n",
    )
    write("reference/sources/other.txt", "区内278个无主管楼院全部实现了目标。\n")
    path = catalog_project.root / f"practices/jiyuan/{OTHER_ID}.yaml"
    text = path.read_text("utf-8").replace(
        f"    citation:\n      source: zgsqb-excerpt\n      quote: {QUOTE}",
        f"    citation:\n      source: other\n      quote: {QUOTE}",
    )
    path.write_text(text, "utf-8")
    document = open_document(generated(catalog_project) / f"practices/{OTHER_ID}.docx")
    assert [p.text for p in document.paragraphs if p.style.name == "资料来源"] == [
        "资料来源：",
        "1.中国社区报《河南省：把党的领导贯穿基层治理全过程各方面（测试摘录）》，2024年8月5日。",
        "2.河南日报《关于〈条例〉的说明》，2024年9月1日。",  # a title inside a title in 〈〉
    ]
    [figure_note] = references(document.tables[0].rows[1].cells[1]._element)
    assert footnotes(document)[figure_note] == f"原文：“{QUOTE}”（来源2）。"


def test_long_compilations_get_a_table_of_contents(catalog_project: Project) -> None:
    writer = Writer(generate(catalog_project)[0].catalog)
    short = [writer.piece(i) for i in (PRACTICE_ID, OTHER_ID)]
    assert contents(writer.package(), short) == ""  # 2 practices of a page or two: no 目录
    long = [dataclasses.replace(piece, pages=3) for piece in short]
    data = zip_package(assemble(writer.package(), long, COMPARE_TITLE, writer.compare_front()))
    document = docx.Document(io.BytesIO(data))
    entries = [p.text for p in document.paragraphs if p.style.name == "目录"]
    assert entries == [f"{TITLE}\t3", f"{OTHER_TITLE}\t6"]  # the front's 2 pages, then 3 pages each
    body = document.element.body
    assert [e.get(qn("w:name")) for e in body.iter(qn("w:bookmarkStart"))] == ["_Practice1", "_Practice2"]
    assert [i.text for i in body.iter(qn("w:instrText"))] == [" PAGEREF _Practice1 \\h ", " PAGEREF _Practice2 \\h "]


def test_compiler_and_date_stand_under_a_compilations_title(
    catalog_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = generate(catalog_project)[0].catalog
    monkeypatch.setenv("CATALOG_COMPILER", "某某县民政局")
    for writer, compiler in ((Writer(catalog), "某某县民政局"), (Writer(catalog, "某某街道办事处"), "某某街道办事处")):
        front = writer.theme_front("shequ-fuwu")
        data = document(writer.package(), [writer.piece(i) for i in (PRACTICE_ID, OTHER_ID)], front.title, front)
        texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
        assert texts[2:4] == [f"{compiler}编印", "资料截至2026年11月28日"]


def test_outline_has_four_chapters_sources_and_a_turned_table(
    catalog_project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = export(catalog_project, monkeypatch, capsys, "--theme", "shequ-fuwu", "--outline")
    assert (status, out) == (0, "已写入 社区服务做法汇报提纲.docx（2 项做法的汇报提纲，党政机关公文格式）\n")
    document = open_document(catalog_project.root / "社区服务做法汇报提纲.docx")
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert [text for style, text in paragraphs if style in ("一级标题", "二级标题")] == [
        "一、基本情况",
        f"（一）{TITLE}",
        f"（二）{OTHER_TITLE}",
        "二、主要做法",
        "（一）郑州市：完善社区党群服务中心功能",
        "（二）济源市：无主管楼院专项治理",
        "三、取得成效",
        "（一）郑州市：完善社区党群服务中心功能",
        "（二）济源市：无主管楼院专项治理",
        "四、经验启示",
        "附件",
    ]
    results = paragraphs[paragraphs.index(("一级标题", "三、取得成效")) :]
    assert results[2] == ("编者注", "编者注：来源未提供成效数据。")  # 郑州's record has no figure
    assert results[4] == ("Normal", "实现目标的无主管楼院：278个（区内）。")
    # 经验启示: a marked place for the cadre, empty; nothing written for them.
    assert [text for style, text in paragraphs if style == "待撰写"] == [
        "【此处由撰写人填写：结合本地实际，从以上做法中总结可借鉴的经验和启示。本库只摘录资料，不代拟此部分。】",
        "",
        "",
        "",
    ]
    assert (
        "资料来源",
        "中国社区报《河南省：把党的领导贯穿基层治理全过程各方面（测试摘录）》，2024年8月5日。",
    ) in paragraphs
    notes = footnotes(document)
    assert references(document.element.body) == [str(n) for n in range(1, len(notes) + 1)]
    upright, turned = document.sections
    assert (upright.orientation, turned.orientation) == (WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE)
    assert abs(turned.page_width.mm - 297) < 0.05 and abs(turned.left_margin.mm - 37) < 0.05
    [table] = document.tables
    assert [c.text for c in table.rows[0].cells] == ["序号", "做法", "地区", "主要举措", "主要数据"]
    assert sum(cell.width.twips for cell in table.rows[0].cells) == turned.page_width.twips - 2098 - 1984


def wrongly_nested(text: str) -> list[str]:
    """Where a quote opens inside a quote of the same marks, or a title inside a title (《…《…》…》)."""
    found = []
    for opening, closing in ("“”", "《》", "‘’"):
        depth = 0
        for n, character in enumerate(text):
            depth += (character == opening) - (character == closing)
            if depth > 1:
                found.append(text[max(0, n - 10) : n + 10])
                break
    return found


def test_no_quote_or_title_is_nested_in_its_own_marks() -> None:
    """Over every document the site offers for the real catalog."""
    found = []
    for name, data in word_documents(check_project(Project(REPO)).catalog).items():
        document = docx.Document(io.BytesIO(data))
        texts = [p.text for p in document.paragraphs] + list(footnotes(document).values())
        texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        found += [f"{name}: {where}" for text in texts for where in wrongly_nested(text)]
    assert found == []
    assert wrongly_nested("“实现了“有人看门”的目标”") and wrongly_nested("《关于《条例》的说明》")


# ---- Record text is text ----

HOSTILE = '<w:p>{ PAGE }</w:p> & "引号" \'单\' ]]> <![CDATA[x]]> { HYPERLINK "http://evil" } \x01'


def test_record_text_never_becomes_markup_or_a_field(project: Project, write: Write) -> None:
    path = project.root / PRACTICE
    text = path.read_text("utf-8").replace(f"title: {TITLE}", f"title: {yaml_quoted(HOSTILE)}")
    path.write_text(text.replace("summary: ", f"editor_note: {yaml_quoted(HOSTILE)}\nsummary: ", 1), "utf-8")
    word = generated(project)
    document = open_document(word / f"practices/{PRACTICE_ID}.docx")
    shown = HOSTILE.replace("\x01", "")  # not a character XML can hold
    assert document.paragraphs[0].text == shown and f"编者注：{shown}" in [p.text for p in document.paragraphs]
    assert document.core_properties.title == shown
    with zipfile.ZipFile(word / f"practices/{PRACTICE_ID}.docx") as archive:
        for name in ("word/document.xml", "word/footnotes.xml"):
            xml = archive.read(name)
            assert b"<![CDATA[" not in xml
            tags = {etree.QName(e).localname for e in etree.fromstring(xml).iter()}
            assert not tags & {"fldSimple", "fldChar", "instrText", "hyperlink"}, name
    theme = open_document(word / "themes/shequ-fuwu.docx")
    assert shown in [p.text for p in theme.paragraphs]


def yaml_quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\x01", "\\x01") + '"'


# ---- The same records, the same bytes ----


def test_documents_are_byte_identical_and_dated_1980(catalog_project: Project, tmp_path: Path) -> None:
    first = {
        p.relative_to(generated(catalog_project)): p.read_bytes()
        for p in generated(catalog_project).rglob("*")
        if p.is_file()
    }
    again = tmp_path / "again"
    shutil.copytree(catalog_project.root, again, ignore=shutil.ignore_patterns("build"))
    env = {**os.environ, "PYTHONHASHSEED": "7", "SOURCE_DATE_EPOCH": "1950000000"}
    subprocess.run([sys.executable, "-m", "govcat", "generate"], cwd=again, env=env, check=True, capture_output=True)
    second = {
        p.relative_to(again / "build/generated/docs/word"): p.read_bytes()
        for p in (again / "build/generated/docs/word").rglob("*")
        if p.is_file()
    }
    assert sorted(first) == sorted(second) and [k for k in first if first[k] != second[k]] == []
    with zipfile.ZipFile(generated(catalog_project) / "themes/shequ-fuwu.docx") as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert archive.namelist()[0] == "[Content_Types].xml"


# ---- catalog export ----


def export(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *argv: str
) -> tuple[int, str, str]:
    monkeypatch.chdir(project.root)
    status = main(["export", *argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_export_one_practice_is_the_site_document(
    catalog_project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = export(catalog_project, monkeypatch, capsys, "--ids", OTHER_ID)
    assert (status, err) == (0, "")
    assert out == f"已写入 {OTHER_TITLE}.docx（1 项做法，党政机关公文格式）\n"
    written = catalog_project.root / f"{OTHER_TITLE}.docx"
    assert written.read_bytes() == (generated(catalog_project) / f"practices/{OTHER_ID}.docx").read_bytes()


def test_export_of_several_ids_is_the_compare_compilation(
    catalog_project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = export(
        catalog_project, monkeypatch, capsys, "--ids", f"{PRACTICE_ID}，{OTHER_ID}", "-o", "对比.docx"
    )
    assert (status, out) == (0, "已写入 对比.docx（2 项做法的汇编，党政机关公文格式）\n")
    document = open_document(catalog_project.root / "对比.docx")
    assert [(p.style.name, p.text) for p in document.paragraphs if p.style.name in ("汇编标题", "公文标题")] == [
        ("汇编标题", COMPARE_TITLE),
        ("公文标题", TITLE),
        ("公文标题", OTHER_TITLE_LINES),
    ]
    status, out, _ = export(catalog_project, monkeypatch, capsys, "--theme", "shequ-fuwu")
    assert (status, out) == (0, "已写入 社区服务做法汇编.docx（2 项做法的汇编，党政机关公文格式）\n")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--ids", "zhengzhou-dangqun-fuwu"],
            "error: 没有编号为“zhengzhou-dangqun-fuwu”的做法：是不是“zhengzhou-dangqun-fuwu-zhongxin”？\n",
        ),
        (["--ids", OTHER_TITLE], f"error: 没有编号为“{OTHER_TITLE}”的做法：是不是“{OTHER_ID}”？\n"),
        (["--theme", "社区服务"], "error: 没有编号为“社区服务”的主题：是不是“shequ-fuwu”？\n"),
        (["--ids", f"{OTHER_ID},{OTHER_ID}"], f"error: 做法“{OTHER_ID}”写了不止一次\n"),
        (["--ids", ","], "error: --ids 后面要写做法编号，多个用逗号隔开，如 --ids henan-sihui,kaifeng-zhua-wenhua\n"),
        (["--ids", OTHER_ID, "-o", "x.doc"], "error: x.doc：输出文件名要以 .docx 结尾，Word 和 WPS 才认得\n"),
        (["--ids", OTHER_ID, "-o", "no/such/x.docx"], "error: no/such：没有这个目录\n"),
    ],
)
def test_export_errors_say_what_to_do(
    catalog_project: Project,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    assert export(catalog_project, monkeypatch, capsys, *argv) == (2, "", message)


def test_export_never_overwrites_without_force(
    catalog_project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = catalog_project.root / "会议材料.docx"
    mine.write_bytes(b"someone's own document")
    status, _, err = export(catalog_project, monkeypatch, capsys, "--theme", "shequ-fuwu", "-o", "会议材料.docx")
    assert (status, err) == (2, "error: 会议材料.docx 已存在，不会覆盖：换一个文件名，或加 --force 覆盖它\n")
    assert mine.read_bytes() == b"someone's own document"
    assert (
        export(catalog_project, monkeypatch, capsys, "--theme", "shequ-fuwu", "-o", "会议材料.docx", "--force")[0] == 0
    )
    assert zipfile.is_zipfile(mine) and not list(catalog_project.root.glob(".会议材料-*"))


def test_export_checks_the_catalog_first(
    catalog_project: Project, write: Write, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write("reference/themes/bad.yaml", "id: bad\nname: 坏主题\n")
    status, out, _ = export(catalog_project, monkeypatch, capsys, "--ids", OTHER_ID)
    assert status == 1 and out.endswith("1 errors in 1 files\n") and "reference/themes/bad.yaml:1:1: error:" in out
    assert not list(catalog_project.root.glob("*.docx"))


# ---- A real word processor ----


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None or shutil.which("pdftotext") is None:
        unavailable("LibreOffice or pdftotext missing (apt-get install libreoffice-writer-nogui poppler-utils)")
    return found


def to_pdf(documents: list[Path], out: Path) -> list[list[list[str]]]:
    """Each document converted by LibreOffice; the lines of each PDF page, as pdftotext lays them out."""
    profile = out / "profile"  # its own profile: no clash with an office already running
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, documents),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    pages = []
    for path in documents:
        text = subprocess.run(
            ["pdftotext", "-layout", str(out / f"{path.stem}.pdf"), "-"], check=True, capture_output=True, text=True
        ).stdout
        pages.append([[line.strip() for line in page.splitlines() if line.strip()] for page in text.split("\f")[:-1]])
    return pages


LONG = "基层治理" * 22  # 88 characters (4 lines) without punctuation, so nothing moves across line ends
LONG_LINES = (LONG[:26], LONG[26:54], LONG[54:82], LONG[82:])


@pytest.mark.slow
def test_libreoffice_lays_out_each_kind_of_document(catalog_project: Project, write: Write, tmp_path: Path) -> None:
    path = catalog_project.root / f"practices/jiyuan/{OTHER_ID}.yaml"
    text = path.read_text("utf-8").replace(
        "  无主管楼院无人管理。\n\n  老旧楼院设施短缺。", "\n\n".join(f"  {LONG}" for _ in range(12))
    )
    path.write_text(
        text.replace("editor_note: 来源未说明治理开始的时间。", f"editor_note: {yaml_quoted(HOSTILE)}"), "utf-8"
    )
    documents = each_kind(catalog_project, tmp_path)
    practice, theme, compared = to_pdf([documents["practice"], documents["theme"], documents["compare"]], tmp_path)
    assert practice[0][:2] == OTHER_TITLE_LINES.split("\n")
    assert [page[-1].replace(" ", "") for page in practice] == [f"—{n}—" for n in range(1, len(practice) + 1)]
    # 28 characters a line: the first line of a paragraph after its 2 characters' indent, then whole lines.
    lines = [line for page in practice for line in page]
    first = lines.index(LONG[:26])
    assert tuple(lines[first : first + 4]) == LONG_LINES
    # 22 lines a page: a page of nothing but background paragraphs (and its page number), 22 = 5 × 4 + 2,
    # the last paragraph broken after its first 2 lines (widow and orphan control allow no fewer).
    full = [page for page in practice if all(line in LONG_LINES for line in page[:-1])]
    assert full and all(len(page) == 22 + 1 for page in full)
    assert theme[0][:2] == ["社区服务做法汇编", "（共 2 项做法）"]  # LibreOffice spaces digits apart from Han
    closing = theme[-1].index("基层治理实践库")  # on the last page, above its notes
    assert theme[-1][closing : closing + 2] == ["基层治理实践库", "资料截至 2026 年 11 月 28 日"]
    assert compared[0][0] == COMPARE_TITLE and any(TITLE in line for page in compared for line in page)
    # Markup and field codes in a record are printed as the characters they are.
    printed = "".join(line.replace(" ", "") for page in practice for line in page)  # justified: spaces vary
    assert '编者注：<w:p>{PAGE}</w:p>&"引号"\'单\']]><![CDATA[x]]>{HYPERLINK"http://evil"}' in printed


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """Each page's width and height in points, as pdfinfo reports them."""
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+)", info)]


STRANDED = re.compile(r"^(注：|原文：|\d+$|基层治理实践库$|资料截至)")


@pytest.mark.slow
def test_libreoffice_pages_of_the_real_catalog_are_ready_for_a_meeting(tmp_path: Path) -> None:
    """The documents a cadre took to a meeting (issue 22): no page opens with a note or the closing
    lines (a page holding only them), the long 汇编's 目录 names the page each practice starts on,
    and the outline's table is on turned pages."""
    catalog = check_project(Project(REPO)).catalog
    writer = Writer(catalog)
    made = {
        "practice": export_practices(catalog, ["sanmenxia-zhili-pinpai"]).data,
        "theme": export_theme(catalog, "louyuan-zhili").data,
        "compare": export_practices(catalog, ["heshan-langting-yishi", "jiyuan-wuzhuguan-louyuan-zhili"]).data,
        "outline": outline_document(
            writer.package(),
            [writer.piece(i) for i in theme_practices(catalog, "louyuan-zhili")],
            writer.outline_front(),
        ),
    }
    paths = []
    for name, data in made.items():
        paths.append(tmp_path / f"{name}.docx")
        paths[-1].write_bytes(data)
    pages = dict(zip(made, to_pdf(paths, tmp_path), strict=True))
    for name, document_pages in pages.items():
        for number, page in enumerate(document_pages, start=1):
            assert not STRANDED.match(page[0]), f"{name} page {number} opens with {page[0]}"
    theme = pages["theme"]
    listed = {line.split(".")[0]: int(line.rsplit(".", 1)[1]) for line in theme[0] if re.search(r"\.{5,}\d+$", line)}
    titles = [catalog.get("practice", i)["title"] for i in theme_practices(catalog, "louyuan-zhili")]
    assert [title.split("：")[0] for title in listed] == [title.split("：")[0] for title in titles]
    assert sorted(listed.values()) == list(listed.values())
    for title, start in zip(titles, listed.values(), strict=True):
        assert theme[start - 1][0].replace(" ", "") == title_lines(title)[0], title  # the page opens with it
    # Word shows the generator's estimate until its fields are updated: off by a page at most.
    estimated = [
        p.text.rsplit("\t", 1)[1] for p in docx.Document(io.BytesIO(made["theme"])).paragraphs if p.style.name == "目录"
    ]
    assert all(abs(int(guess) - real) <= 1 for guess, real in zip(estimated, listed.values(), strict=True))
    sizes = page_sizes(tmp_path / "outline.pdf")
    assert sizes[0][0] < sizes[0][1] and sizes[-1][0] > sizes[-1][1]  # upright, then the table turned
    assert any("四、经验启示" in line for page in pages["outline"] for line in page)


# ---- What Word checks: the order of properties ----
# Word refuses a document ("unreadable content") whose property elements hold their children out of
# the order of their schema type, which LibreOffice and python-docx read without complaint. The
# sequences below are those of ECMA-376 Part 1, wml.xsd. A tuple in a sequence is an xsd:choice:
# its elements in any order. EG_RPrBase (the run properties) is a choice in the transitional schema
# but a sequence in the first edition, and Word writes it in that order: it is kept in order here.

# fmt: off
PPR_BASE = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
    "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
    "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
)
RPR_BASE = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
    "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
    "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
    "em", "lang", "eastAsianLayout", "specVanish", "oMath",
)
TBL_PR_BASE = (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
    "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption",
    "tblDescription",
)
SCHEMA_ORDER: dict[str, tuple[str | tuple[str, ...], ...]] = {
    "CT_PPr": (*PPR_BASE, "rPr", "sectPr", "pPrChange"),
    "CT_PPrGeneral": (*PPR_BASE, "pPrChange"),
    "CT_RPr": (*RPR_BASE, "rPrChange"),
    "CT_ParaRPr": ("ins", "del", "moveFrom", "moveTo", *RPR_BASE, "rPrChange"),
    "CT_SectPr": (
        ("headerReference", "footerReference"),
        "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType",
        "cols", "formProt", "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid",
        "printerSettings", "sectPrChange",
    ),
    "CT_TblPrBase": TBL_PR_BASE,
    "CT_TblPr": (*TBL_PR_BASE, "tblPrChange"),
    "CT_TrPr": (
        (
            "cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit", "trHeight",
            "tblHeader", "tblCellSpacing", "jc", "hidden",
        ),
        "ins", "del", "trPrChange",
    ),
    "CT_TcPr": (
        "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "textDirection",
        "tcFitText", "vAlign", "hideMark", "headers", ("cellIns", "cellDel", "cellMerge"), "tcPrChange",
    ),
    "CT_Style": (
        "name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority", "semiHidden",
        "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose", "personalReply", "rsid", "pPr",
        "rPr", "tblPr", "trPr", "tcPr", ("tblStylePr",),
    ),
}
# fmt: on


def schema_type(element: etree._Element) -> str | None:
    """The schema type of a property element, which its parent decides (None: not one we check)."""
    name, parent = etree.QName(element).localname, etree.QName(element.getparent()).localname
    if etree.QName(element).namespace != W.strip("{}"):
        return None
    return {
        "pPr": "CT_PPr" if parent == "p" else "CT_PPrGeneral",  # in a style or the document defaults
        "rPr": "CT_ParaRPr" if parent == "pPr" else "CT_RPr",  # the paragraph mark's, or a run's
        "tblPr": "CT_TblPrBase" if parent == "style" else "CT_TblPr",
        "sectPr": "CT_SectPr",
        "trPr": "CT_TrPr",
        "tcPr": "CT_TcPr",
        "style": "CT_Style",
    }.get(name)


def out_of_order(part: str, root: etree._Element) -> set[str]:
    """Where in ``part`` a property element holds a child its schema does not allow there."""
    found = set()
    for element in root.iter():
        kind = schema_type(element) if element.getparent() is not None else None
        if kind is None:
            continue
        order = SCHEMA_ORDER[kind]
        rank = {name: n for n, entry in enumerate(order) for name in (entry if isinstance(entry, tuple) else (entry,))}
        last, previous = -1, "(start)"
        for child in element:
            name = etree.QName(child).localname
            n = rank.get(name, -2)
            if n < last or (n == last and not isinstance(order[n], tuple)):
                where = root.getroottree().getpath(element)
                found.add(f"{part} {where}: {kind} has {name} after {previous}")
            last, previous = max(last, n), name
    return found


def word_documents(catalog: Catalog) -> dict[str, bytes]:
    """Every document the site offers for ``catalog``, and the compare page's 汇编 of (up to) four
    practices, assembled from the same pieces and package as the browser assembles it."""
    documents = {output.uri: output.data for output in word.pages(catalog) if isinstance(output, BinaryFile)}
    writer = Writer(catalog)
    chosen = [writer.piece(i) for i in catalog.ids("practice")[:4]]
    front = writer.compare_front()
    documents["compare"] = zip_package(assemble(writer.package(), chosen, front.title, front))
    return documents


def test_every_property_element_keeps_the_order_of_its_schema(catalog_project: Project) -> None:
    catalogs = [check_project(catalog_project).catalog, check_project(Project(REPO)).catalog]
    found: set[str] = set()
    checked: set[str | None] = set()
    for catalog in catalogs:
        for name, data in word_documents(catalog).items():
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for part in archive.namelist():
                    if part.endswith(".xml") and part.startswith("word/"):
                        root = etree.fromstring(archive.read(part))
                        checked |= {schema_type(e) for e in root.iter() if e.getparent() is not None}
                        found |= out_of_order(f"{name}:{part}", root)
    assert sorted(found) == []
    assert checked - {None} == set(SCHEMA_ORDER) - {"CT_ParaRPr"}  # no paragraph mark has properties of its own


def test_the_order_check_finds_what_word_would_refuse() -> None:
    xml = (
        f'<w:document xmlns:w="{W.strip("{}")}"><w:body>'
        "<w:p><w:pPr><w:jc/><w:pStyle/></w:pPr><w:r><w:rPr><w:sz/><w:rFonts/></w:rPr></w:r></w:p>"
        "<w:tbl><w:tblPr><w:tblStyle/><w:tblW/></w:tblPr><w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"
        "<w:tc><w:tcPr><w:tcW/><w:tcW/></w:tcPr></w:tc></w:tr></w:tbl>"
        "<w:sectPr><w:footerReference/><w:pgSz/><w:footerReference/><w:docGrid/><w:unknown/></w:sectPr>"
        "</w:body></w:document>"
    )
    assert sorted(out_of_order("document.xml", etree.fromstring(xml))) == [
        "document.xml /w:document/w:body/w:p/w:pPr: CT_PPr has pStyle after jc",
        "document.xml /w:document/w:body/w:p/w:r/w:rPr: CT_RPr has rFonts after sz",
        "document.xml /w:document/w:body/w:sectPr: CT_SectPr has footerReference after pgSz",
        "document.xml /w:document/w:body/w:sectPr: CT_SectPr has unknown after docGrid",
        "document.xml /w:document/w:body/w:tbl/w:tr/w:tc/w:tcPr: CT_TcPr has tcW after tcW",
    ]  # the row's properties are a choice: any order


@pytest.mark.parametrize(("published", "shown"), [("不详", "日期不详"), ("2024-08", "2024年8月"), ("2024", "2024年")])
def test_a_source_date_is_printed_at_the_precision_given(catalog_project: Project, published: str, shown: str) -> None:
    source = catalog_project.root / "reference/sources/zgsqb-excerpt.yaml"
    source.write_text(source.read_text("utf-8").replace("published: 2024-08-05", f"published: {published}"), "utf-8")
    document = open_document(generated(catalog_project) / f"practices/{OTHER_ID}.docx")
    assert [p.text for p in document.paragraphs if p.style.name == "资料来源"] == [
        f"资料来源：中国社区报《河南省：把党的领导贯穿基层治理全过程各方面（测试摘录）》，{shown}。"
    ]  # the article's date stands once, in its 资料来源, not in every note
    page = (catalog_project.generated_docs / "sources/zgsqb-excerpt.md").read_text("utf-8")
    assert f"| 发布日期 | {shown} |" in page
