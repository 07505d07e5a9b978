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

    /// Exact is never worse than the heuristic, and proves what it returns.
    @Test(arguments: [(2, RemainderPolicy.merge), (3, .merge), (3, .leaveOut), (4, .leaveOut)])
    func neverWorseThanHeuristic(k: Int, remainder: RemainderPolicy) {
        let session = SessionGenerator(members: 60, groupSize: k, remainder: remainder, historySessions: 6, seed: UInt64(k)).generate()
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
