"""Documented size limits, so that an oversized input fails at once with a clear error.

A 14-page briefing is about 120,000 characters and a curated facts file a few
dozen facts; the limits leave ample room while keeping the first ask and the
facts check within a couple of seconds on a small machine.
"""

from __future__ import annotations

__all__ = ["MAX_FACTS", "MAX_FILE_BYTES", "MAX_PAGES", "MAX_SOURCE_CHARS"]

MAX_FILE_BYTES = 8_000_000
"""Largest transcript or facts file read (saved HTML pages are bulky): 8 MB."""
MAX_SOURCE_CHARS = 1_500_000
"""Largest joined transcript text, after HTML is converted: 1.5 million characters."""
MAX_PAGES = 200
"""Most pages in one briefing."""
MAX_FACTS = 5_000
"""Most facts in one facts file."""
