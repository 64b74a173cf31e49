"""How record text is set in a Word document: Chinese punctuation and nested quotes, in the
document only (the records keep the source's characters)."""

from __future__ import annotations

import pytest

from govcat.word.text import book_title, chinese_punctuation, ends_sentence, quoted


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("河南省:把党的领导贯穿基层治理", "河南省：把党的领导贯穿基层治理"),
        ("灯要明,安全通道要通畅", "灯要明，安全通道要通畅"),
        ("鼓励各村(社区)结合实际", "鼓励各村（社区）结合实际"),
        ("办成了吗?办成了!", "办成了吗？办成了！"),
        ("“民事民提”;“民事民商”", "“民事民提”；“民事民商”"),
        ("4.9万余人, 1,000户, 8:30开门", "4.9万余人，1,000户，8:30开门"),  # digits keep theirs
        ("网址 http://example.org (英文)", "网址 http://example.org （英文）"),
        ("(a, b)", "(a, b)"),
    ],
)
def test_chinese_punctuation_beside_han_text(stored: str, shown: str) -> None:
    assert chinese_punctuation(stored) == shown


def test_a_quote_inside_a_quote_takes_single_marks() -> None:
    assert quoted("实现了“有人看门、路要平”的目标") == "“实现了‘有人看门、路要平’的目标”"
    assert quoted("他说“要做到‘心坎’里”") == "“他说‘要做到“心坎”里’”"  # the third level is double again
    assert quoted("灯要明,安全通道要通畅") == "“灯要明，安全通道要通畅”"


def test_a_title_inside_a_title_takes_angle_marks() -> None:
    assert book_title("关于《条例》的说明") == "《关于〈条例〉的说明》"
    assert book_title("河南省:把党的领导贯穿基层治理全过程各方面") == "《河南省：把党的领导贯穿基层治理全过程各方面》"


@pytest.mark.parametrize(
    ("quote", "whole"),
    [("鼓励治理创新,打造治理品牌。", True), ("做到群众“心坎”里。”", True), ("化解在廊亭", False), ("好不好?", True)],
)
def test_a_whole_sentence_keeps_its_stop_inside_the_marks(quote: str, whole: bool) -> None:
    assert ends_sentence(quote) is whole
