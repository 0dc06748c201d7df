#!/usr/bin/env python3
"""Benchmark of sync and the team view against a local PostgreSQL hub.

    python bench/sync.py [--entries 36500] [--clients 20] [--members 100] [--runs 7]

Starts its own throw-away PostgreSQL server (tests/pg.py: initdb + pg_ctl into a temp
folder, a Unix socket only) and times real `shipit` processes, from compiled bytecode
(as `pip install` leaves them), stdout a pipe:

1. the first sync of a journal of 36,500 entries (target < 10 s);
2. an incremental sync of one change, `shipit log` then `shipit sync` on that journal
   (the sync alone is timed; target < 0.5 s), and a sync with nothing to move;
3. 20 clients pushing 100 entries each at the same time: 2,000 entries on the hub,
   none lost;
4. `shipit team` for 100 members x 365 days, against `shipit stats` on a journal of
   the same size (36,500 entries of one author), timed in turns in the same rounds
   (target <= 1.5x).

Times are medians of --runs runs (with the spread); the machine may be shared.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import compile_shipit  # noqa: E402  (bytecode, as an install has it)
from tests import pg  # noqa: E402  (the tests' own server helper)

SHIPIT = str(Path(sys.executable).parent / "shipit")


def run(home: Path, *args: str, user: str = "ada") -> tuple[float, str]:
    env = {**os.environ, "SHIPIT_HOME": str(home), "USER": user, "LOGNAME": user}
    t0 = time.perf_counter()
    p = subprocess.run([SHIPIT, *args], capture_output=True, text=True, env=env,
                       stdin=subprocess.DEVNULL)  # fmt: skip
    took = time.perf_counter() - t0
    if p.returncode != 0:
        raise SystemExit(f"shipit {' '.join(args)} failed: {p.stderr}")
    return took, p.stdout


def journal_with(home: Path, n: int, prefix: str, user: str = "ada", start: date | None = None,
                 per_day: int = 1) -> None:  # fmt: skip
    """A journal of n ships, `per_day` a day back from today (one import)."""
    start = start or date.today()
    entries = []
    for i in range(n):
        day = start - timedelta(days=i // per_day)
        stamp = f"{day.isoformat()}T10:00:00+00:00"
        entries.append({"uid": str(uuid.uuid4()), "kind": "ship", "text": f"{prefix} {i}",
                        "day": day.isoformat(), "created_at": stamp, "updated_at": stamp,
                        "tags": []})  # fmt: skip
    path = home.parent / f"{home.name}.json"
    home.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"format": "shipit-journal", "version": 1, "entries": entries}))
    run(home, "import", str(path), user=user)


def median_spread(times: list[float]) -> str:
    return f"median {statistics.median(times):.3f} s ({min(times):.3f}-{max(times):.3f})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--entries", type=int, default=36_500)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--per-client", type=int, default=100)
    ap.add_argument("--members", type=int, default=100)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    compile_shipit()
    server = pg.start_server()
    work = Path(tempfile.mkdtemp(prefix="shipit-bench-sync-"))
    try:
        # 1. first sync of a big journal
        url = server.url(pg.new_database(server))
        big = work / "big"
        journal_with(big, args.entries, "big")
        run(big, "hub", "init", url)
        run(big, "sync", "init", url)
        first, out = run(big, "sync")
        print(f"first sync of {args.entries:,} entries: {first:.2f} s (target < 10 s)  [{out.strip()}]")

        # 2. an incremental sync of one change
        run(big, "log", "warm-up")
        run(big, "sync")
        times, idle = [], []
        for i in range(args.runs):
            run(big, "log", f"one more {i}")
            times.append(run(big, "sync")[0])
            idle.append(run(big, "sync")[0])
        print(f"incremental sync of one change: {median_spread(times)} (target < 0.5 s)")
        print(f"sync with nothing to move: {median_spread(idle)}")

        # 3. clients pushing at the same time
        url3 = server.url(pg.new_database(server))
        homes = [work / f"client{i}" for i in range(args.clients)]
        run(homes[0], "hub", "init", url3)
        for i, home in enumerate(homes):
            journal_with(home, args.per_client, f"client{i}", user=f"user{i}")
            run(home, "sync", "init", url3, user=f"user{i}")
        t0 = time.perf_counter()
        with ThreadPoolExecutor(args.clients) as pool:
            list(pool.map(lambda ih: run(ih[1], "sync", user=f"user{ih[0]}"), enumerate(homes)))
        took = time.perf_counter() - t0
        db3 = url3.split("@/")[1].split("?")[0]
        [(on_hub,)] = server.sql("SELECT count(*) FROM shipit.hub_row WHERE tbl = 'entry'", db=db3)
        expected = args.clients * args.per_client
        print(f"{args.clients} clients x {args.per_client} entries at once: {took:.2f} s, "
              f"{on_hub:,} entries on the hub ({'none lost' if on_hub == expected else 'LOST SOME'})")

        # 4. the team view against stats on a journal of the same size
        url4 = server.url(pg.new_database(server))
        lead = work / "lead"
        journal_with(lead, 365, "lead")
        run(lead, "hub", "init", url4)
        run(lead, "sync", "init", url4)
        run(lead, "sync")
        for m in range(args.members - 1):
            home = work / f"member{m}"
            journal_with(home, 365, f"m{m}", user=f"member{m}")
            run(home, "sync", "init", url4, user=f"member{m}")
            run(home, "sync", user=f"member{m}")
        run(lead, "sync")
        solo = work / "solo"
        journal_with(solo, 365 * args.members, "solo", per_day=args.members)
        run(lead, "team"), run(solo, "stats")  # warm-up
        team, stats = [], []
        for _ in range(args.runs):  # in turns: both sides see the same machine
            team.append(run(lead, "team")[0])
            stats.append(run(solo, "stats")[0])
        ratio = statistics.median(team) / statistics.median(stats)
        print(f"team for {args.members} members x 365 days: {median_spread(team)}; stats on "
              f"{365 * args.members:,} entries: {median_spread(stats)}; ratio of medians "
              f"{ratio:.2f}x (target <= 1.5x)")
    finally:
        server.stop("immediate")
        import shutil

        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(server.folder, ignore_errors=True)


if __name__ == "__main__":
    main()
