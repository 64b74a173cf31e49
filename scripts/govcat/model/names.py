"""How records are named on the site and in the Word documents."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from govcat.model.catalog import Catalog


def display_name(kind: str, data: dict[str, Any]) -> str:
    """How a record is named in links and headings."""
    name: str
    if kind == "practice":
        name = data["title"]
    elif kind == "policy" and data.get("title_basis") == "editor":
        name = f"文中提到的{data['title']}（编者拟定）"  # not a document's title: no title marks
    elif kind == "policy":
        name = f"《{data['title']}》"
    elif kind == "source":
        name = f"{data['publisher']}：{data['title']}"
    else:
        name = data["name"]
    return name


def issued(policy: dict[str, Any]) -> bool:
    """Whether a policy is shown as an issued document: its title is the document's own, or the
    source gives its issuer, number or date. One the editors only named from a mention is not."""
    return policy.get("title_basis") != "editor" or any(f in policy for f in ("issuer", "doc_number", "date"))


def policy_groups(catalog: Catalog, policy_ids: Iterable[str]) -> tuple[list[str], list[str]]:
    """Policies in the order given, split into the issued documents (政策依据) and those a source
    only mentions, which are never listed as if issued."""
    ids = list(policy_ids)
    found = [i for i in ids if issued(catalog.get("policy", i))]
    return found, [i for i in ids if i not in found]


def short_name(kind: str, data: dict[str, Any]) -> str:
    """A shorter name for tables: a practice's short title when it has one."""
    if kind == "practice":
        short: str = data.get("short_title", data["title"])
        return short
    return display_name(kind, data)
