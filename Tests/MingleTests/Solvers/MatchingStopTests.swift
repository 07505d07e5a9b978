import Synchronization
import Testing
@testable import Mingle

/// The blossom matching's `stop`, and what `exact` makes of a matching that
/// the budget's safety net ended.
@Suite("Matching stop")
struct MatchingStopTests {
    /// A random graph on n vertices: each pair an edge with probability 1/2,
    /// weights in -50...100.
    static func graph(n: Int, seed: UInt64) -> WeightedMatching {
        var rng = SplitMix64(seed: seed)
        var edges: [WeightedMatching.Edge] = []
        for u in 0..<n {
            for v in (u + 1)..<n where rng.below(2) == 0 {
                edges.append(.init(u: Int32(u), v: Int32(v), weight: Int64(rng.below(151)) - 50))
            }
        }
        return WeightedMatching(vertexCount: n, edges: edges)
    }

    /// A stopped run returns a valid matching of the graph's edges, flagged
    /// as stopped and not verified, no larger than the optimum; `stop` is not
    /// asked again once it said yes. A `stop` that never fires changes nothing.
    @Test(arguments: [false, true])
    func stoppedMatchingIsValidAndFlagged(maximumCardinality: Bool) {
        let graph = Self.graph(n: 300, seed: 7)
        let full = graph.solve(maximumCardinality: maximumCardinality)
        #expect(full.isVerified && !full.wasStopped)

        var asked = 0
        let never = graph.solve(maximumCardinality: maximumCardinality, stop: { asked += 1; return false })
        #expect(asked >= 1)
        #expect(never.isVerified && never.mate == full.mate && never.weight == full.weight)

        asked = 0
        let stopped = graph.solve(maximumCardinality: maximumCardinality, stop: { asked += 1; return asked == 3 })
        #expect(asked == 3)
        #expect(stopped.wasStopped && !stopped.isVerified)
        #expect(stopped.cardinality < full.cardinality)
        var edges: [Int64] = []
        for v in 0..<300 {
            let u = Int(stopped.mate[v])
            guard u >= 0 else { continue }
            #expect(Int(stopped.mate[u]) == v)
            let slots = graph.adjacencyStart[v]..<graph.adjacencyStart[v + 1]
            let slot = slots.first { Int(graph.slotNeighbour[$0]) == u }
            #expect(slot != nil, "\(v)–\(u) is not an edge")
            if v < u, let slot { edges.append(graph.slotWeight[slot]) }
        }
        #expect(edges.count == stopped.cardinality && edges.reduce(0, +) == stopped.weight)
        if !maximumCardinality { #expect(stopped.weight <= full.weight) }
    }

    /// `exact` on blocks of pairs whose matching the safety net stops (a solve
    /// cancelled before it starts): valid groups, the cut said, and a bound
    /// (the star bound) not below the optimum that an uncut solve proves.
    @Test(arguments: [RemainderPolicy.leaveOut, .merge])
    func cancelledExactPairsKeepABound(remainder: RemainderPolicy) throws {
        var sessions = RandomSessions(seed: 424_242)
        let session = sessions.session(participants: 81, groupSize: 2, remainder: remainder)
        let problem = Problem(session)
        let exact = ExactSolver(subsetDP: false)
        let proof = exact.solve(problem, limits: SolveLimits(timeLimit: 600, seed: 1))
        #expect(proof.status == .optimal)
        let optimum = problem.value(of: proof.groups)

        let cancellation = SolveCancellation()
        cancellation.cancel()
        let limits = SolveLimits(timeLimit: 600, seed: 1, cancellation: cancellation)
        let cut = exact.solveBlocks(problem, limits: limits, budget: SolveBudget(limits))
        #expect(cut.timeLimitReached)
        let output = Output(problem: problem, result: cut, seconds: 0)
        #expect(Validator(session: session).check(output).issues.isEmpty)
        let value = problem.value(of: cut.groups)
        let bound = try #require(cut.bound, "no bound: \(cut.notes)")
        #expect(bound >= value.score)
        // The bound speaks of groupings placing as many with as few groups of
        // k+1: it holds against the optimum when the counts are the optimum's
        // (under leaveOut the greedy start places as many as the optimum here).
        let sameCounts = value.placed == optimum.placed && value.oversized == optimum.oversized
        #expect(sameCounts || remainder == .merge)
        if sameCounts { #expect(bound >= optimum.score - 1e-6) }
    }
}
