"""Word documents (.docx) of practices, laid out after GB/T 9704-2012 (党政机关公文格式).

``layout`` holds the page's measurements and fonts, ``text`` how record text becomes document
text, ``estimate`` how many pages a practice takes (for a 目录), ``writer`` renders the templates
into pieces and a package of ready-made XML, ``package`` fills their slots (a 汇编, a practice's
document or a 汇报提纲), zips and names the document, and ``export`` is ``catalog export``.
"""
