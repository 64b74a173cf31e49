"""Hostile and broken input: a clear path:line:col error, or text rendered as exactly that text.

Never a traceback, a hang, markup from a record, or a link to a script.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from govcat.checks.validate import check_project
from govcat.layout import Project
from support import mkdocs_build

PRACTICE = "practices/zhengzhou/zhengzhou-dangqun-fuwu-zhongxin.yaml"
THEME = "reference/themes/shequ-fuwu.yaml"
Write = Callable[[str, str], Path]


def messages(project: Project) -> list[str]:
    return [str(d) for d in check_project(project).diagnostics]


def write_bytes(project: Project, relative: str, data: bytes) -> None:
    (project.root / relative).write_bytes(data)


# ---- YAML that is not plain data ----


def test_alias_bomb_is_refused_at_once(project: Project, write: Write) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9)
    )
    write(THEME, bomb)
    started = time.monotonic()
    assert messages(project) == [f"{THEME}:1:4: error: 不支持 YAML 锚点和别名（& 和 *）：把内容直接写出来"]
    assert time.monotonic() - started < 5


def test_deep_flow_nesting_is_refused(project: Project, write: Write) -> None:
    write(THEME, "id: x\nname: " + "[" * 5000 + "]" * 5000 + "\n")
    [message] = messages(project)
    assert message.startswith(f"{THEME}:2:") and message.endswith(": error: 嵌套超过 12 层：记录不需要这么深的结构")


def test_oversize_file(project: Project, write: Write) -> None:
    write(THEME, "id: shequ-fuwu\nname: 社区服务\ndescription: " + "长" * 300_000 + "\n")
    assert messages(project) == [f"{THEME}:1:1: error: 文件超过 512 KB：一项记录不需要这么长，请拆分或删减"]


def test_full_width_colon_makes_the_file_one_string(project: Project, write: Write) -> None:
    write(THEME, "id：shequ-fuwu\nname：社区服务\n")
    assert messages(project) == [
        f"{THEME}:1:1: error: 文件顶层应为“字段: 值”的映射，实际是一段文字；如果用了全角冒号“：”，请改成半角冒号加空格“: ”"
    ]


def test_yaml_1_1_values_stay_text_and_empty_values_are_reported(project: Project, write: Write) -> None:
    write(THEME, "id: shequ-fuwu\nname: no\ndescription: ~\n")
    assert messages(project) == [
        f"{THEME}:3:14: error: description: 必填字段还没有填写。主题说明：这一类做法要解决什么问题（编者撰写）。"
    ]
    write(THEME, "id: shequ-fuwu\nname: on\ndescription: 2024-08-05\n")
    assert messages(project) == []


def test_full_width_key_is_named(project: Project, write: Write) -> None:
    write(THEME, "id: shequ-fuwu\nｎａｍｅ: 社区服务\ndescription: 说明\n")
    assert messages(project) == [
        f"{THEME}:1:1: error: name: 缺少必填字段。主题名称，如“楼院治理”。",
        f"{THEME}:2:1: error: ｎａｍｅ: 未知字段“ｎａｍｅ”，是不是“name”？（字段名要用半角字母）",
    ]


# ---- Encodings and invisible characters ----


def test_bom_and_crlf_are_fine_and_lines_still_count(project: Project) -> None:
    write_bytes(project, THEME, "\ufeffid: shequ-fuwu\r\nname: 社区服务\r\ndescription: \r\n".encode())
    assert messages(project) == [
        f"{THEME}:3:13: error: description: 必填字段还没有填写。主题说明：这一类做法要解决什么问题（编者撰写）。"
    ]


def test_gbk_and_utf16_files(project: Project) -> None:
    write_bytes(project, THEME, "id: shequ-fuwu\nname: 社区服务\n".encode("gbk"))
    assert messages(project) == [f"{THEME}:2:7: error: 文件不是 UTF-8 编码（可能是 GBK）：请用 UTF-8 另存"]
    write_bytes(project, THEME, "id: shequ-fuwu\n".encode("utf-16"))
    assert messages(project) == [f"{THEME}:1:1: error: 文件是 UTF-16 编码：请另存为 UTF-8"]


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\u200b", "零宽空格"),
        ("\u202e", "双向文字控制符"),
        ("\u2028", "行分隔符"),
        ("\x85", "NEL 换行符"),
    ],
)
def test_invisible_characters(project: Project, write: Write, char: str, name: str) -> None:
    write(THEME, f"id: shequ-fuwu\nname: 社区{char}服务\ndescription: 说明\n")
    assert messages(project) == [
        f"{THEME}:2:9: error: 不可见字符 U+{ord(char):04X}（{name}）：删除它（常见于从网页或文档复制的文字）"
    ]


# ---- Ids that would make bad file names or URLs ----


@pytest.mark.parametrize("bad_id", ["../etc", "/abs", "a/b", "Shequ-fuwu", "ｓｈｅｑｕ"])
def test_ids_that_are_not_slugs(project: Project, write: Write, bad_id: str) -> None:
    write(THEME, f"id: {json.dumps(bad_id)}\nname: 社区服务\ndescription: 说明\n")
    [message] = messages(project)
    assert message.startswith(
        f"{THEME}:1:5: error: id: {json.dumps(bad_id, ensure_ascii=False)[1:-1].join('“”')}格式不对。"
    )


def test_windows_reserved_id(project: Project, write: Write) -> None:
    write("reference/themes/con.yaml", "id: con\nname: 甲\ndescription: 乙\n")
    assert messages(project) == [
        "reference/themes/con.yaml:1:5: error: id: “con”是 Windows 保留的文件名，不能用作编号：换一个编号"
    ]


@pytest.mark.parametrize("kind_folder", ["practices/zhengzhou", "reference/regions", "reference/themes"])
@pytest.mark.parametrize("reserved", ["index", "page"])
def test_ids_the_site_uses_for_its_own_pages(project: Project, write: Write, kind_folder: str, reserved: str) -> None:
    """practices/page.md would be served where page 2 of the practice list is (/practices/page/…);
    a region "index" would replace /regions/ itself."""
    path = f"{kind_folder}/{reserved}.yaml"
    source = {
        "practices/zhengzhou": PRACTICE,
        "reference/regions": "reference/regions/zhengzhou.yaml",
        "reference/themes": THEME,
    }[kind_folder]
    text = (project.root / source).read_text("utf-8")
    old_id = next(line for line in text.splitlines() if line.startswith("id: "))
    write(path, text.replace(old_id, f"id: {reserved}"))
    found = [m for m in messages(project) if m.startswith(path)]
    assert found == [
        (
            f"{path}:{text.splitlines().index(old_id) + 1}:5: error: id: “{reserved}”是网站自用的路径名"
            "（index、page：栏目首页与列表的分页），不能用作编号：换一个编号"
        )
    ]


def test_id_rule_in_code_is_the_schema_rule(project: Project) -> None:
    from govcat.checks.schema.documents import load_schema
    from govcat.layout import ID_PATTERN

    assert load_schema(project.schemas, "defs.schema.json")["$defs"]["id"]["pattern"] == f"^{ID_PATTERN.pattern}$"


def test_empty_id(project: Project, write: Write) -> None:
    write(THEME, "id: ''\nname: 社区服务\ndescription: 说明\n")
    [message] = messages(project)
    assert message.startswith(f"{THEME}:1:5: error: id: “”格式不对。")


def test_url_schemes_other_than_http_are_refused(project: Project, write: Write) -> None:
    text = (project.root / "reference/sources/zgsqb-excerpt.yaml").read_text("utf-8")
    for url in ("javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd"):
        write("reference/sources/zgsqb-excerpt.yaml", text + f"url: {json.dumps(url)}\n")
        [message] = messages(project)
        assert message.startswith("reference/sources/zgsqb-excerpt.yaml:7:6: error: url: ") and "格式不对" in message


def test_missing_required_field_fails_rather_than_rendering_blank(project: Project, write: Write) -> None:
    write(THEME, "id: shequ-fuwu\nname: 社区服务\n")
    assert len(messages(project)) == 1


# ---- Text that is data, not markup, all the way into the built HTML ----

PAYLOADS = [
    "<script>alert('s')</script>",
    "<img src=x onerror=alert('i')>",
    "[点我](javascript:alert('l'))",
    "[点我](JaVaScRiPt:alert('L'))",
    "&#106;avascript:alert('e')",
    "{ onclick=alert('a') }",
    "*强调* __粗__ `code`",
    "| 表 | 格 |",
    "{{ 7*7 }} {% if x %}",
    "<!-- 注释",
    '--8<-- "/etc/passwd"',
    "```",
]
LINE_START = ["[ref]: javascript:alert('r')", "# 标题", "    缩进代码", "> 引用", "1. 列表", "---"]


class Collector(HTMLParser):
    """Tags, attributes and text inside the page's article."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        if self.depth:
            self.tags.append(tag)
            self.attributes += [(k, v or "") for k, v in attrs]

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text.append(data)


