"""A private PostgreSQL 15 server for the test session (pytest plugin, see conftest.py).

``pg_url`` starts a throwaway cluster once per session: ``initdb`` into a temporary folder,
listening on 127.0.0.1 only on a free port, its Unix socket in that folder too, trust
authentication, fsync off (the data is thrown away). As root, which ``initdb`` refuses, the
server runs as the ``postgres`` OS user. ``store_url`` gives each test a fresh database on
SQLite and on that server.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_BIN_DEFAULT = "/usr/lib/postgresql/15/bin"
PG_USER = "postgres"
TEST_DB = "flashpoint_test"


def _pg_bin() -> Path:
    """The server binaries' folder; fail (not skip) where they are missing."""
    folder = Path(os.environ.get("FLASHPOINT_PG_BIN", PG_BIN_DEFAULT))
    if not (folder / "initdb").is_file() or not (folder / "pg_ctl").is_file():
        pytest.fail(
            f"PostgreSQL 15 server binaries not found in {folder} (initdb, pg_ctl): "
            "`make test` installs them (Debian package postgresql-15); or set FLASHPOINT_PG_BIN",
            pytrace=False,
        )
    return folder


def _as_server_user() -> list[str]:
    """Command prefix that runs a server binary as a user initdb accepts."""
    if os.geteuid() != 0:
        return []
    if shutil.which("runuser") is None:
        pytest.fail("running as root, and `runuser` is missing to start PostgreSQL as postgres")
    return ["runuser", "-u", PG_USER, "--"]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _run(cmd: list[str]) -> None:
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stdout}{done.stderr}"
        )


class PgCluster:
    """One initdb'd cluster in ``base``; ``start``/``stop`` it with pg_ctl."""

    def __init__(self, bin_dir: Path, base: Path) -> None:
        self.bin_dir = bin_dir
        self.base = base
        self.data = base / "data"
        self.prefix = _as_server_user()
        self.port = 0
        self.start_seconds = 0.0  # initdb + start + CREATE DATABASE, for the record

    def init(self) -> None:
        if self.prefix:
            shutil.chown(self.base, user=PG_USER, group=PG_USER)
        _run(
            [
                *self.prefix,
                str(self.bin_dir / "initdb"),
                "-D",
                str(self.data),
                "-U",
                PG_USER,
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
                "--no-instructions",
            ]
        )

    def start(self, attempts: int = 3) -> None:
        """Start on a free port (retried: another process may take the port in between)."""
        for attempt in range(attempts):
            self.port = _free_port()
            options = (
                f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.base} "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            )
            try:
                _run(
                    [
                        *self.prefix,
                        str(self.bin_dir / "pg_ctl"),
                        "-D",
                        str(self.data),
                        "-l",
                        str(self.base / "server.log"),
                        "-w",
                        "-t",
                        "60",
                        "-o",
                        options,
                        "start",
                    ]
                )
                return
            except RuntimeError:
                if attempt == attempts - 1:
                    log = self.base / "server.log"
                    tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
                    raise RuntimeError(f"PostgreSQL did not start; server log:\n{tail}") from None

    def stop(self) -> None:
        subprocess.run(
            [
                *self.prefix,
                str(self.bin_dir / "pg_ctl"),
                "-D",
                str(self.data),
                "-m",
                "fast",
                "-w",
                "stop",
            ],
            capture_output=True,
        )

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{PG_USER}@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE) on ``postgres``."""
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=PG_USER, dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(sql)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    bin_dir = _pg_bin()
    base = Path(tempfile.mkdtemp(prefix="flashpoint-pg-"))
    cluster = PgCluster(bin_dir, base)
    started = time.monotonic()
    try:
        cluster.init()
        cluster.start()
        cluster.admin(f"CREATE DATABASE {TEST_DB}")
        cluster.start_seconds = time.monotonic() - started
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_url(pg_cluster: PgCluster) -> str:
    """URL of the session's PostgreSQL test database (``flashpoint_test``)."""
    return pg_cluster.url(TEST_DB)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database per test: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'flashpoint.db'}"
        return
    cluster: PgCluster = request.getfixturevalue("pg_cluster")
    name = f"t_{uuid.uuid4().hex[:16]}"
    cluster.admin(f"CREATE DATABASE {name}")
    try:
        yield cluster.url(name)
    finally:
        cluster.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
