/// Groups of two as a weighted matching problem on one block.
///
/// The block's allowed pairs form a graph; with `remainder: leaveOut` and k = 2
/// the order of docs/format.md (what the solver looks for) is exactly "maximum cardinality, then maximum
/// weight", which `WeightedMatching` solves in maximum-cardinality mode and
/// certifies with its dual solution (no big constant is added to the weights).
///
/// Scores are turned into integers by a fixed-point scale `s` (a power of two,
/// 2^40 unless the weights are large): with δ = 1/(2s), the matching found is
/// optimal for the true scores up to n·δ (below 5e-9 for n = 10,000 and
/// realistic weights), far below the rounding of a sum of doubles.
///
/// - Complexity: O(m²) to list the pairs of a block of m participants, then
///   O(m³) for the matching.
struct PairMatching {
    struct Solution {
        /// Pairs of local indices.
        var pairs: [[Int]]
        /// Local indices left exposed.
        var exposed: [Int]
        /// The certificate checked out.
        var verified: Bool
        /// Whether the matching was asked for maximum cardinality.
        var maximumCardinality: Bool
    }

    let pairs: BlockPairs
    let scale: Double
    let edges: [WeightedMatching.Edge]

    init(pairs: BlockPairs) {
        self.pairs = pairs
        var list: [(Int32, Int32, Double)] = []
        var largest = 1.0
        for a in 0..<pairs.m {
            for b in (a + 1)..<pairs.m {
                let w = pairs.w(a, b)
                guard w > -.infinity else { continue }
                list.append((Int32(a), Int32(b), w))
                largest = max(largest, abs(w))
            }
        }
        // Keep m · max|w| · scale <= 2^58 (the matching's overflow guard).
        var scale = 1.0 * Double(1 << 40)
        while Double(max(pairs.m, 1)) * largest * scale > Double(1 << 58) { scale /= 2 }
        self.scale = scale
        self.edges = list.map { WeightedMatching.Edge(u: $0.0, v: $0.1, weight: Int64(($0.2 * scale).rounded())) }
    }

    /// Solves the matching (maximum cardinality first, or plain maximum weight).
    /// When `stop` ends it early (see `WeightedMatching.solve`), the solution is
    /// not `verified`.
    func solve(maximumCardinality: Bool = true, stop: (() -> Bool)? = nil) -> Solution {
        let matching = WeightedMatching(vertexCount: pairs.m, edges: edges)
        let result = matching.solve(maximumCardinality: maximumCardinality, stop: stop)
        var groups: [[Int]] = []
        var exposed: [Int] = []
        for v in 0..<pairs.m {
            let u = Int(result.mate[v])
            if u < 0 { exposed.append(v) } else if v < u { groups.append([v, u]) }
        }
        return Solution(pairs: groups, exposed: exposed, verified: result.isVerified, maximumCardinality: maximumCardinality)
    }
}
