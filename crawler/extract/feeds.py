"""RSS 2.0 / RSS 1.0 (RDF) / Atom: the article links a feed lists (pure)."""

from __future__ import annotations

from urllib.parse import urljoin

from lxml import etree

_PARSER = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)


def feed_links(body: bytes, base_url: str) -> list[str]:
    """Absolute article URLs of a feed, in feed order.

    Raises ValueError when the document is not an RSS or Atom feed.
    """
    try:
        root = etree.fromstring(body, parser=_PARSER)
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"malformed feed: {exc}") from exc
    if root is None:
        raise ValueError("malformed feed: no XML root element")
    kind = etree.QName(root).localname.lower()
    if kind not in ("rss", "feed", "rdf"):
        raise ValueError(f"not a feed: root element <{etree.QName(root).localname}>")
    links: list[str] = []
    for entry in root.iter("{*}item", "{*}entry"):
        href = _entry_link(entry)
        if href:
            links.append(urljoin(base_url, href))
    return list(dict.fromkeys(links))


def _entry_link(entry: etree._Element) -> str | None:
    for link in entry.iterchildren("{*}link"):
        href = link.get("href")
        if href is not None:  # Atom
            if link.get("rel", "alternate") == "alternate":
                return href.strip()
            continue
        if link.text and link.text.strip():  # RSS
            return link.text.strip()
    for guid in entry.iterchildren("{*}guid"):
        if guid.get("isPermaLink", "true") == "true" and (guid.text or "").startswith("http"):
            return guid.text.strip()
    return None
