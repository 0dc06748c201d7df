"""Joining another hub, and an author renamed at `sync init`: the next sync sends every
row this journal may push (pulled ones too), so nothing stays behind on the old hub."""

from __future__ import annotations

from tests.test_sync_hub import devices  # noqa: F401  (the fixture)


def _db(url: str) -> str:
    return url.split("@/")[1].split("?")[0]


def test_a_journal_joined_to_another_hub_sends_everything_it_has(pg_server, devices):  # noqa: F811
    from tests import pg

    hub_a = pg_server.url(pg.new_database(pg_server))
    hub_b = pg_server.url(pg.new_database(pg_server))
    laptop, desktop = devices("laptop", "alice"), devices("desktop", "alice")
    laptop.run("hub", "init", hub_a)
    laptop.run("hub", "init", hub_b)
    for d in (laptop, desktop):
        d.run("sync", "init", hub_a)
    laptop.run("log", "Published the pricing page")
    laptop.run("log", "A draft")
    laptop.run("sync")
    desktop.run("log", "Fixed the login bug")
    assert desktop.run("sync").stdout.strip() == "↑ 1 entry · ↓ 2 entries"
    laptop.run("delete", "2", "--yes")  # the draft: a tombstone the desktop pulls
    laptop.run("sync")
    assert desktop.run("sync").stdout.strip() == "↑ 0 entries · ↓ 1 entry"

    assert desktop.run("sync", "init", hub_b).stdout.strip() == (
        "joined the hub as alice: run 'shipit sync'")
    lines = desktop.run("sync", "--status").stdout.splitlines()
    assert lines[2:] == ["last sync: never", "3 changes waiting"]  # two entries, a tombstone
    assert desktop.run("sync").stdout.strip() == "↑ 3 entries · ↓ 0 entries"
    assert desktop.run("sync").stdout.strip() == "↑ 0 entries · ↓ 0 entries"
    assert pg_server.sql("SELECT count(*) FROM shipit.hub_row WHERE data IS NOT NULL",
                         db=_db(hub_b)) == [(2,)]  # fmt: skip

    fresh = devices("fresh", "alice")
    fresh.run("sync", "init", hub_b)
    fresh.run("sync")
    assert fresh.texts() == ["Fixed the login bug", "Published the pricing page"]

    laptop.run("sync", "init", hub_b)  # the laptop follows: its versions win, none doubled
    assert laptop.run("sync").stdout.strip() == "↑ 3 entries · ↓ 0 entries"
    for d in (laptop, fresh):
        assert d.texts() == ["Fixed the login bug", "Published the pricing page"]

    desktop.run("sync", "init", hub_b)  # the same hub again: nothing starts over
    lines = desktop.run("sync", "--status").stdout.splitlines()
    assert lines[2] != "last sync: never" and lines[3] == "0 changes waiting"


def test_a_stale_copy_never_wins_on_the_new_hub(pg_server, devices):  # noqa: F811
    """Two devices that only pulled a row join a new hub; the one with the older copy
    has the larger device id (it would win a tie) and the device that made the change
    never joins. Each resends the version it pulled, as that version: the newer edit and
    the deletion win, whoever sends first."""
    from tests import pg

    def scenario(change):
        hub_a = pg_server.url(pg.new_database(pg_server))
        hub_b = pg_server.url(pg.new_database(pg_server))
        laptop = devices(f"laptop-{change}", "alice")
        d1, d2 = devices(f"d1-{change}", "alice"), devices(f"d2-{change}", "alice")
        laptop.run("hub", "init", hub_a)
        laptop.run("hub", "init", hub_b)
        for d in (laptop, d1, d2):
            d.run("sync", "init", hub_a)
        laptop.run("log", "v1")
        laptop.run("sync")
        d1.run("sync")
        d2.run("sync")
        current, stale = sorted((d1, d2), key=lambda d: d.json("sync", "--status")["device"])
        if change == "edit":
            laptop.run("edit", "1", "--text", "v2")
        else:
            laptop.run("delete", "1", "--yes")
        laptop.run("sync")
        current.run("sync")  # the current copy; stale keeps v1; the laptop is retired
        for d in (current, stale):
            d.run("sync", "init", hub_b)
        stale.run("sync")  # the stale copy reaches the new hub first
        current.run("sync")
        stale.run("sync")
        return current.texts(), stale.texts()

    assert scenario("edit") == (["v2"], ["v2"])
    assert scenario("delete") == ([], [])


