#!/usr/bin/env bash
# Load on `mingle serve` over loopback with wrk (Debian's package): solves per
# second and p50/p99 latency of POST /v1/solve for datasets/company-500.json at
# concurrency 1, 2 and 8; then 4x overload (4 x (max-concurrent + max-queue)
# connections): only 200s and 503s are allowed, and the server's peak memory
# (VmHWM) is reported. Each step runs for DURATION seconds (default 20, at most 30)
# and reports the load average beside its figures.
#
#   Benchmarks/scripts/serve-load.sh
#   DURATION=10 MAX_CONCURRENT=2 MAX_QUEUE=4 Benchmarks/scripts/serve-load.sh
#   MINGLE=.build/debug/mingle Benchmarks/scripts/serve-load.sh   # skip the release build
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >&2; }
duration=${DURATION:-20}
(( duration <= 30 )) || { echo "serve-load: DURATION must be <= 30" >&2; exit 2; }
maxc=${MAX_CONCURRENT:-$(nproc)}
maxq=${MAX_QUEUE:-$((4 * maxc))}
if [ -n "${MINGLE:-}" ]; then
  bin=$MINGLE  # a mingle already built (say, a debug build)
else
  swift build -c release --product mingle >&2
  bin=$(swift build -c release --show-bin-path)/mingle
fi
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
echo "load-$RANDOM$RANDOM" > "$work/token"
"$bin" serve --port 0 --token-file "$work/token" --max-concurrent "$maxc" --max-queue "$maxq" 2> "$work/log" &
server=$!
port=""
for _ in $(seq 300); do
  port=$(grep -oE 'listening on http://127\.0\.0\.1:[0-9]+' "$work/log" | grep -oE '[0-9]+$' || true)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { cat "$work/log" >&2; exit 1; }
# wrk's Lua: POST the session, count statuses over all threads, print one line.
cat > "$work/solve.lua" <<LUA
local body = io.open("datasets/company-500.json"):read("*a")
wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $(cat "$work/token")"
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) counts = {} end
function response(status, headers, body) counts[status] = (counts[status] or 0) + 1 end
function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for status, n in pairs(t:get("counts")) do total[status] = (total[status] or 0) + n end
  end
  local parts = {}
  for status, n in pairs(total) do table.insert(parts, status .. ":" .. n) end
  table.sort(parts)
  io.write(string.format("requests %d in %.1fs: %.2f/s, p50 %.0f ms, p99 %.0f ms, statuses %s, socket errors %d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, table.concat(parts, " "),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
echo "mingle serve --max-concurrent $maxc --max-queue $maxq on 127.0.0.1:$port; $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
# The machine may be shared: each step's line ends with the 1-minute load
# average at its start and at its end.
load() { cut -d' ' -f1 /proc/loadavg; }
step() {
  local before; before=$(load)
  wrk -t "$1" -c "$2" -d "${duration}s" --timeout 60s -s "$work/solve.lua" "http://127.0.0.1:$port/v1/solve" \
    | tail -1 | tr -d '\n'
  echo "; load $before -> $(load)"
}
for c in 1 2 8; do
  printf "concurrency %2d: " "$c"
  step "$(( c < 2 ? 1 : 2 ))" "$c"
done
over=$(( 4 * (maxc + maxq) ))
printf "overload %3d connections: " "$over"
step 2 "$over"
echo "server peak memory: $(grep VmHWM /proc/$server/status | awk '{print $2/1024 " MiB"}'); 5xx other than 503 in the log: $(grep -cE ' 5(0[0-24-9]|[1-9][0-9]) [0-9.]+ms' "$work/log" || true)"
