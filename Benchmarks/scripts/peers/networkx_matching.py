"""Maximum-cardinality maximum-weight matching of a `mingle pairs` edge list
with networkx's max_weight_matching(maxcardinality=True), for
Benchmarks/scripts/peers.sh.

    python3 networkx_matching.py EDGES SCALE

Weights are multiplied by SCALE and must then be integers (checked), so that
networkx computes with exact Python integers. Prints one JSON line:
{"pairs": .., "weightScaled": .., "seconds": ..}; seconds is the time of
max_weight_matching alone (not reading the file nor building the graph).
"""
import json
import sys
import time
from fractions import Fraction

import networkx as nx


def main() -> int:
    path, scale = sys.argv[1], Fraction(sys.argv[2])
    graph = nx.Graph()
    with open(path) as edges:
        for line in edges:
            if line.startswith("#") or not line.strip():
                if line.startswith("# participants"):
                    graph.add_nodes_from(range(int(line.split()[2])))
                continue
            i, j, w = line.split()
            scaled = Fraction(w) * scale
            if scaled.denominator != 1:
                print(f"networkx_matching: weight {w} times {scale} is not an integer", file=sys.stderr)
                return 65
            graph.add_edge(int(i), int(j), weight=int(scaled))
    start = time.perf_counter()
    matching = nx.max_weight_matching(graph, maxcardinality=True)
    seconds = time.perf_counter() - start
    total = sum(graph[u][v]["weight"] for u, v in matching)
    print(json.dumps({"pairs": len(matching), "weightScaled": total, "seconds": round(seconds, 6)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
