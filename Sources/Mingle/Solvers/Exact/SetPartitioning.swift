import Foundation
import MingleGLPK

/// The exact model of one block: set packing over its allowed groups, solved by
/// GLPK in three lexicographic stages.
///
/// With G the allowed groups (sizes k, and k+1 under `merge`) and x_g ∈ {0,1}:
///
///     Σ_{g ∋ i} x_g ≤ 1                      for every participant i
///     stage 1:  P* = max Σ_g |g| x_g          (participants placed)
///     stage 2:  O* = min Σ_{|g|=k+1} x_g      subject to Σ_g |g| x_g = P*
///     stage 3:  S* = max Σ_g score(g) x_g     subject to both equalities
///
/// Stages 1 and 2 have integer objectives, so the order of SPEC section 2 holds
/// exactly, without a big-M weighting that would lose precision in the score.
/// They are often settled without a solve: when the start places all m
/// participants, P* = m; and since P* = k·N + O for N groups, O ≡ P* (mod k),
/// so O* = P* mod k when the start reaches it. Otherwise they are MIPs over all
/// columns, with N = Σ_g x_g as an integer column that carries that parity
/// (the LP relaxation cannot see it).
///
/// Stage 3 is solved by column generation and reduced-cost fixing (Nemhauser &
/// Wolsey, *Integer and Combinatorial Optimization*, 1988, II.5; Desaulniers,
/// Desrosiers & Solomon, *Column Generation*, 2005): the LP over a growing set of
/// columns is re-optimised while some group has a positive reduced cost
/// rc_g = score(g) − Σ_{i∈g} y_i − |g|·y_P − [|g|>k]·y_O − y_N. At the LP optimum
/// z_LP every column has rc_g ≤ 0, and any integer solution x satisfies
/// score(x) = z_LP + Σ_g rc_g x_g; so a solution at least as good as the start
/// (score z₀) only uses columns with rc_g ≥ z₀ − z_LP. The MIP over those columns
/// (the start as first incumbent, `glp_ios_heur_sol`) is then the block's optimum,
/// and z_LP is a proven bound when it does not finish in time.
struct SetPartitioning {
    /// Columns the model may list (all allowed groups of the block).
    static let columnLimit = 3_000_000
    /// Columns a stage-1/2 MIP may hold (those stages use every column).
    static let fullModelLimit = 300_000
    /// Columns a stage-3 MIP may hold after reduced-cost fixing.
    static let fixedModelLimit = 400_000

    enum Outcome {
        /// Proven optimal groups (local indices).
        case optimal([[Int]])
        /// Stages 1 and 2 proven; stage 3 stopped with its best groups and bound.
        case bounded([[Int]], bound: Double)
        /// No proof (time limit, size, or an engine failure before stage 3).
        case unproven(note: String?)
    }

    let pairs: BlockPairs
    let groups: CandidateGroups
    let k: Int

    /// Lists the block's allowed groups; nil when there are more than
    /// `columnLimit` or listing them outlasts the deadline.
    init?(pairs: BlockPairs, sizes: ClosedRange<Int>, k: Int, deadline: Date) {
        guard let groups = pairs.allowedGroups(sizes: sizes, limit: SetPartitioning.columnLimit, deadline: deadline) else { return nil }
        self.pairs = pairs
        self.groups = groups
        self.k = k
    }

    var m: Int { pairs.m }

    /// The 0/1 vector of a grouping over the columns (nil if a group is not a column).
    func vector(_ grouping: [[Int]]) -> [Double]? {
        var groupOf = [Int32](repeating: -1, count: m)
        for (g, members) in grouping.enumerated() { for x in members { groupOf[x] = Int32(g) } }
        var v = [Double](repeating: 0, count: groups.count)
        var found = 0
        for c in 0..<groups.count {
            let members = groups[c]
            let g = groupOf[Int(members.first!)]
            if g >= 0, grouping[Int(g)].count == members.count, members.allSatisfy({ groupOf[Int($0)] == g }) {
                v[c] = 1
                found += 1
            }
        }
        return found == grouping.count ? v : nil
    }

    func chosen(_ values: [Double], columns: [Int]) -> [[Int]] {
        zip(columns, values).filter { $0.1 > 0.5 }.map { groups[$0.0].map(Int.init) }
    }

    /// Solves the three stages within `deadline`, from `start` (local groups).
    func solve(start: [[Int]], deadline: Date) -> Outcome {
        guard groups.count > 0 else { return .optimal([]) }
        var start = start
        let startPlaced = start.reduce(0) { $0 + $1.count }
        let startOversized = start.filter { $0.count > k }.count
        do {
            // Stages 1 and 2: by argument when the start reaches the trivial bounds.
            var placed = startPlaced, oversized = startOversized
            if startPlaced != m || startOversized != startPlaced % k {
                guard groups.count <= SetPartitioning.fullModelLimit else {
                    return .unproven(note: "a block of \(m) participants: too many allowed groups (\(groups.count)) to prove the most placed")
                }
                guard let (p, o, grouping) = try placementStages(start: start, deadline: deadline) else { return .unproven(note: nil) }
                (placed, oversized) = (p, o)
                if p != startPlaced || o != startOversized { start = grouping }
            }
            return try scoreStage(start: start, placed: placed, oversized: oversized, deadline: deadline)
        } catch {
            return .unproven(note: "GLPK failed (\(error)); kept the heuristic's groups")
        }
    }

