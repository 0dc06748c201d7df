"""Every bad input: exit 2, one line naming the value, the journal unchanged."""

from __future__ import annotations

import hashlib

import pytest


def snapshot(cli) -> str:
    r = cli("list", "--json")
    assert r.exit_code == 0
    return hashlib.sha256(r.stdout.encode()).hexdigest()


@pytest.fixture
def seeded(cli, clock):
    assert cli("log", "existing entry #kept", "--note", "keep").exit_code == 0
    return snapshot(cli)


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["log", ""], "text is empty"),
        (["log", "   \t\n "], "text is empty"),
        (["log", "x" * 10_001], "10,001 characters"),
        (["log", "ok", "--note", "n" * 10_001], "note is 10,001"),
        (["log", "nul\x00byte"], "NUL"),
        (["log", "ok", "--date", "2026-02-30"], "'2026-02-30'"),
        (["log", "ok", "--date", "2026-13-01"], "'2026-13-01'"),
        (["log", "ok", "--date", "someday"], "'someday'"),
        (["log", "ok", "--date", "11/12/2026"], "'11/12/2026'"),
        (["log", "ok", "--date", "tomorrow"], "in the future"),
        (["log", "ok", "--date", "2026-11-24"], "in the future"),
        (["log", "ok", "--tag", "two words"], "'two words'"),
        (["log", "ok", "--tag", "#"], "invalid tag"),
        (["edit", "99", "--text", "x"], "no entry #99"),
        (["edit", "abc", "--text", "x"], "'abc'"),
        (["edit", "1", "--text", ""], "text is empty"),
        (["edit", "1", "--date", "2026-02-29"], "'2026-02-29'"),
        (["edit", "1", "--note", "x\x00"], "NUL"),
        (["delete", "42", "--yes"], "no entry #42"),
        (["list", "--kind", "ships"], "'ships'"),
        (["list", "--since", "2026-11-20", "--until", "2026-11-01"], "after --until"),
        (["list", "--limit", "-1"], "--limit"),
        (["list", "--limit", "99999999999999999999"], "--limit"),
        (["log", "ok", "--date", "-999999"], "too far in the past"),
        (["list", "--since", "999999 days ago"], "too far in the past"),
        (["log", "--frobnicate", "x"], "--frobnicate"),
        (["nosuchcommand"], "nosuchcommand"),
    ],
)
def test_bad_input_exit_2_and_journal_unchanged(cli, seeded, args, needle):
    r = cli(*args)
    assert r.exit_code == 2, r.output
    assert needle in r.stderr, r.stderr
    lines = [line for line in r.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("shipit: error:")
    assert "Traceback" not in r.output
    assert snapshot(cli) == seeded


def test_ten_thousand_characters_is_fine(cli, clock):
    assert cli("log", "x" * 10_000).exit_code == 0


@pytest.mark.parametrize(
    "args", [["import", "\x1b[31mRED"], ["bogus\x1b[31m"], ["log", "x", "--date", "\x1b[2J"]]
)
def test_error_messages_never_carry_raw_control_characters(cli, clock, args):
    r = cli(*args)
    assert r.exit_code == 2, r.output
    assert "\x1b" not in r.stderr and "\\x1b" in r.stderr
