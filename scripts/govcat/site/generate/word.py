"""Word documents for meetings (/word/): one per practice, one 汇编 per theme, and the pieces from
which the compare page makes the 汇编 of any selection in the browser.

Files written (see ``govcat.word`` for how a document is made):

* ``word/practices/<id>.docx``: the practice, linked as "下载 Word" from its page;
* ``word/themes/<id>.docx``: the theme's practices in the order of its page, after a comparison
  table, linked from the theme page (themes without practices get none);
* ``word/outlines/<id>.docx``: the theme's 汇报提纲 (briefing outline), linked beside it;
* ``word/pieces/<id>.js``: a practice's piece, and ``word/package.js``: the package, as data
  scripts (``govcat.site.datascript``: ``<script>`` loads from ``file://`` where ``fetch`` does
  not), for ``word.js`` on /compare/.

Prebuilding every practice's and theme's document keeps "下载 Word" a plain link that works
without JavaScript and with "save link as"; at 1,000 practices the documents and pieces stay
within their budget of build time and site size (README, "Benchmarks").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict

from markupsafe import Markup

from govcat.model.catalog import Catalog
from govcat.site.datascript import data_script
from govcat.site.generate.compare import COMPARE_LIMIT
from govcat.site.generate.outputs import BinaryFile, RawFile
from govcat.site.generate.places import by_place
from govcat.site.generate.wordlinks import PACKAGE_URI, outline_uri, piece_uri, practice_uri, theme_uri
from govcat.word.package import OUTLINE_CHAPTERS, PAGE_ESTIMATE, Front, Package, Piece, document, outline_document
from govcat.word.text import chinese_number
from govcat.word.writer import Writer

PACKAGE_KIND, PIECE_KIND = "word-package", "word-piece"  # data scripts' kinds


def front_data(front: Front) -> dict[str, str]:
    return {"title": str(Markup.escape(front.title)), "front": front.xml, "fileTitle": front.title}


def package_script(package: Package, compare: Front, outline: Front) -> str:
    return data_script(
        PACKAGE_KIND,
        None,
        {
            "format": 1,
            "parts": [list(part) for part in package.parts],
            "noteReference": package.note_reference,
            "note": package.note,
            "closing": package.closing,
            "contents": package.contents,
            "pageEstimate": asdict(PAGE_ESTIMATE),
            "section": package.section,
            "appendix": package.appendix,
            "landscape": package.landscape,
            "outlineChapters": list(OUTLINE_CHAPTERS),
            # an outline's practices are numbered （一）, （二）… within each chapter
            "orders": [chinese_number(n) for n in range(1, COMPARE_LIMIT + 1)],
            "compare": front_data(compare),
            "outline": front_data(outline),
        },
    )


def piece_script(piece: Piece) -> str:
    return data_script(PIECE_KIND, piece.id, asdict(piece))


def theme_practices(catalog: Catalog, theme_id: str) -> list[str]:
    """The theme's practices in the order of its page."""
    return by_place(catalog, catalog.referring("theme", theme_id, "practice"))


def pages(catalog: Catalog) -> Iterator[BinaryFile | RawFile]:
    writer = Writer(catalog)
    package = writer.package()
    pieces = {practice_id: writer.piece(practice_id) for practice_id in catalog.ids("practice")}
    for practice_id, piece in pieces.items():
        title = catalog.get("practice", practice_id)["title"]
        yield BinaryFile(practice_uri(practice_id), document(package, [piece], title))
        yield RawFile(piece_uri(practice_id), piece_script(piece))
    for theme_id in catalog.ids("theme"):
        chosen = theme_practices(catalog, theme_id)
        if chosen:
            front = writer.theme_front(theme_id)
            yield BinaryFile(theme_uri(theme_id), document(package, [pieces[p] for p in chosen], front.title, front))
            outline = writer.theme_outline_front(theme_id)
            yield BinaryFile(outline_uri(theme_id), outline_document(package, [pieces[p] for p in chosen], outline))
    yield RawFile(PACKAGE_URI, package_script(package, writer.compare_front(), writer.outline_front()))
