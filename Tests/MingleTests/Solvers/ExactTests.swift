import Foundation
import Testing
@testable import Mingle

@Suite("Exact solver")
struct ExactTests {
    /// The GLPK model (subset DP off) equals brute force on every small shape:
    /// k = 2...4, both remainders, negative weights, forbidden pairs, blocks.
    @Test(arguments: 0..<90)
    func glpkModelEqualsBruteForce(seed: Int) {
        exactEqualsBruteForce(seed: seed, solver: ExactSolver(subsetDP: false, matching: false))
    }

    /// The same with the matching algorithm for k = 2.
    @Test(arguments: 0..<90)
    func matchingEqualsBruteForce(seed: Int) {
        exactEqualsBruteForce(seed: 20_000 + seed, solver: ExactSolver(subsetDP: false, matching: true))
    }

    func exactEqualsBruteForce(seed: Int, solver: ExactSolver) {
        var sessions = RandomSessions(seed: UInt64(9000 + seed))
        let (k, remainder) = HeuristicTests.shapes[seed % HeuristicTests.shapes.count]
        let n = 3 + seed % 10 // up to 12 participants
        let session = sessions.session(participants: n, groupSize: k, remainder: remainder)
        let output = solveAndValidate(session, exact: solver)
        let best = BruteForce.best(session)
        #expect(output.stats.placed == best.placed && output.stats.oversizedGroups == best.oversized,
                "k=\(k) \(remainder) n=\(n): \(output.value) vs \(best)")
        #expect(abs(output.objective - best.score) < 1e-6, "k=\(k) \(remainder) n=\(n): \(output.value) vs \(best)")
        #expect(output.status == (best.placed == 0 ? .infeasible : .optimal))
        if let bound = output.bound { #expect(bound >= output.objective - 1e-9) }
    }

    /// Branch and price (subset DP off) equals brute force for groups of 3, 4
    /// and 5, both remainders, up to 12 participants.
    @Test(arguments: 0..<60)
    func branchAndPriceEqualsBruteForceUpToFive(seed: Int) {
        var sessions = RandomSessions(seed: UInt64(31_000 + seed))
        let shapes: [(Int, RemainderPolicy)] = [(3, .merge), (3, .leaveOut), (4, .merge), (4, .leaveOut), (5, .merge), (5, .leaveOut)]
        let (k, remainder) = shapes[seed % shapes.count]
        let n = 5 + seed % 8
        let session = sessions.session(participants: n, groupSize: k, remainder: remainder)
        let output = solveAndValidate(session, exact: ExactSolver(subsetDP: false, matching: false))
        let best = BruteForce.best(session)
        #expect(output.value.placed == best.placed && output.value.oversized == best.oversized, "k=\(k) \(remainder) n=\(n)")
        #expect(abs(output.objective - best.score) < 1e-6, "k=\(k) \(remainder) n=\(n): \(output.value) vs \(best), bound \(output.bound ?? -1) \(output.warnings)")
        #expect(output.status == (best.placed == 0 ? .infeasible : .optimal))
    }

    /// Under a limit too short for a proof, the bound of branch and price is
    /// never below the brute-force optimum, and the output is valid.
    @Test(arguments: 0..<30)
    func shortLimitBoundIsHonest(seed: Int) {
        var sessions = RandomSessions(seed: UInt64(32_000 + seed))
        let shapes: [(Int, RemainderPolicy)] = [(3, .merge), (3, .leaveOut), (4, .merge), (5, .leaveOut)]
        let (k, remainder) = shapes[seed % shapes.count]
        var session = sessions.session(participants: 9 + seed % 4, groupSize: k, remainder: remainder)
        session.options.timeLimit = 0.002 * Double(1 + seed % 5)
        let output = solveAndValidate(session, exact: ExactSolver(subsetDP: false, matching: false))
        let best = BruteForce.best(session)
        #expect(output.value <= best)
        if let bound = output.bound, output.value.placed == best.placed, output.value.oversized == best.oversized {
            #expect(bound >= best.score - 1e-6, "k=\(k) \(remainder): bound \(bound) below the optimum \(best.score)")
        }
    }

