import Foundation

/// The large-scale solver, for every group size and both remainder policies,
/// with a proven bound on every output.
///
/// Members equal on every category a rule reads are interchangeable but for
/// their history and exclusions, which are sparse. Each block (a class of the
/// required `same` rules; blocks are solved in parallel on all cores) goes
/// through three phases:
///
/// 1. **profiles**: members are grouped into profiles (`BlockProfiles`, at
///    most `profileLimit`, merging the lightest rules when there are more),
///    profile-to-profile weights come from one matrix product with OpenBLAS
///    (`ProfileWeights`), and the profile-level relaxation, a
///    transportation-like LP solved by GLPK, gives prices and the bound
///    (`ProfileRelaxation`);
/// 2. **constructing**: most constrained members first, each grown into a
///    group with the candidates the prices favour (`ScaleSearch.construct`);
///    only allowed groups are ever formed, so there is nothing to repair for
///    history or exclusions;
/// 3. **improving**: placement repair, then local search on the members below
///    their profile's potential, by passes (deterministic), within the time limit.
///
/// Blocks of at most `exactBlockLimit` members are solved exactly (`SubsetDP`).
/// The result is `optimal` when the bound meets the objective and placement is
/// proven best; otherwise `feasible` with the bound (docs/format.md (the output)).
///
/// - Complexity: per block of m members and C profiles, O(m log m + C³ + LP)
///   for the profiles, and O(m · k² · samples) weight evaluations per phase of
///   search; memory O(m + C²).
public struct ScaleSolver: GroupingSolver {
    public var name: String { "scale" }
    /// Local-search passes per block.
    public var maxPasses: Int
    /// The most profiles per block for the search.
    public var profileLimit: Int
    /// The most profiles of the LP (it has about C²/2 columns); coarser than
    /// the search's when they are more. As many as the search's by default:
    /// the earning bits of left-out rules (`BlockProfiles`) only tighten the
    /// bound when the LP sees them (sparse family, 10,000 pairs: bound 3.2%
    /// above the optimum on 40 LP profiles, 0.01% on 80).
    public var lpLimit: Int
    /// Blocks of at most this many members are solved exactly by subset DP.
    public var exactBlockLimit: Int

    public init(maxPasses: Int = 40, profileLimit: Int = 160, lpLimit: Int = 160, exactBlockLimit: Int = 12) {
        self.maxPasses = maxPasses
        self.profileLimit = profileLimit
        self.lpLimit = lpLimit
        self.exactBlockLimit = exactBlockLimit
    }

    /// One block through the phases.
    private struct BlockRun {
        let index: Int
        let members: [Int32]
        var exact: [[Int32]]?
        var profiles: BlockProfiles?
        var relaxation: ProfileRelaxation?
        var search: ScaleSearch?
    }

    /// Blocks above this size make a session large: there the scale solver
    /// matches the heuristic's dense local search (measured on generated
    /// sessions from 300 to 5,500 participants) and is 10 to 25 times faster.
    public static let largeBlock = 1024

    /// Whether the session has a block of more than `largeBlock` participants.
    public static func isLarge(_ problem: Problem) -> Bool {
        problem.blocks.contains { $0.count > largeBlock }
    }

    public func solve(_ problem: Problem, limits: SolveLimits) -> SolverResult {
        solve(problem, limits: limits, budget: SolveBudget(limits))
    }

    func solve(_ problem: Problem, limits: SolveLimits, budget: SolveBudget) -> SolverResult {
        let k = problem.groupSize
        let maxSize = problem.allowedSizes.upperBound
        let root = SplitMix64(seed: limits.seed)
        // Largest blocks first: they set the length of each parallel phase.
        let order = problem.blocks.indices.filter { problem.blocks[$0].count >= k }
            .sorted { (problem.blocks[$0].count, $1) > (problem.blocks[$1].count, $0) }
        let work = max(1, order.reduce(0) { $0 + problem.blocks[$1].count })

        let profiling = PhaseProgress(limits.progress, phase: "profiles", total: work)
        let tables = RuleTables(problem)
        // Each participant's position in its block.
        var local = [Int32](repeating: 0, count: problem.count)
        for block in problem.blocks {
            for (l, i) in block.enumerated() { local[Int(i)] = Int32(l) }
        }
        var runs = Parallel.map(order.count) { [local] i -> BlockRun in
            let b = order[i]
            let members = problem.blocks[b]
            var run = BlockRun(index: b, members: members)
            if members.count <= exactBlockLimit,
               let groups = SubsetDP.solve(BlockPairs(problem: problem, members: members), sizes: problem.allowedSizes, k: k) {
                run.exact = groups.map { $0.map { members[$0] } }
            }
            let profiles = BlockProfiles(members: members, tables: tables, limit: profileLimit)
            let weights = ProfileWeights(profiles: profiles, tables: tables)
            run.relaxation = ProfileRelaxation(profiles: profiles, weights: weights, tables: tables, groupSize: k,
                                               remainder: problem.remainder, lpLimit: members.count >= 64 ? lpLimit : nil,
                                               budget: budget)
            if run.exact == nil {
                run.search = ScaleSearch(pairs: MemberWeights(problem: problem, members: members, tables: tables), profiles: profiles,
                                         weights: weights, prices: run.relaxation!.prices,
                                         forbiddenPartners: forbiddenPartners(problem, members, local, profiles, weights),
                                         maxSize: maxSize, rng: root.fork(UInt64(b)), budget: budget)
            }
            run.profiles = profiles
            profiling.advance(members.count)
            return run
        }

        let constructing = PhaseProgress(limits.progress, phase: "constructing", total: work)
        let profiled = runs
        runs = Parallel.map(profiled.count) { i in
            var run = profiled[i]
            var reported = 0
            run.search?.construct { done in
                constructing.advance(done - reported)
                reported = done
            }
            constructing.advance(run.members.count - reported)
            return run
        }

        let improving = PhaseProgress(limits.progress, phase: "improving", total: work * (maxPasses + 1))
        let constructed = runs
        runs = Parallel.map(constructed.count) { i in
            var run = constructed[i]
            var reported = 0
            let size = run.members.count
            run.search?.improvePlacement()
            run.search?.improveScore(maxPasses: maxPasses) { pass in
                improving.advance((pass + 1) * size - reported)
                reported = (pass + 1) * size
            }
            run.search?.improvePlacement(finishing: true)
            improving.advance((maxPasses + 1) * size - reported)
            return run
        }
        limits.progress?("improving", 1)
        return result(runs, problem: problem, budget: budget)
    }

