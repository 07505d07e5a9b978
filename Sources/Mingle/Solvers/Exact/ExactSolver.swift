import Foundation

/// `exact`: a proven best solution (SPEC section 2), block by block.
///
/// - Blocks small enough for subset DP are solved by it (`SubsetDP`).
/// - Other blocks are solved as set-packing integer programs over their allowed
///   groups with GLPK, in three lexicographic stages (`SetPartitioning`),
///   starting from the heuristic's groups.
/// - A block with too many allowed groups to enumerate, or whose stages 1–2 do
///   not finish in time, keeps the heuristic's groups; the result is then
///   `feasible`, with a bound only when every block has one.
///
/// GLPK failures never crash: the block keeps the heuristic's groups and a
/// note says why.
public struct ExactSolver: GroupingSolver {
    public var name: String { "exact" }
    /// Whether small blocks are solved by subset DP (off in tests of the GLPK model).
    public var subsetDP: Bool

    public init(subsetDP: Bool = true) {
        self.subsetDP = subsetDP
    }

    public func solve(_ problem: Problem, limits: SolveLimits) -> SolverResult {
        let deadline = Date(timeIntervalSinceNow: limits.timeLimit)
        // The heuristic's solution: first incumbent and fallback. Bounded to a
        // share of the time limit.
        var heuristicLimits = limits
        heuristicLimits.timeLimit = max(0.05, limits.timeLimit * 0.2)
        let heuristic = HeuristicSolver(exactSmallBlocks: subsetDP).solve(problem, limits: heuristicLimits)
        if heuristic.status == .optimal || heuristic.status == .infeasible {
            return SolverResult(groups: heuristic.groups, status: heuristic.status, bound: heuristic.bound, solver: "exact")
        }
        var blockOf = [Int32](repeating: -1, count: problem.count)
        var local = [Int32](repeating: -1, count: problem.count)
        for (b, block) in problem.blocks.enumerated() {
            for (l, i) in block.enumerated() {
                blockOf[Int(i)] = Int32(b)
                local[Int(i)] = Int32(l)
            }
        }
        var startOf = [[[Int]]](repeating: [], count: problem.blocks.count)
        for g in heuristic.groups {
            startOf[Int(blockOf[Int(g[0])])].append(g.map { Int(local[Int($0)]) }.sorted())
        }

        var groups: [[Int32]] = []
        var proven = true
        var bound: Double? = 0
        var notes: [String] = []
        var anyGroup = false
        for (b, block) in problem.blocks.enumerated() {
            limits.progress?("exact", Double(b) / Double(max(1, problem.blocks.count)))
            guard block.count >= problem.groupSize else { continue }
            let pairs = BlockPairs(problem: problem, members: block)
            let start = startOf[b]
            let sizes = problem.allowedSizes
            var blockGroups = start
            var blockBound: Double?
            if subsetDP, let exact = SubsetDP.solve(pairs, sizes: sizes, k: problem.groupSize) {
                blockGroups = exact
                blockBound = exact.reduce(0.0) { $0 + score(pairs, $1) }
            } else if let model = SetPartitioning(pairs: pairs, sizes: sizes, k: problem.groupSize) {
                switch model.solve(start: start, deadline: deadline) {
                case .optimal(let best):
                    blockGroups = best
                    blockBound = best.reduce(0.0) { $0 + score(pairs, $1) }
                case .bounded(let best, let b):
                    proven = false
                    if value(pairs, best) >= value(pairs, start) { blockGroups = best }
                    blockBound = b.isFinite ? b : nil
                case .unproven(let note):
                    proven = false
                    if let note { notes.append(note) }
                }
            } else {
                proven = false
                notes.append("block of \(block.count) participants has too many allowed groups for the exact model; kept the heuristic's groups")
            }
            if let blockBound, let total = bound { bound = total + blockBound } else { bound = nil }
            if !blockGroups.isEmpty { anyGroup = true }
            groups += blockGroups.map { $0.map { block[$0] } }
        }
        limits.progress?("exact", 1)
        groups = Problem.canonical(groups)
        if proven {
            if !anyGroup { return SolverResult(groups: [], status: .infeasible, bound: 0, solver: name) }
            return SolverResult(groups: groups, status: .optimal, bound: problem.value(of: groups).score, solver: name, notes: notes)
        }
        return SolverResult(groups: groups, status: .feasible, bound: bound, solver: name, notes: notes)
    }

    private func score(_ pairs: BlockPairs, _ group: [Int]) -> Double {
        var s = 0.0
        for x in 0..<group.count {
            for y in (x + 1)..<group.count { s += pairs.w(group[x], group[y]) }
        }
        return s
    }

    private func value(_ pairs: BlockPairs, _ groups: [[Int]]) -> GroupingValue {
        var v = GroupingValue()
        for g in groups {
            v.placed += g.count
            if g.count > pairs.problem.groupSize { v.oversized += 1 }
            v.score += score(pairs, g)
        }
        return v
    }
}
