"""A throw-away PostgreSQL server on loopback (initdb + pg_ctl, no cluster to set up): what the
PostgreSQL tests and ``benchmarks/bench_serve.py --postgres`` run against."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def server_bindir() -> Path | None:
    """The folder of the newest installed PostgreSQL server binaries, if any."""
    for initdb in sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True):
        return initdb.parent
    found = shutil.which("initdb")
    return Path(found).parent if found else None


@contextmanager
def scratch_server(options: str = "") -> Iterator[str]:
    """Start a server in a temporary folder and yield its URL; stop it and remove everything after.

    ``options``: more server settings, e.g. ``"-c max_connections=200"``. Raises ``RuntimeError``
    when the server binaries are not installed (``apt-get install postgresql``).
    """
    bindir = server_bindir()
    if bindir is None:
        raise RuntimeError(
            "PostgreSQL server binaries (initdb) not installed: apt-get install postgresql"
        )
    folder = Path(tempfile.mkdtemp(prefix="newsdesk-pg-"))
    as_owner: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        shutil.chown(folder, "postgres", "postgres")
        as_owner = ["setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups"]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    data = folder / "data"
    try:
        subprocess.run(
            [*as_owner, str(bindir / "initdb"), "-D", str(data), "-U", "postgres",
             "--auth=trust", "-E", "UTF8", "--locale=C"],
            check=True, capture_output=True,
        )  # fmt: skip
        settings = f"-p {port} -c listen_addresses=127.0.0.1 -k {folder} -c fsync=off {options}"
        subprocess.run(
            [*as_owner, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"),
             "-w", "-o", settings.strip(), "start"],
            check=True, capture_output=True,
        )  # fmt: skip
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*as_owner, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            check=False, capture_output=True,
        )  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)
