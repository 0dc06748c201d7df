"""Tags and words that survive the shell: @tags, `shipit tags`, stats slices, searching
notes and lessons, and the period words of WHEN (`this week`, `week -1`, `week last`)."""

from __future__ import annotations

import json
import subprocess
from datetime import date

import pytest

from shipit.domain import dates
from shipit.domain.entries import hashtags
from shipit.domain.review import week_day


def entries(cli) -> list[dict]:  # noqa: ANN001
    return json.loads(cli("list", "--json").stdout)


def test_at_tags_are_tags_and_emails_are_not():
    assert hashtags("Fixed the form @web and #css") == ["web", "css"]
    assert hashtags("mail me@example.com, @@x, @123, a@b") == []
    assert hashtags("Talked to @Zoë.") == ["zoë"]


def test_at_tags_in_text_and_in_tag_options(cli, clock):
    assert cli("log", "Fixed", "the", "form", "@web", "--tag", "@css").exit_code == 0
    e = entries(cli)[0]
    assert (e["text"], e["tags"]) == ("Fixed the form @web", ["css", "web"])
    assert cli("list", "--tag", "@web").stdout == cli("list", "--tag", "web").stdout
    assert [x["id"] for x in entries(cli)] == [1]


def test_at_tags_survive_a_real_shell_where_hashtags_do_not(sh, shipit_home):
    # What a user types, unquoted, in bash: '#web' starts a comment, '@web' does not.
    from tests.conftest import shipit_exe

    exe = " ".join(shipit_exe())
    for line in (f"{exe} log Fixed the form #web", f"{exe} log Fixed the footer @web"):
        subprocess.run(["bash", "--noprofile", "--norc", "-c", line], check=True,
                       capture_output=True)  # fmt: skip
    rows = json.loads(sh("list", "--json").stdout)
    assert [(r["text"], r["tags"]) for r in rows] == [
        ("Fixed the footer @web", ["web"]), ("Fixed the form", [])]


def test_log_help_says_why_hash_needs_quotes(cli):
    out = " ".join(cli("log", "--help").stdout.split())
    assert "an unquoted #web starts a comment and is silently lost" in out
    assert "@web" in out


def test_tags_lists_every_tag_with_its_count_and_last_use(cli, clock):
    assert cli("tags").stderr.startswith("No tags yet.")
    cli("log", "--date", "2026-11-20", "one #web")
    cli("log", "--date", "2026-11-22", "two @web #css")
    cli("try", "three #css #Ads")
    assert json.loads(cli("tags", "--json").stdout) == [
        {"tag": "css", "entries": 2, "last_used": "2026-11-23"},
        {"tag": "web", "entries": 2, "last_used": "2026-11-22"},
        {"tag": "ads", "entries": 1, "last_used": "2026-11-23"},
    ]
    lines = cli("tags").stdout.splitlines()
    assert lines[0].split() == ["Tag", "Entries", "Last", "used"]
    assert lines[2].split() == ["#css", "2", "Mon", "23", "Nov", "2026"]


def test_stats_for_a_tag_and_a_range(cli, clock):
    for day in ("2026-11-16", "2026-11-17", "2026-11-18"):
        cli("log", "--date", day, "web work #web")
    for day in ("2026-11-19", "2026-11-20"):
        cli("log", "--date", day, "other work")
    cli("log", "today")  # Mon 23 Nov; 21 and 22 missed
    whole = json.loads(cli("stats", "--json").stdout)
    assert (whole["streak"]["current"], whole["totals"]["ships"]) == (1, 6)
    web = json.loads(cli("stats", "--tag", "web", "--json").stdout)
    assert (web["streak"]["longest"], web["streak"]["current"], web["totals"]["ships"]) == (3, 0, 3)
    assert web["slice"] == {"tag": "web", "since": None, "until": None}
    week = json.loads(cli("stats", "--since", "last week", "--until", "last week", "--json").stdout)
    assert week["as_of"] == "2026-11-22"  # the figures as of the slice's last day
    assert (week["totals"]["ships"], week["totals"]["first_day"]) == (5, "2026-11-16")
    assert week["streak"]["longest"] == 5
    r = cli("stats", "--tag", "web")
    assert "only entries tagged #web" in r.stdout
    r = cli("stats", "--since", "today", "--until", "last week")
    assert r.exit_code == 2 and "is after --until" in r.stderr
    r = cli("stats", "--tag", "no such!")
    assert r.exit_code == 2 and "invalid tag" in r.stderr


