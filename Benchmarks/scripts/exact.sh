#!/usr/bin/env bash
# Exact solver benchmark (issue: exact solving with proof).
# Generates coffee-like sessions with the realistic rule set (required same city,
# three soft rules, 26 weekly sessions of history), solves each with
# `mingle solve --solver exact` in its own process, and prints wall time, peak
# memory (GNU time), status, objective, bound and placed/oversized counts.
#
#   Benchmarks/scripts/exact.sh                 # the default table
#   SIZES="2000" K=2 REMAINDER=leaveOut Benchmarks/scripts/exact.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/setup
command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >/dev/null; }
swift build -c release --product mingle >&2
bin=$(swift build -c release --show-bin-path)/mingle
work=${WORK:-$(mktemp -d)}
limit=${TIME_LIMIT:-120}
run() { # members k remainder
  local n=$1 k=$2 rem=$3 f="$work/s-$1-$2-$3.json"
  "$bin" generate --members "$n" --group-size "$k" --remainder "$rem" --history 26 --active-share 1 --seed 1 -o "$f"
  local out="$work/r-$n-$k-$rem.json"
  local t
  t=$( { /usr/bin/time -f "%e %M" "$bin" solve "$f" --solver exact --time-limit "$limit" -q -o "$out"; } 2>&1 | tail -1)
  python3 - "$out" "$n" "$k" "$rem" $t <<'PY'
import json, sys
out, n, k, rem, secs, kb = sys.argv[1:7]
d = json.load(open(out))
s = d["stats"]
bound = d.get("bound")
print(f"{n:>6} {k:>2} {rem:<8} {s['participants']:>6} {float(secs):>8.2f} {int(kb)/1024:>8.1f} {d['status']:<9} "
      f"{d['objective']:>14.4f} {('%14.4f' % bound) if bound is not None else '             -'} {s['placed']:>6} {s['oversizedGroups']:>4}")
PY
}
printf "%6s %2s %-8s %6s %8s %8s %-9s %14s %14s %6s %4s\n" members k remain partic seconds MiB status objective bound placed k+1
if [ -n "${SIZES:-}" ]; then
  for n in $SIZES; do run "$n" "${K:-2}" "${REMAINDER:-leaveOut}"; done
else
  for n in 500 1000 2000 5000; do run "$n" 2 leaveOut; done
  for n in 500 1000 2000; do run "$n" 2 merge; done
  for n in 60 150; do run "$n" 3 merge; done
  for n in 60 150; do run "$n" 3 leaveOut; done
fi
