#!/usr/bin/env python3
"""shipit's benchmark: whole-process timings against the import floor and jrnl.

Run it from the environment where shipit is installed:

    python bench/run.py                      # sizes 0, 365 and 36,500; jrnl if on PATH
    python bench/run.py --jrnl /path/to/jrnl # compare with a jrnl installed elsewhere
    python bench/run.py --quick              # 3 runs, sizes 0, 365, 3,650 (a smoke test)

It generates ONE data set (ten entries a day for N/10 days ending yesterday), writes it
as a jrnl journal and as `jrnl --export json`, builds shipit journals from it through
`shipit import --format jrnl`, then times each command as a whole process several times
and prints the median, the spread (min-max) and the ratios the performance targets are
stated in (docs/performance.md), each also on CPU time (user + system of the process):
on a busy shared machine wall time includes waiting for a CPU, CPU time mostly not. The two sides of every ratio are timed in turns, in
the same rounds, so that a slow spell of the machine weighs on both. The targets
against jrnl are stated at fixed sizes (`today` and `stats` against `jrnl -n 1` at 365
entries, `log` and the Markdown export against jrnl at 36,500); at other sizes those
rows are reported without a verdict.

Commands that change the journal start each run from the same template (copied over
journal.db, -wal and -shm removed, not timed): `log` from the imported journal, `undo
--yes` from one whose last change is a single `shipit log`. A timed command that exits
non-zero does not stop the benchmark: it is not run again, and its rows say "(failed:
exit N)" instead of a time or a ratio. Benchmarks are not tests: CI does not run this.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

WORDS = (
    "pricing page newsletter landing blog post video demo invoice release fix bug "
    "onboarding email customer call proposal draft slide deck podcast thread review "
    "refactor test docs outline interview survey logo banner signup checkout"
).split()
TAGS = ["web", "email", "sales", "content", "product", "ops", "design"]
YEAR = 365  # the size the daily commands are compared with `jrnl -n 1` at
LARGE = 36_500  # the size `log` and the export are compared with jrnl at (ten years)


@dataclass
class Timing:
    label: str
    runs: list[float]
    peak_mib: float | None = None
    failed: int | None = None  # the exit code of a run that failed; no runs then count
    cpu: list[float] | None = None  # user + system seconds of each run (from wait4)

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def cpu_median(self) -> float | None:
        return statistics.median(self.cpu) if self.cpu else None

    def summary(self) -> str:
        if self.failed is not None:
            return f"(failed: exit {self.failed})"
        cpu = f"; CPU {self.cpu_median:.3f} s" if self.cpu_median is not None else ""
        return f"median {self.median:7.3f} s  ({self.spread()}{cpu})"

    def spread(self) -> str:
        return f"{min(self.runs):.3f}–{max(self.runs):.3f}"


def describe(key: str, label: str) -> str:
    """The label with the journal size a key ends in ("log_365": "… — 365 entries")."""
    size = key.rsplit("_", 1)[-1]
    return label + (f" — {int(size):,} entries" if size.isdigit() else "")


def generate(n: int, seed: int = 2026) -> list[dict]:
    """n jrnl-export entries, ten a day, ending yesterday; deterministic."""
    rng = random.Random(seed)
    days = max(1, (n + 9) // 10)
    start = date.today() - timedelta(days=days)
    entries = []
    for i in range(n):
        day = start + timedelta(days=i // 10)
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 9)))
        tags = rng.sample(TAGS, rng.randint(0, 2))
        title = words.capitalize() + "." + "".join(f" @{t}" for t in tags)
        body = "" if rng.random() < 0.7 else " ".join(rng.choice(WORDS) for _ in range(12))
        minute = (i % 10) * 5
        entries.append({
            "title": title, "body": body, "date": day.isoformat(),
            "time": f"{8 + (i % 10):02d}:{minute:02d}", "tags": [f"@{t}" for t in tags],
            "starred": False,
        })  # fmt: skip
    return entries


def write_jrnl(entries: list[dict], folder: Path) -> tuple[Path, Path]:
    """The same data as a jrnl text journal (+ its config) and as jrnl's JSON export."""
    journal = folder / "journal.txt"
    with open(journal, "w", encoding="utf-8") as fh:
        for e in entries:
            fh.write(f"[{e['date']} {e['time']}] {e['title']}\n")
            if e["body"]:
                fh.write(e["body"] + "\n")
            fh.write("\n")
    config = folder / "jrnl.yaml"
    config.write_text(
        "colors: {body: none, date: none, tags: none, title: none}\n"
        "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\nhighlight: false\n"
        "indent_character: '|'\n"
        f"journals: {{default: {{journal: {journal}}}}}\n"
        "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\ntimeformat: '%Y-%m-%d %H:%M'\n"
        "version: v4.6\n",
        encoding="utf-8",
    )
    export = folder / "export.json"
    tags: dict[str, int] = {}
    for e in entries:
        for t in e["tags"]:
            tags[t] = tags.get(t, 0) + 1
    export.write_text(json.dumps({"tags": tags, "entries": entries}), encoding="utf-8")
    return journal, config


