"""Index words: what page text is cut into for the search index, and the synonyms it means.

Han text is cut by rjieba (jieba's dictionary and algorithm, in Rust) loaded with the catalog's
dictionary (``generate/searchdict.py``: our names kept whole, and the parts of names jieba does
not know), in search-engine mode: a word of three or more characters also yields the dictionary
words inside it (全过程 → 过程, 工作者 → 工作). A dictionary word also yields the words jieba's own
dictionary finds in it (无主管楼院 → 主管, 楼院), so that a query for a part finds the whole.
Other text becomes runs of Latin letters and of digits. A page that uses a word of a synonym group
(reference/synonyms/: 工资, 薪酬, 待遇) is also indexed under the group's other words, at half
weight, so that a reader's own word finds it whatever the search engine. Text is NFKC-normalised and lower-cased
first (full-width ＡＢ１ reads as ab1); ``search.js`` treats a typed query the same way and
leaves out the same stop words, which the manifest carries to it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

import rjieba

from govcat.model.hanzi import HAN, HAN_CHARACTERS

TOKEN = re.compile(f"[{HAN_CHARACTERS}]+|[0-9]+(?:\\.[0-9]+)*|[a-z\u00e0-\u024f]+")
# Single characters that carry no meaning of their own in our text; kept out of the index.
STOP_WORDS = "的了和与及或是为对把被将等以其之而并也都就从向由于着个"
# What makes a query a question rather than a name; search.js drops them before searching
# (怎么选好村支书 → 选好村支书). Longer ones first, so that 怎么样 goes whole.
QUESTION_WORDS = (
    "为什么",
    "怎么样",
    "怎么办",
    "有没有",
    "能不能",
    "是不是",
    "怎么",
    "怎样",
    "如何",
    "什么",
    "哪些",
    "哪个",
    "哪里",
    "是否",
    "吗",
    "呢",
    "吧",
    "啊",
    "呀",
    "嘛",
    "？",
    "?",
)


NORMALIZATION: Final = "NFKC"  # then lower case; search.js does the same to a query, with this form


# Words that say how much, where or whether rather than what: a query keeps them only when it has
# nothing else (几个地方搞了楼院治理 is a search for 楼院治理), so they never decide a ranking.
FILLER_WORDS = (
    "几个",
    "一些",
    "有些",
    "这个",
    "那个",
    "这些",
    "那些",
    "这里",
    "那里",
    "这样",
    "那样",
    "地方",
    "问题",
    "情况",
    "事情",
    "东西",
    "方面",
    "时候",
    "现在",
    "目前",
    "一下",
    "一点",
    "有点",
    "比较",
    "非常",
    "特别",
    "太多",
    "太少",
    "很多",
    "不少",
    "多少",
    "不够",
    "不到",
    "不了",
    "不能",
    "不会",
    "没有",
    "没人",
    "没法",
    "可以",
    "应该",
    "需要",
    "要求",
    "还是",
    "或者",
    "以及",
    "还有",
    "已经",
    "我们",
    "你们",
    "他们",
    "咱们",
    "大家",
    "自己",
    "别人",
    "其他",
    "其它",
    "所有",
    "每个",
    "各种",
    "一个",
    "这种",
    "那种",
    "里面",
    "当中",
    "之间",
    "以上",
    "以下",
    "左右",
    "进行",
    "开展",
    "搞",
    "做",
    "弄",
    "办",
    "找",
    "谁",
    "有",
    "没",
    "里",
    "太",
    "很",
    "多",
    "少",
    "低",
    "高",
    "要",
    "想",
    "在",
)


def normalise(text: str) -> str:
    return unicodedata.normalize(NORMALIZATION, text).lower()


def plain_jieba() -> rjieba.Jieba:
    """rjieba with jieba's own dictionary only."""
    return rjieba.Jieba()


def name_parts(plain: rjieba.Jieba, name: str) -> list[str]:
    """Words of two or more characters that jieba's own dictionary finds inside ``name``
    (无主管楼院 → 主管, 楼院)."""
    return [w for w in dict.fromkeys(plain.cut(name, True)) if len(w) >= 2 and w != name]


def dictionary_entries(text: str) -> list[tuple[str, int | None]]:
    """(word, frequency) of each line of a jieba user dictionary (``word [frequency [tag]]``)."""
    rows = (line.split() for line in text.splitlines())
    return [(fields[0], int(fields[1]) if len(fields) > 1 else None) for fields in rows if fields]


class Words:
    """Cuts text into index words; each distinct run of Han text is cut once. With synonym
    groups (one a line), it also names the words of a group a text means without using them."""

    def __init__(self, dictionary: str, synonyms: str = "") -> None:
        self.jieba = rjieba.Jieba()
        plain = plain_jieba()
        self.parts: dict[str, list[str]] = {}
        for word, frequency in dictionary_entries(dictionary):
            self.jieba.add_word(word, frequency, None)
            found = name_parts(plain, word) if len(word) >= 3 else []
            if found:
                self.parts[word] = found
        self.names = [word for word, _ in dictionary_entries(dictionary)] + sorted(
            {part for parts in self.parts.values() for part in parts}
        )
        self.cuts: dict[str, list[str]] = {}
        self.stop = frozenset(STOP_WORDS)
        groups = [line.split() for line in synonyms.splitlines() if line.split()]
        self.group_of = {word: group for group in groups for word in group}
        longest_first = sorted(self.group_of, key=lambda w: (-len(w), w))
        self.members = re.compile("|".join(map(re.escape, longest_first))) if groups else None

    def synonyms(self, text: str) -> dict[str, int]:
        """The words of each synonym group that ``text`` does not use but means: for every group
        it uses a word of, its other words, counted as often as the text uses the group."""
        if self.members is None:
            return {}
        used: dict[str, int] = {}
        for match in self.members.finditer(normalise(text)):
            used[match.group()] = used.get(match.group(), 0) + 1
        meant: dict[str, int] = {}
        for word, count in sorted(used.items()):
            for other in self.group_of[word]:
                if other not in used:
                    meant[other] = meant.get(other, 0) + count
        return meant

    def of(self, text: str) -> list[str]:
        """The index words of ``text``, in order, with the parts of compound words after them."""
        words: list[str] = []
        for token in TOKEN.findall(normalise(text)):
            words += self.han(token) if HAN.match(token) else [token]
        return words

    def han(self, run: str) -> list[str]:
        cut = self.cuts.get(run)
        if cut is None:
            found = self.jieba.cut_for_search(run, True)
            inside = set(found)  # cut_for_search may have found some parts already
            found += [part for word in found for part in self.parts.get(word, ()) if part not in inside]
            cut = self.cuts[run] = [w for w in found if w not in self.stop]
        return cut
