"""The site's search: an index built from the built site and read in pieces by the browser.

Material's own search fetches one JSON index whole (69.5 MB at 4,000 practices) and splits
Chinese with jieba at build time but not the typed query. This package replaces it with an index
that stays cheap to query at any catalog size and splits queries with the same words it indexed:

* ``pages`` reads the pages of a built site — any engine's, since it needs only the HTML — into
  documents: the title, weighted text and the page's own search settings (kind, region, facets,
  names of what a practice refers to, boost, exclusion) from its ``catalog:search`` meta element;
* ``words`` cuts text into index words with rjieba and the catalog's dictionary, adding the parts
  of compound words so that 楼院 finds 无主管楼院;
* ``index`` scores every (word, page) pair and writes ``search/`` into the site: a manifest, the
  words in buckets keyed by their first characters, one small file per page for titles and
  snippets, and the facets. Every file is a data script (``govcat.site.datascript``), so the
  browser loads pieces with ``<script>`` elements, which also works opened from ``file://``.

``overrides/assets/javascripts/search.js`` is the browser side: it loads only the buckets of the
characters a query contains, splits the query with the words found there, ranks, narrows by
facets and shows snippets.
"""
