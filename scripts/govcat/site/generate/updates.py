"""The 最近更新 page (/updates/): practices most recently added, changed or reviewed, each with
what changed (``changes``), and a link to the same as an Atom feed (``feed``).

Dates come from git history (see ``govcat.model.history``) and from each record's ``last_reviewed``;
never from the time of the build, so the same commits always give the same page.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from govcat.layout import KINDS
from govcat.model.catalog import Catalog
from govcat.model.history import file_dates
from govcat.site.generate.addresses import FEED, UPDATES
from govcat.site.generate.changes import what_changed
from govcat.site.generate.feed import feed_text
from govcat.site.generate.frontmatter import front_matter
from govcat.site.generate.outputs import Page, RawFile
from govcat.site.generate.searchmeta import LIST_PAGE

SHOWN = 30
# On one day, adding a record says more than changing it, changing more than reviewing it.
EVENTS = ("新增", "修改", "核对")


@dataclass(frozen=True)
class Update:
    day: str
    event: str
    practice: str


def updates(catalog: Catalog) -> list[Update]:
    """The latest event of each practice, newest first, then by id."""
    dates = file_dates(catalog.project.root, KINDS["practice"].folder)
    found = []
    for practice_id in catalog.ids("practice"):
        record = catalog.records["practice"][practice_id]
        events = [(record.data["last_reviewed"], "核对")]
        history = dates.get(record.display_path)
        if history is not None:
            events += [(history.added, "新增"), (history.changed, "修改")]
        day, event = max(events, key=lambda e: (e[0], -EVENTS.index(e[1])))
        found.append(Update(day, event, practice_id))
    return sorted(found, key=lambda u: (u.day, -EVENTS.index(u.event)), reverse=True)  # stable: ids stay in order


def pages(catalog: Catalog) -> Iterator[Page | RawFile]:
    shown = [
        (
            u.day,
            u.event,
            u.practice,
            catalog.get("practice", u.practice)["region"],
            what_changed(catalog, u.practice, u.event),
        )
        for u in updates(catalog)[:SHOWN]
    ]
    yield Page(
        UPDATES,
        "updates.md.j2",
        {"updates": shown, "shown": SHOWN, "feed_uri": FEED},
        front_matter(search=LIST_PAGE),
    )
    yield RawFile(
        FEED, feed_text(catalog, [(day, event, practice, change) for day, event, practice, _, change in shown])
    )
