"""Local HTTP servers for the bundled demo sites (``demo/site/<name>/``).

Each site gets its own :class:`~http.server.ThreadingHTTPServer` on a free port of ``host``, run
in a daemon thread. Files are served as a WordPress host would serve them, plus a few special
routes that let the crawler meet real-world failures without touching the network::

    with start_servers() as sites:
        sites.base("a")          # "http://127.0.0.1:PORT" (no trailing slash)
        sites.hits("a")          # Counter of request paths seen by site a

Serving rules (see ``demo/site/MANIFEST.md`` for the pages themselves):

* In ``.html``, ``.xml`` and ``.txt`` files the markers ``{{SITE_A}}``, ``{{SITE_B}}`` (one per
  started site, upper-cased name) become the site's base URL. Markers of sites that were not
  started become ``http://site-<name>.invalid``.
* ``/x/`` serves ``/x/index.html`` (or ``/x/index.xml``, so ``/feed/`` is the RSS feed); ``/x``
  that names a directory answers 301 to ``/x/`` like WordPress does; the query string is ignored
  for the lookup (``?utm_source=...`` serves the same page); a missing file answers 404 with the
  site's themed ``404.html`` when it has one.
* Content-Type by extension; HTML pages declaring ``<meta charset="windows-1252">`` are sent with
  that charset. Responses carry an ``ETag`` and ``Cache-Control: no-cache``, and a matching
  ``If-None-Match`` answers 304, so conditional re-crawls can be exercised.
* Special routes: ``/error-500/`` answers 500; ``/loop/a/`` -> 302 ``/loop/b/`` -> 302
  ``/loop/a/``; ``/slow/`` waits :attr:`DemoSites.slow_seconds` (5 s) before answering;
  ``/huge/`` is a generated HTML page of :data:`HUGE_BYTES` bytes (with Content-Length);
  ``/moved/<path>`` answers 301 to ``/<path>`` (query string kept).

Nothing is logged to stderr. Run ``python -m demo.server`` to serve both sites by hand.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import threading
import time
from collections import Counter
from collections.abc import Sequence
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import unquote, urlsplit

__all__ = [
    "HUGE_BYTES",
    "SITE_ROOT",
    "SLOW_SECONDS",
    "DemoSites",
    "start_servers",
]

SITE_ROOT = Path(__file__).resolve().parent / "site"
"""Directory holding one sub-directory per demo site."""
SLOW_SECONDS = 5.0
"""Default delay of the ``/slow/`` route."""
HUGE_BYTES = 3 * 1024 * 1024
"""Exact size in bytes of the ``/huge/`` page."""

_TEMPLATED_SUFFIXES = frozenset({".html", ".xml", ".txt"})
_CONTENT_TYPES = {
    ".html": "text/html",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".xsl": "text/xsl; charset=utf-8",
    ".pdf": "application/pdf",
    ".css": "text/css; charset=utf-8",
    ".js": "application/javascript; charset=utf-8",
    ".jpg": "image/jpeg",
    ".png": "image/png",
}
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset=["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_MARKER = re.compile(rb"\{\{SITE_([A-Z0-9_]+)\}\}")
_LOOP = {"/loop/a/": "/loop/b/", "/loop/b/": "/loop/a/"}

_ERROR_500_PAGE = b"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>500 Internal Server Error</title></head>
<body><h1>Internal Server Error</h1>
<p>The server encountered an internal error or misconfiguration and was unable to complete
your request.</p>
<p>Error establishing a database connection</p></body></html>
"""

_SLOW_PAGE = b"""<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8"><title>Slow page - Season Scoop</title></head>
<body><h1>Sorry for the wait</h1><p>This page took a long time to answer.</p></body></html>
"""

_huge_lock = threading.Lock()
_huge_page: bytes | None = None


