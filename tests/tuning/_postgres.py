"""A real PostgreSQL server on loopback for the distributed-study tests.

``postgres_server()`` starts one from the system's binaries (``initdb`` and
``pg_ctl`` on PATH, or Debian's ``/usr/lib/postgresql/<version>/bin``) in a
temporary folder, on a free port of 127.0.0.1, with trust authentication,
and removes everything afterwards. PostgreSQL refuses to run as root: as
root, the server runs as the ``postgres`` user (Debian's package creates
it), or as a system user ``mlcourse-pg`` created for the purpose.

Without PostgreSQL the tests skip with the command that installs it; with
``MLCOURSE_REQUIRE_POSTGRES=1`` (set by ``.ci/run``) they fail instead.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ENABLE_HINT = (
    "no PostgreSQL server binaries (initdb, pg_ctl) found; install them with "
    "`apt-get install postgresql` (Debian/Ubuntu) to run the distributed-study tests"
)
REQUIRE_ENV = "MLCOURSE_REQUIRE_POSTGRES"


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server can be started here (the reason is the message)."""


@dataclass
class PostgresServer:
    url: str
    host: str
    port: int
    folder: Path


def find_binaries() -> tuple[str, str] | None:
    """Return the paths of ``initdb`` and ``pg_ctl``, or None."""
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl:
        return initdb, pg_ctl
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        initdb, pg_ctl = f"{folder}/initdb", f"{folder}/pg_ctl"
        if os.access(initdb, os.X_OK) and os.access(pg_ctl, os.X_OK):
            return initdb, pg_ctl
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run_as() -> tuple[list[str], str | None]:
    """The command prefix that drops root, and the user it runs as."""
    if os.geteuid() != 0:
        return [], None
    import pwd

    for user in ("postgres", "mlcourse-pg"):
        try:
            pwd.getpwnam(user)
        except KeyError:
            continue
        return ["runuser", "-u", user, "--"], user
    done = subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "mlcourse-pg"],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise PostgresUnavailable(f"cannot create a user to run PostgreSQL: {done.stderr.strip()}")
    return ["runuser", "-u", "mlcourse-pg", "--"], "mlcourse-pg"


@contextmanager
def postgres_server() -> Iterator[PostgresServer]:
    """Start a throw-away PostgreSQL server; stop it and delete its files on exit."""
    binaries = find_binaries()
    if binaries is None:
        raise PostgresUnavailable(ENABLE_HINT)
    initdb, pg_ctl = binaries
    prefix, user = _run_as()
    folder = Path(tempfile.mkdtemp(prefix="mlcourse-pg-"))
    data, sockets = folder / "data", folder / "sockets"
    sockets.mkdir()
    if user is not None:
        shutil.chown(folder, user)
        shutil.chown(sockets, user)
    port = _free_port()

    def run(args: list[str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*prefix, *args], capture_output=True, text=True, timeout=timeout, cwd=folder
        )

    started = False
    try:
        done = run([initdb, "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8"])
        if done.returncode != 0:
            raise PostgresUnavailable(f"initdb failed: {done.stderr.strip()[-500:]}")
        options = (
            f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60"
        )
        done = run(
            [pg_ctl, "-D", str(data), "-l", str(folder / "server.log"), "-o", options]
            + ["-w", "-t", "60", "start"]
        )
        if done.returncode != 0:
            log = (folder / "server.log").read_text(errors="replace")[-800:]
            raise PostgresUnavailable(f"pg_ctl start failed: {done.stderr.strip()} {log}")
        started = True
        url = f"postgresql://postgres@127.0.0.1:{port}/postgres"
        yield PostgresServer(url=url, host="127.0.0.1", port=port, folder=folder)
    finally:
        if started:
            run([pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"])
        shutil.rmtree(folder, ignore_errors=True)


def unavailable(reason: str) -> None:
    """Skip (on a laptop) or fail (where MLCOURSE_REQUIRE_POSTGRES=1) with the reason."""
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"{REQUIRE_ENV}=1 but {reason}", pytrace=False)
    pytest.skip(reason)


def new_database(server: PostgresServer, name: str) -> str:
    """Create an empty database on ``server`` and return its URL."""
    import psycopg2

    conn = psycopg2.connect(host=server.host, port=server.port, user="postgres", dbname="postgres")
    try:
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(f'CREATE DATABASE "{name}"')
    finally:
        conn.close()
    return f"postgresql://postgres@{server.host}:{server.port}/{name}"


@pytest.fixture(scope="module")
def postgres() -> Iterator[PostgresServer]:
    """A PostgreSQL server for the module's tests (skip or fail when none can start)."""
    try:
        with postgres_server() as server:
            yield server
    except PostgresUnavailable as err:
        unavailable(str(err))
