#!/usr/bin/env python3
"""The prompt cue's cost: the bash snippet per prompt, and `shipit status` as a process.

Run it from the environment where shipit is installed:

    python bench/prompt.py            # 2,000 prompts; 21 runs of each process
    python bench/prompt.py --quick    # 200 prompts; 5 runs (a smoke test)

It makes a journal in a scratch SHIPIT_HOME (one `shipit log`, which writes the status
file), then:

- sources `shipit prompt-init bash` in ONE bash and calls its prompt function N times,
  timed by bash's own $EPOCHREALTIME: the cost a prompt pays, with no process started;
- times `shipit status` (answered from the fresh status file) and `python -c pass` as
  whole processes, in turns, and prints the medians and their ratio (target: ≤ 4).

Benchmarks are not tests: CI does not run this (docs/prompt.md gives the numbers).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASH_LOOP = r"""
source "$SNIPPET"
n=$1
start=$EPOCHREALTIME
for ((i = 0; i < n; i++)); do __shipit_cue; done
end=$EPOCHREALTIME
printf '%s %s\n' "$start" "$end"
printf '%s\n' "$SHIPIT_CUE"
"""


def shipit_cmd() -> list[str]:
    exe = shutil.which("shipit", path=str(Path(sys.executable).parent)) or shutil.which("shipit")
    return [exe] if exe else [sys.executable, "-m", "shipit"]


def timed(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    prompts, runs = (200, 5) if args.quick else (2000, 21)
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "SHIPIT_HOME": str(Path(tmp) / "home")}
        shipit = shipit_cmd()
        subprocess.run([*shipit, "log", "benchmarking the prompt"], env=env, check=True,
                       capture_output=True)  # fmt: skip
        snippet = Path(tmp) / "snippet.bash"
        snippet.write_text(subprocess.run([*shipit, "prompt-init", "bash"], env=env, check=True,
                                          capture_output=True, text=True).stdout)  # fmt: skip
        out = subprocess.run(["bash", "--noprofile", "--norc", "-c", BASH_LOOP, "bash",
                              str(prompts)], env={**env, "SNIPPET": str(snippet)},
                             check=True, capture_output=True, text=True).stdout.split("\n")  # fmt: skip
        start, end = (float(x) for x in out[0].split())
        per_prompt_us = (end - start) / prompts * 1e6
        floor, status = [], []
        timed([sys.executable, "-c", "pass"], env)  # warm-up
        timed([*shipit, "status"], env)
        for _ in range(runs):
            floor.append(timed([sys.executable, "-c", "pass"], env))
            status.append(timed([*shipit, "status"], env))
        f, s = statistics.median(floor), statistics.median(status)
        print(f"bash snippet: {per_prompt_us:.0f} µs per prompt ({prompts} prompts, cue {out[1]!r})")
        print(f"python -c pass: {f * 1000:.1f} ms (median of {runs})")
        print(f"shipit status: {s * 1000:.1f} ms (median of {runs})")
        print(f"shipit status ÷ python -c pass: {s / f:.2f} (target ≤ 4)")


if __name__ == "__main__":
    main()
