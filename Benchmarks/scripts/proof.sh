#!/usr/bin/env bash
# Proof at every size: the one command behind the README's tables "Scale
# against the proven optimum", "On the hard families" and "Exact on one dense
# block". Runs the release `mingle` binary, each solve in its own process
# (GNU time: wall seconds and peak memory), on sessions of `mingle generate
# --family F` (datasets/README.md) and of Benchmarks/scripts/oneblock.py.
#
#   Benchmarks/scripts/proof.sh                       # every part
#   PARTS="quality large" Benchmarks/scripts/proof.sh # some parts
#
# Parts (PARTS, default all four):
#   quality  pairs (leaveOut) at QUALITY_SIZES (2000 5000 10000) of every family:
#            the proven optimum (`--solver exact`, limit 600 s) against
#            `--solver auto` (which solves blocks over 8,000 pairs at scale, and
#            smaller large blocks at scale when its bound proves them, else by
#            the matching; the `solver` column says which ran): objective and
#            bound as % of the optimum.
#   large    LARGE_SIZES (100000 1000000) members, pairs and triples, every
#            family, `mingle solve --time-limit ${LARGE_LIMIT:-8}`: gap, wall, peak.
#            1,000,000 members need about 3 GiB and a minute per run.
#   oneblock exact triples and quads on one dense block at 60, 90, 120, 150,
#            300 (time to proof, or the gap at 60 s) side by side with CBC on
#            the enumerated model (Benchmarks/scripts/exact-oneblock.sh).
#   dense    `--solver exact` on one dense block of DENSE_SIZES (2000 5000)
#            members in triples (`--family one-block`) at DENSE_LIMITS (20 60) s.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >/dev/null; }
swift build -c release --product mingle >&2
bin=$(swift build -c release --show-bin-path)/mingle
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"
families=${FAMILIES:-realistic sparse one-block leave-out tight}
parts=${PARTS:-quality large oneblock dense}

# solve SESSION OUT ARGS...: prints "seconds MiB" of the run.
solve() {
  local session=$1 out=$2
  shift 2
  { /usr/bin/time -f "%e %M" "$bin" solve "$session" -q -o "$out" "$@"; } 2>&1 | tail -1 | awk '{printf "%s %.0f", $1, $2 / 1024}'
}
generate() { # family members k remainder file
  [ -f "$5" ] || "$bin" generate --family "$1" --members "$2" --group-size "$3" --remainder "$4" --seed 1 -o "$5"
}

if [[ " $parts " == *" quality "* ]]; then
  echo "== Scale against the proven optimum: pairs, leaveOut, seed 1 (objective and bound as % of the optimum)"
  printf "%-10s %7s | %12s %-8s %8s | %-9s %12s %9s %9s %8s\n" family members optimum status exact-s solver objective obj% bound% s
  for f in $families; do
    for n in ${QUALITY_SIZES:-2000 5000 10000}; do
      s="$work/q-$f-$n.json"
      generate "$f" "$n" 2 leaveOut "$s"
      read -r es _ <<<"$(solve "$s" "$s.exact" --solver exact --time-limit 600)"
      read -r hs _ <<<"$(solve "$s" "$s.heur" --solver auto --time-limit 60)"
      python3 - "$s.exact" "$s.heur" "$f" "$n" "$es" "$hs" <<'PY'
import json, sys
e, h = (json.load(open(p)) for p in sys.argv[1:3])
f, n, es, hs = sys.argv[3:7]
opt = e["objective"]
b = h.get("bound")
bp = f"{100 * b / opt:9.3f}" if b is not None and opt else "        -"
print(f"{f:<10} {n:>7} | {opt:>12.1f} {e['status']:<8} {float(es):>8.2f} | {h['solver']:<9} {h['objective']:>12.1f} "
      f"{100 * h['objective'] / opt:>9.3f} {bp} {float(hs):>8.2f}")
PY
    done
  done
fi

if [[ " $parts " == *" large "* ]]; then
  limit=${LARGE_LIMIT:-8}
  echo "== Large sessions: mingle solve --time-limit $limit (default solver), seed 1"
  printf "%-10s %8s %2s | %-8s %-9s %14s %14s %8s | %7s %8s\n" family members k status solver objective bound gap% wall-s MiB
  for n in ${LARGE_SIZES:-100000 1000000}; do
    for f in $families; do
      for k in 2 3; do
        s="$work/l-$f-$n-$k.json"
        generate "$f" "$n" "$k" merge "$s"
        read -r secs mib <<<"$(solve "$s" "$s.out" --time-limit "$limit")"
        python3 - "$s.out" "$f" "$n" "$k" "$secs" "$mib" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
f, n, k, secs, mib = sys.argv[2:7]
b = d.get("bound")
gap = f"{100 * (b - d['objective']) / abs(b):8.4f}" if b else "       -"
print(f"{f:<10} {n:>8} {k:>2} | {d['status']:<8} {d['solver']:<9} {d['objective']:>14.1f} "
      f"{(f'{b:14.1f}' if b is not None else '             -')} {gap} | {float(secs):>7.2f} {mib:>8}")
PY
        rm -f "$s.out"
      done
    done
  done
fi

if [[ " $parts " == *" oneblock "* ]]; then
  echo "== Exact on one dense block against CBC (Benchmarks/scripts/exact-oneblock.sh, LIMIT=${LIMIT:-60})"
  WORK="$work" Benchmarks/scripts/exact-oneblock.sh
fi

if [[ " $parts " == *" dense "* ]]; then
  echo "== Exact on one large dense block, triples (mingle generate --family one-block --group-size 3 --seed 1)"
  printf "%7s %6s | %-8s %-7s %12s %12s %8s | %7s %8s\n" members limit status solver objective bound gap% wall-s MiB
  for n in ${DENSE_SIZES:-2000 5000}; do
    s="$work/d-$n.json"
    generate one-block "$n" 3 merge "$s"
    for limit in ${DENSE_LIMITS:-20 60}; do
      read -r secs mib <<<"$(solve "$s" "$s.out" --solver exact --time-limit "$limit")"
      python3 - "$s.out" "$n" "$limit" "$secs" "$mib" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
n, limit, secs, mib = sys.argv[2:6]
b = d.get("bound")
gap = f"{100 * (b - d['objective']) / abs(b):8.3f}" if b else "       -"
print(f"{n:>7} {limit:>6} | {d['status']:<8} {d['solver']:<7} {d['objective']:>12.1f} "
      f"{(f'{b:12.1f}' if b is not None else '           -')} {gap} | {float(secs):>7.2f} {mib:>8}")
PY
    done
  done
fi
