"""Measurements: synthetic catalogs of any size and the figures ``catalog bench`` prints."""

STAGES = ("check", "generate", "floor", "build", "search", "preview", "naive", "offline")
OPTIONAL_STAGES = ("naive", "offline")  # run only when asked for by --stages
DEFAULT_STAGES = tuple(stage for stage in STAGES if stage not in OPTIONAL_STAGES)
