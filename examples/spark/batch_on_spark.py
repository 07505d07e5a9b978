"""Solves a JSON Lines file of sessions with Spark's RDD.pipe over `mingle solve --batch -`,
then once more on this machine alone, and checks that both give the same outputs."""
import argparse
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
    args = parser.parse_args()
    sessions = sum(1 for line in open(args.input) if line.strip())

    conf = (SparkConf().setMaster(f"local[{args.workers}]").setAppName("mingle-batch")
            .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
            .set("spark.driver.bindAddress", "127.0.0.1"))
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    # One `mingle solve --batch -` process per partition, fed the partition's lines on stdin.
    start = time.monotonic()
    lines = sc.textFile(args.input, minPartitions=args.workers)
    results = lines.pipe(f"{args.mingle} solve --batch - --solver {args.solver} --quiet").collect()  # input order: partitions in order
    spark_seconds = time.monotonic() - start
    sc.stop()
    with open(args.output, "w") as f:
        f.writelines(line + "\n" for line in results)

    start = time.monotonic()
    single = subprocess.run([args.mingle, "solve", "--batch", args.input, "--solver", args.solver, "--quiet"],
                            check=True, capture_output=True, text=True).stdout.splitlines()
    single_seconds = time.monotonic() - start

    if len(results) != sessions or len(single) != sessions:
        sys.exit(f"mismatch: {sessions} sessions, Spark gave {len(results)} results, one machine {len(single)}")
    differing = [i + 1 for i, (a, b) in enumerate(zip(results, single)) if comparable(a) != comparable(b)]
    if differing:
        sys.exit(f"Spark and one machine differ on line(s) {differing[:20]}")
    print(f"{sessions} sessions, solver {args.solver}: Spark local[{args.workers}] {spark_seconds:.1f} s "
          f"({sessions / spark_seconds:.1f} sessions/s, JVM start included); "
          f"one machine (mingle solve --batch) {single_seconds:.1f} s ({sessions / single_seconds:.1f} sessions/s); "
          f"all {sessions} outputs equal (but for stats.seconds); {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