def test_list_search_finds_notes_and_lessons_within_the_other_filters(cli, clock):
    cli("log", "plain", "--note", "the Needle in a note")
    cli("try", "attempt", "--failed", "--lesson", "a needle in a lesson")
    cli("log", "needle in the text")
    cli("log", "haystack")
    cli("step", "done", "a step", "--note", "needle in a step's note")
    found = json.loads(cli("list", "--search", "NEEDLE", "--json").stdout)
    assert sorted(e["id"] for e in found) == [1, 2, 3, 5]
    found = json.loads(cli("list", "--search", "needle", "--kind", "ship", "--json").stdout)
    assert sorted(e["id"] for e in found) == [1, 3]  # the kind filter still holds


TODAY = date(2026, 11, 25)  # a Wednesday


@pytest.mark.parametrize("text, expected", [
    ("this week", date(2026, 11, 23)),
    ("last week", date(2026, 11, 16)),
    ("this month", date(2026, 11, 1)),
    ("last month", date(2026, 10, 1)),
    ("This  Week", date(2026, 11, 23)),
])  # fmt: skip
def test_period_words_name_their_first_day(text, expected):
    assert dates.parse_when(text, TODAY) == expected


def test_periods_and_their_last_day():
    assert dates.period("last week", TODAY) == (date(2026, 11, 16), date(2026, 11, 22))
    assert dates.period("this month", date(2026, 12, 31)) == (date(2026, 12, 1), date(2026, 12, 31))
    assert dates.period("last month", date(2026, 3, 31)) == (date(2026, 2, 1), date(2026, 2, 28))
    assert dates.period("monday", TODAY) is None


def test_tomorrow_only_where_a_future_day_is_allowed():
    assert dates.parse_when("tomorrow", TODAY, allow_future=True) == date(2026, 11, 26)
    with pytest.raises(Exception, match="is in the future"):
        dates.parse_when("tomorrow", TODAY)


@pytest.mark.parametrize("when, expected", [
    (None, TODAY), ("-1", date(2026, 11, 18)), ("-2", date(2026, 11, 11)),
    ("last", date(2026, 11, 18)), ("last week", date(2026, 11, 18)), ("this", TODAY),
    ("2026-11-02", date(2026, 11, 2)), ("3 weeks ago", date(2026, 11, 4)),
])  # fmt: skip
def test_week_minus_n_counts_weeks(when, expected):
    assert week_day(TODAY, when) == expected


@pytest.mark.parametrize("weekday", range(7))
def test_week_minus_one_is_the_week_before_this_one_on_every_day(cli, clock, weekday):
    clock.day(date(2026, 11, 23 + weekday))
    cli("log", "--date", "2026-11-18", "last week's ship")
    for args in (("week", "-1", "--json"), ("week", "last", "--json")):
        r = cli(*args)
        assert r.exit_code == 0, r.output
        assert json.loads(r.stdout)["start"] == "2026-11-16", (weekday, args)


def test_list_since_this_week_and_until_last_week(cli, clock):
    clock.day(date(2026, 11, 25))
    for day in ("2026-11-13", "2026-11-16", "2026-11-22", "2026-11-23", "2026-11-25"):
        cli("log", "--date", day, f"on {day}")
    days = [e["day"] for e in json.loads(cli("list", "--since", "this week", "--json").stdout)]
    assert days == ["2026-11-25", "2026-11-23"]
    r = cli("list", "--since", "last week", "--until", "last week", "--json")
    assert [e["day"] for e in json.loads(r.stdout)] == ["2026-11-22", "2026-11-16"]
    r = cli("list", "--since", "this month", "--json")
    assert len(json.loads(r.stdout)) == 5
