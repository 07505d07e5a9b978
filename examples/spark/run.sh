#!/usr/bin/env bash
# `mingle solve --batch` past one machine: Spark (pyspark, local mode) splits a
# JSON Lines file of many sessions over its workers with RDD.pipe, each worker
# piping its share through `mingle solve --batch -`; the results are checked
# equal to a single-machine run (every field but stats.seconds).
#
#   examples/spark/run.sh                       # 400 sessions of 200 members, 2 workers
#   SESSIONS=1000 MEMBERS=300 WORKERS=4 examples/spark/run.sh
#   MINGLE=/usr/local/bin/mingle examples/spark/run.sh   # a mingle already built
#   SOLVER=exact TIME_LIMIT=30 examples/spark/run.sh   # pairs proved optimal by the matching
#
# The comparison is meaningful only when every solve ends well before its time
# limit (TIME_LIMIT, default 10 s): the script fails when the slowest solve took
# more than a fifth of it.
#
# Needs Java 17 (Spark's JVM) and Python 3; installs pyspark from PyPI when missing.
# On a cluster, put `mingle` on every worker and give spark-submit a master URL.
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v java >/dev/null || { echo "run.sh: Java (17) is required for Spark" >&2; exit 1; }
python3 -c "import pyspark" 2>/dev/null || python3 -m pip install -q "pyspark>=3.5" >&2
if [ -z "${MINGLE:-}" ]; then
  swift build -c release --product mingle >&2
  MINGLE="$(swift build -c release --show-bin-path)/mingle"
fi
work=${WORK:-$(mktemp -d)}
sessions=${SESSIONS:-400}
members=${MEMBERS:-200}
echo "run.sh: generating $sessions sessions of $members members in $work/sessions.jsonl" >&2
: > "$work/sessions.jsonl"
for i in $(seq 1 "$sessions"); do
  "$MINGLE" generate --members "$members" --seed "$i" --history 8 --compact >> "$work/sessions.jsonl"
done
exec python3 examples/spark/batch_on_spark.py --mingle "$MINGLE" --input "$work/sessions.jsonl" \
  --workers "${WORKERS:-2}" --solver "${SOLVER:-heuristic}" --time-limit "${TIME_LIMIT:-10}" --output "$work/spark.jsonl"
