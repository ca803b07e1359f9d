"""Dashboard: on SQLite, accounts leave the dossier's file for ``web.db`` beside it.

Revision ID: 0006
Revises: 0005

Owned by the web dashboard (see truceline.store.account_db and docs/web.md).
``truceline.db`` is the file people open in Datasette, copy and publish; it held
the team's argon2 password hashes. The accounts are copied into ``web.db`` in
the same folder, then ``users``, ``sessions`` and ``login_failures`` are dropped
here. Sessions and login failures are not carried over: they are short-lived,
and dropping them only signs everyone out once. PostgreSQL keeps its tables.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

USERS_DDL = """CREATE TABLE IF NOT EXISTS users (
    username VARCHAR(80) NOT NULL,
    password_hash TEXT NOT NULL,
    role VARCHAR(12) NOT NULL,
    created DATETIME NOT NULL,
    PRIMARY KEY (username)
)"""


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    rows = bind.execute(sa.text("SELECT username, password_hash, role, created FROM users")).all()
    database = bind.engine.url.database
    if rows and database and database != ":memory:":
        _copy_users(Path(database).with_name("web.db"), [tuple(row) for row in rows])
    op.drop_table("sessions")
    op.drop_table("login_failures")
    op.drop_table("users")


def _copy_users(path: Path, rows: list[tuple[object, ...]]) -> None:
    """Into ``web.db``, keeping any account already there (a second upgrade adds nothing)."""
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute(USERS_DDL)
            conn.executemany("INSERT OR IGNORE INTO users VALUES (?, ?, ?, ?)", rows)
    finally:
        conn.close()


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.create_table(
        "users",
        sa.Column("username", sa.String(80), primary_key=True),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("role", sa.String(12), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "sessions",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("username", sa.String(80), sa.ForeignKey("users.username"), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires", sa.DateTime(timezone=True), nullable=False, index=True),
    )
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(4), nullable=False),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_login_failures_key", "login_failures", ["kind", "key_hash", "at"])
    op.create_index("ix_login_failures_at", "login_failures", ["at"])