def huge_page() -> bytes:
    """The ``/huge/`` page: a valid HTML document of exactly :data:`HUGE_BYTES` bytes."""
    global _huge_page
    with _huge_lock:
        if _huge_page is None:
            head = (
                b'<!DOCTYPE html>\n<html lang="en-US"><head><meta charset="UTF-8">\n'
                b"<title>Game of Thrones Season 9 Release Date Rumours: The Complete Archive"
                b"</title></head>\n<body><h1>Game of Thrones Season 9 Release Date Rumours: "
                b"The Complete Archive</h1>\n"
            )
            tail = b"</body></html>\n"
            para = (
                b"<p>Every rumour about Game of Thrones season 9 ever posted, archived forever: "
                b"the release date is not confirmed, HBO has not renewed the show, and the cast "
                b"has moved on to other projects.</p>\n"
            )
            room = HUGE_BYTES - len(head) - len(tail)
            body = para * (room // len(para))
            body += b" " * (room - len(body))
            _huge_page = head + body + tail
            assert len(_huge_page) == HUGE_BYTES
        return _huge_page


def _content_type(path: Path, body: bytes) -> str:
    suffix = path.suffix.lower()
    if suffix == ".html":
        match = _META_CHARSET.search(body[:4096])
        charset = match.group(1).decode("ascii").lower() if match else "utf-8"
        return f"text/html; charset={charset}"
    if suffix == ".xml":
        kind = "application/rss+xml" if b"<rss" in body[:1024] else "application/xml"
        return f"{kind}; charset=utf-8"
    return _CONTENT_TYPES.get(suffix, "application/octet-stream")


class _SiteServer(ThreadingHTTPServer):
    """One demo site: a threaded HTTP server that knows its files and its siblings."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, host: str, name: str, root: Path, owner: DemoSites) -> None:
        super().__init__((host, 0), _Handler)
        self.name = name
        self.root = root.resolve()
        self.owner = owner

    @property
    def base(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Swallow errors (e.g. clients that time out and hang up): tests want a quiet stderr."""


class _Handler(BaseHTTPRequestHandler):
    server: _SiteServer
    protocol_version = "HTTP/1.1"
    server_version = "Apache"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:
        """Log nothing."""

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    # -- responses -----------------------------------------------------------------------------

    def _send(
        self,
        status: int,
        body: bytes = b"",
        content_type: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
        *,
        send_body: bool = True,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if send_body and body:
            self.wfile.write(body)

    def _redirect(self, status: int, location: str, *, send_body: bool) -> None:
        target = self.server.base + location
        body = f'<html><body>Moved to <a href="{target}">{target}</a></body></html>'.encode()
        self._send(status, body, headers={"Location": target}, send_body=send_body)

    def _not_found(self, *, send_body: bool) -> None:
        page = self.server.root / "404.html"
        body = self.server.owner.render(page) if page.is_file() else b"<h1>Not Found</h1>"
        self._send(HTTPStatus.NOT_FOUND, body, send_body=send_body)

    def _respond(self, *, send_body: bool) -> None:
        parts = urlsplit(self.path)
        path = unquote(parts.path) or "/"
        query = f"?{parts.query}" if parts.query else ""
        self.server.owner._record(self.server.name, path, self.path)

        if path == "/error-500/":
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, _ERROR_500_PAGE, send_body=send_body)
        elif path in _LOOP:
            self._redirect(HTTPStatus.FOUND, _LOOP[path], send_body=send_body)
        elif path == "/slow/":
            time.sleep(self.server.owner.slow_seconds)
            self._send(HTTPStatus.OK, _SLOW_PAGE, send_body=send_body)
        elif path == "/huge/":
            self._send(HTTPStatus.OK, huge_page(), send_body=send_body)
        elif path.startswith("/moved/"):
            self._redirect(
                HTTPStatus.MOVED_PERMANENTLY, path[len("/moved") :] + query, send_body=send_body
            )
        else:
            self._serve_file(path, query, send_body=send_body)

    def _serve_file(self, path: str, query: str, *, send_body: bool) -> None:
        root = self.server.root
        target = (root / path.lstrip("/")).resolve()
        if not target.is_relative_to(root):
            self._not_found(send_body=send_body)
            return
        if target.is_dir():
            if not path.endswith("/"):
                self._redirect(
                    HTTPStatus.MOVED_PERMANENTLY, path + "/" + query, send_body=send_body
                )
                return
            index = next(
                (target / n for n in ("index.html", "index.xml") if (target / n).is_file()), None
            )
            if index is None:
                self._not_found(send_body=send_body)
                return
            target = index
        elif not target.is_file() or path.endswith("/"):
            self._not_found(send_body=send_body)
            return
        body = self.server.owner.render(target)
        etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
        headers = {"ETag": etag, "Cache-Control": "no-cache"}
        if self.headers.get("If-None-Match") == etag:
            self.send_response(HTTPStatus.NOT_MODIFIED)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self._send(HTTPStatus.OK, body, _content_type(target, body), headers, send_body=send_body)


class DemoSites:
    """Running demo sites; use as a context manager or call :meth:`close`."""

    def __init__(
        self, names: Sequence[str], host: str = "127.0.0.1", root: Path = SITE_ROOT
    ) -> None:
        self.slow_seconds = SLOW_SECONDS
        """Delay of the ``/slow/`` route; tests may lower it."""
        self._lock = threading.Lock()
        self._hits: dict[str, Counter[str]] = {}
        self._requests: dict[str, list[str]] = {}
        self._servers: dict[str, _SiteServer] = {}
        self._threads: list[threading.Thread] = []
        try:
            for name in names:
                site_dir = root / name
                if not site_dir.is_dir():
                    raise ValueError(f"no demo site named {name!r} under {root}")
                self._servers[name] = _SiteServer(host, name, site_dir, self)
                self._hits[name] = Counter()
                self._requests[name] = []
        except BaseException:
            self.close()
            raise
        self._markers = {n.upper().encode(): s.base.encode() for n, s in self._servers.items()}
        for name, server in self._servers.items():
            thread = threading.Thread(
                target=server.serve_forever,
                kwargs={"poll_interval": 0.05},
                name=f"demo-site-{name}",
                daemon=True,
            )
            thread.start()
            self._threads.append(thread)

    @property
    def names(self) -> list[str]:
        """Names of the running sites, in start order."""
        return list(self._servers)

    def base(self, name: str) -> str:
        """Base URL of a site, e.g. ``"http://127.0.0.1:40123"`` (no trailing slash)."""
        return self._servers[name].base

    def url(self, name: str, path: str = "/") -> str:
        """Absolute URL of ``path`` on a site."""
        return self.base(name) + path

    def hits(self, name: str) -> Counter[str]:
        """Requests seen by a site so far, counted by path (query string left out)."""
        with self._lock:
            return Counter(self._hits[name])

    def requests(self, name: str) -> list[str]:
        """Raw request targets (path and query) seen by a site, in arrival order."""
        with self._lock:
            return list(self._requests[name])

    def reset_hits(self) -> None:
        """Forget every request counted so far."""
        with self._lock:
            for counter in self._hits.values():
                counter.clear()
            for seen in self._requests.values():
                seen.clear()

    def render(self, path: Path) -> bytes:
        """A file's bytes as served: base-URL markers replaced in text files."""
        body = path.read_bytes()
        if path.suffix.lower() not in _TEMPLATED_SUFFIXES:
            return body

        def sub(match: re.Match[bytes]) -> bytes:
            key = match.group(1)
            return self._markers.get(key, b"http://site-" + key.lower() + b".invalid")

        return _MARKER.sub(sub, body)

    def _record(self, name: str, path: str, raw: str) -> None:
        with self._lock:
            self._hits[name][path] += 1
            self._requests[name].append(raw)

    def close(self) -> None:
        """Stop every server and release its port (idempotent)."""
        for server in self._servers.values():
            if self._threads:
                server.shutdown()
            server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
        self._threads.clear()
        self._servers.clear()

    def __enter__(self) -> DemoSites:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def start_servers(names: Sequence[str] = ("a", "b"), host: str = "127.0.0.1") -> DemoSites:
    """Start one threaded HTTP server per demo site on free ports of ``host``."""
    return DemoSites(names, host)


def main(argv: Sequence[str] | None = None) -> None:
    """Serve the demo sites until Ctrl-C."""
    parser = argparse.ArgumentParser(
        prog="python -m demo.server", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "names", nargs="*", default=["a", "b"], help="sites to serve (default: a b)"
    )
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args(argv)
    with start_servers(args.names, args.host) as sites:
        for name in sites.names:
            print(f"site {name}: {sites.base(name)}/", flush=True)
        print("Press Ctrl-C to stop.", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            print("stopped", flush=True)


if __name__ == "__main__":
    main()
