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
from govcat.site.parallel import map_ordered
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
    """The documents, pieces and package; each practice's and each theme's documents are made on
    every core (``govcat.site.parallel``)."""
    writer = Writer(catalog)
    package = writer.package()

    def practice_files(practice_id: str) -> tuple[Piece, bytes]:
        piece = writer.piece(practice_id)
        return piece, document(package, [piece], catalog.get("practice", practice_id)["title"])

    pieces: dict[str, Piece] = {}  # kept for the themes' documents; each practice's is written and let go
    for piece, docx in map_ordered(practice_files, catalog.ids("practice")):
        pieces[piece.id] = piece
        yield BinaryFile(practice_uri(piece.id), docx)
        yield RawFile(piece_uri(piece.id), piece_script(piece))

    def theme_files(theme: tuple[str, list[str]]) -> tuple[bytes, bytes]:
        theme_id, chosen = theme[0], [pieces[p] for p in theme[1]]
        front = writer.theme_front(theme_id)
        outline = writer.theme_outline_front(theme_id)
        return document(package, chosen, front.title, front), outline_document(package, chosen, outline)

    chosen = {theme_id: theme_practices(catalog, theme_id) for theme_id in catalog.ids("theme")}
    themes = [(theme_id, practices) for theme_id, practices in chosen.items() if practices]
    for (theme_id, _), (compilation, outline) in zip(themes, map_ordered(theme_files, themes), strict=True):
        yield BinaryFile(theme_uri(theme_id), compilation)
        yield BinaryFile(outline_uri(theme_id), outline)
    yield RawFile(PACKAGE_URI, package_script(package, writer.compare_front(), writer.outline_front()))
