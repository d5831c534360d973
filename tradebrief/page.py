"""A loaded page of a briefing, and how to say which pages are loaded."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Page", "describe_pages"]

_FROZEN = ConfigDict(frozen=True, extra="forbid")


class Page(BaseModel):
    """One loaded page of a briefing: where its text sits in the joined source.

    Example:
        >>> import tradebrief
        >>> page = tradebrief.load_briefing().pages[0]
        >>> page.number, page.site_number, page.site_total
        (1, 1, 14)
    """

    model_config = _FROZEN

    number: int = Field(ge=1, description="1-based position among the loaded pages.")
    name: str = Field(description="Where it came from: a file name, or 'text' for a string.")
    start: int = Field(ge=0, description="Offset of the page's first character in the source.")
    end: int = Field(ge=0, description="Offset one past its last character.")
    site_number: int | None = Field(
        default=None, ge=1, description="Its number on the site, read from the page navigator."
    )
    site_total: int | None = Field(
        default=None, ge=1, description="How many pages the site's navigator lists."
    )


def describe_pages(pages: tuple[Page, ...], coverage: str | None = None) -> str:
    """Which pages are loaded, e.g. ``page 1 of 14: the opening remarks``.

    Example:
        >>> page = Page(number=1, name="p.txt", start=0, end=9, site_number=3, site_total=5)
        >>> describe_pages((page,), "the questions on customs")
        'page 3 of 5: the questions on customs'
    """
    if not pages:
        return coverage or "the whole transcript"
    first, last = pages[0], pages[-1]
    total = last.site_total or first.site_total
    if len(pages) == 1:
        shown = f"page {first.site_number}" if first.site_number else "1 page"
    elif first.site_number and last.site_number:
        shown = f"pages {first.site_number}-{last.site_number}"
    else:
        shown = f"{len(pages)} pages"
    if total and (first.site_number or len(pages) > 1):
        shown += f" of {total}"
    return f"{shown}: {coverage}" if coverage else shown
