import Foundation
import MingleGLPK

/// The exact model of one block, solved by branch and price without listing
/// its allowed groups.
///
/// With G the allowed groups (sizes k, and k+1 under `merge`) and x_g ∈ {0,1},
/// the set-packing program of the three lexicographic stages of docs/format.md (what the solver looks for):
///
///     Σ_{g ∋ i} x_g ≤ 1                      for every participant i
///     stage 1:  P* = max Σ_g |g| x_g          (participants placed)
///     stage 2:  O* = min Σ_{|g|=k+1} x_g      subject to Σ_g |g| x_g = P*
///     stage 3:  S* = max Σ_g score(g) x_g     subject to both equalities
///
/// (member rows are equalities once P* = m). Stages 1 and 2 are usually settled
/// by argument (`ExactSolver`): P* ≤ m, and O* ≡ P* (mod k). Each stage that is
/// not is one `solve` call, with its own column values.
///
/// Each stage: column generation over the master LP (GLPK's simplex, warm
/// started), the pricing by `GroupPricing`'s exact bounded search, then branch
/// and price with the rule of Ryan & Foster ("An integer programming approach
/// to scheduling", in A. Wren (ed.), *Computer Scheduling of Public Transport*,
/// North-Holland, 1981, 269–280): on a pair {a, b} that the LP puts together
/// fractionally, one child keeps them together, the other apart; both stay
/// clique problems, so the pricing stays exact. The set-packing master over
/// cliques priced by a combinatorial search follows Mehrotra & Trick ("A
/// column generation approach for graph coloring", INFORMS Journal on
/// Computing 8(4), 1996, 344–354; "Cliques and clustering: a combinatorial
/// approach", Operations Research Letters 22(1), 1998, 1–12); with size
/// limits on the cliques, as in Ji & Mitchell ("Branch-and-price-and-cut on
/// the clique partitioning problem with minimum clique size requirement",
/// Discrete Optimization 4(1), 2007, 87–102; X. Ji, *Graph partition problems
/// with minimum size constraints*, PhD thesis, Rensselaer, 2004). Nodes are
/// taken best bound first.
///
/// Convergence on large blocks. From `greedyPricingFrom` members on, a round
/// first prices greedily (`GroupPricing.greedy`, one group grown from every
/// member) and adds those columns; the exact search runs every `exactEvery`
/// rounds and whenever the greedy one finds nothing, so the LP's convergence
/// is still proven by the exact search. The exact search prices at duals
/// smoothed towards a stability centre, π = α·π_centre + (1 − α)·π_LP with
/// π_centre the duals of the node's best Lagrangian bound (Wentges, "Weighted
/// Dantzig–Wolfe decomposition for linear mixed-integer programming",
/// International Transactions in Operational Research 4(2), 1997, 151–162);
/// its columns count when they improve the LP at π_LP, else the pricing is
/// repeated at π_LP (a mispricing), so the LP's optimum is still reached.
///
/// The bound. For ANY member duals y (y ≥ 0 when the member rows are
/// inequalities) and duals u of the size rows, every solution of a node
/// satisfies (Lagrangian relaxation; Farley, "A note on bounding a class of
/// linear programming problems, including cutting stock problems", Operations
/// Research 38(5), 1990, 922–923)
///
///     value ≤ Σ_i y_i b_i + Σ_r u_r b_r + U · max(0, max_g rc(g))
///
/// with U ≥ Σ x_g (exact N = (P* − O*)/k in stage 3, where max(0, ·) is not
/// needed) and rc the reduced cost. The pricing computes max rc exactly, or an
/// upper bound when its budget (or the time limit) stops it, so every iteration yields a valid
/// bound that does not rest on the LP's tolerances; a node keeps the best one.
/// When all pair weights are multiples of a power of two δ ≥ 2⁻¹⁰ (stages 1
/// and 2: δ = 1) bounds are rounded down to a multiple of δ.
///
/// At a node whose LP has converged, the columns that could still improve on
/// the incumbent z₀ (rc ≥ z₀ + δ − Σ y b − Σ u b − (U−1)·max rc) are listed by
/// the same search and, when few, the node is closed by GLPK's branch and cut
/// over them (reduced-cost column enumeration, as in Baldacci, Christofides &
/// Mingozzi, "An exact algorithm for the vehicle routing problem based on the
/// set partitioning formulation with additional cuts", Mathematical
/// Programming 115(2), 2008, 351–385).
struct BranchAndPrice {
    enum Stage {
        /// Maximise the members placed.
        case placed
        /// Minimise the groups of k+1, with `placed` members placed.
        case oversized(placed: Int)
        /// Maximise the score at these counts.
        case score(placed: Int, oversized: Int)
    }

