import Foundation
import Testing
@testable import Mingle

@Suite("Profiles and the profile-level relaxation")
struct ProfileRelaxationTests {
    struct Block {
        let problem: Problem
        let tables: RuleTables
        let profiles: BlockProfiles
        let weights: ProfileWeights
    }

    func block(_ session: Session, limit: Int) -> Block {
        let problem = Problem(session)
        let tables = RuleTables(problem)
        let members = problem.blocks.max { $0.count < $1.count }!
        let profiles = BlockProfiles(members: members, tables: tables, limit: limit)
        return Block(problem: problem, tables: tables, profiles: profiles, weights: ProfileWeights(profiles: profiles, tables: tables))
    }

    /// W̄ (from the OpenBLAS product) bounds the weight of every allowed pair of
    /// members, and is exact when every rule is in the key and history is left out.
    @Test(arguments: [4, 12, 1000])
    func profileWeightsBoundMemberWeights(limit: Int) {
        let session = SessionGenerator(members: 240, historySessions: 0, seed: 3).generate()
        let b = block(session, limit: limit)
        #expect(b.profiles.count <= limit)
        let exact = b.profiles.keyRules.count == b.tables.rules.count - 1 // all but the required city
        var equalities = 0
        for a in 0..<b.profiles.members.count {
            for c in 0..<b.profiles.members.count where c != a {
                let p = Int(b.profiles.profileOf[a]), q = Int(b.profiles.profileOf[c])
                guard let w = b.problem.allowedWeight(Int(b.profiles.members[a]), Int(b.profiles.members[c])) else {
                    continue
                }
                #expect(b.weights.weight(p, q) >= w)
                if b.weights.weight(p, q) == w { equalities += 1 }
                if exact { #expect(b.weights.weight(p, q) == w) }
            }
        }
        #expect(equalities > 0)
    }

    /// Prices are feasible for the relaxation's dual whichever way they were
    /// found, and the LP's prices give a bound no higher than the star bound.
    @Test(arguments: [(2, RemainderPolicy.merge), (3, .leaveOut), (4, .merge)])
    func pricesAreFeasible(k: Int, remainder: RemainderPolicy) {
        let session = SessionGenerator(members: 600, groupSize: k, remainder: remainder, historySessions: 3, seed: UInt64(k)).generate()
        let b = block(session, limit: 100)
        let n = b.profiles.members.count
        let target = ProfileRelaxation.expectedPlacement(members: n, groupSize: k, remainder: remainder)
        var bounds: [Double] = []
        for lpLimit in [nil, 16, 100] as [Int?] {
            let relaxation = ProfileRelaxation(profiles: b.profiles, weights: b.weights, tables: b.tables, groupSize: k,
                                               remainder: remainder, lpLimit: lpLimit, budget: SolveBudget(timeLimit: 10))
            #expect(relaxation.fromLP == (lpLimit != nil))
            let u = relaxation.prices
            for p in 0..<b.profiles.count {
                for q in 0..<b.profiles.count where b.weights.weight(p, q) > -.infinity {
                    if p == q {
                        if b.profiles.sizes[p] >= 2 { #expect(2 * u[p] >= b.weights.weight(p, p)) }
                    } else {
                        #expect(u[p] + u[q] >= b.weights.weight(p, q))
                    }
                }
            }
            bounds.append(relaxation.bound(sizes: b.profiles.sizes, groupSize: k, placed: target.placed...target.placed,
                                           oversizedGroups: target.oversized...target.oversized))
        }
        let star = ProfileRelaxation(prices: b.weights.best.map { $0 / 2 })
            .bound(sizes: b.profiles.sizes, groupSize: k, placed: target.placed...target.placed, oversizedGroups: target.oversized...target.oversized)
        #expect(bounds[2] <= star + 1e-6)
        #expect(bounds[2] <= bounds[0] + 1e-6, "the LP's prices should not be worse than descent alone: \(bounds)")
    }

    /// The rearrangement bound on a hand-made case: prices 3 (2 members) and
    /// 1 (2 members), k = 2.
    @Test func rearrangementBound() {
        let relaxation = ProfileRelaxation(prices: [3, 1])
        // Everyone placed in pairs: 3+3+1+1.
        #expect(relaxation.bound(sizes: [2, 2], groupSize: 2, placed: 4...4, oversizedGroups: 0...0) == 8)
        // One group of 3 out of 4 placed... the top 3 members count twice: 2·(3+3+1) + 0.
        #expect(relaxation.bound(sizes: [2, 2], groupSize: 2, placed: 3...3, oversizedGroups: 1...1) == 14)
        // Free placement: the largest over every choice.
        #expect(relaxation.bound(sizes: [2, 2], groupSize: 2, placed: 0...4, oversizedGroups: 0...1) == 15)
    }
}
