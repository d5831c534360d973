"""Documented size limits, so that an oversized input fails at once with a clear error.

A 14-page briefing is about 120,000 characters and a curated facts file a few
dozen facts; the limits leave ample room while keeping the first ask and the
facts check within a couple of seconds on a small machine.
"""

from __future__ import annotations

__all__ = ["MAX_EXTRACTED", "MAX_FACTS", "MAX_FILE_BYTES", "MAX_PAGES", "MAX_SOURCE_CHARS"]

MAX_FILE_BYTES = 8_000_000
"""Largest transcript or facts file read (saved HTML pages are bulky): 8 MB."""
MAX_SOURCE_CHARS = 600_000
"""Largest joined transcript text, after HTML is converted: 600,000 characters (about 60
pages). Measured: a figure-dense 500,000-character text loads in 1 s and its first ask
takes 6 s; the bundled page is 7,000 characters."""
MAX_PAGES = 100
"""Most pages in one briefing."""
MAX_EXTRACTED = 2_000
"""Most figures extracted from one briefing; beyond it the load warns and keeps the first.
Every extracted figure is a fact the first ask indexes (about 0.7 ms each)."""
MAX_FACTS = 5_000
"""Most facts in one facts file."""
