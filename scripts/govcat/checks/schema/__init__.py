"""The JSON Schemas in ``schemas/``: the single source of truth for the shape of each record.

* ``documents`` reads the schema files (once per version on disk) and follows ``$ref``; every
  other module reads schemas through it;
* ``fields`` walks a schema into the fields editors see (``catalog new`` templates, the field
  reference page, "fill this in" messages);
* ``shapecheck`` compiles a schema into a fast yes/no check of a record;
* ``messages`` explains, in editors' words, why jsonschema rejects a record the fast check refused.
"""
