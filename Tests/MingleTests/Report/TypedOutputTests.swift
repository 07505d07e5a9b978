import Foundation
import Testing
@testable import Mingle

/// The output keeps what later stages need as data (typed unmatched causes,
/// the rules each pair holds), so messages, the history and the simulation read
/// it instead of compiling the session again.
@Suite("Typed output")
struct TypedOutputTests {
    /// Pairs, leaveOut, same city required: a paused and a pending member, one
    /// outside the audience (a guest), one alone in her city, one without a
    /// city, and three in Paris (one left over).
    static let session = """
    {"program": {"groupSize": 2, "remainder": "leaveOut",
                 "rules": [{"category": "city", "kind": "same", "required": true},
                           {"category": "department", "kind": "different", "weight": 2},
                           {"category": "interests", "kind": "overlap", "weight": 1}],
                 "audience": {"guests": false}},
     "members": [
       {"id": "a", "categories": {"city": "Paris", "department": "R&D", "interests": ["chess"]}},
       {"id": "b", "categories": {"city": "Paris", "department": "Sales", "interests": ["chess", "tea"]}},
       {"id": "c", "categories": {"city": "Paris", "department": "R&D", "interests": ["tea"]}},
       {"id": "d", "categories": {"city": "Lyon", "department": "R&D"}},
       {"id": "e", "categories": {"department": "Ops"}},
       {"id": "f", "status": "paused", "categories": {"city": "Paris"}},
       {"id": "g", "status": "pending", "categories": {"city": "Paris"}},
       {"id": "h", "guest": true, "categories": {"city": "Paris"}}
     ],
     "participants": ["a", "b", "c", "d", "e", "f", "g", "h"]}
    """

    @Test func unmatchedCarryTheirTypedCauses() throws {
        let session = try decodeSession(Self.session)
        let output = solveAndValidate(session, solver: .exact)
        let causes = Dictionary(uniqueKeysWithValues: output.unmatched.map { ($0.member, $0.cause) })
        #expect(causes["f"] == .paused)
        #expect(causes["g"] == .pending)
        #expect(causes["h"] == .outsideAudience(.guest))
        #expect(causes["d"] == .requiredRule(category: "city", kind: .same, lacksValue: false))
        #expect(causes["e"] == .requiredRule(category: "city", kind: .same, lacksValue: true))
        let leftOver = try #require(output.unmatched.first { ["a", "b", "c"].contains($0.member) })
        #expect(leftOver.cause == .leftOver(groupSize: 2, remainder: .leaveOut))
        #expect(output.unmatched.count == 6)
        // The JSON is unchanged: each reason is its cause's description.
        for u in output.unmatched { #expect(u.reason == u.cause?.description) }
        #expect(causes.values.filter { $0?.couldTakePart == true }.count == 3)
    }

    /// Read back from JSON, an output holds the same strings and no typed data;
    /// it compares equal to the output it came from.
    @Test func jsonKeepsTheStringsAndDropsTheTypes() throws {
        let session = try decodeSession(Self.session)
        let output = solveAndValidate(session, solver: .exact)
        let back = try Output.decode(JSONValue.parse(output.jsonBytes()))
        #expect(back == output)
        #expect(back.jsonBytes() == output.jsonBytes())
        #expect(back.unmatched.allSatisfy { $0.cause == nil } && back.groups.allSatisfy { $0.rulesHeld(0, 1) == nil })
        #expect(back.unmatched.map(\.reason) == output.unmatched.map(\.reason))
    }

    /// The causes at scale (`unplacedCauses` by histograms) are the typed causes
    /// of the plain scan, on random sessions; the output carries them.
    @Test func typedCausesMatchThePlainScan() {
        for seed in 0..<40 {
            var random = RandomSessions(seed: UInt64(seed))
            let session = random.session(participants: 6 + seed % 9, groupSize: 2 + seed % 3, remainder: seed % 2 == 0 ? .merge : .leaveOut)
            let problem = Problem(session)
            let output = solveAndValidate(session)
            let index = Dictionary(uniqueKeysWithValues: problem.participantIDs.enumerated().map { ($1, $0) })
            for u in output.unmatched {
                if let i = index[u.member] {
                    #expect(u.cause == problem.unplacedCause(i), "seed \(seed): \(u.member)")
                } else {
                    #expect(u.cause == problem.absent.first { $0.memberID == u.member }?.cause, "seed \(seed): \(u.member)")
                }
                #expect(u.reason == u.cause?.description)
            }
        }
    }

    /// The rules a group's pair holds are those the spec reference finds, on random sessions.
    @Test func rulesHeldAgreeWithTheSpecReference() {
        for seed in 0..<40 {
            var random = RandomSessions(seed: UInt64(100 + seed))
            let session = random.session(participants: 6 + seed % 9, groupSize: 2 + seed % 3, remainder: .merge)
            let reference = SpecReference(session)
            let output = solveAndValidate(session)
            for group in output.groups {
                for a in group.members.indices {
                    for b in group.members.indices where b != a {
                        let expected = session.program.rules.indices.filter {
                            reference.holds(session.program.rules[$0], group.members[a], group.members[b])
                        }
                        #expect(group.rulesHeld(a, b) == expected, "seed \(seed): \(group.members[a]), \(group.members[b])")
                    }
                }
                #expect(group.rulesHeld(0, 0) == nil && group.rulesHeld(0, group.members.count) == nil)
            }
        }
    }

    /// The past session lists the participants left out, from the typed causes
    /// alone: the same members a compiled problem names.
    @Test func pastSessionListsTheLeftOutFromTheCauses() throws {
        let session = try decodeSession(Self.session)
        let output = solveAndValidate(session, solver: .exact)
        let placed = Set(output.groups.flatMap(\.members))
        let past = PastSession(date: "2026-11-23", output: output)
        #expect(past.unmatched == Problem(session).participantIDs.filter { !placed.contains($0) })
        #expect(Set(past.unmatched).isSuperset(of: ["d", "e"]) && past.unmatched.count == 3)
        #expect(past.groups == output.groups.map(\.members))
    }

    /// The problem carries the priority members of the fairness extension, by participant.
    @Test func problemCarriesThePriorityMembers() throws {
        var session = try decodeSession(Self.session)
        #expect(Problem(session).priority.isEmpty)
        session.program.fairness = FairnessPolicy(lookback: 1)
        session.history = [PastSession(groups: [["a", "b", "c"]], unmatched: ["d"]), PastSession(groups: [["b", "c"]], unmatched: ["a"])]
        let problem = Problem(session)
        let wanted = Set(session.priorityMembers(session.program.fairness!))
        #expect(wanted == ["a"])
        #expect(problem.priority == problem.participantIDs.map(wanted.contains))
    }

    /// Messages come from the output alone: an output read back from JSON gives
    /// the reason text without a cause code and mates without facts.
    @Test func messagesFromAnOutputReadBack() throws {
        let session = try decodeSession(Self.session)
        let output = solveAndValidate(session, solver: .exact)
        let back = try Output.decode(JSONValue.parse(output.jsonBytes()))
        let typed = MessageComposer().messages(for: session, output: output)
        let plain = MessageComposer().messages(for: session, output: back)
        #expect(typed.map(\.member) == plain.map(\.member))
        for (t, p) in zip(typed, plain) where t.kind == .unmatched {
            let entry = try #require(output.unmatched.first { $0.member == t.member })
            #expect(t.cause == entry.cause?.code && p.cause == nil)
            #expect(p.text.contains(entry.reason))
        }
    }
}
