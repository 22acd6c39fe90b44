"""What every request passes through: a body-size limit, security headers, a fault barrier.

A pure ASGI middleware (cheap on the hot path):

- bodies larger than `max_body_bytes` get 413, whether the size is declared (Content-Length)
  or only seen while streaming;
- responses carry a strict Content-Security-Policy (everything is served by canpath itself),
  `nosniff`, no referrer, and `Cache-Control: no-store` except for static assets, so no
  answer about a person stays in a shared cache;
- an unexpected exception becomes a 500 JSON answer, and the log line names only the
  exception type, method and path: never the body, the query string or the message, which
  may contain personal data.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

__all__ = ["DEFAULT_MAX_BODY_BYTES", "EdgeMiddleware"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

DEFAULT_MAX_BODY_BYTES = 256 * 1024
logger = logging.getLogger("canpath.web")

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
COMMON_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
NO_STORE = [(b"cache-control", b"no-store")]


class BodyTooLarge(Exception):
    """The request body grew past the limit while it was read."""


class EdgeMiddleware:
    """Body-size limit, security headers and fault barrier for every HTTP request."""

    def __init__(self, app: ASGIApp, max_body_bytes: int = DEFAULT_MAX_BODY_BYTES) -> None:
        """Wrap `app`, refusing bodies over `max_body_bytes`."""
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass one request through the limit, the headers and the barrier."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_body_bytes:
            await _send_json(send, 413, self._too_large())
            return
        extra = (
            COMMON_HEADERS if scope["path"].startswith("/static/") else COMMON_HEADERS + NO_STORE
        )
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise BodyTooLarge
            return message

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", ()), *extra]
            await send(message)

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except BodyTooLarge:
            if not started:
                await _send_json(send, 413, self._too_large())
        except Exception as error:  # noqa: BLE001 - the barrier: log the type only, answer 500
            logger.error(
                "internal error: %s on %s %s",
                type(error).__name__,
                scope.get("method"),
                scope["path"],
            )
            if not started:
                detail = [
                    {
                        "loc": [],
                        "msg": "internal error (nothing about the request was logged)",
                        "type": "internal",
                    }
                ]
                await _send_json(send, 500, {"detail": detail})

    def _too_large(self) -> dict[str, Any]:
        limit = self.max_body_bytes // 1024
        msg = f"the request body is larger than {limit} KiB; a profile is a few KiB"
        return {"detail": [{"loc": ["body"], "msg": msg, "type": "body_too_large"}]}


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _send_json(send: Send, status: int, body: dict[str, Any]) -> None:
    payload = json.dumps(body).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(payload)).encode()),
        (b"connection", b"close"),
        *COMMON_HEADERS,
        *NO_STORE,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})
