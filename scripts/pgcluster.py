"""A throwaway PostgreSQL cluster on a loopback port, for tests and benchmarks.

``with throwaway_cluster() as url:`` runs ``initdb`` in a temporary directory (as the
``postgres`` user when we are root, since PostgreSQL refuses to run as root), starts the
server on a free loopback port, yields a ``DATABASE_URL`` and removes everything on exit.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

BINARIES = ("initdb", "pg_ctl")


class ClusterError(RuntimeError):
    pass


def find_binaries() -> dict[str, str] | None:
    """Locate initdb and pg_ctl on the PATH or in Debian's versioned directories."""
    found = {name: shutil.which(name) for name in BINARIES}
    if all(found.values()):
        return found  # type: ignore[return-value]
    for bindir in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if all((bindir / name).exists() for name in BINARIES):
            return {name: str(bindir / name) for name in BINARIES}
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_postgres(cmd: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


def _run(cmd: list[str]) -> None:
    result = subprocess.run(_as_postgres(cmd), capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise ClusterError(f"{' '.join(cmd)} failed:\n{result.stdout}\n{result.stderr}")


@contextlib.contextmanager
def throwaway_cluster() -> Iterator[str]:
    """Start a fresh cluster and yield its DATABASE_URL; stop and delete it afterwards."""
    binaries = find_binaries()
    if binaries is None:
        raise ClusterError("PostgreSQL server binaries (initdb, pg_ctl) were not found")
    workdir = Path(tempfile.mkdtemp(prefix="confiance-pg-"))
    datadir = workdir / "data"
    port = _free_port()
    if os.geteuid() == 0:
        shutil.chown(workdir, "postgres", "postgres")
    try:
        _run(
            [
                binaries["initdb"],
                "-D",
                str(datadir),
                "-U",
                "confiance",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ]
        )
        _run(
            [
                binaries["pg_ctl"],
                "-D",
                str(datadir),
                "-l",
                str(workdir / "server.log"),
                "-w",
                "-o",
                f"-p {port} -k {workdir} -c listen_addresses=127.0.0.1 -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off",
                "start",
            ]
        )
        try:
            yield f"postgres://confiance@127.0.0.1:{port}/postgres"
        finally:
            _run([binaries["pg_ctl"], "-D", str(datadir), "-m", "fast", "-w", "stop"])
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