    /// What a stage established.
    struct Result {
        /// The best groups found (local indices).
        var groups: [[Int]]
        /// Their value in the stage's objective.
        var value: Double
        /// An upper bound on the stage's objective (== value when proven).
        var bound: Double
        var proven: Bool
    }

    let pairs: BlockPairs
    let k: Int
    /// Allowed sizes, ascending.
    let sizes: [Int]
    /// Columns the enumeration may list to close a node by branch and cut.
    static let enumerationLimit = 60_000
    /// Nodes per stage: the work budget of the tree search (the time limit is
    /// the safety net). Blocks within `AutoSolver.groupModelLimit` close in far
    /// fewer when they close at all.
    static let nodeLimit = 4_000
    /// Columns a pricing round adds at most.
    var columnsPerRound: Int { max(30, min(300, pairs.m)) }
    /// Blocks from this size on price greedily first (`GroupPricing.greedy`).
    var greedyPricingFrom = 400
    var greedyPricing: Bool { m >= greedyPricingFrom }
    /// With greedy pricing, every this many rounds the exact pricing runs anyway.
    static let exactEvery = 8
    /// Wentges' smoothing weight α of the stability centre.
    static let smoothing = 0.5

    var m: Int { pairs.m }

    init(pairs: BlockPairs, sizes: ClosedRange<Int>, k: Int) {
        self.pairs = pairs
        self.sizes = Array(sizes)
        self.k = k
    }

    /// The stage value of a group of `size` members and score `score`.
    func columnValue(_ stage: Stage, size: Int, score: Double) -> Double {
        switch stage {
        case .placed: Double(size)
        case .oversized: size > k ? -1 : 0
        case .score: score
        }
    }

    /// The stage value of a grouping.
    func value(_ stage: Stage, of groups: [[Int]]) -> Double {
        let v = pairs.value(of: groups, k: k)
        switch stage {
        case .placed: return Double(v.placed)
        case .oversized: return Double(-v.oversized)
        case .score: return v.score
        }
    }

    /// The granularity δ of the stage's values (0 when none is found).
    func granularity(_ stage: Stage) -> Double {
        guard case .score = stage else { return 1 }
        var delta = 1.0
        while delta >= 1.0 / 1024 {
            var ok = true
            outer: for a in 0..<m {
                for b in (a + 1)..<m {
                    let w = pairs.w(a, b)
                    guard w > -.infinity else { continue }
                    let q = w / delta
                    if abs(q - q.rounded()) > 1e-9 * max(1, abs(q)) || abs(w) > 1e12 { ok = false; break outer }
                }
            }
            if ok { return delta }
            delta /= 2
        }
        return 0
    }

    /// Whether a stage-1 or stage-2 value is arithmetically possible: `placed`
    /// members in groups of the allowed sizes; −O groups of k+1 among P placed
    /// (P − (k+1)·O a non-negative multiple of k). Always true in stage 3.
    func reachable(_ stage: Stage, _ value: Int) -> Bool {
        switch stage {
        case .placed:
            guard value >= 0 else { return false }
            if !sizes.contains(k + 1) { return value % k == 0 }
            return (0...(value / (k + 1))).contains { (value - (k + 1) * $0) % k == 0 }
        case .oversized(let p):
            let o = -value
            return o >= 0 && p - (k + 1) * o >= 0 && (p - (k + 1) * o) % k == 0 && (o == 0 || sizes.contains(k + 1))
        case .score:
            return true
        }
    }

    /// A node of the branch-and-price tree: its Ryan–Foster decisions and the
    /// bound inherited from its parent.
    struct Node {
        var together: [(Int, Int)]
        var apart: [(Int, Int)]
        var bound: Double
        var serial: Int
    }

