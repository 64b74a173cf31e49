"""Error reports in the ``path:line:col: error: message`` form editors and tools both read."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

FieldPath = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in one file. Sorting gives file order, then line order."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: error: {self.message}"


def summary(diagnostics: Iterable[Diagnostic]) -> str:
    """The closing line: how many errors in how many files."""
    items = list(diagnostics)
    files = len({d.path for d in items})
    return f"{len(items)} errors in {files} files"


def field_name(path: FieldPath) -> str:
    """``metrics[2].value`` style, as editors see the structure in their file."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text or "（文件顶层）"
