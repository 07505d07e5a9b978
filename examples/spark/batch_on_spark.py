"""Solves a JSON Lines file of sessions with Spark's RDD.pipe over `mingle solve --batch -`,
then once more on this machine alone, and checks that both give the same outputs.

The comparison means something only when no solve was cut by its time limit (a
cut search depends on the machine's speed): the script checks that the slowest
solve of either run took at most a fifth of the limit, and fails otherwise."""
import argparse
import collections
import json
import os
import subprocess
import sys
import time

from pyspark import SparkConf, SparkContext


def comparable(line):
    """An output without its timing (the only field that may differ between runs)."""
    output = json.loads(line)
    output.get("stats", {}).pop("seconds", None)
    return output


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mingle", required=True)
    parser.add_argument("--input", required=True)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--output", required=True)
    parser.add_argument("--solver", default="heuristic",
                        help="equal results need every solve to end before its time limit: "
                             "the exact solver may not, on a loaded machine")
    parser.add_argument("--time-limit", type=float, default=10.0, help="seconds per solve (both runs)")
    args = parser.parse_args()
    solve = f"solve --batch {{}} --solver {args.solver} --time-limit {args.time_limit:g} --quiet"
    sessions = sum(1 for line in open(args.input) if line.strip())
    load_before = os.getloadavg()[0]

    conf = (SparkConf().setMaster(f"local[{args.workers}]").setAppName("mingle-batch")
            .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
            .set("spark.driver.bindAddress", "127.0.0.1"))
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    # One `mingle solve --batch -` process per partition, fed the partition's lines on stdin.
    start = time.monotonic()
    lines = sc.textFile(args.input, minPartitions=args.workers)
    results = lines.pipe(f"{args.mingle} " + solve.format("-")).collect()  # input order: partitions in order
    spark_seconds = time.monotonic() - start
    sc.stop()
    with open(args.output, "w") as f:
        f.writelines(line + "\n" for line in results)

    start = time.monotonic()
    single = subprocess.run([args.mingle] + solve.format(args.input).split(),
                            check=True, capture_output=True, text=True).stdout.splitlines()
    single_seconds = time.monotonic() - start

    if len(results) != sessions or len(single) != sessions:
        sys.exit(f"mismatch: {sessions} sessions, Spark gave {len(results)} results, one machine {len(single)}")
    slowest = max(json.loads(line)["stats"]["seconds"] for line in results + single)
    if slowest > args.time_limit / 5:
        sys.exit(f"the slowest solve took {slowest:.3f} s of a {args.time_limit:g} s limit: too close to the limit "
                 "for the comparison to mean anything (fewer members, a longer --time-limit, or a quieter machine)")
    differing = [i + 1 for i, (a, b) in enumerate(zip(results, single)) if comparable(a) != comparable(b)]
    if differing:
        sys.exit(f"Spark and one machine differ on line(s) {differing[:20]}")
    statuses = collections.Counter(json.loads(line)["status"] for line in results)
    print(f"{sessions} sessions, solver {args.solver}: Spark local[{args.workers}] {spark_seconds:.1f} s "
          f"({sessions / spark_seconds:.1f} sessions/s, JVM start included); "
          f"one machine (mingle solve --batch) {single_seconds:.1f} s ({sessions / single_seconds:.1f} sessions/s); "
          f"all {sessions} outputs equal (but for stats.seconds); statuses {dict(sorted(statuses.items()))}; "
          f"slowest solve {slowest:.3f} s of a {args.time_limit:g} s limit; {os.cpu_count()} cores, "
          f"load average before the run {load_before:.1f}, after {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
