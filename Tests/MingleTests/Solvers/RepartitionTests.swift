import Testing
@testable import Mingle

/// The heuristic's large-neighbourhood pieces: the exact re-partition of a
/// few groups against brute force, and the kick journal.
@Suite("Heuristic re-partition")
struct RepartitionTests {
    /// A block of random sessions (the largest block, its BlockPairs).
    static func block(seed: Int, k: Int, remainder: RemainderPolicy) -> BlockPairs? {
        var sessions = RandomSessions(seed: UInt64(7000 + seed))
        let problem = Problem(sessions.session(participants: 12, groupSize: k, remainder: remainder))
        guard let largest = problem.blocks.max(by: { $0.count < $1.count }), largest.count >= 2 * k else { return nil }
        return BlockPairs(problem: problem, members: largest)
    }

    /// The best score of splitting `members` into groups of `sizes` (others
    /// left out), by trying every ordering: the first sizes[0] form a group,
    /// the next sizes[1] the next one, and so on.
    static func bruteForce(_ pairs: BlockPairs, _ members: [Int], sizes: [Int]) -> Double? {
        var best: Double?
        var order = members
        func permute(_ i: Int) {
            if i == order.count {
                var total = 0.0, start = 0
                for size in sizes {
                    let group = order[start..<(start + size)]
                    for x in group { for y in group where x < y { total += pairs.w(x, y) } }
                    start += size
                }
                if total > -.infinity, total > (best ?? -.infinity) { best = total }
                return
            }
            for j in i..<order.count {
                order.swapAt(i, j)
                permute(i + 1)
                order.swapAt(i, j)
            }
        }
        permute(0)
        return best
    }

    @Test(arguments: 0..<24)
    func bestPartitionMatchesBruteForce(seed: Int) throws {
        let k = 2 + seed % 3
        guard let pairs = Self.block(seed: seed, k: k, remainder: seed % 2 == 0 ? .merge : .leaveOut) else { return }
        let search = BlockSearch(pairs: pairs, k: k, maxSize: k + 1, rng: SplitMix64(seed: 1), budget: SolveBudget(timeLimit: 1e6))
        // Nine members at most: brute force tries every ordering.
        let members = Array(0..<min(pairs.m, 2 * k + 1, 9))
        for sizes in [[k, k], [k, k + 1], [k]] where sizes.reduce(0, +) <= members.count {
            let expected = Self.bruteForce(pairs, members, sizes: sizes)
            let found = search.bestPartition(of: members, sizes: sizes)
            // Equal up to the order of a sum of doubles.
            #expect((found?.score).map { abs($0 - (expected ?? .nan)) <= 1e-9 * (1 + abs($0)) } ?? (expected == nil),
                    "k=\(k) sizes \(sizes)")
            if let found {
                #expect(found.groups.map(\.count).sorted() == sizes.sorted())
                #expect(pairs.value(of: found.groups, k: k).score == found.score)
            }
        }
        #expect(BlockSearch.partitionCount([3, 3, 3]) == 280)
        #expect(BlockSearch.partitionCount([4, 4, 4], limit: 6000) == 5775)
        #expect(BlockSearch.partitionCount([4, 4, 4]) == BlockSearch.partitionLimit + 1)
        #expect(BlockSearch.partitionCount([3, 4]) == 35)
    }

    /// A rolled-back journal restores the groups, membership and
    /// contributions exactly; re-partitions never lower the score.
    @Test(arguments: 0..<12)
    func journalRestoresAndRepartitionImproves(seed: Int) throws {
        let k = 2 + seed % 3
        guard let pairs = Self.block(seed: seed, k: k, remainder: .merge) else { return }
        var search = BlockSearch(pairs: pairs, k: k, maxSize: k + 1, rng: SplitMix64(seed: UInt64(seed)), budget: SolveBudget(timeLimit: 1e6))
        search.construct()
        search.improvePlacement()
        let before = (search.groups.map { $0.sorted() }, search.groupOf, search.contribution, search.score)
        search.beginJournal()
        for _ in 0..<20 { _ = search.exchange(search.rng.below(pairs.m), search.rng.below(pairs.m)) }
        _ = search.repartition(Array(search.groups.indices.filter { !search.groups[$0].isEmpty }.prefix(2)))
        search.rollBack()
        #expect(search.groups.map { $0.sorted() } == before.0)
        #expect(search.groupOf == before.1)
        #expect(search.contribution == before.2)
        search.journaling = false
        let slots = search.groups.indices.filter { !search.groups[$0].isEmpty }
        for g in slots {
            for h in slots where h > g {
                let score = search.score
                _ = search.repartition([g, h])
                #expect(search.score >= score - 1e-9 * (1 + abs(score)))
            }
        }
        let value = pairs.value(of: search.groups.filter { !$0.isEmpty }.map { $0.map(Int.init) }, k: k)
        #expect(abs(value.score - search.score) < 1e-9 * (1 + abs(value.score)))
    }

    /// The large-neighbourhood moves and the restarts come after the kicks
    /// and keep only what is better, so the heuristic's value is never below
    /// that of the kicks alone (`largeNeighbourhood` off) on the same seed.
    @Test(arguments: 0..<8)
    func neverBelowTheKicksAlone(seed: Int) {
        let k = 3 + seed % 2
        let remainder: RemainderPolicy = seed % 4 < 2 ? .merge : .leaveOut
        var session = SessionGenerator(members: 40 + 20 * seed, groupSize: k, remainder: remainder,
                                       historySessions: 10, seed: UInt64(seed)).generate()
        // The property is of the work budgets: no safety net may cut either
        // solve (a cut stops the later blocks' kicks early).
        session.options.timeLimit = 3600
        var kicksAlone = HeuristicSolver(exactSmallBlocks: false)
        kicksAlone.largeNeighbourhood = false
        let full = solveAndValidate(session, heuristic: HeuristicSolver(exactSmallBlocks: false))
        let floor = solveAndValidate(session, heuristic: kicksAlone)
        #expect(!full.stats.timeLimitReached && !floor.stats.timeLimitReached)
        #expect(full.value >= floor.value, "k=\(k) \(remainder): \(full.value) < \(floor.value)")
    }
}
