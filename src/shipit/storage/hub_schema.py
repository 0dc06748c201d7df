"""SQLModel tables of the PostgreSQL hub: the hub schema's one source of truth.

They live in their own registry and metadata (schema `shipit` in the hub's database),
apart from the journal's tables. Only storage.hub imports this module, to create or
upgrade a hub (`shipit hub init`); syncing runs plain SQL through psycopg.

A hub holds every member's row versions in one table: a row of a member's journal is
named by (tbl, author, key) — the journal's table, the member, and the row's key
there (an entry's uid, a skip's day, a setting's name) — and holds the row's newest
version: its instant and device (which decide a conflict), and its values (`data`,
JSON) or NULL for a deletion (a tombstone). `seq` is the hub sequence number it got
when accepted: strictly increasing, so "everything after N" is one indexed range.

Hub schema 2 (projects travel): `tbl` is one of HUB_TABLES, which the database checks
(`ck_hub_row_tbl`); `hub init` adds the check to a hub of schema 1.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, CheckConstraint, Column, MetaData
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

HUB_SCHEMA = "shipit"
# The journal tables whose rows travel (storage.replica.TABLE_ORDER names the same).
HUB_TABLES = ("entry", "setting", "skip", "backlog", "project", "project_answer",
              "project_move", "project_thrash", "project_link")  # fmt: skip
hub_registry = registry(metadata=MetaData(schema=HUB_SCHEMA))


class HubModel(SQLModel, registry=hub_registry):
    """Base of the hub's tables (its own metadata: never a journal table)."""


class HubMeta(HubModel, table=True):
    """The hub's own facts: `schema_version`, `roles` ('on' with row-level security)."""

    __tablename__ = "hub_meta"

    key: str = Field(primary_key=True, max_length=64)
    value: str


class HubRow(HubModel, table=True):
    """The newest version of one row of one member's journal."""

    __tablename__ = "hub_row"
    __table_args__ = (
        CheckConstraint("tbl IN (" + ", ".join(f"'{t}'" for t in HUB_TABLES) + ")",
                        name="ck_hub_row_tbl"),  # fmt: skip
    )

    tbl: str = Field(primary_key=True, max_length=32)
    author: str = Field(primary_key=True, max_length=63)
    key: str = Field(primary_key=True)
    seq: int = Field(sa_column=Column(BigInteger, nullable=False, unique=True))
    updated_at: datetime
    device: str = Field(max_length=36)
    data: Any = Field(default=None, sa_column=Column(JSONB, nullable=True))


hub_metadata = hub_registry.metadata
