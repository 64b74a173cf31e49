"""Measurements: synthetic catalogs of any size and the figures ``catalog bench`` prints."""

STAGES = ("check", "generate", "floor", "build", "search", "preview", "naive")
DEFAULT_STAGES = STAGES[:-1]
