"""How the source writes a figure: the words around a metric's value in its quote.

A metric's ``value`` alone is not the figure: "50余名" and "50万多人" share the value 50 and
differ ten-thousandfold. This module reads what stands next to the value in the quote — a
qualifier before it (约、近、超过、达到、累计), the multiplier 万 or 亿, 余 or 多, the measure word
(名、人、个、件…) and a qualifier after it (以上、以下、左右) — so the check can compare the
metric's ``unit`` and ``qualifier`` with the source's own wording and say how to write them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from govcat.model.catalog import INFIX_QUALIFIERS, MAGNITUDES, PREFIX_QUALIFIERS, SUFFIX_QUALIFIERS, metric_text
from govcat.model.sourcetext import FIGURE

# Measure words and units a figure is counted in, longest first so that 人次 wins over 人.
MEASURE_WORDS = tuple(
    sorted(
        (
            "%", "％", "‰", "名", "人", "人次", "户", "个", "件", "份", "项", "次", "支", "家", "盏", "所", "条", "座",
            "处", "场", "期", "批", "台", "辆", "间", "张", "套", "篇", "本", "部", "岁", "年", "月", "天", "小时",
            "元", "亩", "米", "公里", "千米", "平方米", "平方公里", "吨", "类", "种", "村", "届", "位", "栋", "幢",
        ),
        key=len,
        reverse=True,
    )
)  # fmt: skip
# Qualifiers that change what a figure means: a metric must carry them when the source writes them.
MEANING_QUALIFIERS = frozenset({"余", "多", "近", "约", "超过", "以上", "以下", "左右"})
MAGNITUDE_FACTORS = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}
WRITTEN_VALUE = re.compile(r"^([0-9]+(?:\.[0-9]+)?)([万亿])(.*)$")


@dataclass(frozen=True)
class Wording:
    """A figure as the source writes it, in its parts."""

    prefix: str
    value: str
    magnitude: str
    infix: str
    measure: str
    suffix: str
    earlier: tuple[str, ...] = ()  # 达到、累计 written further before the figure: 累计招聘社区工作者424人

    @property
    def text(self) -> str:
        return f"{self.prefix}{self.value}{self.magnitude}{self.infix}{self.measure}{self.suffix}"

    @property
    def unit(self) -> str:
        return self.magnitude + self.measure

    @property
    def qualifiers(self) -> list[str]:
        return [q for q in (self.prefix, self.infix, self.suffix) if q]


def starting(text: str, choices: tuple[str, ...]) -> str:
    """The first of ``choices`` that ``text`` begins with, or ""."""
    return next((choice for choice in choices if text.startswith(choice)), "")


def wording_at(quote: str, start: int, value: str, unit: str) -> Wording:
    """The wording of the figure ``value`` that begins at ``start`` of ``quote``; ``unit`` is the
    metric's, accepted as the measure word when the source writes it right there."""
    before = quote[:start]
    prefix = next((q for q in PREFIX_QUALIFIERS if before.endswith(q)), "")
    rest = quote[start + len(value) :]
    magnitude = starting(rest, MAGNITUDES)
    rest = rest[len(magnitude) :]
    infix = starting(rest, INFIX_QUALIFIERS)
    rest = rest[len(infix) :]
    own = unit[len(magnitude) :] if unit.startswith(magnitude) else ""
    measure = own if own and rest.startswith(own) else starting(rest, MEASURE_WORDS)
    rest = rest[len(measure) :]
    earlier = tuple(q for q in PREFIX_QUALIFIERS if q not in MEANING_QUALIFIERS and q in before)
    return Wording(prefix, value, magnitude, infix, measure, starting(rest, SUFFIX_QUALIFIERS), earlier)


def wordings(quote: str, value: str, unit: str) -> list[Wording]:
    """Every place ``value`` stands whole in ``quote``, as the source words it there."""
    return [wording_at(quote, m.start(), value, unit) for m in FIGURE.finditer(quote) if m.group() == value]


def fits(metric: dict[str, Any], wording: Wording) -> bool:
    """Whether the metric's unit and qualifier say what the source says at this place: the same
    multiplier and measure word, every qualifier that changes the meaning, no qualifier it lacks."""
    qualifier = metric.get("qualifier", "")
    meaning = [q for q in wording.qualifiers if q in MEANING_QUALIFIERS]
    if meaning and qualifier not in meaning:
        return False
    if qualifier and qualifier not in (*wording.qualifiers, *wording.earlier):
        return False
    return bool(metric.get("unit", "") == wording.unit)


def advice(metric: dict[str, Any], wording: Wording) -> str:
    """What to write in ``unit`` and ``qualifier`` to say what the source says."""
    unit, qualifier = metric.get("unit", ""), metric.get("qualifier", "")
    meaning = [q for q in wording.qualifiers if q in MEANING_QUALIFIERS]
    wanted = meaning[0] if meaning else (qualifier if qualifier in (*wording.qualifiers, *wording.earlier) else "")
    steps = []
    if wanted != qualifier:
        steps.append(f"qualifier 写 {wanted}" if wanted else "删去 qualifier（原文没有限定词）")
    if wording.unit != unit:
        steps.append(f"unit 写 {wording.unit}" if wording.unit else "删去 unit（原文数字后没有单位）")
    return "，".join(steps)


def metric_wording_problem(metric: dict[str, Any]) -> str | None:
    """Why the metric's unit or qualifier misstates its figure, with the fix; None when they fit
    (or the value is not in the quote, which the figure check reports)."""
    places = wordings(metric["citation"]["quote"], metric["value"], metric.get("unit", ""))
    if not places or any(fits(metric, place) for place in places):
        return None
    place = places[0]
    fix = advice(metric, place) or "按原文的写法填写 unit 和 qualifier"
    return f"原文写作“{place.text}”，本条会显示为“{metric_text(metric)}”：{fix}"


def written_value_hint(value: str, quote: str = "") -> str | None:
    """For a value written with more than its digits, the right way to write it: 1.2万 gets the two
    right ways (the unit as the metric's quote writes it after the figure, 1.2万个 -> 万个); 30%,
    50余名 and 约50 get the value, unit and qualifier each in its field."""
    match = WRITTEN_VALUE.match(value)
    if match is not None:
        number, magnitude, tail = match.groups()
        return magnitude_hint(number, magnitude, tail, quote)
    figure = FIGURE.search(value)
    if figure is None:
        return None
    own = wording_at(value, figure.start(), figure.group(), "")
    if own.text != value:
        return None  # not a figure with its unit and qualifier: the schema's own rule says what to write
    fields = [f'value: "{own.value}"']
    fields += [f"unit: {own.unit}"] if own.unit else []
    fields += [f"qualifier: {q}" for q in own.qualifiers]
    return f"数值只写阿拉伯数字，单位和限定词各有字段：写 {'、'.join(fields)}"


def magnitude_hint(number: str, magnitude: str, tail: str, quote: str) -> str:
    """The two right ways to write a value given as 1.2万."""
    places = [w for w in wordings(quote, number, "") if w.magnitude == magnitude]
    unit = places[0].unit if places and places[0].measure else magnitude + tail
    whole = Decimal(number) * MAGNITUDE_FACTORS[magnitude]
    plain = f"{whole.normalize():f}"
    return (
        f'{magnitude}不是数值的一部分，要写在 unit 里：原文写作“{number}{unit}”时，写 value: "{number}"、'
        f"unit: {unit if unit != magnitude else magnitude + '…'}（{magnitude}连同后面的量词）；"
        f'原文写作“{plain}”时，写 value: "{plain}"'
    )