def build_data(n: int, folder: Path) -> tuple[Path, Path]:
    """Write the data set of n entries in a child process: the peak memory Linux reports
    for a process includes its parent's at the moment it was started, so the parent
    that starts every timed command must never hold a large data set itself."""
    subprocess.run([sys.executable, __file__, "--write-data", str(n), str(folder)], check=True)
    return folder / "journal.txt", folder / "jrnl.yaml"


class CommandFailed(Exception):
    def __init__(self, returncode: int, stderr: str) -> None:
        super().__init__(returncode, stderr)
        self.returncode, self.stderr = returncode, stderr


def run_once(cmd: list[str], env: dict[str, str], stdout=subprocess.DEVNULL,
             check: bool = True) -> tuple[float, float]:  # fmt: skip
    """Wall seconds and peak RSS (MiB) of one whole process (see run_timed for its CPU time).

    A non-zero exit ends the benchmark (check=True: setting up a journal must work) or
    raises CommandFailed for the caller to record (check=False: a timed command)."""
    elapsed, peak, _ = run_timed(cmd, env, stdout, check)
    return elapsed, peak


def run_timed(cmd: list[str], env: dict[str, str], stdout=subprocess.DEVNULL,
              check: bool = True) -> tuple[float, float, float]:  # fmt: skip
    """run_once's wall seconds and peak RSS (MiB), and the process's CPU seconds (user +
    system, from the same wait4): on a busy shared machine, wall time includes waiting
    for a CPU; CPU time mostly does not, so its ratios are the steadier of the two."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=stdout, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL)  # fmt: skip
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode != 0:
        if not check:
            raise CommandFailed(proc.returncode, err)
        raise SystemExit(f"benchmark command failed ({proc.returncode}): {' '.join(cmd)}\n{err}")
    rss_kib = usage.ru_maxrss  # KiB on Linux
    return elapsed, rss_kib / 1024, usage.ru_utime + usage.ru_stime


@dataclass
class Spec:
    key: str
    label: str
    cmd: list[str]
    env: dict[str, str]
    reset: object = None  # a callable run before each run (not timed), or None


def measure_together(specs: list[Spec], runs: int, warmup: int = 1) -> dict[str, Timing]:
    """Time the commands in turns (A B C, A B C, ...) rather than one after the other.

    A ratio compares two of them; measured in the same rounds, a slow spell of the
    machine (a shared VM) hits both sides alike instead of only one. A command that
    exits non-zero is recorded as failed (with its exit code) and not run again.
    """
    times: dict[str, list[float]] = {s.key: [] for s in specs}
    cpus: dict[str, list[float]] = {s.key: [] for s in specs}
    peaks: dict[str, float] = {s.key: 0.0 for s in specs}
    failed: dict[str, int] = {}
    for round_ in range(warmup + runs):
        for s in specs:
            if s.key in failed:
                continue
            if s.reset:
                s.reset()
            try:
                t, peak, cpu = run_timed(s.cmd, s.env, check=False)
            except CommandFailed as exc:
                failed[s.key] = exc.returncode
                first = exc.stderr.strip().splitlines()[:1]
                print(f"  {describe(s.key, s.label)}: exit {exc.returncode}: "
                      f"{first[0] if first else ''}", flush=True)  # fmt: skip
                continue
            if round_ >= warmup:
                times[s.key].append(t)
                cpus[s.key].append(cpu)
                peaks[s.key] = max(peaks[s.key], peak)
    out = {}
    for s in specs:
        if s.key in failed:
            timing = Timing(s.label, [], None, failed=failed[s.key])
        else:
            timing = Timing(s.label, times[s.key], peaks[s.key], cpu=cpus[s.key])
        print(f"  {describe(s.key, s.label):<52} {timing.summary()}", flush=True)
        out[s.key] = timing
    return out


@dataclass
class Journal:
    """The journals of one size: shipit's (for reading and `log`), shipit's for `undo`,
    jrnl's; each reset restores one to its template before a run."""

    env: dict[str, str]
    reset: object
    undo_env: dict[str, str]
    undo_reset: object
    jcmd: list[str] | None
    jreset: object


