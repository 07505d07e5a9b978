import Foundation
import Testing
@testable import Mingle

@Suite("Fairness (extension of the spec)")
struct FairnessTests {
    @Test func decodesAndEncodesTheExtension() throws {
        let s = try decodeSession("""
        {"program": {"fairness": {"lookback": 3}}, "members": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
         "history": [{"groups": [["a", "b"]], "unmatched": ["c"]}]}
        """)
        #expect(s.program.fairness == FairnessPolicy(lookback: 3))
        #expect(s.history[0].unmatched == ["c"])
        #expect(try Session.decode(s.jsonBytes()).session == s)
        let defaults = try decodeSession(#"{"program": {"fairness": {}}, "members": []}"#)
        #expect(defaults.program.fairness == FairnessPolicy(lookback: 1))
        let off = try decodeSession(#"{"members": []}"#)
        #expect(off.program.fairness == nil && !String(decoding: off.jsonBytes(), as: UTF8.self).contains("fairness"))
    }

    @Test(arguments: [
        (#"{"members": [], "program": {"fairness": {"lookback": 0}}}"#, "$.program.fairness.lookback", ">= 1"),
        (#"{"members": [], "program": {"fairness": {"lookback": 1.5}}}"#, "$.program.fairness.lookback", "integer"),
        (#"{"members": [], "program": {"fairness": {"lookbak": 2}}}"#, "$.program.fairness.lookbak", "did you mean \"lookback\""),
        (#"{"members": [], "program": {"fairness": true}}"#, "$.program.fairness", "must be an object"),
        (#"{"members": [{"id": "a"}], "history": [{"groups": [], "unmatched": "a"}]}"#, "$.history[0].unmatched", "must be an array"),
        (#"{"members": [{"id": "a"}], "history": [{"groups": [], "unmatched": [7]}]}"#, "$.history[0].unmatched[0]", "non-empty string"),
    ])
    func errorsNameTheirPath(json: String, path: String, fragment: String) {
        let issues = decodeIssues(json)
        #expect(issues.contains { $0.path == path && $0.message.contains(fragment) }, "\(issues)")
    }

    @Test func unmatchedAlsoInAGroupIsAWarning() throws {
        let (_, warnings) = try Session.decode(Array(#"{"members": [{"id": "a"}, {"id": "b"}], "history": [{"groups": [["a", "b"]], "unmatched": ["b"]}]}"#.utf8))
        #expect(warnings.map(\.path) == ["$.history[0].unmatched[0]"])
    }

    /// Priority: unmatched or in a group of k+1 within the last `lookback` sessions, by date.
    @Test func priorityMembersComeFromTheRecentHistory() throws {
        let s = try decodeSession("""
        {"program": {"fairness": {"lookback": 2}},
         "members": [{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "d"}, {"id": "e"}, {"id": "f"}],
         "history": [{"date": "2026-11-20", "groups": [["a", "b", "c"]], "unmatched": ["d"]},
                     {"date": "2026-11-06", "groups": [["d", "e", "f"]], "unmatched": ["a"]},
                     {"date": "2026-11-13", "groups": [["e", "f"]], "unmatched": ["f"]}]}
        """)
        #expect(s.priorityMembers(s.program.fairness!) == ["a", "b", "c", "d", "f"])
        #expect(s.priorityMembers(FairnessPolicy(lookback: 1)) == ["a", "b", "c", "d"])
        #expect(s.priorityMembers(FairnessPolicy(lookback: 9)) == ["a", "b", "c", "d", "e", "f"])
    }

    /// Without fairness the best pair leaves c out; with it, c is placed first
    /// (the same number placed, a lower score, status feasible).
    @Test func aPriorityMemberLeftOutIsPlaced() throws {
        let json = """
        {"program": {"remainder": "leaveOut", "rules": [{"category": "team", "kind": "same", "weight": 2}] FAIRNESS},
         "members": [{"id": "a", "categories": {"team": "x"}}, {"id": "b", "categories": {"team": "x"}}, {"id": "c", "categories": {"team": "y"}}],
         "history": [{"groups": [], "unmatched": ["c"]}]}
        """
        let plain = solveAndValidate(try decodeSession(json.replacingOccurrences(of: "FAIRNESS", with: "")))
        #expect(plain.unmatched.map(\.member) == ["c"] && plain.status == .optimal)
        let fair = solveAndValidate(try decodeSession(json.replacingOccurrences(of: "FAIRNESS", with: #", "fairness": {"lookback": 1}"#)))
        #expect(!fair.unmatched.map(\.member).contains("c"))
        #expect(fair.stats.placed == plain.stats.placed)
        #expect(fair.objective < plain.objective && fair.status == .feasible)
        #expect(fair.bound.map { $0 >= plain.objective } ?? true)
    }

    /// The team of three would be the trio; with fairness its members, who were
    /// in a trio last time, trade places with members without priority.
    @Test func priorityMembersLeaveGroupsOfKPlusOne() throws {
        let members = ["a", "b", "c", "d", "e", "f", "g"].map { #"{"id": "\#($0)", "categories": {"team": "\#("abc".contains($0) ? "x" : $0)"}}"# }
        let json = """
        {"program": {"rules": [{"category": "team", "kind": "same", "weight": 5}], "repeats": {"penalty": 0} FAIRNESS}, "members": [\(members.joined(separator: ","))],
         "history": [{"groups": [["a", "b", "c"], ["d", "e"], ["f", "g"]]}]}
        """
        let plain = solveAndValidate(try decodeSession(json.replacingOccurrences(of: "FAIRNESS", with: "")))
        #expect(plain.groups.first { $0.members.count == 3 }?.members == ["a", "b", "c"])
        let fair = solveAndValidate(try decodeSession(json.replacingOccurrences(of: "FAIRNESS", with: #", "fairness": {}"#)))
        let trio = try #require(fair.groups.first { $0.members.count == 3 })
        #expect(Set(trio.members).isDisjoint(with: ["a", "b", "c"]))
        #expect(fair.stats.placed == 7 && fair.stats.oversizedGroups == 1)
    }

    /// On random sessions with random priority members: the output is valid,
    /// points 1 and 2 of docs/format.md (what the solver looks for) are those of the plain solve, fairness
    /// without priority members changes nothing, and no single exchange of the
    /// pass could still serve a priority member (checked with the reference).
    @Test(arguments: 0..<40)
    func localOptimumOnRandomSessions(seed: Int) throws {
        var sessions = RandomSessions(seed: UInt64(7000 + seed))
        let shapes: [(Int, RemainderPolicy)] = [(2, .merge), (2, .leaveOut), (3, .merge), (3, .leaveOut)]
        let (k, remainder) = shapes[seed % shapes.count]
        var session = sessions.session(participants: 6 + seed % 8, groupSize: k, remainder: remainder)
        // The newest past session is empty, so that fairness alone has no priority members yet.
        session.history = PastSession.inAgeOrder(session.history).map { PastSession(groups: $0.groups) } + [PastSession(groups: [])]
        let plain = solveAndValidate(session)
        session.program.fairness = FairnessPolicy(lookback: 1)
        #expect(session.priorityMembers(session.program.fairness!).isEmpty)
        #expect(try SessionSolver().solve(session).groups == plain.groups, "no priority members: nothing changes")
        let ids = SpecReference(session).participants
        session.history[session.history.count - 1].unmatched = ids.filter { _ in sessions.chance(40) }
        let fair = solveAndValidate(session)
        #expect(fair.stats.placed == plain.stats.placed && fair.stats.oversizedGroups == plain.stats.oversizedGroups)
        let priority = Set(session.priorityMembers(session.program.fairness!))
        let reference = SpecReference(session)
        func allowed(_ group: [String]) -> Bool {
            for x in 0..<group.count { for y in (x + 1)..<group.count where reference.whyNotAllowed(group[x], group[y]) != nil { return false } }
            return true
        }
        let groups = fair.groups.map(\.members)
        let placed = Set(groups.joined())
        for i in ids where priority.contains(i) && reference.status(of: i) == .active {
            if !placed.contains(i) {
                for g in groups {
                    for (slot, j) in g.enumerated() where !priority.contains(j) {
                        var candidate = g
                        candidate[slot] = i
                        #expect(!allowed(candidate), "\(i) could replace \(j)")
                    }
                }
            } else if let t = groups.first(where: { $0.contains(i) }), t.count > k {
                for g in groups where g.count == k {
                    for (slot, j) in g.enumerated() where !priority.contains(j) {
                        var into = g, back = t
                        into[slot] = i
                        back[back.firstIndex(of: i)!] = j
                        #expect(!(allowed(into) && allowed(back)), "\(i) could trade places with \(j)")
                    }
                }
            }
        }
    }
}
