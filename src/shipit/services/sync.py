"""Sync with a PostgreSQL hub: `hub init`, `sync init`, `sync` (push then pull),
`sync --status`, `sync --dry-run`.

The only module that imports storage.hub (and so psycopg). A sync is:

1. read the rows changed locally since the last push (one read transaction);
2. push them in ONE hub transaction (the hub keeps, per row, the newest version:
   instant, then device id);
3. pull every hub row version after the last hub sequence number seen and apply them
   in ONE local write transaction, which also records how far both sides got.

Killed between 2 and 3, the next sync pushes the same versions again (the hub takes
nothing twice) and pulls again: both sides converge, nothing is lost or duplicated.
A row changed locally while a sync runs is not overwritten by the pull: it is pushed
next time and the rule decides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from shipit.domain import dates
from shipit.domain.errors import HubError, InputError, ShipitError
from shipit.domain.settings import SYNC_DEFAULTS
from shipit.storage import members as members_sql
from shipit.storage import replica
from shipit.storage.entries import db_datetime, from_db_datetime
from shipit.storage.rows import ChangeLog
from shipit.storage.status import read_fresh_status
from shipit.services.journal import Journal

DEFAULT_TIMEOUT = 10.0


@dataclass
class SyncReport:
    pushed: dict[str, int] = field(default_factory=dict)  # table -> rows the hub took
    sent: int = 0  # rows sent (taken or not)
    pulled: dict[str, int] = field(default_factory=dict)  # table -> rows that changed here
    members: set[str] = field(default_factory=set)  # authors whose rows changed here
    hub_seq: int = 0
    dry_run: bool = False

    def to_json(self) -> dict:
        return {"pushed": self.pushed, "sent": self.sent, "pulled": self.pulled,
                "members": sorted(self.members), "hub_seq": self.hub_seq,
                "dry_run": self.dry_run}  # fmt: skip


@dataclass(frozen=True)
class SyncStatus:
    url: str | None
    author: str
    device: str | None
    last_at: datetime | None
    waiting: int
    hub_seq: int

    def to_json(self) -> dict:
        return {"url": self.url, "author": self.author, "device": self.device,
                "last_sync": self.last_at.isoformat() if self.last_at else None,
                "waiting": self.waiting, "hub_seq": self.hub_seq}  # fmt: skip


def _hub(url: str, timeout: float = DEFAULT_TIMEOUT, *, bounded: bool = False):  # noqa: ANN202
    from shipit.storage import hub

    h = hub.Hub(url, timeout=timeout)
    if bounded:  # auto-sync: every statement, lock waits included, within the timeout
        try:
            h.bound_statements()
        except BaseException:
            h.close()
            raise
    return h


@dataclass(frozen=True)
class HubMade:
    before: int  # the hub schema it had, 0 when new
    version: int  # the one it has now
    roles: bool  # roles on now
    roles_turned_on: bool  # it had a hub schema and roles off before


def hub_init(url: str, *, roles: bool) -> HubMade:
    """Create or upgrade a hub."""
    from shipit.storage import hub

    hub.check_url(url)
    with _hub(url) as h:
        before, after = h.init(roles=roles)
    return HubMade(before.version if before else 0, hub.HUB_SCHEMA_VERSION, after.roles,
                   before is not None and not before.roles and after.roles)  # fmt: skip


@dataclass(frozen=True)
class Joined:
    url: str
    author: str
    renamed_from: str | None
    roles: bool


def join(journal: Journal, url: str) -> Joined:
    """`sync init URL`: check the hub, remember its URL (never a password); on a hub with
    roles the journal's author becomes the role name.

    Joining another hub than the one this journal synced with (its `hub_id`, or for a
    hub without one its URL) starts over: the next sync sends every row this journal
    may push, pulled ones too, and pulls from the beginning. So does a renamed author
    (its rows go up again under the new name). Re-joining the same hub keeps all."""
    from shipit.storage import hub

    hub.check_url(url)
    with _hub(url) as h:
        info = h.check()
    with journal.store.writing() as conn:
        own = members_sql.own_author(conn)
        renamed = None
        if info.roles and info.user != own:
            if members_sql.is_member(conn, info.user):
                raise InputError("sync.role_is_another_member", role=info.user)
            ChangeLog(conn, "config", dates.now()).put(
                "setting", "author", {"key": "author", "value": info.user})  # fmt: skip
            renamed, own = own, info.user
        if not _same_hub(conn, url, info.hub_id):  # another hub: start over
            for key in ("sync.pushed_seq", "sync.hub_seq"):
                replica.set_state(conn, key, "0")
            replica.set_state(conn, "sync.last_at", None)
            replica.set_state(conn, replica.FULL_PUSH, "1")
        if renamed:
            replica.set_state(conn, replica.FULL_PUSH, "1")
        replica.set_state(conn, "sync.url", url)
        replica.set_state(conn, "sync.hub_id", info.hub_id)
    return Joined(url, own, renamed, info.roles)


def _same_hub(conn: object, url: str, hub_id: str | None) -> bool:
    known = replica.get_state(conn, "sync.hub_id")  # type: ignore[arg-type]
    if known and hub_id:
        return known == hub_id
    return replica.get_state(conn, "sync.url") == url  # type: ignore[arg-type]


def _full(conn: object) -> bool:
    return replica.get_state(conn, replica.FULL_PUSH) == "1"  # type: ignore[arg-type]


def _url(conn: object) -> str:
    url = replica.get_state(conn, "sync.url")  # type: ignore[arg-type]
    if not url:
        raise HubError("sync.not_joined", "sync.not_joined_hint")
    return url


def status(journal: Journal) -> SyncStatus:
    from shipit.storage import hub

    hub.require_driver()
    with journal.store.reading() as conn:
        url = replica.get_state(conn, "sync.url")
        pushed = int(replica.get_state(conn, "sync.pushed_seq") or 0)
        last = replica.get_state(conn, "sync.last_at")
        return SyncStatus(
            url=url, author=members_sql.own_author(conn), device=members_sql.device_id(conn),
            last_at=from_db_datetime(last) if last else None,
            waiting=len(replica.pending(conn, pushed, full=_full(conn))),
            hub_seq=int(replica.get_state(conn, "sync.hub_seq") or 0),
        )  # fmt: skip


def sync(journal: Journal, *, dry_run: bool = False, timeout: float = DEFAULT_TIMEOUT,
         bounded: bool = False) -> SyncReport:  # fmt: skip
    """Push what changed here, then pull what changed on the hub (see the module doc)."""
    from shipit.storage.hub import HubRowVersion, require_driver

    require_driver()
    status_before = read_fresh_status(journal.store.path)
    with journal.store.reading() as conn:
        url = _url(conn)
        author = members_sql.own_author(conn)
        device = members_sql.device_id(conn) or "unknown"
        pushed_seq = int(replica.get_state(conn, "sync.pushed_seq") or 0)
        hub_seq = int(replica.get_state(conn, "sync.hub_seq") or 0)
        upto = replica.last_seq(conn)
        refetch = replica.get_state(conn, "sync.refetch")
        known_hub = replica.get_state(conn, "sync.hub_id")
        waiting = replica.pending(conn, pushed_seq, full=_full(conn))
        rows = [HubRowVersion(p.tbl, author, p.key, from_db_datetime(p.at), p.device or device,
                              replica.to_hub(conn, p.tbl, p.image)) for p in waiting]  # fmt: skip
    report = SyncReport(sent=len(rows), dry_run=dry_run)
    with _hub(url, timeout, bounded=bounded) as h:
        info = h.check()
        if info.roles and info.user != author:
            raise HubError("sync.author_mismatch", "sync.author_mismatch_hint", author=author,
                           role=info.user)  # fmt: skip
        if known_hub and info.hub_id and info.hub_id != known_hub:
            # dropped and made again at the same URL: its rows and numbers are not the
            # ones this journal's positions count; pushing "what changed since" would
            # leave the rest behind. sync init starts over (a full push).
            raise HubError("sync.hub_replaced", "sync.hub_replaced_hint")
        if dry_run:
            for r in rows:
                report.pushed[r.tbl] = report.pushed.get(r.tbl, 0) + 1
            incoming = _pull(h, hub_seq, refetch, author)
            for v in incoming:
                if not (v.author == author and v.device == device):
                    report.pulled[v.tbl] = report.pulled.get(v.tbl, 0) + 1
                    if v.author != author:
                        report.members.add(v.author)
            report.hub_seq = hub_seq
            return report
        h.push(rows)
        for r in rows:
            report.pushed[r.tbl] = report.pushed.get(r.tbl, 0) + 1
        incoming = _pull(h, hub_seq, refetch, author)
    _apply(journal, incoming, author, upto, report, status_before)
    return report


def _pull(h, hub_seq: int, refetch: str | None, author: str) -> list:  # noqa: ANN001
    """What the hub has after `hub_seq`; with local_state `sync.refetch` (schema 7's
    migration sets it to `backlog` on a journal that had synced, which dropped the other
    members' backlog items), also every live row of that table by another member, read
    first: a row pushed between the two reads is in the second, so no sequence number
    is passed over. A row in both is applied once (its newest version)."""
    if refetch not in replica.TABLE_ORDER:
        return h.pull(hub_seq)
    rows = h.pull_others(refetch, author) + h.pull(hub_seq)
    newest = {(v.tbl, v.author, v.key): v for v in sorted(rows, key=lambda v: v.seq)}
    return list(newest.values())


def _apply(journal: Journal, incoming: list, author: str, upto: int, report: SyncReport,
           status_before: str | None) -> None:  # fmt: skip
    """Apply pulled versions in ONE local transaction, with the new sync positions.

    `status_before`: the prompt status file, read fresh before the journal was opened
    for the first read (SQLite creates the -wal file then, which makes it look stale);
    kept when this sync changes none of the journal's own rows and no change was
    recorded after that read. A write that commits in the instant between reading the
    file and that first read is not seen: the prompt then misses it until the next
    write, as it can already when two commands refresh the file at once."""
    instant = dates.now()
    order = replica.TABLE_ORDER
    incoming = sorted(incoming, key=lambda v: (order.get(v.tbl, 9), v.seq))
    own_changed = False
    with journal.store.writing() as conn:
        if replica.last_seq(conn) != upto:
            status_before = None  # the journal changed since it was read: compute
        log = ChangeLog(conn, replica.SYNC_COMMAND, instant)
        new_hub_seq = int(replica.get_state(conn, "sync.hub_seq") or 0)
        for v in incoming:
            new_hub_seq = max(new_hub_seq, v.seq)
            if v.tbl not in order or (v.tbl, v.key) in replica.LOCAL_ONLY:
                continue
            data = v.data if v.data is None else dict(v.data)
            if v.author == author:
                if replica.changed_since(conn, v.tbl, v.key, upto):
                    continue  # changed here during this sync: pushed next time
                changed = replica.apply_own(log, v.tbl, v.key, data)
                own_changed = own_changed or changed
                if changed:  # its newest version is now this pulled one: keep which
                    replica.keep_pulled_version(conn, v.tbl, v.key, db_datetime(v.updated_at),
                                                v.device)  # fmt: skip
            else:
                changed = replica.apply_member(log, v.tbl, v.author, v.key, data)
            if changed:
                report.pulled[v.tbl] = report.pulled.get(v.tbl, 0) + 1
                if v.author != author:  # your other devices are not other members
                    report.members.add(v.author)
        replica.set_state(conn, "sync.pushed_seq", str(upto))
        replica.set_state(conn, replica.FULL_PUSH, None)
        replica.set_state(conn, "sync.tables", replica.TABLES_VERSION)
        replica.set_state(conn, "sync.refetch", None)  # fetched: once is enough
        replica.set_state(conn, "sync.hub_seq", str(new_hub_seq))
        replica.set_state(conn, "sync.last_at", db_datetime(instant))
        report.hub_seq = new_hub_seq
    # The prompt status reads only this journal's own rows: unchanged, it is not read
    # again from every day (36,500 entries: most of an incremental sync's time).
    journal.keep_status(None if own_changed else status_before)


@dataclass(frozen=True)
class AutoSync:
    """What an auto-sync did: its report, or the error that stopped it and how many
    local changes wait (None when they could not be counted)."""

    report: SyncReport | None
    error: ShipitError | None = None
    waiting: int | None = None


def auto_sync() -> AutoSync | None:
    """After a command committed a write: sync when this device has `sync.auto on` and
    the journal is joined to a hub; None when it does not. Never raises a ShipitError:
    the command's own write is done whatever happens here (a failed sync changes
    nothing locally, and its changes go up with the next sync)."""
    from shipit.services.journal import auto_sync_request

    request = auto_sync_request()
    if request is None:
        return None
    journal, seconds = request
    try:
        timeout = float(seconds or SYNC_DEFAULTS["sync.timeout"])
    except ValueError:
        timeout = float(SYNC_DEFAULTS["sync.timeout"])
    try:
        return AutoSync(sync(journal, timeout=timeout, bounded=True))
    except ShipitError as exc:
        return AutoSync(None, exc, _waiting(journal))


def _waiting(journal: Journal) -> int | None:
    try:
        with journal.store.reading() as conn:
            pushed = int(replica.get_state(conn, "sync.pushed_seq") or 0)
            return len(replica.pending(conn, pushed, full=_full(conn)))
    except ShipitError:
        return None