def restorer(db: Path, template: Path | None):
    """A reset: copy `template` over the journal `db` (its -wal and -shm removed)."""

    def reset() -> None:
        if template:
            for suffix in ("-wal", "-shm"):
                Path(str(db) + suffix).unlink(missing_ok=True)
            shutil.copyfile(template, db)
            os.chmod(db, 0o600)

    return reset


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default=f"0,{YEAR},{LARGE}",
                    help="journal sizes (comma separated)")  # fmt: skip
    # 21: on a shared machine one run of a command varies by a quarter; at 9 runs its
    # median still moved by up to a tenth between runs, as much as the flat rows measure.
    ap.add_argument("--runs", type=int, default=21, help="timed runs per command")
    ap.add_argument("--jrnl", default=shutil.which("jrnl"), help="jrnl executable")
    ap.add_argument("--jrnl-runs", type=int, default=3,
                    help="runs of jrnl TEXT (and shipit log beside it) on journals of "
                         "10,000 entries or more (tens of seconds each)")
    ap.add_argument("--quick", action="store_true", help="runs=3, sizes 0,365,3650")
    ap.add_argument("--markdown", type=Path, help="also write the table as Markdown here")
    ap.add_argument("--write-data", nargs=2, metavar=("N", "FOLDER"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.write_data:  # the child that writes a data set (see build_data)
        write_jrnl(generate(int(args.write_data[0])), Path(args.write_data[1]))
        return 0
    if args.quick:
        args.runs, args.sizes, args.jrnl_runs = 3, f"0,{YEAR},3650", 1
    sizes = [int(s) for s in args.sizes.split(",")]
    bindir = Path(sys.executable).parent
    shipit = shutil.which("shipit", path=str(bindir)) or shutil.which("shipit")
    if not shipit:
        raise SystemExit("shipit is not installed in this environment (pip install .)")
    jrnl = args.jrnl if args.jrnl and Path(args.jrnl).exists() else None
    compile_shipit()

    root = Path(tempfile.mkdtemp(prefix="shipit-bench-"))
    base_env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "HOME": str(root / "home")}
    base_env.pop("SHIPIT_DEBUG", None)
    (root / "home").mkdir()
    results: dict[str, Timing] = {}

    print(f"shipit benchmark — {platform.platform()}, Python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs; runs={args.runs}; jrnl={'yes' if jrnl else 'no'}")  # fmt: skip

    def env_for(name: str) -> dict[str, str]:
        return {**base_env, "SHIPIT_HOME": str(root / name)}

    # Build every journal first (one data set each, the same for shipit and jrnl), so
    # that each ratio's two sides can be timed in the same rounds (measure_together).
    journals: dict[int, Journal] = {}
    for n in sizes:
        folder = root / f"data-{n}"
        folder.mkdir()
        journal_txt, jrnl_cfg = build_data(n, folder)
        env = env_for(f"shipit-{n}")
        db = Path(env["SHIPIT_HOME"]) / "journal.db"
        if n:
            print(f"journal of {n:,} entries")
            t, peak, cpu = run_timed([shipit, "import", str(folder / "export.json"), "--format",
                                      "jrnl"], env)  # fmt: skip
            results[f"import_{n}"] = Timing(f"shipit import --format jrnl ({n:,})", [t], peak,
                                            cpu=[cpu])  # fmt: skip
            print(f"  {'shipit import --format jrnl':<52} {t:7.3f} s  (one run; CPU {cpu:.3f} s)")
            template = folder / "template.db"
            run_once([shipit, "backup", str(template)], env)
        else:
            run_once([shipit, "path"], env)
            template = None
        reset = restorer(db, template)  # every timed `log` starts from the same journal

        # `undo --yes` reverts the last change: every timed undo starts from a journal
        # (in a folder of its own) whose last change is one `shipit log` after the import.
        undo_env = env_for(f"shipit-undo-{n}")
        undo_db = Path(undo_env["SHIPIT_HOME"]) / "journal.db"
        if template:
            undo_db.parent.mkdir(mode=0o700)
            restorer(undo_db, template)()  # the journal as imported
        run_once([shipit, "log", "x"], undo_env)
        undo_template = folder / "undo-template.db"
        run_once([shipit, "backup", str(undo_template)], undo_env)
        undo_reset = restorer(undo_db, undo_template)

        jcmd = [jrnl, "--config-file", str(jrnl_cfg)] if jrnl else None

        original = folder / "journal.orig.txt"
        shutil.copyfile(journal_txt, original)

        def jreset(path=journal_txt, original=original) -> None:
            shutil.copyfile(original, path)

        journals[n] = Journal(env, reset, undo_env, undo_reset, jcmd, jreset)

    print("start-up")
    floor = [sys.executable, "-c", "import typer, sqlmodel, rich.console"]
    complete_env = {**env_for("x"), "_SHIPIT_COMPLETE": "complete_bash",
                    "COMP_WORDS": "shipit l", "COMP_CWORD": "1"}  # fmt: skip
    specs = [
        Spec("floor", "import floor: typer, sqlmodel, rich.console", floor, base_env),
        Spec("version", "shipit --version", [shipit, "--version"], env_for("x")),
        Spec("help", "shipit --help", [shipit, "--help"], env_for("x")),
        Spec("complete", "shipit completion (bash)", [shipit], complete_env),
    ]
    if jrnl:
        specs.append(Spec("jrnl_version", "jrnl --version", [jrnl, "--version"], base_env))
    results.update(measure_together(specs, args.runs))

    print("daily commands, each on every journal size in turn")
    log_text = "Benchmarked the log"
    specs = [Spec(f"log_{n}", "shipit log TEXT", [shipit, "log", log_text], j.env, j.reset)
             for n, j in journals.items()]  # fmt: skip
    specs += [Spec(f"jrnl_log_{n}", "jrnl TEXT", [*j.jcmd, log_text], base_env, j.jreset)
              for n, j in journals.items() if j.jcmd and n < 10_000]  # fmt: skip
    results.update(measure_together(specs, args.runs))
    specs = [Spec(f"{cmd}_{n}", f"shipit {cmd}", [shipit, cmd], j.env)
             for cmd in ("today", "stats") for n, j in journals.items()]  # fmt: skip
    if YEAR in journals and journals[YEAR].jcmd:  # the same rounds as `today` and `stats`
        specs.append(Spec(f"jrnl_last_{YEAR}", "jrnl -n 1", [*journals[YEAR].jcmd, "-n", "1"],
                          base_env))  # fmt: skip
    results.update(measure_together(specs, args.runs))
    results.update(measure_together(
        [Spec(f"undo_{n}", "shipit undo --yes", [shipit, "undo", "--yes"], j.undo_env,
              j.undo_reset) for n, j in journals.items()], args.runs))  # fmt: skip
    for n, j in journals.items():
        if j.jcmd and n >= 10_000:  # jrnl rewrites its whole journal: slow, fewer runs
            results.update(measure_together([
                Spec(f"log_beside_jrnl_{n}", "shipit log TEXT (beside jrnl TEXT)",
                     [shipit, "log", log_text], j.env, j.reset),
                Spec(f"jrnl_log_{n}", "jrnl TEXT", [*j.jcmd, log_text], base_env, j.jreset),
            ], args.jrnl_runs, warmup=0))  # fmt: skip

    print("export")
    for n, j in journals.items():
        if not n:
            continue
        specs = [Spec(f"export_{n}", "shipit export --format markdown",
                      [shipit, "export", "--format", "markdown"], j.env)]  # fmt: skip
        if j.jcmd:
            specs.append(Spec(f"jrnl_export_{n}", "jrnl --export markdown",
                              [*j.jcmd, "--export", "markdown"], base_env))  # fmt: skip
        results.update(measure_together(specs, args.runs))

    report(results, sizes, jrnl is not None, args.markdown)
    shutil.rmtree(root, ignore_errors=True)
    return 0


def compile_shipit() -> None:
    """Compile shipit's modules to bytecode first, as `pip install` does for a regular
    install (and as jrnl's are). An editable install run with PYTHONDONTWRITEBYTECODE
    set would otherwise compile every module from source on every run."""
    import compileall

    import shipit

    compileall.compile_dir(Path(shipit.__file__).parent, quiet=1)


def report(results: dict[str, Timing], sizes: list[int], have_jrnl: bool,
           markdown: Path | None) -> None:  # fmt: skip
    big = max(sizes)
    rows: list[tuple[str, str, str, str]] = []

    def check(name: str, a: str, b: str, limit: float | None, stated_at: int | None = None
              ) -> None:  # fmt: skip
        """A row for results[a] ÷ results[b] against `≤ limit` (None: report only). A
        target stated at another size than the one measured is reported without a
        verdict; a side that failed gives "(failed: exit N)" instead of a ratio."""
        if a not in results or b not in results:
            return
        applies = limit is not None and (stated_at is None
                                         or stated_at == int(a.rsplit("_", 1)[-1]))
        if limit is None:
            target = "(report)"
        elif not applies:
            target = f"(report; ≤ {limit} is stated at {stated_at:,})"
        else:
            target = f"≤ {limit}"
        failed = results[a].failed if results[a].failed is not None else results[b].failed
        if failed is not None:
            rows.append((name, f"(failed: exit {failed})", "", target))
            return
        value = results[a].median / results[b].median
        ca, cb = results[a].cpu_median, results[b].cpu_median
        cpu = f"{ca / cb:.2f}" if ca and cb else ""
        if applies:
            target += " ✔" if value <= limit else " ✘"
        rows.append((name, f"{value:.2f}", cpu, target))

    for key in ("version", "help", "complete"):
        check(f"{results[key].label} ÷ jrnl --version", key, "jrnl_version", 0.65)
    check("shipit log (empty) ÷ import floor", "log_0", "floor", 1.15)
    check("shipit log (empty) ÷ jrnl TEXT (empty)", "log_0", "jrnl_log_0", 0.75)
    for cmd in ("today", "stats"):
        check(f"shipit {cmd} ÷ jrnl -n 1 ({YEAR:,} entries)", f"{cmd}_{YEAR}",
              f"jrnl_last_{YEAR}", 0.75)  # fmt: skip
    if big:
        for cmd in ("log", "today", "stats", "undo"):
            check(f"shipit {cmd}: {big:,} entries ÷ empty", f"{cmd}_{big}", f"{cmd}_0", 1.15)
        beside = f"log_beside_jrnl_{big}"  # timed with jrnl in rounds of their own
        check(f"shipit log ÷ jrnl TEXT ({big:,} entries)",
              beside if beside in results else f"log_{big}", f"jrnl_log_{big}", 0.05,
              stated_at=LARGE)  # fmt: skip
        check(f"shipit export md ÷ jrnl --export md ({big:,})", f"export_{big}",
              f"jrnl_export_{big}", 0.3, stated_at=LARGE)  # fmt: skip
        exp = results.get(f"export_{big}")
        if exp and exp.failed is not None:
            rows.append((f"shipit export md peak memory ({big:,})", exp.summary(), "",
                         "≤ 120 MiB"))  # fmt: skip
        elif exp and exp.peak_mib is not None:
            rows.append((f"shipit export md peak memory ({big:,})", f"{exp.peak_mib:.0f} MiB", "",
                         "≤ 120 MiB " + ("✔" if exp.peak_mib <= 120 else "✘")))  # fmt: skip
        imp = results.get(f"import_{big}")
        if imp:
            cpu = f"{imp.cpu_median:.2f} s" if imp.cpu_median else ""
            rows.append((f"shipit import --format jrnl ({big:,})", f"{imp.median:.2f} s", cpu,
                         "< 10 s " + ("✔" if imp.median < 10 else "✘")))  # fmt: skip

    lines = ["| measure | value | CPU time | target |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    lines += ["", "| command | median (s) | spread (s) | median CPU (s) | peak RSS (MiB) |",
              "|---|---|---|---|---|"]  # fmt: skip
    for key, t in results.items():
        label = describe(key, t.label)
        if t.failed is not None:
            lines.append(f"| {label} | (failed: exit {t.failed}) | | | |")
            continue
        peak = f"{t.peak_mib:.0f}" if t.peak_mib is not None else ""
        cpu = f"{t.cpu_median:.3f}" if t.cpu_median is not None else ""
        lines.append(f"| {label} | {t.median:.3f} | {t.spread()} | {cpu} | {peak} |")
    text = "\n".join(lines)
    print()
    print(text)
    if not have_jrnl:
        print("\n(jrnl not found: pass --jrnl PATH to compare; see docs/performance.md)")
    if markdown:
        markdown.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
