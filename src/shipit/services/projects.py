"""Ship It projects: plan, answer, thrash, move, link, ship or drop. One transaction each.

Every input is validated (shipit.domain.projects) before anything is written, and every
write records its change in the same transaction (storage.rows.ChangeLog), so `undo`
reverts any project command and a refused one leaves the journal as it was.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any, NamedTuple

from shipit.domain import dates
from shipit.domain import projects as dom
from shipit.domain.entries import EntryData, check_text, new_uid
from shipit.domain.errors import InputError, NotYourCard
from shipit.domain.projects import Card, MoveData, ProjectData, ThrashData
from shipit.storage import projects as projects_sql
from shipit.storage.db import Connection, Store
from shipit.storage.entries import db_datetime, from_db_datetime
from shipit.domain.changes import RowChange
from shipit.storage.rows import ChangeLog, read_image, write_image
from shipit.services.journal import Journal
from shipit.services.project_links import today_of, visible


def project_image(p: ProjectData) -> dict[str, Any]:
    """A project as storage.rows stores it."""
    return {
        "id": p.id, "uid": p.uid, "short": p.short, "name": p.name, "status": p.status,
        "owner": p.owner, "ship_at": db_datetime(p.ship_at), "ship_day": p.ship_day.isoformat(),
        "thrash_until": p.thrash_until.isoformat(), "start_day": p.start_day.isoformat(),
        "created_at": db_datetime(p.created_at), "updated_at": db_datetime(p.updated_at),
        "ended_at": db_datetime(p.ended_at) if p.ended_at else None,
        "ended_day": p.ended_day.isoformat() if p.ended_day else None,
        "entry_uid": p.entry_uid,
    }  # fmt: skip


class Row(NamedTuple):
    """A line of `project list`."""

    project: ProjectData
    time_left: str
    ships_this_week: int
    last_ship: date | None
    warning: str | None
    today: date | None = None  # the journal day it was read on (the table drops this year)
    now: datetime | None = None  # the instant it was read (the view words the time left)

    def to_json(self) -> dict[str, Any]:
        return {**project_json(self.project), "time_left": self.time_left,
                "ships_this_week": self.ships_this_week,
                "last_ship": self.last_ship.isoformat() if self.last_ship else None,
                "warning": self.warning}  # fmt: skip


def project_json(p: ProjectData) -> dict[str, Any]:
    """The stable JSON shape of a project (docs/json.md)."""
    return {
        "uid": p.uid, "short": p.short, "name": p.name, "status": p.status, "owner": p.owner,
        "author": p.author,
        "ship_at": p.ship_at.isoformat(), "ship_day": p.ship_day.isoformat(),
        "thrash_until": p.thrash_until.isoformat(), "start_day": p.start_day.isoformat(),
        "created_at": p.created_at.isoformat(), "updated_at": p.updated_at.isoformat(),
        "ended_at": p.ended_at.isoformat() if p.ended_at else None,
        "ended_day": p.ended_day.isoformat() if p.ended_day else None,
    }  # fmt: skip


class Shown(NamedTuple):
    """`project show`: the card, its figures, and what time is left."""

    card: Card
    figures: dict[str, Any]
    time_left: str
    today: date
    now: datetime | None = None  # the instant it was read (the view words the time left)

    def to_json(self) -> dict[str, Any]:
        c = self.card
        return {
            **project_json(c.project), "time_left": self.time_left,
            "answers": {k: c.answers[k] for k in dom.QUESTION_KEYS if k in c.answers},
            "members": c.members,
            "edges": [s.strip() for s in c.answers.get("edges", "").split(",") if s.strip()],
            "thrash": [{"uid": t.uid, "text": t.text, "at": t.at.isoformat(),
                        "day": t.day.isoformat(), "late": t.late} for t in c.thrash],
            "moves": [{"uid": m.uid, "at": m.at.isoformat(), "from": m.from_at.isoformat(),
                       "to": m.to_at.isoformat(), "days": m.shift_days, "reason": m.reason}
                      for m in c.moves],
            "linked": [e.to_json() for e in c.linked] + [
                {**e.to_json(), "id": None, "author": who} for who, e in c.team_linked],
            "figures": self.figures,
        }  # fmt: skip


class Thrashed(NamedTuple):
    project: ProjectData
    item: ThrashData


class Ended(NamedTuple):
    project: ProjectData
    entry: EntryData


_today = today_of


class Projects:
    def __init__(self, journal: Journal | None = None) -> None:
        self.journal = journal or Journal()
        self.store: Store = self.journal.store

    # planning -------------------------------------------------------------------

    def new(
        self,
        name: str,
        ship: str,
        *,
        short: str | None = None,
        owners: Sequence[str] = (),
        members: Sequence[str] = (),
        thrash_until: str | None = None,
        answers: Mapping[str, str] | None = None,
    ) -> ProjectData:
        """Plan a project: a one-line name and a ship date (and time) in the future."""
        name = dom.check_name(name)
        short = dom.check_short(short) if short else dom.short_from_name(name)
        owner = dom.check_owners(owners)
        given = {dom.check_question(k): v for k, v in (answers or {}).items() if v.strip()}
        member_text = ", ".join(m.strip() for m in members if m.strip())
        if "members" in given:
            member_text = ", ".join(filter(None, (member_text, given.pop("members"))))
        names, starred = dom.parse_members(member_text)
        if starred and owner and starred != owner:
            raise InputError("projects.one_owner_only", rest=owner, last=starred)
        owner = owner or starred or given.pop("owner", "").strip() or None
        if owner and owner not in names:
            names.insert(0, owner)
        given.pop("owner", None)
        stored = {k: dom.check_answer(k, v) for k, v in given.items()}
        if names:
            stored["members"] = ", ".join(names)
        with self.store.writing() as conn:
            instant = dates.now()
            today = _today(conn, instant)
            ship_at, ship_day = dom.parse_ship(ship, today, instant)
            until = (dom.parse_day(thrash_until, today, "--thrash-until") if thrash_until
                     else dom.default_thrash_until(today, ship_day))  # fmt: skip
            dom.check_plan(ship_at, ship_day, until, instant, today, new=True)
            if projects_sql.short_taken(conn, short):
                raise InputError("projects.short_taken", short=short)
            log = ChangeLog(conn, "project new", instant)
            p = ProjectData(id=0, uid=new_uid(), short=short, name=name, status="active",
                            owner=owner, ship_at=ship_at, ship_day=ship_day,
                            thrash_until=until, start_day=today, created_at=instant,
                            updated_at=instant)  # fmt: skip
            image = log.insert("project", {**project_image(p), "id": None})
            for key in dom.QUESTION_KEYS:
                if key in stored:
                    self._put_answer(log, p.uid, key, stored[key], {})
            return p._replace(id=image["id"])

    def answer(self, ref: str, key: str, text: str) -> tuple[ProjectData, str, str]:
        """Fill in or change one answer ('' clears it). Returns (project, key, stored)."""
        key = dom.check_question(key)
        results = self.answer_many(ref, {key: text}, command="project answer")
        return results[0], key, results[1].get(key, "")

    def answer_many(self, ref: str, given: Mapping[str, str], *, command: str = "project edit"
                    ) -> tuple[ProjectData, dict[str, str]]:  # fmt: skip
        """Several answers in one change (the walk-through again)."""
        checked: dict[str, str] = {}
        for k, v in given.items():
            key = dom.check_question(k)
            checked[key] = dom.check_answer(key, v) if v.strip() else ""
        with self.store.writing() as conn:
            p = _own_card(projects_sql.get(conn, ref))
            instant = dates.now()
            log = ChangeLog(conn, command, instant)
            current = projects_sql.answers(conn, p.uid)
            new_owner = p.owner
            if "members" in given:
                names, starred = dom.parse_members(given["members"])
                if starred:
                    new_owner = starred
            if "owner" in checked:
                new_owner = checked.pop("owner") or None
            for key, text in checked.items():
                self._put_answer(log, p.uid, key, text, current, instant)
            if new_owner != p.owner:
                log.update("project", p.uid, owner=new_owner, updated_at=db_datetime(instant))
                p = p._replace(owner=new_owner, updated_at=instant)
            stored = {k: v for k, (_, v) in projects_sql.answers(conn, p.uid).items()}
            if p.owner:
                stored["owner"] = p.owner
            return p, stored

    @staticmethod
    def _put_answer(log: ChangeLog, project_uid: str, key: str, text: str,
                    current: Mapping[str, tuple[str, str]],
                    instant: datetime | None = None) -> None:  # fmt: skip
        at = db_datetime(instant or log.instant)
        if key in current:
            uid, old = current[key]
            if not text:
                log.delete("project_answer", uid)
            elif text != old:
                log.update("project_answer", uid, text=text, updated_at=at)
        elif text:
            log.insert("project_answer", {"uid": new_uid(), "project_uid": project_uid,
                                          "question": key, "text": text, "updated_at": at})

    def thrash(self, ref: str, text: str) -> Thrashed:
        """Add to the thrash list; after the thrash date the item is marked late."""
        check_text(text, "thrash")
        with self.store.writing() as conn:
            p = projects_sql.get(conn, ref)
            instant = dates.now()
            day = _today(conn, instant)
            late = dom.is_late_thrash(day, p.thrash_until)
            item = ThrashData(new_uid(), p.uid, text, instant, day, late)
            ChangeLog(conn, "project thrash", instant).insert("project_thrash", {
                "uid": item.uid, "project_uid": p.uid, "text": text,
                "at": db_datetime(instant), "day": day.isoformat(), "late": int(late)})
            return Thrashed(p, item)

    def move(self, ref: str, when: str, reason: str) -> tuple[ProjectData, MoveData, list[MoveData]]:
        """Move the ship date; the move is kept with its reason."""
        check_text(reason, "reason")
        with self.store.writing() as conn:
            p = _active(conn, ref)
            instant = dates.now()
            today = _today(conn, instant)
            ship_at, ship_day = dom.parse_ship(when, today, instant)
            if ship_at == p.ship_at:
                raise InputError("projects.already_ships_then", short=p.short)
            dom.check_plan(ship_at, ship_day, min(p.thrash_until, ship_day), instant, today,
                           new=False)  # fmt: skip
            if ship_at <= instant:
                raise InputError("projects.new_date_in_past")
            log = ChangeLog(conn, "project move", instant)
            move = MoveData(new_uid(), p.uid, instant, p.ship_at, ship_at, reason)
            log.insert("project_move", {
                "uid": move.uid, "project_uid": p.uid, "at": db_datetime(instant),
                "from_at": db_datetime(p.ship_at), "to_at": db_datetime(ship_at),
                "reason": reason})  # fmt: skip
            until = min(p.thrash_until, ship_day)
            log.update("project", p.uid, ship_at=db_datetime(ship_at),
                       ship_day=ship_day.isoformat(), thrash_until=until.isoformat(),
                       updated_at=db_datetime(instant))  # fmt: skip
            p = p._replace(ship_at=ship_at, ship_day=ship_day, thrash_until=until,
                           updated_at=instant)  # fmt: skip
            return p, move, projects_sql.moves(conn, p.uid)

    # ending ---------------------------------------------------------------------

    def ship(self, ref: str, feeling: str | None = None) -> Ended:
        """Mark it shipped and log a ship linked to it (it counts for the streak)."""
        if feeling:
            check_text(feeling, "feeling")
        with self.store.writing() as conn:
            p = _active(conn, ref)
            log = ChangeLog(conn, "project ship", dates.now())
            entry = self.journal.add("ship", f"Shipped {p.name}", log=log, project=p.uid)
            if feeling:
                self._put_answer(log, p.uid, "feeling", feeling,
                                 projects_sql.answers(conn, p.uid))  # fmt: skip
            return Ended(self._end(log, p, "shipped", entry), entry)

    def drop(self, ref: str, lesson: str) -> Ended:
        """End it unshipped: the lesson is recorded as a failed attempt linked to it."""
        check_text(lesson, "lesson")
        with self.store.writing() as conn:
            p = _active(conn, ref)
            log = ChangeLog(conn, "project drop", dates.now())
            entry = self.journal.add("attempt", f"Dropped {p.name}", log=log, project=p.uid,
                                     outcome="failed", lesson=lesson)  # fmt: skip
            return Ended(self._end(log, p, "dropped", entry), entry)

    @staticmethod
    def _end(log: ChangeLog, p: ProjectData, status: str, entry: EntryData) -> ProjectData:
        log.update("project", p.uid, status=status, ended_at=db_datetime(log.instant),
                   ended_day=entry.day.isoformat(), entry_uid=entry.uid,
                   updated_at=db_datetime(log.instant))  # fmt: skip
        return p._replace(status=status, ended_at=log.instant, ended_day=entry.day,
                          entry_uid=entry.uid, updated_at=log.instant)  # fmt: skip

    # reading --------------------------------------------------------------------

    def list(self, *, everything: bool = False) -> list[Row]:
        with self.store.reading() as conn:
            instant = dates.now()
            today = _today(conn, instant)
            week = dates.iso_week_start(today)
            activity = projects_sql.ship_activity(conn, week)
            rows = []
            for p in visible(conn, projects_sql.projects(conn, everything=everything)):
                n, last_s = activity.get(p.uid, (0, None))
                last = date.fromisoformat(last_s) if last_s else None
                rows.append(Row(p, dom.time_left(p, instant, today), n or 0, last,
                                _warning(p, instant, today, last), today, instant))  # fmt: skip
            return rows

    def show(self, ref: str) -> Shown:
        with self.store.reading() as conn:
            instant = dates.now()
            today = _today(conn, instant)
            p = projects_sql.get(conn, ref)
            card = self._card(conn, p)
            return Shown(card, dom.project_figures(card, today), dom.time_left(p, instant, today),
                         today, instant)  # fmt: skip

    @staticmethod
    def _card(conn: Connection, p: ProjectData) -> Card:
        answers = {k: v for k, (_, v) in projects_sql.answers(conn, p.uid).items()}
        members = [m.strip() for m in answers.get("members", "").split(",") if m.strip()]
        if p.owner:
            answers["owner"] = p.owner
        return Card(p, answers, projects_sql.thrash(conn, p.uid), projects_sql.moves(conn, p.uid),
                    projects_sql.linked(conn, p.uid), members,
                    projects_sql.team_linked(conn, p.uid))  # fmt: skip

    def figures(self) -> dict[str, Any]:
        """Across projects, and per project (stats)."""
        with self.store.reading() as conn:
            today = _today(conn, dates.now())
            every = visible(conn, projects_sql.projects(conn, everything=True))
            firsts = {uid: dom.local_day(from_db_datetime(at))
                      for uid, at in projects_sql.first_ship_days(conn).items()}  # fmt: skip
            per = {p.short: dom.project_figures(self._card(conn, p), today) for p in every}
        return {**dom.across_figures(every, firsts), "projects": per}


def _own_card(p: ProjectData) -> ProjectData:
    """The project, refused when its card is another member's (sync brought it): only
    they change its answers, date, end. Anyone may link work to it and thrash it."""
    if p.author is not None:
        raise NotYourCard(p.short, p.author)
    return p


def _active(conn: Connection, ref: str) -> ProjectData:
    """The project `ref` names, refused unless it is this journal's card and still
    active (move, ship, drop)."""
    p = _own_card(projects_sql.get(conn, ref))
    if not p.active:
        key = "projects.already_shipped" if p.status == "shipped" else "projects.already_dropped"
        raise InputError(key, short=p.short)
    return p


def _warning(p: ProjectData, now: datetime, today: date, last: date | None) -> str | None:
    if not p.active:
        return None
    if dom.is_late(p, now):
        return "late"
    quiet_since = last or p.start_day
    if (today - quiet_since).days >= 7:
        return "no linked ship for 7 days" if last else "no linked ship yet in 7 days"
    return None


# -- export and import (services.transfer) --------------------------------------------


def markdown_cards(conn: Connection) -> str:
    """The Markdown export's "## Projects" section ("" without projects)."""
    every = projects_sql.projects(conn, everything=True)
    if not every:
        return ""
    instant = dates.now()
    return dom.markdown_cards([Projects._card(conn, p) for p in every],
                              _today(conn, instant), instant)  # fmt: skip