    /// Stages 1 and 2 as MIPs over every column; nil when the time runs out.
    func placementStages(start: [[Int]], deadline: Date) throws(GLPKError) -> (Int, Int, [[Int]])? {
        try GLPK.withProblem(direction: .maximize) { lp throws(GLPKError) -> (Int, Int, [[Int]])? in
            let all = Array(0..<groups.count)
            try lp.addRows((0..<m).map { _ in Row(columns: [], coefficients: [], bounds: .upper(1)) })
            try lp.addColumns(all.map { c in
                Column(bounds: .range(lower: 0, upper: 1), objective: Double(groups.size(c)), kind: .binary,
                       rows: groups[c].map(Int.init), coefficients: [Double](repeating: 1, count: groups.size(c)))
            })
            // N = Σ x_g, integer: k·N + O = P* carries the parity the LP cannot see.
            let countColumn = try lp.addColumn(Column(bounds: .lower(0), objective: 0, kind: .integer))
            try lp.addRow(Row(columns: all + [countColumn], coefficients: [Double](repeating: 1, count: all.count) + [-1], bounds: .fixed(0)))
            var incumbent = vector(start).map { $0 + [Double(start.count)] }
            guard let s1 = try stageMIP(&lp, incumbent, deadline) else { return nil }
            let placed = Int(s1.objective.rounded())
            var best = s1.columnValues
            if start.reduce(0, { $0 + $1.count }) != placed { incumbent = nil }
            try lp.addRow(Row(columns: all, coefficients: all.map { Double(groups.size($0)) }, bounds: .fixed(Double(placed))))
            var oversized = 0
            let oversizedColumns = all.filter { groups.size($0) > k }
            if !oversizedColumns.isEmpty {
                lp.direction = .minimize
                for c in all { try lp.setObjectiveCoefficient(groups.size(c) > k ? 1 : 0, column: c) }
                guard let s2 = try stageMIP(&lp, incumbent ?? best, deadline) else { return nil }
                oversized = Int(s2.objective.rounded())
                best = s2.columnValues
            }
            return (placed, oversized, chosen(Array(best.prefix(groups.count)), columns: all))
        }
    }

    private func stageMIP(_ lp: inout LinearProgram, _ incumbent: [Double]?, _ deadline: Date) throws(GLPKError) -> MIPSolution? {
        let time = deadline.timeIntervalSinceNow
        guard time > 0.01 else { return nil }
        let all = Array(0..<groups.count)
        let s = try lp.solveMIP(MIPOptions(timeLimit: time), incumbent: { node in node.isRoot ? incumbent : nil },
                                cuts: { node in oddSetCuts(values: node.relaxationValues, columns: all) })
        return s.status == .optimal && s.termination == .completed ? s : nil
    }

