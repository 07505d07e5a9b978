#!/usr/bin/env bash
# Exact solver on ONE dense block (issue 9): branch and price against CBC on
# the fully enumerated model, side by side.
#
# Sessions come from oneblock.py (its own generator, not `mingle generate`):
#   dense:    department different +3, seniority within 1 +1, interests overlap +0.5
#   pairwise: department different +2, interests overlap +1 (the 66-member leaveOut case)
# one city, 12 weekly sessions of history, forbidWithin 2, penalty 10, half-life 8.
# Each run: `mingle solve --solver exact --time-limit $LIMIT` in its own process
# (time to proof, or the gap at the limit), then CBC (PuLP's bundled binary,
# one thread, same limit; its seconds include enumerating the groups and
# writing the model) where the enumerated model has at most 1.5 million columns,
# killed at 3x the limit (CBC=0 skips it).
#
#   Benchmarks/scripts/exact-oneblock.sh            # the default table
#   RUNS="150:3:merge:dense" LIMIT=60 Benchmarks/scripts/exact-oneblock.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/setup
python3 -c "import pulp" 2>/dev/null || python3 -m pip install -q pulp >&2
command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >/dev/null; }
swift build -c release --product mingle >&2
bin=$(swift build -c release --show-bin-path)/mingle
here=Benchmarks/scripts
work=${WORK:-$(mktemp -d)}
limit=${LIMIT:-60}
default="60:3:merge:dense 90:3:merge:dense 120:3:merge:dense 150:3:merge:dense 300:3:merge:dense
66:3:leaveOut:pairwise
60:4:merge:dense 90:4:merge:dense 100:4:merge:dense 120:4:merge:dense 150:4:merge:dense 300:4:merge:dense
60:5:merge:dense 90:5:merge:dense 100:5:merge:dense 120:5:merge:dense 150:5:merge:dense"
printf "%-8s %5s %2s %-8s | %8s %6s %-8s %10s %10s %6s | %8s %-8s %10s %10s %8s | %6s\n" \
  family n k remain seconds MiB status objective bound gap% cbc-s cbc cbc-obj cbc-bound columns ratio
for run in ${RUNS:-$default}; do
  IFS=: read -r n k rem family <<<"$run"
  f="$work/$family-$n-$k-$rem.json"
  python3 "$here/oneblock.py" generate "$n" "$k" "$rem" 1 "$family" "$f"
  t=$( { /usr/bin/time -f "%e %M" "$bin" solve "$f" --solver exact --time-limit "$limit" -q -o "$f.out"; } 2>&1 | tail -1)
  # CBC: wall time capped at 3x the limit (its "sec" does not bound the root).
  c="- skipped"
  if [ "${CBC:-1}" = 1 ]; then c=$(timeout $((3 * ${limit%.*})) python3 "$here/oneblock.py" cbc "$f" "$limit" || echo "- killed"); fi
  python3 - "$f.out" "$n" "$k" "$rem" "$family" $t $c <<'PY'
import json, sys
out, n, k, rem, family, secs, kb = sys.argv[1:8]
cbc = sys.argv[8:]
d = json.load(open(out))
s = d["stats"]
bound = d.get("bound")
gap = 100 * (bound - d["objective"]) / max(1e-9, abs(d["objective"])) if bound is not None else float("nan")
if cbc[0] == "-":
    cbcs = f"{'-':>8} {cbc[1]:<8} {'-':>10} {'-':>10} {'-':>8} | {'-':>6}"
else:
    ratio = float(cbc[0]) / max(0.01, s["seconds"])
    cbcs = f"{float(cbc[0]):>8.1f} {cbc[1]:<8} {cbc[2]:>10} {cbc[3]:>10} {cbc[4]:>8} | {ratio:>6.1f}"
print(f"{family:<8} {n:>5} {k:>2} {rem:<8} | {s['seconds']:>8.2f} {int(kb)/1024:>6.1f} {d['status']:<8} "
      f"{d['objective']:>10.2f} {('%10.2f' % bound) if bound is not None else '         -'} {gap:>6.2f} | {cbcs}")
PY
done
