"""Alembic environment for flashpoint.

``Store.open`` runs migrations on a connection it already holds (passed in
``config.attributes["connection"]``) inside a transaction that also holds the migration lock,
so Alembic must not open its own. The ``alembic`` command line, given a ``sqlalchemy.url``,
gets an engine built by :func:`flashpoint.store.engine.create_engine` instead.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from flashpoint.store.engine import create_engine
from flashpoint.store.schema import metadata

config = context.config


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # ALTER TABLE support on SQLite
        compare_type=True,
    )


def run_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():  # a no-op inside the caller's transaction
            context.run_migrations()
        return
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("set sqlalchemy.url (alembic -x or alembic.ini) to run migrations")
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            _configure(conn)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