    /// Stage 3: column generation for the LP bound, reduced-cost fixing, then
    /// the MIP over the remaining columns.
    func scoreStage(start: [[Int]], placed: Int, oversized: Int, deadline: Date) throws(GLPKError) -> Outcome {
        let startScore = pairs.value(of: start, k: k).score
        guard let startVector = vector(start) else { return .unproven(note: "the start is not made of allowed groups") }
        let groupCount = (placed - oversized) / k
        return try GLPK.withProblem(direction: .maximize) { lp throws(GLPKError) -> Outcome in
            // Rows: members (= 1 when everyone is placed), then P, O, N.
            let memberBounds: Bounds = placed == m ? .fixed(1) : .upper(1)
            try lp.addRows((0..<m).map { _ in Row(columns: [], coefficients: [], bounds: memberBounds) })
            let rowP = try lp.addRow(Row(columns: [], coefficients: [], bounds: .fixed(Double(placed))))
            let rowO = try lp.addRow(Row(columns: [], coefficients: [], bounds: .fixed(Double(oversized))))
            let rowN = try lp.addRow(Row(columns: [], coefficients: [], bounds: .fixed(Double(groupCount))))
            var columns: [Int] = [] // model column -> group index
            var inModel = [Bool](repeating: false, count: groups.count)
            // Odd-set cuts added to the LP: their sets (membership) and rows.
            var cutSets: [[Bool]] = []
            var cutRows: [Int] = []
            func add(_ list: [Int]) throws(GLPKError) {
                guard !list.isEmpty else { return }
                try lp.addColumns(list.map { c in
                    let members = groups[c].map(Int.init)
                    let size = members.count
                    var rows = members + [rowP, rowO, rowN]
                    var coefficients = [Double](repeating: 1, count: size) + [Double(size), size > k ? 1 : 0, 1]
                    for (t, set) in cutSets.enumerated() {
                        let coefficient = cutCoefficient(set, group: c)
                        if coefficient > 0 {
                            rows.append(cutRows[t])
                            coefficients.append(Double(coefficient))
                        }
                    }
                    return Column(bounds: .lower(0), objective: groups.scores[c], kind: .continuous,
                                  rows: rows, coefficients: coefficients)
                })
                for c in list { inModel[c] = true }
                columns += list
            }
            // Start: the start's groups and, per participant, its best few groups.
            var initial = (0..<groups.count).filter { startVector[$0] > 0.5 }
            var bestOf = [[Int]](repeating: [], count: m)
            for c in 0..<groups.count {
                for x in groups[c] where bestOf[Int(x)].count < 4 || groups.scores[c] > groups.scores[bestOf[Int(x)].last!] {
                    var list = bestOf[Int(x)]
                    list.append(c)
                    list.sort { groups.scores[$0] > groups.scores[$1] }
                    if list.count > 4 { list.removeLast() }
                    bestOf[Int(x)] = list
                }
            }
            initial += bestOf.flatMap { $0 }
            try add(Array(Set(initial)).sorted())

            // Column generation, with rounds of odd-set cuts on the LP optimum
            // (the pricing then counts the cuts' duals).
            var lpValue = -Double.infinity
            var reduced = [Double](repeating: 0, count: groups.count)
            var cutRounds = 0
            while true {
                var values: [Double] = []
                while true {
                    let time = deadline.timeIntervalSinceNow
                    guard time > 0.01 else { return .bounded(start, bound: .infinity) }
                    let solution = try lp.solveLP(LPOptions(timeLimit: time))
                    guard solution.status == .optimal else { return .unproven(note: "stage 3 LP ended \(solution.status)") }
                    lpValue = solution.objective
                    values = solution.columnValues
                    let y = solution.rowDuals
                    var candidates: [(Double, Int)] = []
                    for c in 0..<groups.count {
                        var rc = groups.scores[c] - y[rowN] - Double(groups.size(c)) * y[rowP] - (groups.size(c) > k ? y[rowO] : 0)
                        for x in groups[c] { rc -= y[Int(x)] }
                        for (t, set) in cutSets.enumerated() where y[cutRows[t]] != 0 {
                            rc -= y[cutRows[t]] * Double(cutCoefficient(set, group: c))
                        }
                        reduced[c] = rc
                        if rc > 1e-9 && !inModel[c] { candidates.append((rc, c)) }
                    }
                    if candidates.isEmpty { break }
                    candidates.sort { $0.0 > $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
                    try add(candidates.prefix(max(200, m * 2)).map(\.1).sorted())
                }
                let sets = cutRounds < 50 ? oddSets(values: values, columns: columns) : []
                if sets.isEmpty { break }
                cutRounds += 1
                for set in sets {
                    let (cutColumns, coefficients) = cutCoefficients(set, columns: columns)
                    cutRows.append(try lp.addRow(Row(columns: cutColumns, coefficients: coefficients, bounds: .upper(Double(set.count / 2)))))
                    var inSet = [Bool](repeating: false, count: m)
                    for v in set { inSet[v] = true }
                    cutSets.append(inSet)
                }
            }
            // Every column now has rc <= 1e-9: z_LP (plus that slack) bounds every solution.
            let bound = lpValue + 1e-9 * Double(groupCount)
            if bound <= startScore + 1e-9 * (1 + abs(startScore)) { return .optimal(start) }
            // Reduced-cost fixing: a solution scoring >= the start uses only these.
            let threshold = startScore - bound - 1e-7 * (1 + abs(bound))
            let kept = (0..<groups.count).filter { reduced[$0] >= threshold }
            guard kept.count <= SetPartitioning.fixedModelLimit else { return .bounded(start, bound: bound) }
            try add(kept.filter { !inModel[$0] })
            let keep = Set(kept)
            for (j, c) in columns.enumerated() {
                if keep.contains(c) {
                    try lp.setColumnKind(.binary, column: j)
                } else {
                    try lp.setColumnBounds(.fixed(0), column: j)
                }
            }
            let incumbent = columns.map { startVector[$0] }
            let time = deadline.timeIntervalSinceNow
            guard time > 0.01 else { return .bounded(start, bound: bound) }
            let modelColumns = columns
            let mip = try lp.solveMIP(MIPOptions(timeLimit: time), incumbent: { node in node.isRoot ? incumbent : nil },
                                      cuts: { node in oddSetCuts(values: node.relaxationValues, columns: modelColumns) })
            if mip.status == .optimal && mip.termination == .completed {
                return .optimal(chosen(mip.columnValues, columns: columns))
            }
            let best = mip.status.hasFeasibleSolution ? chosen(mip.columnValues, columns: columns) : start
            return .bounded(best, bound: min(bound, mip.bestBound ?? bound))
        }
    }
}
