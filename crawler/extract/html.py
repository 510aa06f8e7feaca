"""Parsing HTML text into an lxml tree, tolerant of broken markup."""

from __future__ import annotations

import lxml.html
from lxml import etree


def parse_html(html: str | bytes, url: str | None = None) -> lxml.html.HtmlElement:
    """Parse (possibly broken) HTML into a tree; never raises on bad markup.

    Raises ValueError only when there is no markup at all.
    """
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    # lxml refuses str input that carries an XML encoding declaration.
    if html.lstrip().startswith("<?xml"):
        html = html.split("?>", 1)[-1]
    if not html.strip():
        raise ValueError("empty document")
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, recover=True)
    try:
        tree = lxml.html.document_fromstring(html, parser=parser, base_url=url)
    except (etree.ParserError, etree.XMLSyntaxError) as exc:
        raise ValueError(f"unparseable HTML: {exc}") from exc
    return tree


def text_of(element: lxml.html.HtmlElement) -> str:
    """Visible text of an element, whitespace collapsed."""
    return " ".join(element.text_content().split())