    /// For each member of a block, its forbidden links to members of the same
    /// block whose profiles are allowed with its own.
    private func forbiddenPartners(_ problem: Problem, _ members: [Int32], _ local: [Int32], _ profiles: BlockProfiles,
                                   _ weights: ProfileWeights) -> [Int32] {
        let links = problem.links
        return members.enumerated().map { a, i in
            var count: Int32 = 0
            for e in Int(links.offsets[Int(i)])..<Int(links.offsets[Int(i) + 1]) where links.flags[e] != 0 {
                let j = Int(links.partners[e]), l = Int(local[j])
                guard l < members.count, members[l] == Int32(j) else { continue }
                if weights.weight(Int(profiles.profileOf[a]), Int(profiles.profileOf[l])) > -.infinity { count += 1 }
            }
            return count
        }
    }

    /// Each block's groups and bound (see `ProfileRelaxation`), summed by `BlockTally`.
    ///
    /// The best solution is the union of the blocks' best (no allowed pair
    /// crosses two blocks), so each block is bounded on its own: a block whose
    /// placement is proven best (everyone placed under `merge`, m − m mod k
    /// under `leaveOut`) is bounded at its placed count and at most its own
    /// groups of k+1; any other at least its placed count. A block is optimal
    /// when its placement is proven, its groups of k+1 are the fewest its
    /// placed count allows, and its score reaches its bound.
    private func result(_ runs: [BlockRun], problem: Problem, budget: SolveBudget) -> SolverResult {
        let k = problem.groupSize
        let merge = problem.remainder == .merge
        var tally = BlockTally()
        for run in runs {
            if let exact = run.exact {
                tally.add(groups: exact, optimal: true, bound: exact.reduce(0.0) { $0 + problem.score(of: $1) })
                continue
            }
            let blockGroups = run.search!.result
            let n = run.members.count
            let placed = blockGroups.reduce(0) { $0 + $1.count }
            let oversized = blockGroups.filter { $0.count > k }.count
            let isMax = placed == (merge ? n : n - n % k)
            let minOversized = merge ? placed % k : 0
            let placedRange = isMax ? placed...placed : placed...(merge ? n : n - n % k)
            let oversizedRange = !merge ? 0...0 : isMax ? minOversized...oversized : 0...(n / (k + 1))
            let bound = run.relaxation!.bound(sizes: run.profiles!.sizes, groupSize: k, placed: placedRange, oversizedGroups: oversizedRange)
            let score = blockGroups.reduce(0.0) { $0 + problem.score(of: $1) }
            let optimal = isMax && oversized == minOversized && score >= bound - 1e-9 * max(1, abs(bound))
            tally.add(groups: blockGroups, optimal: optimal, bound: bound)
        }
        return tally.result(problem, solver: name, budget: budget)
    }
}

/// Progress of one phase over all blocks, reported as a fraction of its work.
private struct PhaseProgress: Sendable {
    private let report: (@Sendable (String, Double) -> Void)?
    private let phase: String
    private let total: Int
    private let done = WorkCounter()

    init(_ report: (@Sendable (String, Double) -> Void)?, phase: String, total: Int) {
        self.report = report
        self.phase = phase
        self.total = max(1, total)
        report?(phase, 0)
    }

    func advance(_ amount: Int) {
        guard let report, amount > 0 else { return }
        report(phase, min(1, Double(done.add(amount)) / Double(total)))
    }
}
