"""A structural check of an Atom feed (RFC 4287), written out by hand: the elements a feed and its
entries must have, unique absolute ids, RFC 3339 dates, links with an address."""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")
IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S+")
LINK_RELS = {"alternate", "related", "self", "enclosure", "via"}


def problems(text: str) -> list[str]:
    """What makes ``text`` not an Atom feed; empty when it is one."""
    root = ET.fromstring(text.encode("utf-8"))
    if root.tag != f"{ATOM}feed":
        return [f"root element is {root.tag}, not atom:feed"]
    found = one_each(root, "feed", ("id", "title", "updated"))
    entries = root.findall(f"{ATOM}entry")
    if root.find(f"{ATOM}author") is None and any(e.find(f"{ATOM}author") is None for e in entries):
        found.append("feed has no author and an entry has none either")
    ids = [root.findtext(f"{ATOM}id", "")]
    for index, entry in enumerate(entries):
        where = f"entry {index}"
        found += one_each(entry, where, ("id", "title", "updated"))
        if entry.find(f"{ATOM}content") is None and not any(
            link.get("rel", "alternate") == "alternate" for link in entry.findall(f"{ATOM}link")
        ):
            found.append(f"{where} has neither content nor an alternate link")
        ids.append(entry.findtext(f"{ATOM}id", ""))
    found += [f"id {i!r} is not an absolute IRI" for i in ids if not IRI.fullmatch(i)]
    if len(set(ids)) != len(ids):
        found.append("ids are not unique")
    for element in root.iter(f"{ATOM}updated"):
        found += date_problems(element.text or "")
    for link in root.iter(f"{ATOM}link"):
        if not link.get("href"):
            found.append("a link without href")
        if link.get("rel", "alternate") not in LINK_RELS:
            found.append(f"link rel {link.get('rel')!r} is not registered")
    return found


def one_each(element: ET.Element, where: str, names: tuple[str, ...]) -> list[str]:
    return [
        f"{where} has {len(element.findall(ATOM + name))} atom:{name}, not one"
        for name in names
        if len(element.findall(ATOM + name)) != 1
    ]


def date_problems(text: str) -> list[str]:
    if not RFC3339.fullmatch(text):
        return [f"{text!r} is not an RFC 3339 date-time"]
    try:
        datetime.datetime.fromisoformat(text)  # Python 3.11 reads the Z of RFC 3339
    except ValueError:
        return [f"{text!r} is not a real date"]
    return []


def links(text: str) -> list[tuple[str, str]]:
    """(rel, href) of every link, with the feed's xml:base when it has one (empty otherwise)."""
    root = ET.fromstring(text.encode("utf-8"))
    base = root.get("{http://www.w3.org/XML/1998/namespace}base", "")
    return [(link.get("rel", "alternate"), base + (link.get("href") or "")) for link in root.iter(f"{ATOM}link")]