def export_json(conn: Connection) -> list[dict[str, Any]]:
    """Every project as the JSON export writes it (docs/json.md, "projects")."""
    out = []
    for p in projects_sql.projects(conn, everything=True):
        answers = {k: v for k, (_, v) in sorted(projects_sql.answers(conn, p.uid).items())}
        shape = {k: v for k, v in project_json(p).items() if k != "author"}  # not a file's
        out.append({
            **shape, "entry_uid": p.entry_uid, "answers": answers,
            "thrash": [{"uid": t.uid, "text": t.text, "at": t.at.isoformat(),
                        "day": t.day.isoformat(), "late": t.late}
                       for t in projects_sql.thrash(conn, p.uid)],
            "moves": [{"uid": m.uid, "at": m.at.isoformat(), "from": m.from_at.isoformat(),
                       "to": m.to_at.isoformat(), "reason": m.reason}
                      for m in projects_sql.moves(conn, p.uid)],
            "entries": sorted(projects_sql.linked_uids(conn, p.uid)),
        })  # fmt: skip
    return out


def import_rows(conn: Connection, items: list[Any], entry_uids: set[str], report: Any,
                *, write: bool = True) -> list[RowChange]:  # fmt: skip
    """Write the projects an import adds (matched by uid: a project the journal has is
    never changed; a difference is a conflict) and the links of entries without one.
    Returns the rows written, for the import's one change. With `write=False` (a dry
    run) it counts the same projects and links and writes nothing."""
    from shipit.domain.importing import Conflict

    changes: list[RowChange] = []

    shorts: set[str] = set()  # short names the import takes (a dry run writes none)
    linked: set[str] = set()

    def put(table: str, key: str, image: dict[str, Any]) -> None:
        if write:
            after = write_image(conn, table, key, image)
            changes.append(RowChange(table, key, None, after))

    for item in items:
        old = read_image(conn, "project", item.uid)
        if old is not None:
            diff = tuple(k for k, v in item.image.items() if old.get(k) != v)
            theirs = projects_sql.answers(conn, item.uid)
            diff += tuple(k for k in sorted(set(item.answers) | set(theirs))
                          if item.answers.get(k) != theirs.get(k, (None, None))[1])  # fmt: skip
            if diff:
                report.conflicts.append(Conflict(f"projects[{item.index}]", item.uid, diff))
            else:
                report.projects_duplicates += 1
        elif projects_sql.short_taken(conn, item.image["short"]) or item.image["short"] in shorts:
            report.conflicts.append(Conflict(f"projects[{item.index}]", item.uid, ("short",)))
            continue
        else:
            put("project", item.uid, {**item.image, "id": None})
            shorts.add(item.image["short"])
            for key, text in item.answers.items():
                uid = new_uid()
                put("project_answer", uid, {"uid": uid, "project_uid": item.uid,
                                            "question": key, "text": text,
                                            "updated_at": item.image["updated_at"]})
            for row in (*item.thrash, *item.moves):
                table = "project_thrash" if "late" in row else "project_move"
                if read_image(conn, table, row["uid"]) is None:
                    put(table, row["uid"], row)
            report.projects_added += 1
        for entry_uid in item.entries:
            if entry_uid not in entry_uids:
                report.warnings.append(f"projects[{item.index}].entries: no entry {entry_uid}; "
                                       "link dropped")  # fmt: skip
            elif projects_sql.link_of(conn, entry_uid) is None and entry_uid not in linked:
                linked.add(entry_uid)
                put("project_link", entry_uid, {"entry_uid": entry_uid, "project_uid": item.uid})
                report.links_added += 1
    return changes
