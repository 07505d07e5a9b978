#!/usr/bin/env python3
"""The heuristic's quality against proven optima (issue 10, item 5).

For each family, size and group size: generates a session, solves it with
`--solver heuristic` and `--solver exact` (release build, each in its own
process) and prints the heuristic's objective as a share of the exact
solver's optimum, the heuristic's own bound and the times.

  Benchmarks/scripts/heuristic-quality.py                    # the default grid
  FAMILIES="one-block oneblock.py" SIZES="60 300" KS="3" LIMIT=20 \\
      Benchmarks/scripts/heuristic-quality.py

Families: the five of `mingle generate --family` (realistic, one-block,
leave-out, sparse, tight; `--members N --group-size K --seed SEED`) and
`oneblock.py`, the independent generator (dense family, merge).

Columns:
  ref      the exact solver's status: `optimal` (a proven optimum) or
           `feasible` (its best groups and bound when the limit ended first).
  heur%    heuristic objective / reference objective, in % (for a negative
           optimum: 100 - 100·|difference| / |optimum|, so "within 1% of
           |optimum|" reads >= 99 as well). `-` when a placed or oversized
           count differs (then the comparison is of different criteria).
  gap%     (heuristic bound - heuristic objective) / max(1, |bound|), in %.
  ok       the heuristic bound is >= the reference objective (checked).

$MINGLE names the binary (default: a release build of this checkout);
$EXACT_MINGLE another one for the exact runs (e.g. a build of main, so that
before/after runs compare against the same references).
Exact results are cached by the session's content in $CACHE (default
/tmp/mingle-heuristic-quality), so before/after runs only re-solve the
heuristic against the same references.
Times are wall seconds from the output's stats (one process each; the machine
may be loaded: compare ratios measured side by side).
"""
import hashlib
import json
import os
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
HERE = os.path.join(ROOT, "Benchmarks", "scripts")
BIN = os.environ.get("MINGLE") or None
EXACT = os.environ.get("EXACT_MINGLE") or None
LIMIT = os.environ.get("LIMIT", "20")
SEED = os.environ.get("SEED", "1")
CACHE = os.environ.get("CACHE", "/tmp/mingle-heuristic-quality")
FAMILIES = os.environ.get("FAMILIES", "realistic one-block leave-out sparse tight oneblock.py").split()
SIZES = [int(s) for s in os.environ.get("SIZES", "20 60 100 300 1000").split()]
KS = [int(k) for k in os.environ.get("KS", "2 3 4").split()]


def binary():
    if BIN:
        return BIN
    subprocess.run(["swift", "build", "-c", "release", "--product", "mingle"], cwd=ROOT, check=True,
                   stdout=sys.stderr)
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()
    return os.path.join(path, "mingle")


def generate(bin, family, n, k, path):
    if family == "oneblock.py":
        subprocess.run([sys.executable, os.path.join(HERE, "oneblock.py"), "generate", str(n), str(k), "merge",
                        SEED, "dense", path], check=True)
    else:
        subprocess.run([bin, "generate", "--family", family, "--members", str(n), "--group-size", str(k),
                        "--seed", SEED, "-o", path], check=True)


def solve(bin, path, solver, limit):
    out = path + "." + solver + ".out"
    subprocess.run([bin, "solve", path, "--solver", solver, "--time-limit", limit, "-q", "-o", out],
                   check=True, stderr=subprocess.DEVNULL)
    with open(out) as f:
        return json.load(f)


def exact(bin, path):
    with open(path, "rb") as f:
        key = hashlib.sha256(f.read()).hexdigest()[:20]
    cached = os.path.join(CACHE, key + ".json")
    if os.path.exists(cached):
        with open(cached) as f:
            return json.load(f)
    d = solve(EXACT or bin, path, "exact", LIMIT)
    with open(cached, "w") as f:
        json.dump(d, f)
    return d


def share(h, ref):
    if ref == 0:
        return 100.0 if h == 0 else float("nan")
    if ref > 0:
        return 100.0 * h / ref
    return 100.0 - 100.0 * (ref - h) / abs(ref)


def main():
    bin = binary()
    os.makedirs(CACHE, exist_ok=True)
    work = os.path.join(CACHE, "sessions")
    os.makedirs(work, exist_ok=True)
    print(f"{'family':<12} {'n':>5} {'k':>2} | {'heur-obj':>10} {'heur-s':>7} {'bound':>10} {'gap%':>6} | "
          f"{'ref':<8} {'ref-obj':>10} {'ref-s':>7} | {'heur%':>7} {'ok':>3}")
    worst = 1e9
    for family in FAMILIES:
        for k in KS:
            for n in SIZES:
                path = os.path.join(work, f"{family}-{n}-{k}-{SEED}.json")
                generate(bin, family, n, k, path)
                h = solve(bin, path, "heuristic", LIMIT)
                e = exact(bin, path)
                hs, es = h["stats"], e["stats"]
                same = hs["placed"] == es["placed"] and hs["oversizedGroups"] == es["oversizedGroups"]
                pct = share(h["objective"], e["objective"]) if same else float("nan")
                if same and e["status"] == "optimal":
                    worst = min(worst, pct)
                b = h.get("bound")
                gap = 100 * (b - h["objective"]) / max(1, abs(b)) if b is not None else float("nan")
                ok = "-" if b is None else ("yes" if b >= e["objective"] - 1e-6 * max(1, abs(e["objective"])) else "NO")
                bs = f"{b:>10.2f}" if b is not None else f"{'-':>10}"
                print(f"{family:<12} {n:>5} {k:>2} | {h['objective']:>10.2f} {hs['seconds']:>7.3f} {bs} {gap:>6.2f} | "
                      f"{e['status']:<8} {e['objective']:>10.2f} {es['seconds']:>7.2f} | "
                      f"{pct:>7.2f} {ok:>3}", flush=True)
    print(f"worst heur% against a proven optimum: {worst:.2f}")


if __name__ == "__main__":
    main()
