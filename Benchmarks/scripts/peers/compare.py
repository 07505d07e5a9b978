"""The loop of Benchmarks/scripts/peers.sh: per size, generate a pair session,
export its allowed pairs, run networkx, LEMON and Mingle, check and print."""
import argparse
import json
import subprocess
import sys

SCALE = 2  # every weight is a multiple of 0.5 once the half-life is null


def run_json(command):
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--mingle", required=True)
    p.add_argument("--lemon", required=True)
    p.add_argument("--networkx", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--sizes", nargs="+", type=int, required=True)
    p.add_argument("--solvers", nargs="+", required=True)
    p.add_argument("--networkx-max", type=int, default=2000)
    p.add_argument("--time-limit", default="60")
    a = p.parse_args()

    head = f"{'members':>7} {'nodes':>6} {'edges':>8} | {'pairs':>5} {'optimum':>10} | {'networkx s':>10} {'LEMON s':>8}"
    for s in a.solvers:
        head += f" | {'mingle ' + s + ' s':>19} {'status':>9} {'vs optimum':>12}"
    print(head)
    failed = False
    for n in a.sizes:
        base = f"{a.work}/pairs-{n}"
        subprocess.run([a.mingle, "generate", "--members", str(n), "--group-size", "2", "--remainder", "leaveOut",
                        "--history", "26", "--active-share", "1", "--seed", "1", "-o", base + ".json"], check=True)
        with open(base + ".json") as f:
            session = json.load(f)
        session["program"]["repeats"]["halfLife"] = None
        with open(base + ".json", "w") as f:
            json.dump(session, f)
        subprocess.run([a.mingle, "pairs", base + ".json", "-o", base + ".edges"], check=True)
        header = {}
        with open(base + ".edges") as f:
            for line in f:
                if not line.startswith("#"):
                    break
                parts = line[1:].split()
                if len(parts) == 2 and parts[1].isdigit():
                    header[parts[0]] = int(parts[1])
        lemon = run_json([a.lemon, base + ".edges", str(SCALE)])
        nx = run_json([sys.executable, a.networkx, base + ".edges", str(SCALE)]) if n <= a.networkx_max else None
        if nx is not None and (nx["pairs"], nx["weightScaled"]) != (lemon["pairs"], lemon["weightScaled"]):
            print(f"networkx and LEMON disagree at {n} members: {nx} vs {lemon}", file=sys.stderr)
            failed = True
        optimum = lemon["weightScaled"] / SCALE
        nx_seconds = f"{nx['seconds']:.3f}" if nx else "skipped"
        row = (f"{n:>7} {header.get('participants', 0):>6} {header.get('pairs', 0):>8} | {lemon['pairs']:>5} {optimum:>10.1f} | "
               f"{nx_seconds:>10} {lemon['seconds']:>8.3f}")
        for s in a.solvers:
            out = run_json([a.mingle, "solve", base + ".json", "--solver", s, "--time-limit", a.time_limit, "-q"])
            pairs, weight = out["stats"]["placed"] // 2, out["objective"]
            same = pairs == lemon["pairs"] and abs(weight - optimum) <= 1e-6 * max(1.0, abs(optimum))
            if same:
                verdict = "="
            elif pairs != lemon["pairs"]:
                verdict = f"{pairs - lemon['pairs']:+d} pairs"
            else:
                verdict = f"{weight - optimum:+.1f}"
            if (out["status"] == "optimal" and not same) or (pairs, weight) > (lemon["pairs"], optimum + 1e-6):
                print(f"mingle {s} at {n} members: {out['status']} {pairs} pairs, {weight} vs optimum {lemon['pairs']}, {optimum}",
                      file=sys.stderr)
                failed = True
            row += f" | {out['stats']['seconds']:>19.3f} {out['status']:>9} {verdict:>12}"
        print(row, flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
