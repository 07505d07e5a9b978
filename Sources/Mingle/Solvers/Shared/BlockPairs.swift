/// The pair weights inside one block, on local indices 0..<m: a dense m×m
/// table when it fits (`denseLimit`), otherwise computed from the problem.
/// Disallowed pairs weigh `-infinity`, so any sum over a group that contains one
/// is `-infinity` and comparisons need no separate test.
struct BlockPairs: Sendable {
    static let denseLimit = 4096

    let problem: Problem
    /// Global participant index of each local index.
    let members: [Int32]
    let m: Int
    private let dense: [Double]

    init(problem: Problem, members: [Int32]) {
        self.problem = problem
        self.members = members
        self.m = members.count
        if m <= BlockPairs.denseLimit {
            var table = [Double](repeating: -.infinity, count: m * m)
            for a in 0..<m {
                let ga = Int(members[a])
                for b in (a + 1)..<m {
                    if let w = problem.allowedWeight(ga, Int(members[b])) {
                        table[a * m + b] = w
                        table[b * m + a] = w
                    }
                }
            }
            dense = table
        } else {
            dense = []
        }
    }

    var isDense: Bool { !dense.isEmpty || m == 0 }

    /// Calls `body` with the dense table (row a holds w(a, ·) at a·m ..< a·m + m);
    /// only on a tabulated block with members (`isDense`, m > 0).
    func withDenseTable<R>(_ body: (UnsafeBufferPointer<Double>) -> R) -> R {
        precondition(!dense.isEmpty, "withDenseTable on a block without a table")
        return dense.withUnsafeBufferPointer(body)
    }

    /// The weight of (a, b), `-infinity` when the pair is not allowed.
    ///
    /// - Complexity: O(1) when dense, O(rules + log links) otherwise.
    @inline(__always)
    func w(_ a: Int, _ b: Int) -> Double {
        if !dense.isEmpty { return dense[a * m + b] }
        return problem.allowedWeight(Int(members[a]), Int(members[b])) ?? -.infinity
    }
}

extension BlockPairs {
    /// The value (docs/format.md (what the solver looks for) order) of groups given as local indices;
    /// the score counts `-infinity` for a disallowed pair.
    ///
    /// - Complexity: O(Σ group size²), O(Σ size² × rules) when not dense.
    func value(of groups: [[Int]], k: Int) -> GroupingValue {
        var v = GroupingValue()
        for g in groups {
            v.placed += g.count
            if g.count > k { v.oversized += 1 }
            for x in 0..<g.count {
                for y in (x + 1)..<g.count { v.score += w(g[x], g[y]) }
            }
        }
        return v
    }
}