def test_a_hub_made_again_at_the_same_url_is_refused_until_joined_again(pg_server, devices):  # noqa: F811
    """The hub's database dropped and created again, at the same URL: a sync that pushed
    only "what changed since" would leave the journal's older rows behind, silently."""
    from tests import pg

    db = pg.new_database(pg_server)
    url = pg_server.url(db)
    ada = devices("ada")
    ada.run("hub", "init", url)
    ada.run("sync", "init", url)
    for text in ("one", "two", "three"):
        ada.run("log", text)
    assert ada.run("sync").stdout.strip() == "↑ 3 entries · ↓ 0 entries"
    pg_server.sql(f"DROP DATABASE {db}")
    pg_server.sql(f"CREATE DATABASE {db}")
    ada.run("hub", "init", url)
    ada.run("log", "four")
    r = ada.run("sync", check=False)
    assert (r.returncode, r.stdout) == (1, "")
    assert r.stderr == ("shipit: error: the hub at this URL is not the one this journal synced "
                        "with (it was created again) (run 'shipit sync init URL' again: the "
                        "next sync then sends everything this journal has)\n")  # fmt: skip
    ada.run("config", "sync.auto", "on")
    auto = ada.run("log", "five", env={"SHIPIT_LANG": "de"})  # the log itself succeeds
    assert auto.stderr.splitlines()[-1] == (
        "nicht synchronisiert: der Hub unter dieser URL ist nicht der, mit dem dieses Journal "
        "synchronisiert hat (er wurde neu angelegt) (führ 'shipit sync init URL' noch einmal "
        "aus: der nächste Sync schickt dann alles, was dieses Journal hat) (2 Änderungen "
        "warten)")  # fmt: skip
    ada.run("sync", "init", url)
    assert ada.run("sync").stdout.strip() == "↑ 5 entries · ↓ 0 entries"
    assert pg_server.sql("SELECT count(*) FROM shipit.hub_row WHERE tbl = 'entry' AND data "
                         "IS NOT NULL", db=db) == [(5,)]  # fmt: skip


def test_roles_turned_on_and_the_author_renamed_sends_the_entries_again(pg_server, hub_url,
                                                                       devices):  # noqa: F811
    from tests import pg

    admin = devices("admin", "alice")
    admin.run("hub", "init", hub_url)
    admin.run("sync", "init", hub_url)
    admin.run("log", "Before roles")
    admin.run("log", "Also before roles")
    admin.run("sync")
    assert admin.run("hub", "init", hub_url, "--roles").stdout.strip() == (
        "roles turned on (hub schema 2)")
    assert admin.run("hub", "init", hub_url, "--roles").stdout.strip() == (
        "hub already up to date (hub schema 2; roles on)")
    p = admin.run("sync", "init", hub_url)
    assert p.stderr == ("On this hub your author name is your PostgreSQL role, "
                        "postgres (was alice); your entries follow.\n")
    assert admin.run("sync", "--status").stdout.splitlines()[3] == "2 changes waiting"
    assert admin.run("sync").stdout.strip() == "↑ 2 entries · ↓ 0 entries"
    assert pg_server.sql("SELECT author, count(*) FROM shipit.hub_row GROUP BY author "
                         "ORDER BY author", db=_db(hub_url)) == [("alice", 2), ("postgres", 2)]

    other = devices("other", "postgres")
    other.run("sync", "init", hub_url)
    other.run("sync")
    assert other.texts() == ["Also before roles", "Before roles"]
    other.run("edit", "1", "--private")  # retracted: never linked, so no link goes
    assert other.run("sync").stdout.strip() == "↑ 1 entry · ↓ 0 entries"

    # `hub init` as a role that does not own the database
    pg.ensure_role(pg_server, "carol")
    fresh_db = pg.new_database(pg_server)
    url = pg_server.url(fresh_db, "carol")
    p = other.run("hub", "init", url, check=False)
    assert p.returncode == 1
    assert p.stderr.strip() == (
        f"shipit: error: the hub {url} refused the change: permission denied for database "
        f"{fresh_db} (creating or upgrading a hub needs the database's owner (or an admin "
        "role): run 'shipit hub init' with that role's URL)")
    p = other.run("hub", "init", url, check=False, env={"SHIPIT_LANG": "de"})
    assert p.stderr.strip().endswith(
        "(einen Hub anlegen oder aktualisieren darf nur der Eigentümer der Datenbank (oder "
        "eine Admin-Rolle): führ 'shipit hub init' mit der URL dieser Rolle aus)")
    pg_server.sql("UPDATE shipit.hub_meta SET value = 'off' WHERE key = 'roles'",
                  db=_db(hub_url))  # fmt: skip
    p = admin.run("hub", "init", hub_url, "--roles", env={"SHIPIT_LANG": "de"})
    assert p.stdout.strip() == "Rollen eingeschaltet (Hub-Schema 2)"