    /// The pricing's maximum is never below the largest reduced cost over every
    /// allowed group (listed by brute force), also when its budget stops it,
    /// and under Ryan-Foster decisions; the greedy pricing's groups are allowed
    /// and priced right.
    @Test(arguments: 0..<40)
    func pricingMaximumIsAnUpperBound(seed: Int) {
        var sessions = RandomSessions(seed: UInt64(33_000 + seed))
        let k = 3 + seed % 3
        let session = sessions.session(participants: 14, groupSize: k, remainder: seed % 2 == 0 ? .merge : .leaveOut)
        let problem = Problem(session)
        guard let block = problem.blocks.max(by: { $0.count < $1.count }), block.count >= k else { return }
        let pairs = BlockPairs(problem: problem, members: block)
        var rng = SplitMix64(seed: UInt64(seed))
        let duals = (0..<pairs.m).map { _ in Double(rng.below(9)) - 2 }
        let sizes = Array(problem.allowedSizes)
        let sizeValue = (0...(sizes.last!)).map { _ in Double(rng.below(5)) - 2 }
        let together = seed % 4 == 1 && pairs.m > 3 ? [(0, 1)] : []
        let apart = seed % 4 == 2 && pairs.m > 3 ? [(1, 2)] : []
        let pricing = GroupPricing(pairs: pairs, lambda: 1, sizes: sizes, together: together, apart: apart)
        var best = -Double.infinity
        let all = pairs.allowedGroups(sizes: problem.allowedSizes, limit: .max)!
        for g in 0..<all.count {
            let members = all[g].map(Int.init)
            if together.contains(where: { members.contains($0.0) != members.contains($0.1) }) { continue }
            if apart.contains(where: { members.contains($0.0) && members.contains($0.1) }) { continue }
            best = max(best, all.scores[g] - members.reduce(0) { $0 + duals[$1] } + sizeValue[members.count])
        }
        let complete = pricing.price(duals: duals, sizeValue: sizeValue, threshold: 0, keep: 5, budget: SolveBudget(timeLimit: 1e6))
        #expect(complete.complete)
        #expect(complete.maximum >= best - 1e-9)
        if best > 1e-9 { #expect(abs(complete.columns[0].reducedCost - best) < 1e-9) }
        let stopped = pricing.price(duals: duals, sizeValue: sizeValue, threshold: 0, keep: 5, budget: SolveBudget(timeLimit: 0))
        #expect(stopped.maximum >= best - 1e-9)
        // The greedy pricing's groups respect the decisions and carry their exact reduced cost.
        for column in pricing.greedy(duals: duals, sizeValue: sizeValue, threshold: -1e9, keep: 50) {
            let members = column.members.map(Int.init)
            #expect(sizes.contains(members.count))
            #expect(!together.contains { members.contains($0.0) != members.contains($0.1) })
            #expect(!apart.contains { members.contains($0.0) && members.contains($0.1) })
            let rc = pairs.value(of: [members], k: k).score - members.reduce(0) { $0 + duals[$1] } + sizeValue[members.count]
            #expect(abs(rc - column.reducedCost) < 1e-9)
            #expect(column.reducedCost <= complete.maximum + 1e-9)
        }
    }

    /// Branch and price with the greedy pricing of large blocks switched on
    /// from the first member (and Wentges smoothing, always on) still proves
    /// the brute-force optimum for groups of 3, 4 and 5.
    @Test(arguments: 0..<24)
    func greedyPricingKeepsTheProof(seed: Int) {
        var sessions = RandomSessions(seed: UInt64(34_000 + seed))
        let shapes: [(Int, RemainderPolicy)] = [(3, .merge), (3, .leaveOut), (4, .merge), (5, .leaveOut)]
        let (k, remainder) = shapes[seed % shapes.count]
        let session = sessions.session(participants: 8 + seed % 5, groupSize: k, remainder: remainder)
        let problem = Problem(session)
        guard problem.blocks.count == 1, let block = problem.blocks.first, block.count >= k else { return }
        let pairs = BlockPairs(problem: problem, members: block)
        var model = BranchAndPrice(pairs: pairs, sizes: problem.allowedSizes, k: k)
        model.greedyPricingFrom = 0
        let best = BruteForce.best(session)
        let start = HeuristicSolver().searchBlock(pairs, problem: problem, rng: SplitMix64(seed: 1), budget: SolveBudget(timeLimit: 1e6))
        guard case .optimal(let groups) = model.solveStages(start: start, budget: SolveBudget(timeLimit: 1e6)) else {
            Issue.record("k=\(k) \(remainder): no proof")
            return
        }
        let value = pairs.value(of: groups, k: k)
        #expect(value.placed == best.placed && value.oversized == best.oversized, "k=\(k) \(remainder)")
        #expect(abs(value.score - best.score) < 1e-6, "k=\(k) \(remainder): \(value) vs \(best)")
    }

    /// The same seed gives the same groups.
    @Test func deterministicForASeed() {
        let session = SessionGenerator(members: 48, groupSize: 4, remainder: .merge, historySessions: 6, seed: 3).generate()
        let solver = ExactSolver(subsetDP: false, matching: false)
        let first = solveAndValidate(session, exact: solver)
        let second = solveAndValidate(session, exact: solver)
        #expect(first.groups.map(\.members) == second.groups.map(\.members))
        #expect(first.bound == second.bound)
    }

    /// Exact is never worse than the heuristic, and proves what it returns.
    @Test(arguments: [(2, RemainderPolicy.merge), (3, .merge), (3, .leaveOut), (4, .leaveOut)])
    func neverWorseThanHeuristic(k: Int, remainder: RemainderPolicy) {
        var session = SessionGenerator(members: 60, groupSize: k, remainder: remainder, historySessions: 6, seed: UInt64(k)).generate()
        session.options.timeLimit = 120 // a proof takes well under a second in release; debug builds on a loaded machine are slower
        let exact = solveAndValidate(session, solver: .exact)
        let heuristic = solveAndValidate(session, heuristic: HeuristicSolver(exactSmallBlocks: false))
        #expect(exact.value >= heuristic.value)
        #expect(exact.status == .optimal)
        #expect(exact.bound == exact.objective)
    }

    /// A time limit too short for a proof still gives a valid output, with a
    /// bound that is never below the objective.
    @Test func timeLimitedRunIsValid() {
        var session = SessionGenerator(members: 160, groupSize: 3, remainder: .merge, historySessions: 4, seed: 5).generate()
        session.options.timeLimit = 0.05
        let output = solveAndValidate(session, solver: .exact)
        #expect(output.status == .feasible || output.status == .optimal)
        if let bound = output.bound { #expect(bound >= output.objective - 1e-9) }
        #expect(output.stats.placed > 100)
    }
}