@pytest.mark.slow
def test_hostile_text_renders_as_text(project: Project, write: Write) -> None:
    summary = "一窗办 " + " ".join(PAYLOADS) + "\n" + "\n".join(LINE_START)
    path = project.root / PRACTICE
    text = (
        path.read_text("utf-8")
        .replace(
            "summary: 社区党群服务中心实行“一窗办”“全岗通”，并提供错时、延时、上门帮办服务。",
            f"summary: {json.dumps(summary, ensure_ascii=False)}\nbackground: {json.dumps(PAYLOADS[1] + PAYLOADS[7])}",
        )
        .replace("title: 实行“一窗办”“全岗通”", f"title: {json.dumps('实行 ' + PAYLOADS[0] + PAYLOADS[7])}")
    )
    path.write_text(text, "utf-8")
    write(
        "reference/terms/yichuangban.yaml",
        (project.root / "reference/terms/yichuangban.yaml")
        .read_text("utf-8")
        .replace(
            "definition: 居民在社区党群服务中心的一个窗口即可办理多项事务。",
            'definition: "一个窗口\\" onmouseover=\\"alert(1) <b>办</b>"',
        ),
    )
    run = mkdocs_build(project.root, project.root / "out")
    assert run.returncode == 0, run.stderr
    html = (project.root / "out/practices/zhengzhou-dangqun-fuwu-zhongxin/index.html").read_text("utf-8")
    page = Collector()
    page.feed(html)
    assert {"script", "img", "code", "em", "pre"} & set(page.tags) == set()
    assert not [a for a in page.attributes if a[0].startswith("on")]
    hrefs = [v for k, v in page.attributes if k in ("href", "src")]
    assert hrefs and all(not h.lower().lstrip().startswith(("javascript", "data", "&#")) for h in hrefs)
    visible = "".join(page.text)
    for payload in PAYLOADS + LINE_START:
        assert payload.strip() in visible, payload  # lines lose leading blanks, so nothing turns into code
    assert [v for k, v in page.attributes if k == "title" and "一个窗口" in v] == [
        "一个窗口＂ onmouseover=＂alert(1) <b>办</b>"
    ]
