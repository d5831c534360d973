"""A saved transcript page (HTML) → its text, one block per line, via Beautiful Soup.

The text, not the HTML, becomes the briefing's source: citations quote what a
reader sees. Scripts, styles and navigation are dropped; every block element
(paragraph, heading, list item, line break ...) ends a line.
"""

from __future__ import annotations

import re

__all__ = ["decode_html", "html_to_text", "looks_like_html"]

_BLOCKS = (
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table",
    "section", "article", "header", "footer", "blockquote", "pre", "dd", "dt", "td", "th",
    "title", "center", "hr",
)  # fmt: skip
_DROPPED = ("script", "style", "noscript", "template", "iframe", "svg", "head")
_HTML_START = re.compile(r"^\s*(?:<!doctype html|<html\b|<\?xml[^>]*>\s*<html\b)", re.IGNORECASE)
_TAG = re.compile(r"<(?:p|div|br|span|body|table)\b[^>]*>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML page rather than copied text.

    Example:
        >>> looks_like_html("<html><body><p>Hi</p></body></html>"), looks_like_html("Hi:")
        (True, False)
    """
    return bool(_HTML_START.match(text)) or len(_TAG.findall(text[:20_000])) >= 3


def decode_html(data: bytes) -> str | None:
    """The text of a saved page in whatever encoding it declares (UTF-8, GBK ...), or ``None``.

    Example:
        >>> page = '<meta charset="gbk"><p>中文</p>'.encode("gbk")
        >>> "中文" in decode_html(page)
        True
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        from bs4 import UnicodeDammit  # Beautiful Soup costs 0.15 s to import: only for HTML

        return UnicodeDammit(data, is_html=True).unicode_markup


def html_to_text(html: str) -> str:
    r"""The visible text of an HTML page, one block per line, blank lines between blocks.

    Example:
        >>> html_to_text("<p>Xing Huina:</p><p>Good <b>morning</b>.</p>").splitlines()
        ['Xing Huina:', '', 'Good morning.']
    """
    from bs4 import BeautifulSoup  # Beautiful Soup costs 0.15 s to import: only for HTML
    from bs4.exceptions import ParserRejectedMarkup

    try:
        soup = BeautifulSoup(html, "html.parser")
    except ParserRejectedMarkup:  # a broken declaration such as "<![": read it as text
        soup = BeautifulSoup(html.replace("<!", "&lt;!"), "html.parser")
    title = soup.find("title")
    for dropped in soup.find_all(_DROPPED):
        dropped.decompose()
    for block in soup.find_all(_BLOCKS):
        block.insert_before("\n")
        block.insert_after("\n")
    if title is not None and soup.find("h1") is None and soup.body is not None:
        heading = title.get_text(" ", strip=True)
        soup.body.insert(0, f"\n{heading}\n")
    text = soup.get_text()
    kept = [" ".join(line.split()) for line in text.splitlines()]
    return "\n\n".join(line for line in kept if line) + "\n"