    /// Solves one stage from `start` (local groups, valid for the stage's
    /// equalities) until proven or the budget (`nodeLimit` nodes, or the
    /// safety net of `budget`) is spent.
    func solve(_ stage: Stage, start: [[Int]], budget: SolveBudget) throws(GLPKError) -> Result {
        let delta = granularity(stage)
        let lambda: Double
        var placed = m, oversized = 0
        let memberEquality: Bool
        switch stage {
        case .placed:
            lambda = 0; memberEquality = false
        case .oversized(let p):
            lambda = 0; placed = p; memberEquality = p == m
        case .score(let p, let o):
            lambda = 1; placed = p; oversized = o; memberEquality = p == m
        }
        let hasPlacedRow: Bool = {
            switch stage {
            case .placed: return false
            case .oversized: return !memberEquality
            case .score: return !memberEquality
            }
        }()
        let hasOversizedRow: Bool = { if case .score = stage { return sizes.contains(k + 1) } else { return false } }()
        let countFixed: Bool = { if case .score = stage { return true } else { return false } }()
        let groupCount = countFixed ? (placed - oversized) / k : placed / k

        var incumbent = start
        var incumbentValue = value(stage, of: start)
        func roundDown(_ b: Double) -> Double {
            let b = b + 1e-11 * (1 + abs(b))
            guard delta > 0 else { return b }
            var v = (b / delta).rounded(.down) * delta
            // Stages 1 and 2: down to a value the group sizes can make.
            while v > -Double(m) - 1 && !reachable(stage, Int(v)) { v -= 1 }
            return v
        }
        func closes(_ bound: Double) -> Bool { bound <= incumbentValue + 1e-9 * (1 + abs(incumbentValue)) }

        return try GLPK.withProblem(direction: .maximize) { lp throws(GLPKError) -> Result in
            // Rows: members, then P and O when present.
            try lp.addRows((0..<m).map { _ in Row(columns: [], coefficients: [], bounds: memberEquality ? .fixed(1) : .upper(1)) })
            let rowP = hasPlacedRow ? try lp.addRow(Row(columns: [], coefficients: [], bounds: .fixed(Double(placed)))) : -1
            let rowO = hasOversizedRow ? try lp.addRow(Row(columns: [], coefficients: [], bounds: .fixed(Double(oversized)))) : -1
            // Artificial columns keep every restricted master feasible; their
            // cost only steers the duals (any duals give a valid bound).
            var maxWeight = 1.0
            for a in 0..<m { for b in (a + 1)..<m where pairs.w(a, b) > -.infinity { maxWeight = max(maxWeight, abs(pairs.w(a, b))) } }
            var penalty = 10 + Double(m) * Double(sizes.last!) * (lambda == 0 ? 1 : maxWeight)
            var artificial: [Column] = []
            if memberEquality { artificial += (0..<m).map { Column(bounds: .lower(0), objective: -penalty, rows: [$0], coefficients: [1]) } }
            for row in [rowP, rowO] where row >= 0 {
                artificial.append(Column(bounds: .lower(0), objective: -penalty, rows: [row], coefficients: [1]))
                artificial.append(Column(bounds: .lower(0), objective: -penalty, rows: [row], coefficients: [-1]))
            }
            try lp.addColumns(artificial)
            let firstGroupColumn = artificial.count

            // The column pool: members of each model column past the artificials.
            var pool: [[Int32]] = []
            var known = Set<[Int32]>()
            func column(_ members: [Int32]) -> Column {
                let list = members.map(Int.init)
                let score = pairs.value(of: [list], k: k).score
                var rows = list, coefficients = [Double](repeating: 1, count: list.count)
                if rowP >= 0 { rows.append(rowP); coefficients.append(Double(list.count)) }
                if rowO >= 0 && list.count > k { rows.append(rowO); coefficients.append(1) }
                return Column(bounds: .lower(0), objective: columnValue(stage, size: list.count, score: score),
                              rows: rows, coefficients: coefficients)
            }
            func add(_ list: [[Int32]]) throws(GLPKError) {
                let fresh = list.filter { known.insert($0).inserted }
                guard !fresh.isEmpty else { return }
                try lp.addColumns(fresh.map(column))
                pool += fresh
            }
            try add(start.map { $0.map(Int32.init).sorted() })

            /// The restricted master's LP: bounded by simplex iterations
            /// (deterministic), the time left as the safety net (recorded when
            /// it fires); nil when it did not end at an optimum.
            func solveMaster() throws(GLPKError) -> LPSolution? {
                let time = budget.secondsLeft
                guard time > 0.01, !budget.isOver else { return nil }
                let iterations = SolveBudget.simplexIterations(rows: lp.numberOfRows, columns: lp.numberOfColumns)
                let solution = try lp.solveLP(LPOptions(timeLimit: time, iterationLimit: iterations))
                if solution.termination == .timeLimit { budget.recordCut() }
                guard solution.termination == .completed, solution.status == .optimal else { return nil }
                return solution
            }

            // e_s for duals u of the size rows.
            func sizeValues(_ duals: [Double]) -> [Double] {
                var e = [Double](repeating: 0, count: (sizes.last ?? 0) + 1)
                for s in sizes {
                    var v = columnValue(stage, size: s, score: 0)
                    if rowP >= 0 { v -= Double(s) * duals[rowP] }
                    if rowO >= 0 && s > k { v -= duals[rowO] }
                    e[s] = v
                }
                return e
            }
            /// The Lagrangian bound at duals (y, u) given an upper bound on max rc.
            func lagrangian(_ y: [Double], _ duals: [Double], maxReducedCost: Double) -> Double {
                var b = 0.0
                for i in 0..<m { b += y[i] }
                if rowP >= 0 { b += duals[rowP] * Double(placed) }
                if rowO >= 0 { b += duals[rowO] * Double(oversized) }
                return b + Double(groupCount) * (countFixed ? maxReducedCost : max(0, maxReducedCost))
            }

            /// Diving with column generation (a primal heuristic): fix the columns
            /// the LP puts at 1 and the largest fractional one, price the rest
            /// with the covered members excluded, until the LP is integral.
            /// Restores the node's column bounds. Nil when the dive fails.
            func dive(respects: ([Int32]) -> Bool, pricing: GroupPricing) throws(GLPKError) -> [[Int]]? {
                var covered = [Bool](repeating: false, count: m)
                var fixedColumns: [Int] = []
                var result: [[Int]]?
                while true {
                    guard let solution = try solveMaster() else { break }
                    let values = solution.columnValues
                    if values.prefix(firstGroupColumn).contains(where: { $0 > 1e-7 }) { break }
                    var y = Array(solution.rowDuals.prefix(m))
                    for i in 0..<m { y[i] = covered[i] ? .infinity : (memberEquality ? y[i] : max(0, y[i])) }
                    let answer = pricing.price(duals: y, sizeValue: sizeValues(solution.rowDuals), threshold: 0,
                                               keep: columnsPerRound, budget: budget)
                    guard answer.complete else { break }
                    let before = pool.count
                    try add(answer.columns.filter { $0.reducedCost > 1e-9 * (1 + abs(solution.objective)) }.map(\.members))
                    if pool.count > before { continue }
                    var fix: [Int] = []
                    var largest = -1
                    for j in 0..<pool.count {
                        let x = values[firstGroupColumn + j]
                        guard x > 1e-7, !covered[Int(pool[j][0])] else { continue }
                        if x > 1 - 1e-7 { fix.append(j) } else if largest < 0 || x > values[firstGroupColumn + largest] { largest = j }
                    }
                    if largest < 0 {
                        result = (0..<pool.count).filter { values[firstGroupColumn + $0] > 0.5 }.map { pool[$0].map(Int.init) }
                        break
                    }
                    fix.append(largest)
                    for j in fix {
                        try lp.setColumnBounds(.fixed(1), column: firstGroupColumn + j)
                        fixedColumns.append(j)
                        for x in pool[j] { covered[Int(x)] = true }
                    }
                }
                for (j, members) in pool.enumerated() {
                    try lp.setColumnBounds(respects(members) ? .lower(0) : .fixed(0), column: firstGroupColumn + j)
                }
                if result == nil && !fixedColumns.isEmpty {
                    // A stalled dive: the local search completes the fixed groups.
                    let search = HeuristicSolver().searchBlock(pairs, problem: pairs.problem, rng: SplitMix64(seed: UInt64(m)), budget: budget,
                                                               start: fixedColumns.map { pool[$0].map(Int.init) })
                    let v = pairs.value(of: search, k: k)
                    let fits: Bool = switch stage {
                    case .placed: true
                    case .oversized(let p): v.placed == p
                    case .score(let p, let o): v.placed == p && v.oversized == o
                    }
                    if fits { result = search }
                }
                return result
            }

            var open: [Node] = [Node(together: [], apart: [], bound: .infinity, serial: 0)]
            var serial = 1
            var nodes = 0
            var unresolved = -Double.infinity // bounds of nodes left without a proof
            while !open.isEmpty {
                // Best bound first; the oldest on ties.
                let pick = open.indices.max { (open[$0].bound, -open[$0].serial) < (open[$1].bound, -open[$1].serial) }!
                let node = open.remove(at: pick)
                if closes(node.bound) { continue }
                if nodes >= BranchAndPrice.nodeLimit || budget.isOver { open.append(node); break }
                nodes += 1

                // The node's columns: those that respect its decisions.
                func respects(_ members: [Int32]) -> Bool {
                    for (a, b) in node.together where members.contains(Int32(a)) != members.contains(Int32(b)) { return false }
                    for (a, b) in node.apart where members.contains(Int32(a)) && members.contains(Int32(b)) { return false }
                    return true
                }
                for (j, members) in pool.enumerated() {
                    try lp.setColumnBounds(respects(members) ? .lower(0) : .fixed(0), column: firstGroupColumn + j)
                }
                let pricing = GroupPricing(pairs: pairs, lambda: lambda, sizes: sizes, together: node.together, apart: node.apart)
                var nodeBound = node.bound
                var lpSolution: LPSolution?
                // The duals of the best bound (else the last ones) and their max rc.
                var bestDuals: (y: [Double], u: [Double], maximum: Double)?
                var lastDuals: (y: [Double], u: [Double], maximum: Double)?
                var converged = false
                var round = 0
                // Wentges' stability centre: the duals of the node's best bound.
                var centre: (y: [Double], u: [Double])?
                pricingRounds: while true {
                    guard let solution = try solveMaster() else { break }
                    lpSolution = solution
                    round += 1
                    var y = Array(solution.rowDuals.prefix(m))
                    if !memberEquality { for i in 0..<m { y[i] = max(0, y[i]) } }
                    let e = sizeValues(solution.rowDuals)
                    let tolerance = 1e-9 * (1 + abs(solution.objective))
                    // Large blocks: the greedy pricing first, the exact one every
                    // `exactEvery` rounds (for the bound) and when it finds nothing.
                    if greedyPricing && round % BranchAndPrice.exactEvery != 0 {
                        let quick = pricing.greedy(duals: y, sizeValue: e, threshold: tolerance, keep: columnsPerRound)
                        let before = pool.count
                        try add(quick.map(\.members))
                        if pool.count > before { continue }
                    }
                    // The exact pricing at duals smoothed towards the centre: any
                    // duals give a valid bound; columns count when they improve the
                    // LP at its own duals, else the pricing is repeated there.
                    var alpha = centre == nil ? 0 : BranchAndPrice.smoothing
                    while true {
                        var ys = y, us = solution.rowDuals
                        if alpha > 0, let centre {
                            for i in 0..<m { ys[i] = alpha * centre.y[i] + (1 - alpha) * y[i] }
                            for r in m..<us.count { us[r] = alpha * centre.u[r] + (1 - alpha) * us[r] }
                        }
                        let es = alpha > 0 ? sizeValues(us) : e
                        let answer = pricing.price(duals: ys, sizeValue: es, threshold: 0, keep: columnsPerRound, budget: budget)
                        let bound = roundDown(lagrangian(ys, us, maxReducedCost: answer.maximum))
                        lastDuals = (ys, us, answer.maximum)
                        if bound < nodeBound {
                            nodeBound = bound
                            bestDuals = (ys, us, answer.maximum)
                            centre = (ys, us)
                        }
                        if closes(nodeBound) || !answer.complete { break pricingRounds }
                        // Reduced costs at the LP's own duals.
                        let improving = answer.columns.filter { column in
                            var rc = column.reducedCost + e[column.members.count] - es[column.members.count]
                            for x in column.members { rc += ys[Int(x)] - y[Int(x)] }
                            return rc > tolerance
                        }
                        if !improving.isEmpty {
                            let before = pool.count
                            try add(improving.map(\.members))
                            if pool.count > before { continue pricingRounds }
                        }
                        if alpha > 0 { alpha = 0; continue }
                        break
                    }
                    // No column improves the LP at its duals.
                    // Artificials still in use: raise their cost (the node may be
                    // infeasible; its bound then falls below any incumbent).
                    if solution.columnValues.prefix(firstGroupColumn).contains(where: { $0 > 1e-7 }) && penalty < 1e9 {
                        penalty *= 16
                        for j in 0..<firstGroupColumn { try lp.setObjectiveCoefficient(-penalty, column: j) }
                        continue
                    }
                    converged = true
                    break
                }
                if closes(nodeBound) { continue }
                guard converged, let solution = lpSolution else {
                    open.append(Node(together: node.together, apart: node.apart, bound: nodeBound, serial: node.serial))
                    break
                }
                // An integral LP optimum without artificials is the node's best.
                let values = solution.columnValues
                let artificialUsed = values.prefix(firstGroupColumn).contains { $0 > 1e-7 }
                let chosenColumns = (0..<pool.count).filter { values[firstGroupColumn + $0] > 1e-7 }
                let integral = chosenColumns.allSatisfy { values[firstGroupColumn + $0] > 1 - 1e-7 }
                if !artificialUsed && integral {
                    let grouping = chosenColumns.map { pool[$0].map(Int.init) }
                    let v = value(stage, of: grouping)
                    if v > incumbentValue { incumbent = grouping; incumbentValue = v }
                    if closes(nodeBound) || abs(v - solution.objective) <= 1e-7 * (1 + abs(v)) { continue }
                }
                // The restricted master as a MIP (GLPK's branch and cut over the
                // node's columns), at the root and every 16th node: LP bounds on
                // these blocks are often met by solutions the local search misses.
                if node.serial % 16 == 0, let grouping = try dive(respects: respects, pricing: pricing) {
                    let v = value(stage, of: grouping)
                    if v > incumbentValue { incumbent = grouping; incumbentValue = v }
                    if closes(nodeBound) { continue }
                }
                if node.serial % 16 == 0 {
                    let columns = pool.filter(respects)
                    let target = incumbentValue + (delta > 0 ? delta : 1e-9 * (1 + abs(incumbentValue)))
                    if let (grouping, _) = try closeByEnumeration(stage, columns: columns, memberEquality: memberEquality,
                                                                  placed: hasPlacedRow ? placed : nil, oversized: hasOversizedRow ? oversized : nil,
                                                                  target: target, budget: budget, share: 0.25),
                       let grouping {
                        let v = value(stage, of: grouping)
                        if v > incumbentValue { incumbent = grouping; incumbentValue = v }
                        if closes(nodeBound) { continue }
                    }
                }
                // Reduced-cost enumeration: close the node by branch and cut when
                // the columns that could improve on the incumbent are few.
                if let duals = bestDuals ?? lastDuals {
                    let dualValue = lagrangian(duals.0, duals.1, maxReducedCost: 0)
                    let target = incumbentValue + (delta > 0 ? delta : 1e-9 * (1 + abs(incumbentValue)))
                    let slack = Double(max(0, groupCount - 1)) * max(0, duals.2)
                    let threshold = target - dualValue - slack - 1e-9 * (1 + abs(target))
                    let listed = pricing.price(duals: duals.0, sizeValue: sizeValues(duals.1), threshold: threshold, keep: nil,
                                               limit: BranchAndPrice.enumerationLimit, budget: budget)
                    if listed.complete {
                        let closed = try closeByEnumeration(stage, columns: listed.columns.map(\.members), memberEquality: memberEquality,
                                                            placed: hasPlacedRow ? placed : nil, oversized: hasOversizedRow ? oversized : nil,
                                                            target: target, budget: budget)
                        if let (grouping, finished) = closed {
                            if let grouping {
                                let v = value(stage, of: grouping)
                                if v > incumbentValue { incumbent = grouping; incumbentValue = v }
                            }
                            if finished { continue }
                        }
                        open.append(Node(together: node.together, apart: node.apart, bound: nodeBound, serial: node.serial))
                        break
                    }
                }
                // Ryan–Foster branching on the most fractional pair.
                var together: [Int: Double] = [:]
                for c in chosenColumns where values[firstGroupColumn + c] < 1 - 1e-7 {
                    let members = pool[c]
                    for x in 0..<members.count {
                        for y in (x + 1)..<members.count {
                            together[Int(members[x]) * m + Int(members[y]), default: 0] += values[firstGroupColumn + c]
                        }
                    }
                }
                var branch = -1, closest = Double.infinity
                for key in together.keys.sorted() {
                    let v = together[key]!
                    guard v > 1e-6 && v < 1 - 1e-6 else { continue }
                    if abs(v - 0.5) < closest { closest = abs(v - 0.5); branch = key }
                }
                guard branch >= 0 else {
                    // No pair to branch on (artificials in the LP): no proof here.
                    unresolved = max(unresolved, nodeBound)
                    continue
                }
                let (a, b) = (branch / m, branch % m)
                open.append(Node(together: node.together + [(a, b)], apart: node.apart, bound: nodeBound, serial: serial))
                open.append(Node(together: node.together, apart: node.apart + [(a, b)], bound: nodeBound, serial: serial + 1))
                serial += 2
            }
            let openBound = open.map(\.bound).max() ?? -.infinity
            let bound = max(incumbentValue, openBound, unresolved)
            return Result(groups: incumbent, value: incumbentValue, bound: bound, proven: closes(bound))
        }
    }

