"""The YAML loader: text-only scalars, positions, and the YAML features records may not use."""

from __future__ import annotations

import pytest

from govcat.model.yamlsource import UNSURE, Position, parse_yaml, quick_data, read_carefully
from support import REPO


def problems(text: str) -> list[tuple[int, int, str]]:
    return [(p.position.line, p.position.column, p.message) for p in parse_yaml(text).problems]


def test_scalars_stay_text_as_written() -> None:
    doc = parse_yaml("a: no\nb: 010\nc: 3.10\nd: 2024-08-05\ne: 1:20\nf: on\n")
    assert doc.data == {"a": "no", "b": "010", "c": "3.10", "d": "2024-08-05", "e": "1:20", "f": "on"}


def test_empty_tilde_and_null_mean_not_filled_in() -> None:
    assert parse_yaml("a:\nb: ~\nc: null\nd: 'null'\n").data == {"a": None, "b": None, "c": None, "d": "null"}


def test_positions_of_values_and_keys_are_one_based() -> None:
    doc = parse_yaml("id: x\nmeasures:\n  - title: 甲\n    detail: 乙\n")
    assert doc.position_of(("measures", 0, "detail")) == Position(4, 13)
    assert doc.position_of(("measures", 0, "detail"), key=True) == Position(4, 5)
    assert doc.position_of(("measures", 0, "missing")) == Position(3, 5)


def test_duplicate_keys_are_reported_with_the_first_line() -> None:
    assert problems("id: a\ntitle: 甲\nid: b\n") == [(3, 1, "字段“id”重复（第 1 行已有“id”）：合并为一个")]


def test_keys_equal_after_normalisation_are_duplicates() -> None:
    assert problems("title: 甲\nｔｉｔｌｅ: 乙\n") == [(2, 1, "字段“ｔｉｔｌｅ”重复（第 1 行已有“title”）：合并为一个")]


def test_duplicate_keys_inside_list_items() -> None:
    assert problems("measures:\n  - title: 甲\n    title: 乙\n") == [
        (3, 5, "字段“title”重复（第 2 行已有“title”）：合并为一个")
    ]


def test_anchors_and_aliases_are_refused() -> None:
    assert problems("a: &x [1, 2]\nb: *x\n") == [(1, 4, "不支持 YAML 锚点和别名（& 和 *）：把内容直接写出来")]


def test_top_level_must_be_a_mapping() -> None:
    assert problems("id：abc\n") == [
        (1, 1, "文件顶层应为“字段: 值”的映射，实际是一段文字；如果用了全角冒号“：”，请改成半角冒号加空格“: ”")
    ]
    assert problems("- a\n") == [(1, 1, "文件顶层应为“字段: 值”的映射，实际是列表")]


def test_syntax_errors_point_at_the_problem() -> None:
    [(line, _, message)] = problems("id: a\ntitle: [甲\n")
    assert (line, message.split("（")[0]) == (3, "YAML 语法错误")


def test_deep_nesting_is_refused() -> None:
    [(_, _, message)] = problems("a: " + "[" * 50 + "]" * 50 + "\n")
    assert message == "嵌套超过 12 层：记录不需要这么深的结构"


@pytest.mark.parametrize(
    "text", ["id: x\nname: 甲\n\tdescription: 乙\n", "id: x\nwords:\n\t- 甲\n", "id: x\nwords:\n  -\t甲\n  - 乙\n"]
)
def test_a_tab_in_the_indentation_is_named_as_the_cause(text: str) -> None:
    [problem] = parse_yaml(text).problems
    tab_line = next(number for number, line in enumerate(text.split("\n"), 1) if "\t" in line)
    assert problem.position == Position(tab_line, text.split("\n")[tab_line - 1].index("\t") + 1)
    assert (
        problem.message
        == "这里有制表符（Tab）：YAML 的缩进只能用空格，把 Tab 换成空格（编辑器中可设置“用空格代替 Tab”）"
    )


@pytest.mark.parametrize(
    "text",
    [
        "a: &x [1]\nb: *x\n",  # anchor, alias
        "a: !!str 1\n",  # tag
        "a: 1\n---\nb: 2\n",  # second document
        "a: " + "[" * 13 + "]" * 13 + "\n",  # too deep
        "~: 1\n",  # empty key
        "[a]: 1\n",  # key that is not text
        "title: 甲\nｔｉｔｌｅ: 乙\n",  # key that NFKC may make equal to another
        "id: a\nid: b\n",  # key written twice
        "- a\n",  # top level not a mapping
        "",  # empty file
        "id: [a\n",  # syntax error
    ],
)
def test_the_quick_pass_leaves_what_must_be_judged_to_the_careful_one(text: str) -> None:
    assert quick_data(text) is UNSURE


def test_the_quick_pass_reads_every_real_record_as_the_careful_one_does() -> None:
    files = sorted(REPO.glob("practices/**/*.yaml")) + sorted(REPO.glob("reference/**/*.yaml"))
    assert len(files) > 50
    for path in files:
        text = path.read_text("utf-8")
        assert quick_data(text) == read_carefully(text).data, path


def test_a_quickly_read_record_finds_its_positions_when_a_message_asks() -> None:
    doc = parse_yaml("id: x\nmeasures:\n  - title: 甲\n")
    assert doc.marks is None
    assert doc.position_of(("measures", 0, "title")) == Position(3, 12)
