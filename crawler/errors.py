"""Turning download failures into short, queryable reasons."""

from __future__ import annotations

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as net_error
from twisted.python.failure import Failure

_BY_TYPE: tuple[tuple[tuple[type[BaseException], ...], str], ...] = (
    ((DownloadCancelledError,), "too_large"),
    ((DownloadTimeoutError, net_error.TimeoutError, net_error.TCPTimedOutError), "timeout"),
    ((CannotResolveHostError, net_error.DNSLookupError), "dns_error"),
    ((DownloadConnectionRefusedError, net_error.ConnectionRefusedError), "connection_refused"),
    ((ResponseDataLossError,), "data_loss"),
    ((DownloadFailedError, net_error.ConnectError, net_error.ConnectionLost), "connection_error"),
)


def failure_reason(failure: Failure) -> tuple[str, int | None, str]:
    """(reason, HTTP status or None, detail) for a failed request."""
    exc = failure.value
    detail = f"{type(exc).__name__}: {exc}".strip()
    if isinstance(exc, HttpError):
        status = exc.response.status
        return f"http_{status}", status, f"HTTP {status}"
    if isinstance(exc, IgnoreRequest):
        text = str(exc)
        if "max redirections" in text:
            return "redirect_loop", None, text
        if "robots.txt" in text:
            return "robots_forbidden", None, text
        return "ignored", None, text
    for types, reason in _BY_TYPE:
        if isinstance(exc, types):
            return reason, None, detail
    return "download_error", None, detail
