"""What counts as Chinese text: the Han character ranges that search, its dictionary and the
checks agree on (the CJK unified ideographs, extension A and the supplementary planes)."""

from __future__ import annotations

import re

HAN_CHARACTERS = "\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f"
HAN = re.compile(f"[{HAN_CHARACTERS}]")
HAN_RUN = re.compile(f"[{HAN_CHARACTERS}]+")
