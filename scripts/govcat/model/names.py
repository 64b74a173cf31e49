"""How records are named on the site and in the Word documents."""

from __future__ import annotations

from typing import Any


def display_name(kind: str, data: dict[str, Any]) -> str:
    """How a record is named in links and headings."""
    name: str
    if kind == "practice":
        name = data["title"]
    elif kind == "policy" and data.get("title_basis") == "editor":
        name = f"{data['title']}（编者拟定）"  # not the document's own title: no title marks
    elif kind == "policy":
        name = f"《{data['title']}》"
    elif kind == "source":
        name = f"{data['publisher']}：{data['title']}"
    else:
        name = data["name"]
    return name


def short_name(kind: str, data: dict[str, Any]) -> str:
    """A shorter name for tables: a practice's short title when it has one."""
    if kind == "practice":
        short: str = data.get("short_title", data["title"])
        return short
    return display_name(kind, data)
