"""Database URL to SQLAlchemy engine, with the settings flashpoint relies on.

SQLite is tuned for one writer and many readers: WAL (readers never block the writer nor
each other), ``synchronous=NORMAL`` (durable at checkpoints, safe against corruption),
a busy timeout (a second writer waits instead of failing) and foreign keys on. SQLAlchemy
takes over ``BEGIN`` from the sqlite3 module so that a write transaction can start with
``BEGIN IMMEDIATE``: it takes the write lock up front, so two writers queue on the busy timeout
instead of one failing with "database is locked" when it upgrades a read lock.
"""

from __future__ import annotations

import sqlite3
import time
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.pool import StaticPool

from flashpoint.errors import StoreError

__all__ = ["create_engine", "normalize_url", "BEGIN_OPTION", "DEFAULT_BUSY_TIMEOUT_MS"]

#: Execution option read by the SQLite ``begin`` hook: ``"IMMEDIATE"`` for write transactions.
BEGIN_OPTION = "flashpoint_sqlite_begin"

DEFAULT_BUSY_TIMEOUT_MS = 30_000


def normalize_url(url: str) -> URL:
    """Parse ``url``; a bare path means a SQLite file, plain ``postgresql://`` means psycopg 3.

    SQLAlchemy 2.0's default PostgreSQL driver is psycopg2, which flashpoint does not install,
    so ``postgresql://`` and ``postgres://`` are read as ``postgresql+psycopg://``.
    """
    if "://" not in url:
        from flashpoint.settings import Settings  # the one place bare paths become URLs

        url = Settings(db=url).db_url
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"not a database URL: {url!r} ({exc})") from exc
    backend = parsed.get_backend_name()
    if backend == "postgresql" and "+" not in parsed.drivername:  # SQLAlchemy 2.0: psycopg2
        parsed = parsed.set(drivername="postgresql+psycopg")
    if backend not in ("sqlite", "postgresql"):
        raise StoreError(f"unsupported database {backend!r} in {url!r}: use SQLite or PostgreSQL")
    return parsed


def create_engine(url: str, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> Engine:
    """An engine for ``url`` (SQLite file or PostgreSQL); :class:`StoreError` if unusable."""
    parsed = normalize_url(url)
    kwargs: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:"):
        # one shared connection, or every checkout would see a new empty database
        kwargs.update(poolclass=StaticPool, connect_args={"check_same_thread": False})
    elif parsed.get_backend_name() == "postgresql":
        kwargs.update(pool_pre_ping=True)
    try:
        engine = sa.create_engine(parsed, **kwargs)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise StoreError(f"cannot use database URL {parsed.render_as_string()!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine, busy_timeout_ms)
    return engine


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    """Pragmas on every new connection, and our own ``BEGIN`` (see the module docstring)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # sqlite3 stops emitting BEGIN; we do it
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            _use_wal(cursor, busy_timeout_ms)
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        mode = conn.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
        if mode not in ("DEFERRED", "IMMEDIATE", "EXCLUSIVE"):
            raise StoreError(f"unknown SQLite transaction mode {mode!r}")
        conn.exec_driver_sql(f"BEGIN {mode}")


#: How long to wait between tries to switch a fresh database file to WAL.
_WAL_RETRY_S = 0.05


def _use_wal(cursor: Any, busy_timeout_ms: int) -> None:
    """Switch the file to WAL unless it is already: the mode persists in the file, so only its
    first connections make the switch. SQLite answers "database is locked" at once, without
    the busy handler, when several processes open a fresh file together and race to switch it;
    so the switch is retried until the busy timeout runs out, as any other lock would wait."""
    deadline = time.monotonic() + busy_timeout_ms / 1000
    while True:
        try:
            if str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(_WAL_RETRY_S)
