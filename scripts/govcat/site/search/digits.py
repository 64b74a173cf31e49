"""Lists of whole numbers written as short strings: how the search index stores page numbers and scores.

A JSON list of numbers spends a comma and up to five digits on each (``[1,23,4,17]``); the index
holds millions of them. Here each number is written in base 45 with characters that a JSON string
holds unescaped: the last digit of a number comes from the *terminal* half of the alphabet, the
digits before it from the *continuation* half. A number below 45 (a gap between neighbouring pages,
most scores) takes one character, one below 2,025 two, so ``[1,23,4,17]`` is ``$:'4``. search.js
reads the alphabet from the rules Python hands over (rules.js), never restating it.

A set of page numbers (a facet value's pages) is written either as gaps or, when that is shorter,
as runs of consecutive pages (gap to the run, its length less one) after the ``RUNS`` mark: the
pages of one kind follow one another, since pages are numbered in path order.
"""

from __future__ import annotations

from collections.abc import Iterable

# '#' to '}' without the backslash: 90 characters, none of which JSON escapes.
ALPHABET = "".join(chr(c) for c in range(ord("#"), ord("}") + 1) if chr(c) != "\\")
BASE = len(ALPHABET) // 2  # the first half ends a number, the second half continues it
RUNS = "!"  # a page set written as runs; not a character of the alphabet
VALUES = {character: at for at, character in enumerate(ALPHABET)}


def encode(numbers: Iterable[int]) -> str:
    """Whole numbers ≥ 0 as one string."""
    return "".join(map(number_digits, numbers))


def number_digits(number: int) -> str:
    """One number: its last digit from the terminal half of the alphabet, those before it from
    the continuation half."""
    if number < 0:
        raise ValueError(f"digits: {number} < 0")
    written = [ALPHABET[number % BASE]]
    rest = number // BASE
    while rest:
        written.append(ALPHABET[BASE + rest % BASE])
        rest //= BASE
    return "".join(reversed(written))


def decode(text: str) -> list[int]:
    """The numbers ``encode`` wrote."""
    numbers: list[int] = []
    value = 0
    for character in text:
        digit = VALUES[character]
        value = value * BASE + digit % BASE
        if digit < BASE:
            numbers.append(value)
            value = 0
    return numbers


def gaps(pages: Iterable[int]) -> list[int]:
    """Ascending page numbers as gaps from the previous one (the first from 0)."""
    found: list[int] = []
    previous = 0
    for page in pages:
        found.append(page - previous)
        previous = page
    return found


def page_set(pages: list[int]) -> str:
    """Ascending page numbers, as gaps or as runs (``RUNS`` first), whichever is shorter."""
    runs: list[int] = []
    end = 0  # one past the last page of the previous run
    for page in pages:
        if runs and page == end:
            runs[-1] += 1
        else:
            runs += [page - end, 0]
        end = page + 1
    as_gaps, as_runs = encode(gaps(pages)), RUNS + encode(runs)
    return as_runs if len(as_runs) < len(as_gaps) else as_gaps


def pages_of(text: str) -> list[int]:
    """The page numbers ``page_set`` wrote."""
    numbers = decode(text.removeprefix(RUNS))
    pages: list[int] = []
    if not text.startswith(RUNS):
        previous = 0
        for gap in numbers:
            previous += gap
            pages.append(previous)
        return pages
    end = 0
    for gap, more in zip(numbers[::2], numbers[1::2], strict=True):
        start = end + gap
        pages.extend(range(start, start + more + 1))
        end = start + more + 1
    return pages
