"""Running the web app: bind the listening socket first, announce the address once it serves.

``uvicorn.run`` binds inside its startup and, when the port is taken, logs the error and exits;
``newsdesk serve`` binds the socket itself (a bind error is one CLI line) and hands it over,
and :class:`AnnouncingServer` says where it listens only once uvicorn accepts connections there,
with the port the system chose for ``--port 0``.
"""

from __future__ import annotations

import errno
import os
import socket
from collections.abc import Callable

import uvicorn


class BindError(OSError):
    """The address cannot be listened on; the message is one line for the user."""


def url_of(host: str, port: int) -> str:
    """``http://host:port/``, an IPv6 address in brackets."""
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def listening_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host``:``port`` (0: a free port), as uvicorn binds one:
    SO_REUSEADDR, the first address ``host`` resolves to. Raises :class:`BindError`."""
    where = url_of(host, port).removeprefix("http://").rstrip("/")
    try:
        family, _, _, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except socket.gaierror as error:
        raise BindError(f"cannot listen on {where}: unknown host ({error.strerror})") from error
    try:
        # It listens from here on; connections queue until uvicorn serves them.
        return socket.create_server(address, family=family)
    except OSError as error:
        hint = ""
        if error.errno == errno.EADDRINUSE:
            hint = " (another server uses it: pick another --port, or --port 0 for a free one)"
        reason = os.strerror(error.errno) if error.errno else str(error)
        raise BindError(f"cannot listen on {where}: {reason}{hint}") from error


class AnnouncingServer(uvicorn.Server):
    """A uvicorn server that calls ``on_listening(port)`` once it accepts connections."""

    def __init__(self, config: uvicorn.Config, on_listening: Callable[[int], None]) -> None:
        super().__init__(config)
        self._on_listening = on_listening

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started and not self.should_exit:
            self._on_listening(int(self.servers[0].sockets[0].getsockname()[1]))