RETIRE = ("SELECT pg_advisory_xact_lock(1397246288); UPDATE shipit.hub_row SET data = NULL, "
          "updated_at = now(), seq = nextval('shipit.hub_seq') WHERE author = 'postgres'")


def test_a_device_joined_under_the_wrong_author_recovers(pg_server, hub_url, devices):  # noqa: F811
    """docs/sync.md, "Joined under the wrong author": join again with your own role's
    URL (the entries go up under it), then the admin retires the wrong author's rows."""
    from tests import pg

    db = _db(hub_url)
    for role in ("carol", "bob"):
        pg.ensure_role(pg_server, role)
    devices("admin", "postgres").run("hub", "init", hub_url, "--roles")
    bob = devices("bob", "bob")
    bob.run("sync", "init", pg_server.url(db, "bob"))
    carol = devices("carol", "carol")
    carol.run("sync", "init", hub_url)  # the admin's URL by mistake: author postgres
    carol.run("log", "Wrote the onboarding guide")
    carol.run("sync")
    bob.run("sync")
    assert [m["author"] for m in bob.json("team")] == ["bob", "postgres"]

    p = carol.run("sync", "init", pg_server.url(db, "carol"))
    assert p.stderr == ("On this hub your author name is your PostgreSQL role, carol (was "
                        "postgres); your entries follow.\n")
    assert carol.run("sync").stdout.strip() == "↑ 1 entry · ↓ 0 entries"
    from pathlib import Path

    doc = " ".join((Path(__file__).parent.parent / "docs" / "sync.md").read_text().split())
    assert " ".join(RETIRE.replace("'postgres'", "'admin'").split()) in doc
    pg_server.sql(RETIRE, db=db)  # as the admin
    bob.run("sync")
    assert [m["author"] for m in bob.json("team")] == ["bob", "carol"]
    assert bob.texts("--author", "carol") == ["Wrote the onboarding guide"]
    assert carol.run("sync").stdout.strip() == "↑ 0 entries · ↓ 0 entries"


def test_the_errors_doc_quotes_the_hub_messages():
    """docs/errors.md lists the hub and sync errors as the catalogue words them."""
    from pathlib import Path

    from shipit.i18n.en.sync import MESSAGES

    doc = " ".join((Path(__file__).parent.parent / "docs" / "errors.md").read_text().split())
    params = {"where": "URL", "reason": "REASON", "role": "R", "author": "A"}
    for key, hint in [("no_driver", "install_hint"), ("not_a_url", None),
                      ("url_has_password", "url_has_password_hint"),
                      ("auth_failed", "auth_failed_hint"), ("no_database", "no_database_hint"),
                      ("unreachable", "unreachable_hint"), ("not_a_hub", "not_a_hub_hint"),
                      ("refused", "refused_hint"), ("refused", "init_refused_hint"),
                      ("author_mismatch", "author_mismatch_hint"),
                      ("hub_replaced", "hub_replaced_hint"),
                      ("role_is_another_member", None), ("not_joined", "not_joined_hint"),
                      ("no_team", "no_team_hint")]:  # fmt: skip
        said = str(MESSAGES[f"sync.{key}"]).format(**params)
        if hint:
            said += f" ({str(MESSAGES[f'sync.{hint}']).format(**params)})"
        assert f"`{said}`" in doc, said


def test_the_author_examples_of_the_docs(cli, clock, shipit_home):
    """docs/commands.md (`--author NAME`) and docs/json.md (another member's entries)."""
    import json

    from tests.test_identity import add_member_rows

    assert cli("log", "mine").exit_code == 0
    add_member_rows(shipit_home)  # bob: 20 to 23 Nov 2026; today is Mon 23 Nov
    r = cli("list", "--author", "bob", "--since", "last week", "--json")
    entries = json.loads(r.stdout)
    assert [(e["id"], e["author"], e["day"]) for e in entries] == [
        (None, "bob", "2026-11-23"), (None, "bob", "2026-11-22"), (None, "bob", "2026-11-21"),
        (None, "bob", "2026-11-20")]  # fmt: skip
    assert set(entries[0]) == set(json.loads(cli("list", "--json").stdout)[0]) | {"author"}
    assert json.loads(cli("stats", "--author", "bob", "--json").stdout)["streak"]["current"] == 4
    r = cli("list", "--author", "nobody")
    assert (r.exit_code, r.stderr) == (2, "shipit: error: no member named 'nobody' in this "
                                          "journal (see 'shipit team' for the members synced "
                                          "here)\n")