    /// GLPK's branch and cut over `columns` (the node's only columns that can
    /// improve on the incumbent), for a solution of value at least `target`.
    /// Returns its best groups (nil if none) and whether it finished; nil when
    /// no time is left.
    func closeByEnumeration(_ stage: Stage, columns: [[Int32]], memberEquality: Bool, placed: Int?, oversized: Int?,
                            target: Double, budget: SolveBudget, share: Double = 1) throws(GLPKError) -> ([[Int]]?, Bool)? {
        if columns.isEmpty { return (nil, true) }
        // GLPK's branch and cut has no node limit, only `tm_lim`: the time
        // left (a `share` of it, at most 10 s for a share) with a margin, since
        // GLPK checks its limit between nodes. When it fires, the budget records
        // it. The budget's safety net (a cancellation, the whole solve's limit)
        // also stops it, from the branch-and-cut callback (`stop`).
        let left = budget.secondsLeft
        let time = share < 1 ? min(left * share, 10) : left - 0.3
        guard time > 0.05, !budget.isOver else { return nil }
        return try GLPK.withProblem(direction: .maximize) { lp throws(GLPKError) -> ([[Int]]?, Bool)? in
            try lp.addRows((0..<m).map { _ in Row(columns: [], coefficients: [], bounds: memberEquality ? .fixed(1) : .upper(1)) })
            let rowP = try placed.map { p throws(GLPKError) in try lp.addRow(Row(columns: [], coefficients: [], bounds: .fixed(Double(p)))) }
            let rowO = try oversized.map { o throws(GLPKError) in try lp.addRow(Row(columns: [], coefficients: [], bounds: .fixed(Double(o)))) }
            // The objective as a row: only solutions reaching the target count.
            let rowTarget = try lp.addRow(Row(columns: [], coefficients: [], bounds: .lower(target - 1e-9 * (1 + abs(target)))))
            try lp.addColumns(columns.map { members in
                let list = members.map(Int.init)
                let objective = columnValue(stage, size: list.count, score: pairs.value(of: [list], k: k).score)
                var rows = list, coefficients = [Double](repeating: 1, count: list.count)
                if let rowP { rows.append(rowP); coefficients.append(Double(list.count)) }
                if let rowO, list.count > k { rows.append(rowO); coefficients.append(1) }
                rows.append(rowTarget)
                coefficients.append(objective)
                return Column(bounds: .range(lower: 0, upper: 1), objective: objective, kind: .binary, rows: rows, coefficients: coefficients)
            })
            // The groups of each size as integer columns: they carry the
            // arithmetic of sizes (e.g. 11 = 4a + 5b has no solution) that the
            // LP relaxation cannot see.
            for size in sizes {
                let members = columns.indices.filter { columns[$0].count == size }
                guard !members.isEmpty else { continue }
                let count = try lp.addColumn(Column(bounds: .lower(0), objective: 0, kind: .integer))
                try lp.addRow(Row(columns: members + [count], coefficients: [Double](repeating: 1, count: members.count) + [-1], bounds: .fixed(0)))
            }
            let mip = try lp.solveMIP(MIPOptions(timeLimit: time), stop: { budget.isOver })
            if mip.termination == .timeLimit { budget.recordCut() }
            let finished = mip.termination == .completed && (mip.status == .optimal || mip.status == .noFeasible)
            guard mip.status.hasFeasibleSolution else { return (nil, finished) }
            let grouping = columns.indices.filter { mip.columnValues[$0] > 0.5 }.map { columns[$0].map(Int.init) }
            return (grouping, finished)
        }
    }
}

