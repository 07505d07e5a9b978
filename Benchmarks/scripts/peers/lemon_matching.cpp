// Maximum-cardinality maximum-weight matching of a `mingle pairs` edge list
// with LEMON's MaxWeightedMatching (Debian's liblemon-dev), for
// Benchmarks/scripts/peers.sh.
//
//   lemon_matching EDGES SCALE
//
// Weights are multiplied by SCALE and must then be integers (checked), so the
// computation is exact in 64-bit integers. MaxWeightedMatching maximises the
// weight alone; to put cardinality first, as Mingle and networkx's
// maxcardinality=True do, every edge gets the constant
//   C = floor(n / 2) * (wmax - wmin) + |wmin| + 1
// (scaled units): a matching with d more edges then gains at least
// C*d - floor(n/2)*(wmax - wmin) - |wmin| > 0 over any smaller one, and
// every shifted weight is positive. C * size is subtracted afterwards.
//
// Prints one JSON line: {"pairs": .., "weightScaled": .., "seconds": ..};
// seconds is the time of run() alone (not reading the file).
#include <lemon/list_graph.h>
#include <lemon/matching.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: lemon_matching EDGES SCALE\n");
        return 2;
    }
    std::ifstream in(argv[1]);
    if (!in) {
        std::fprintf(stderr, "lemon_matching: cannot open %s\n", argv[1]);
        return 66;
    }
    const double scale = std::atof(argv[2]);
    long long n = 0;
    std::vector<long long> a, b, w;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        if (line[0] == '#') {
            std::istringstream header(line.substr(1));
            std::string key;
            header >> key;
            if (key == "participants") header >> n;
            continue;
        }
        std::istringstream edge(line);
        long long i, j;
        double weight;
        edge >> i >> j >> weight;
        const double scaled = weight * scale;
        if (scaled != std::round(scaled)) {
            std::fprintf(stderr, "lemon_matching: weight %s times %s is not an integer\n", line.c_str(), argv[2]);
            return 65;
        }
        a.push_back(i);
        b.push_back(j);
        w.push_back(static_cast<long long>(std::llround(scaled)));
    }
    long long wmin = 0, wmax = 0;
    for (size_t e = 0; e < w.size(); ++e) {
        if (e == 0 || w[e] < wmin) wmin = w[e];
        if (e == 0 || w[e] > wmax) wmax = w[e];
    }
    const long long shift = (n / 2) * (wmax - wmin) + std::llabs(wmin) + 1;

    lemon::ListGraph graph;
    graph.reserveNode(static_cast<int>(n));
    graph.reserveEdge(static_cast<int>(w.size()));
    std::vector<lemon::ListGraph::Node> nodes;
    for (long long i = 0; i < n; ++i) nodes.push_back(graph.addNode());
    lemon::ListGraph::EdgeMap<long long> weight(graph);
    for (size_t e = 0; e < w.size(); ++e) {
        weight[graph.addEdge(nodes[a[e]], nodes[b[e]])] = w[e] + shift;
    }

    lemon::MaxWeightedMatching<lemon::ListGraph, lemon::ListGraph::EdgeMap<long long>> matching(graph, weight);
    const auto start = std::chrono::steady_clock::now();
    matching.run();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const long long size = matching.matchingSize();
    const long long total = matching.matchingWeight() - shift * size;
    std::printf("{\"pairs\": %lld, \"weightScaled\": %lld, \"seconds\": %.6f}\n", size, total, seconds);
    return 0;
}
