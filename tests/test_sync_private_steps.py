"""`--private` on the step commands: a private step never reaches the hub, not even
through the backlog item it closed (which names its entry by uid)."""

from __future__ import annotations

import json

from tests.test_steps_timer import add, fake_clock  # noqa: F401  (a fixture)


def _hub(pg_server, hub_url: str) -> list[tuple[str, str]]:
    db = hub_url.split("@/")[1].split("?")[0]
    return pg_server.sql("SELECT tbl, data::text FROM shipit.hub_row WHERE data IS NOT NULL "
                         "ORDER BY seq", db=db)  # fmt: skip


def test_a_private_step_never_reaches_the_hub(cli, fake_clock, pg_server, hub_url):  # noqa: F811
    assert cli("hub", "init", hub_url).exit_code == 0
    assert cli("sync", "init", hub_url).exit_code == 0
    add(cli, "timed in private", 5)
    add(cli, "done in private", 4)
    add(cli, "shared", 1)
    r = cli("step", "start", "1", "--private", "--minutes", "1")
    assert r.exit_code == 0, r.output
    r = cli("step", "done", "2", "--private")
    assert r.exit_code == 0, r.output
    r = cli("step", "done", "3")
    assert r.exit_code == 0, r.output
    entries = json.loads(cli("list", "--json").stdout)
    private = {e["uid"] for e in entries if e["text"] != "shared"}
    assert len(private) == 2
    assert cli("sync").exit_code == 0
    rows = _hub(pg_server, hub_url)
    assert [json.loads(d)["text"] for t, d in rows if t == "entry"] == ["shared"]
    # the backlog items travel (closed), but the private steps that closed them do not
    items = {json.loads(d)["text"]: json.loads(d) for t, d in rows if t == "backlog"}
    assert items["timed in private"]["entry_uid"] is None
    assert items["done in private"]["entry_uid"] is None
    assert items["shared"]["entry_uid"] is not None
    assert not any(uid in d for uid in private for _, d in rows)
    # on this machine they are steps like any other, and stay private
    assert sorted(e["text"] for e in entries) == ["done in private", "shared", "timed in private"]
