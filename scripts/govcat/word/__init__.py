"""Word documents (.docx) of practices, laid out after GB/T 9704-2012 (党政机关公文格式).

``layout`` holds the page's measurements and fonts, ``text`` how record text becomes document
text, ``writer`` renders the templates into pieces and a package of ready-made XML, ``package``
fills their slots, zips and names the document, and ``export`` is ``catalog export``.
"""
