import Foundation
import Testing
@testable import Mingle

/// The heuristic's bound (the matching's, or the star relaxation of
/// `BlockPairs.starBound`) against optima proved independently, and the
/// heuristic's objective against the exact solver's on every generated family.
@Suite("Heuristic bound")
struct HeuristicBoundTests {
    /// Within the tolerance of a sum of doubles.
    static func atLeast(_ bound: Double, _ value: Double) -> Bool {
        bound >= value - 1e-9 * (1 + abs(value))
    }

    /// Small random sessions of every shape, subset DP off so that the bound is
    /// the relaxation's: it is at least the objective, and at least the
    /// brute-force optimum whenever that optimum places as many with as few
    /// groups of k+1 (the bound's definition in docs/format.md).
    @Test(arguments: 0..<120)
    func boundHoldsAgainstBruteForce(seed: Int) throws {
        let (session, k, remainder, n) = RandomSessions.small(seed: seed, stream: 9000)
        let output = solveAndValidate(session, heuristic: HeuristicSolver(exactSmallBlocks: false))
        let best = BruteForce.best(session)
        let bound = try #require(output.bound, "k=\(k) \(remainder) n=\(n)")
        #expect(Self.atLeast(bound, output.objective))
        if best.placed >= output.stats.placed && best.oversized <= output.stats.oversizedGroups {
            #expect(Self.atLeast(bound, best.score), "k=\(k) \(remainder) n=\(n): bound \(bound) < optimum \(best)")
        }
        if output.status == .optimal { #expect(output.value == best) }
    }

    /// Every generated family, k = 2, 3, 4, 40 members, as users solve them
    /// (subset DP on tiny blocks; one or a few blocks beyond it, whose exact
    /// optimum comes from the matching or branch and price): the bound holds
    /// against the exact optimum, and the heuristic never beats it. Its
    /// objective against the optimum is measured by
    /// Benchmarks/scripts/heuristic-quality.py, not asserted here.
    @Test(arguments: SessionGenerator.Family.allCases)
    func boundHoldsOnFamilies(family: SessionGenerator.Family) throws {
        for k in 2...4 {
            var generator = family.generator(members: 40, seed: 7)
            generator.groupSize = k
            let session = generator.generate()
            let heuristic = solveAndValidate(session)
            let exact = solveAndValidate(session, solver: .exact)
            guard exact.status == .optimal else { continue }
            #expect(heuristic.value <= exact.value)
            let bound = try #require(heuristic.bound)
            if exact.stats.placed >= heuristic.stats.placed && exact.stats.oversizedGroups <= heuristic.stats.oversizedGroups {
                #expect(Self.atLeast(bound, exact.objective), "\(family) k=\(k): bound \(bound) < optimum \(exact.objective)")
            }
        }
    }
}
