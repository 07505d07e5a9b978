import Foundation
import Testing
@testable import Mingle

@Suite("Compiling at scale: id table, history rows, parallel map")
struct CompilingAtScaleTests {
    @Test func memberIDTable() {
        let ids = ["a", "b", "a", "a-rather-long-member-identifier-1", "a-rather-long-member-identifier-2", "été", "", "m0000017"]
        var table = MemberIDTable(ids)
        #expect(table.index(of: "a") == 0)
        #expect(table.index(of: "b") == 1)
        #expect(table.index(of: "a-rather-long-member-identifier-1") == 3)
        #expect(table.index(of: "a-rather-long-member-identifier-2") == 4)
        #expect(table.index(of: "a-rather-long-member-identifier-3") == nil)
        #expect(table.index(of: "été") == 5)
        #expect(table.index(of: "") == 6)
        #expect(table.index(of: "m0000017") == 7)
        #expect(table.index(of: "m000001") == nil)
        #expect(table.index(of: "c") == nil)
        table.mapValues { $0 * 10 }
        #expect(table.index(of: "b") == 10)
        let many = (0..<5000).map { "member-\($0)" }
        let big = MemberIDTable(many)
        #expect(many.indices.allSatisfy { big.index(of: many[$0]) == $0 })
    }

    /// A batch lookup (history sessions) gives what one lookup at a time gives.
    @Test func memberIDTableBatchLookup() {
        let ids = ["a", "b", "a", "a-rather-long-member-identifier-1", "a-rather-long-member-identifier-2", "été", "", "m0000017"]
        var table = MemberIDTable(ids)
        table.mapValues { $0 == 1 ? -1 : $0 * 10 }
        let queries = ["m0000017", "a-rather-long-member-identifier-3", "", "b", "a", "c", "a-rather-long-member-identifier-2", "été", "a"]
        var values: [Int32] = [7]
        table.appendIndices(of: queries, to: &values)
        #expect(values == [7] + queries.map { Int32(table.index(of: $0) ?? -1) })
        table.appendIndices(of: [], to: &values)
        #expect(values.count == 1 + queries.count)
        let many = (0..<20_000).map { "member-\($0)" }
        let big = MemberIDTable(many)
        var rng = SplitMix64(seed: 5)
        let asked = (0..<30_000).map { _ in rng.next() % 4 == 0 ? "absent-\(rng.next() % 1000)" : many[Int(rng.next() % 20_000)] }
        var found: [Int32] = []
        big.appendIndices(of: asked, to: &found)
        #expect(found == asked.map { Int32(big.index(of: $0) ?? -1) })
    }

    @Test func parallelMapKeepsOrder() {
        #expect(Parallel.map(0) { $0 }.isEmpty)
        #expect(Parallel.map(1000) { $0 * $0 } == (0..<1000).map { $0 * $0 })
    }

    /// Weights and allowed pairs as the spec reads them, with a pair meeting
    /// twice in one session and a member listed twice in a group.
    @Test func weightsMatchTheSpecReference() throws {
        var checked = 0
        for seed in 0..<30 {
            var sessions = RandomSessions(seed: UInt64(300 + seed))
            var session = sessions.session(participants: 9, groupSize: 2, remainder: .merge)
            session.history.append(PastSession(date: session.history.first?.date, groups: [["p1", "p2", "p1"], ["p2", "p1"], ["p3", "p4"]]))
            if seed % 2 == 0 { session.program.repeats.forbidWithin = 0 }
            checked += expectAgreesWithReference(session)
        }
        #expect(checked > 1000)
    }

    /// Checks every ordered pair of participants against `SpecReference`;
    /// returns the number of pairs checked.
    private func expectAgreesWithReference(_ session: Session) -> Int {
        let problem = Problem(session)
        let reference = SpecReference(session)
        for i in 0..<problem.count {
            for j in 0..<problem.count where j != i {
                let a = problem.participantIDs[i], b = problem.participantIDs[j]
                #expect(abs(problem.weight(i, j) - reference.weight(a, b)) < 1e-9)
                #expect(problem.isAllowed(i, j) == (reference.whyNotAllowed(a, b) == nil))
                #expect(problem.haveMet(i, j) == !reference.ages(a, b).isEmpty)
            }
        }
        return problem.count * (problem.count - 1)
    }

    /// The same on sessions large enough that every row part of
    /// `PairLinks.Builder` holds many rows, with exclusions and groups of 3.
    @Test(arguments: 0..<4)
    func historyRowsMatchTheSpecReference(seed: Int) throws {
        var sessions = RandomSessions(seed: UInt64(900 + seed))
        var session = sessions.session(participants: 120, groupSize: 3, remainder: .merge)
        let ids = session.members.map(\.id)
        session.history.append(PastSession(date: session.history.first?.date, groups: [[ids[0], ids[1], ids[0], "gone"], [ids[2], ids[3], ids[4]]]))
        session.exclusions.append(Exclusion(ids[5], ids[6]))
        #expect(expectAgreesWithReference(session) > 60 * 59)
    }
}

@Suite("Reasons of the unplaced at scale")
struct ReasonsAtScaleTests {
    /// The histogram path gives the causes of the plain scan, for every
    /// participant of random sessions (required rules of every kind, history,
    /// exclusions, members lacking values).
    @Test(arguments: 0..<40)
    func sameWordsAsTheScan(seed: Int) {
        var sessions = RandomSessions(seed: UInt64(900 + seed))
        var session = sessions.session(participants: 8 + seed % 12, groupSize: 2 + seed % 3, remainder: seed % 2 == 0 ? .merge : .leaveOut)
        if seed % 4 == 0 { session.program.rules.append(Rule(category: "remote", kind: .same, required: true)) }
        let problem = Problem(session)
        let all = Array(0..<problem.count)
        #expect(problem.unplacedCauses(all, scanLimit: 0) == all.map { problem.unplacedCause($0) })
    }
}
