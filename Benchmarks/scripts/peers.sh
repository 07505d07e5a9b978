#!/usr/bin/env bash
# Mingle next to its peers on the same pair sessions: networkx's
# max_weight_matching and LEMON's MaxWeightedMatching.
#
# For each size, `mingle generate` makes a company session with the realistic
# rule set (same city required, three soft rules, 26 weekly sessions of
# history, every member active), groups of 2 with remainder leaveOut, so that
# a solution is exactly a matching of the allowed pairs. The repeats' half-life
# is then set to null (every past meeting costs 10, no decay), which makes
# every pair weight a multiple of 0.5: the weights times 2 are integers and all
# three tools compute exactly. `mingle pairs` exports the allowed pairs and
# their weights (SPEC section 2) as an edge list, which the peers read.
#
# Like with like: Mingle's order is lexicographic (most pairs first, then the
# weight; SPEC section 2). networkx gets maxcardinality=True; LEMON, which
# maximises the weight alone, gets a constant added to every edge, large
# enough that one more edge always wins, and subtracted afterwards (see
# peers/lemon_matching.cpp). networkx and LEMON must agree exactly on the pairs
# and the weight, or the script fails.
#
# Mingle runs `mingle solve --solver S` for each S in $SOLVERS (default:
# "exact heuristic"); its seconds are the output's stats.seconds (compiling
# the problem and solving, not reading JSON). The peers' seconds are their
# matching call alone. "=" means Mingle's pairs and weight equal the optimum;
# otherwise the difference is shown. A Mingle result that claims `optimal` but
# differs, or beats the optimum, fails the script.
#
# Installs what it needs: liblemon-dev (apt), networkx (pip), and builds
# mingle (release) and the LEMON driver (g++).
#
#   Benchmarks/scripts/peers.sh                        # sizes 100 200 500 1000 2000
#   SIZES="300 3000" SOLVERS=heuristic NX_MAX=1000 Benchmarks/scripts/peers.sh
#
# NX_MAX (default 2000): networkx is skipped above this many members (it is
# pure Python, O(n^3)).
set -euo pipefail
cd "$(dirname "$0")/../.."
scripts/setup
if ! dpkg-query -W -f='${Status}' liblemon-dev 2>/dev/null | grep -q "install ok installed"; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq liblemon-dev >&2
fi
python3 -c "import networkx" 2>/dev/null || python3 -m pip install --quiet networkx >&2
swift build -c release --product mingle >&2
bin=$(swift build -c release --show-bin-path)/mingle
work=${WORK:-$(mktemp -d)}
g++ -O2 -std=c++17 Benchmarks/scripts/peers/lemon_matching.cpp -o "$work/lemon_matching" -llemon
python3 Benchmarks/scripts/peers/compare.py --mingle "$bin" --lemon "$work/lemon_matching" \
  --networkx Benchmarks/scripts/peers/networkx_matching.py --work "$work" \
  --sizes ${SIZES:-100 200 500 1000 2000} --solvers ${SOLVERS:-exact heuristic} --networkx-max "${NX_MAX:-2000}" \
  --time-limit "${TIME_LIMIT:-60}"
