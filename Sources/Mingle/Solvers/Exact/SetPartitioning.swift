import Foundation
import MingleGLPK

/// The exact model of one block as a set-packing integer program over its
/// allowed groups, solved by GLPK in three lexicographic stages.
///
/// With G the allowed groups (sizes k, and k+1 under `merge`) and x_g ∈ {0,1}:
///
///     Σ_{g ∋ i} x_g ≤ 1                      for every participant i
///     stage 1:  P* = max Σ_g |g| x_g          (participants placed)
///     stage 2:  O* = min Σ_{|g|=k+1} x_g      subject to Σ_g |g| x_g = P*
///     stage 3:  S* = max Σ_g score(g) x_g     subject to both equalities
///
/// Stages 1 and 2 have integer objectives, so the SPEC section 2 order holds
/// exactly, without a big-M weighting that would lose precision in the score.
/// Each stage gets the heuristic's grouping as its first incumbent
/// (`glp_ios_heur_sol`) when that grouping satisfies the stage's equalities.
///
/// - Complexity: columns are enumerated explicitly (`BlockPairs.allowedGroups`),
///   so the model is for blocks with at most `columnLimit` allowed groups;
///   GLPK's branch and bound is exponential in the worst case.
struct SetPartitioning {
    static let columnLimit = 300_000

    enum Outcome {
        /// Proven optimal groups (local indices).
        case optimal([[Int]])
        /// Stages 1 and 2 proven; stage 3 stopped with its best groups and bound.
        case bounded([[Int]], bound: Double)
        /// No proof (time limit or engine failure before stage 2 ended).
        case unproven(note: String?)
    }

    let pairs: BlockPairs
    let groups: [CandidateGroup]
    let k: Int

    /// Builds the model, or nil when the block has more than `columnLimit` allowed groups.
    init?(pairs: BlockPairs, sizes: ClosedRange<Int>, k: Int) {
        guard let groups = pairs.allowedGroups(sizes: sizes, limit: SetPartitioning.columnLimit) else { return nil }
        self.pairs = pairs
        self.groups = groups
        self.k = k
    }

    /// Solves the three stages within `deadline`, starting from `start` (local
    /// groups, each ascending) when given.
    func solve(start: [[Int]], deadline: Date) -> Outcome {
        guard !groups.isEmpty else { return .optimal([]) }
        // The incumbent as a 0/1 vector over the columns.
        var index: [[Int32]: Int] = [:]
        for (c, g) in groups.enumerated() { index[g.members] = c }
        // Columns: one per group, then N, the number of groups (integer).
        var startVector: [Double]? = [Double](repeating: 0, count: groups.count + 1)
        for g in start {
            if let c = index[g.map(Int32.init)] { startVector![c] = 1 } else { startVector = nil; break }
        }
        startVector?[groups.count] = Double(start.count)
        let startPlaced = start.reduce(0) { $0 + $1.count }
        let startOversized = start.filter { $0.count > k }.count
        do {
            return try GLPK.withProblem(direction: .maximize) { lp throws(GLPKError) -> Outcome in
                try lp.addRows((0..<pairs.m).map { _ in Row(columns: [], coefficients: [], bounds: .upper(1)) })
                try lp.addColumns(groups.map { g in
                    Column(bounds: .range(lower: 0, upper: 1), objective: Double(g.members.count), kind: .binary,
                           rows: g.members.map(Int.init), coefficients: [Double](repeating: 1, count: g.members.count))
                })
                // N = Σ x_g as an integer column: k·N + O = P* then carries the
                // parity the LP relaxation cannot see (stage 2 would not close).
                let countColumn = try lp.addColumn(Column(bounds: .lower(0), objective: 0, kind: .integer))
                let all = Array(0..<groups.count)
                try lp.addRow(Row(columns: all + [countColumn], coefficients: [Double](repeating: 1, count: all.count) + [-1], bounds: .fixed(0)))
                func remaining() -> Double? {
                    let t = deadline.timeIntervalSinceNow
                    return t > 0.01 ? t : nil
                }
                func stage(_ incumbent: [Double]?) throws(GLPKError) -> MIPSolution? {
                    guard let time = remaining() else { return nil }
                    let solution = try lp.solveMIP(MIPOptions(timeLimit: time), incumbent: { node in node.isRoot ? incumbent : nil })
                    return solution
                }
                // Stage 1: placed.
                guard let s1 = try stage(startVector), s1.status == .optimal, s1.termination == .completed else {
                    return .unproven(note: nil)
                }
                let placed = s1.objective.rounded()
                try lp.addRow(Row(columns: all, coefficients: groups.map { Double($0.members.count) }, bounds: .fixed(placed)))
                // Stage 2: fewest groups of k+1 (only when such groups exist).
                let oversizedColumns = all.filter { groups[$0].members.count > k }
                var stageTwoStart = Double(startPlaced) == placed ? startVector : nil
                if !oversizedColumns.isEmpty {
                    lp.direction = .minimize
                    for c in oversizedColumns { try lp.setObjectiveCoefficient(1, column: c) }
                    for c in all where groups[c].members.count <= k { try lp.setObjectiveCoefficient(0, column: c) }
                    guard let s2 = try stage(stageTwoStart), s2.status == .optimal, s2.termination == .completed else {
                        return .unproven(note: nil)
                    }
                    let oversized = s2.objective.rounded()
                    try lp.addRow(Row(columns: oversizedColumns, coefficients: [Double](repeating: 1, count: oversizedColumns.count), bounds: .fixed(oversized)))
                    try lp.setColumnBounds(.fixed(((placed - oversized) / Double(k)).rounded()), column: countColumn)
                    if Double(startOversized) != oversized { stageTwoStart = nil }
                    // Stage 2's solution is a valid start for stage 3.
                    stageTwoStart = stageTwoStart ?? s2.columnValues
                } else {
                    try lp.setColumnBounds(.fixed((placed / Double(k)).rounded()), column: countColumn)
                    stageTwoStart = stageTwoStart ?? s1.columnValues
                }
                // Stage 3: score.
                lp.direction = .maximize
                for c in all { try lp.setObjectiveCoefficient(groups[c].score, column: c) }
                let start3 = stageTwoStart
                guard let time = remaining() else { return .bounded(chosen(start3 ?? []), bound: .infinity) }
                let s3 = try lp.solveMIP(MIPOptions(timeLimit: time), incumbent: { node in node.isRoot ? start3 : nil })
                if s3.status == .optimal && s3.termination == .completed {
                    return .optimal(chosen(s3.columnValues))
                }
                let values = s3.status.hasFeasibleSolution ? s3.columnValues : (start3 ?? [])
                return .bounded(chosen(values), bound: s3.bestBound ?? .infinity)
            }
        } catch {
            return .unproven(note: "GLPK failed (\(error)); returning the heuristic's groups")
        }
    }

    private func chosen(_ values: [Double]) -> [[Int]] {
        values.prefix(groups.count).enumerated().filter { $0.element > 0.5 }.map { groups[$0.offset].members.map(Int.init) }
    }
}
