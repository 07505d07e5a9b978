import Testing
@testable import Mingle

@Suite("Allowed pairs (mingle pairs)")
struct AllowedPairsTests {
    /// The edge list holds exactly the pairs the spec reference allows, with its weights.
    @Test(arguments: 0..<20)
    func matchesTheSpecReference(seed: Int) {
        var sessions = RandomSessions(seed: UInt64(9000 + seed))
        let session = sessions.session(participants: 6 + seed % 10, groupSize: 2, remainder: .leaveOut)
        let problem = Problem(session)
        let reference = SpecReference(session)
        let pairs = problem.allowedPairs()
        var expected: [(Int32, Int32)] = []
        for a in 0..<problem.count {
            for b in (a + 1)..<problem.count where reference.whyNotAllowed(problem.participantIDs[a], problem.participantIDs[b]) == nil {
                expected.append((Int32(a), Int32(b)))
            }
        }
        #expect(pairs.map { [$0.a, $0.b] } == expected.map { [$0.0, $0.1] })
        for p in pairs {
            #expect(abs(p.weight - reference.weight(problem.participantIDs[Int(p.a)], problem.participantIDs[Int(p.b)])) < 1e-9)
        }
    }
}
