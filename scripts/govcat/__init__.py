"""基层治理实践库: validate YAML records and generate the MkDocs catalog pages."""
