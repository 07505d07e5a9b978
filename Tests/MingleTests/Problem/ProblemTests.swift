import Foundation
import Testing
@testable import Mingle

@Suite("Problem compilation: rules, history, exclusions, participants (docs/format.md: the session, what the solver looks for)")
struct ProblemTests {
    func problem(_ rules: String, _ members: String, extra: String = "") throws -> Problem {
        Problem(try decodeSession(#"{"program": {"rules": [\#(rules)]}, "members": [\#(members)]\#(extra)}"#))
    }

    /// Members a, b with the given category values for c.
    func pair(_ kind: String, _ a: String, _ b: String, distance: String = "") throws -> Problem {
        let ca = a.isEmpty ? "{}" : #"{"c": \#(a)}"#, cb = b.isEmpty ? "{}" : #"{"c": \#(b)}"#
        return try problem(#"{"category": "c", "kind": "\#(kind)", "weight": 2\#(distance)}"#,
                           #"{"id": "a", "categories": \#(ca)}, {"id": "b", "categories": \#(cb)}"#)
    }

    @Test(arguments: [
        ("same", #""x""#, #""x""#, 2.0), ("same", #""x""#, #""y""#, 0), ("same", #"["x","y"]"#, #"["y","x","x"]"#, 2),
        ("same", #""x""#, #"["x"]"#, 2), ("same", "3", "3.0", 2), ("same", "3", #""3""#, 0), ("same", "true", "true", 2),
        ("same", "true", "false", 0), ("same", #""x""#, "", 0), ("same", "", "", 0),
        ("different", #""x""#, #""y""#, 2), ("different", #""x""#, #""x""#, 0), ("different", #"["x","y"]"#, #"["x"]"#, 2),
        ("different", #""x""#, "", 0), ("different", "", "", 0),
        ("overlap", #"["x","y"]"#, #"["y","z"]"#, 2), ("overlap", #"["x"]"#, #"["z"]"#, 0), ("overlap", #""x""#, #"["x","q"]"#, 2),
        ("overlap", "[]", "[]", 0), ("overlap", #""x""#, "", 0),
        ("within", "3", "3", 2), ("within", "3", "4", 0), ("within", "3", "", 0),
    ])
    func ruleKinds(kind: String, a: String, b: String, expected: Double) throws {
        let p = try pair(kind, a, b)
        #expect(p.weight(0, 1) == expected)
        #expect(p.weight(1, 0) == expected)
        #expect(p.isAllowed(0, 1))
    }

    @Test func withinDistance() throws {
        #expect(try pair("within", "3", "4.5", distance: #", "distance": 1.5"#).weight(0, 1) == 2)
        #expect(try pair("within", "3", "4.6", distance: #", "distance": 1.5"#).weight(0, 1) == 0)
    }

    @Test func requiredRulesAllowAndAddNoWeight() throws {
        let p = try problem(#"{"category": "city", "kind": "same", "required": true}, {"category": "d", "kind": "different", "required": true}"#,
                            #"{"id": "a", "categories": {"city": "P", "d": 1}}, {"id": "b", "categories": {"city": "P", "d": 2}}, {"id": "c", "categories": {"city": "L", "d": 3}}, {"id": "e", "categories": {"d": 4}}, {"id": "f", "categories": {"city": "P", "d": 1}}"#)
        #expect(p.isAllowed(0, 1) && p.weight(0, 1) == 0)
        #expect(!p.isAllowed(0, 2)) // city differs
        #expect(!p.isAllowed(0, 3)) // e lacks city
        #expect(!p.isAllowed(0, 4)) // same department
        #expect(p.blocks.map { $0.map(Int.init) } == [[0, 1, 4], [2], [3]])
    }

    @Test func negativeWeights() throws {
        let p = try problem(#"{"category": "c", "kind": "same", "weight": -1.5}, {"category": "c", "kind": "overlap", "weight": 0.25}"#,
                            #"{"id": "a", "categories": {"c": "x"}}, {"id": "b", "categories": {"c": "x"}}"#)
        #expect(p.weight(0, 1) == -1.25)
    }

    func history(_ sessions: String, repeats: String) throws -> Problem {
        Problem(try decodeSession(#"{"program": {"repeats": \#(repeats)}, "members": [{"id": "a"}, {"id": "b"}, {"id": "c"}], "history": \#(sessions)}"#))
    }

    @Test func historyDecay() throws {
        // a-b met at age 1 and age 3 (array order); b-c at age 2.
        let p = try history(#"[{"groups": [["a", "b"]]}, {"groups": [["b", "c"]]}, {"groups": [["a", "b", "ghost"]]}]"#,
                            repeats: #"{"penalty": 10, "halfLife": 2}"#)
        #expect(abs(p.weight(0, 1) - -(10 + 10 * pow(0.5, 1.0))) < 1e-12)
        #expect(abs(p.weight(1, 2) - -(10 * pow(0.5, 0.5))) < 1e-12)
        #expect(p.weight(0, 2) == 0)
        #expect(p.haveMet(0, 1) && !p.haveMet(0, 2))
    }

    @Test func historyWithoutDecay() throws {
        let p = try history(#"[{"groups": [["a", "b"]]}, {"groups": [["a", "b"]]}]"#, repeats: #"{"penalty": 4, "halfLife": null}"#)
        #expect(p.weight(0, 1) == -8)
    }

    @Test func historyOrderedByDateWhenAllDated() throws {
        // By date, a-b is the oldest of three (age 3); by array order it would be age 1.
        let p = try history(#"[{"date": "2026-11-20", "groups": [["b", "c"]]}, {"date": "2026-11-06", "groups": [["a", "b"]]}, {"date": "2026-11-13", "groups": [["a", "c"]]}]"#,
                            repeats: #"{"penalty": 8, "halfLife": 1, "forbidWithin": 2}"#)
        #expect(p.weight(0, 1) == -8 * 0.25)
        #expect(!p.isAllowed(1, 2) && !p.isAllowed(0, 2)) // ages 1 and 2
        #expect(p.isAllowed(0, 1))
    }

    @Test func historyArrayOrderWhenADateIsMissing() throws {
        let p = try history(#"[{"date": "2026-11-20", "groups": [["b", "c"]]}, {"groups": [["a", "b"]]}]"#,
                            repeats: #"{"penalty": 8, "halfLife": null, "forbidWithin": 1}"#)
        #expect(!p.isAllowed(0, 1)) // a-b is the last: age 1
        #expect(p.isAllowed(1, 2) && p.weight(1, 2) == -8)
    }

    @Test func sameDateKeepsArrayOrder() throws {
        let p = try history(#"[{"date": "2026-11-20", "groups": [["a", "b"]]}, {"date": "2026-11-20", "groups": [["b", "c"]]}]"#,
                            repeats: #"{"forbidWithin": 1}"#)
        #expect(!p.isAllowed(1, 2) && p.isAllowed(0, 1))
    }

    @Test func exclusions() throws {
        let p = Problem(try decodeSession(#"{"members": [{"id": "a"}, {"id": "b"}, {"id": "c"}], "exclusions": [["b", "a"], ["a", "gone"]]}"#))
        #expect(!p.isAllowed(0, 1) && !p.isAllowed(1, 0))
        #expect(p.isAllowed(0, 2) && p.isAllowed(1, 2))
    }

    @Test func participantsAndStatuses() throws {
        let members = #"[{"id": "a"}, {"id": "b", "status": "pending"}, {"id": "c", "status": "paused"}, {"id": "d"}, {"id": "e"}]"#
        let all = Problem(try decodeSession(#"{"members": \#(members)}"#))
        #expect(all.participantIDs == ["a", "d", "e"])
        #expect(all.absent.isEmpty)
        let listed = Problem(try decodeSession(#"{"members": \#(members), "participants": ["e", "c", "a", "b"]}"#))
        #expect(listed.participantIDs == ["e", "a"])
        #expect(listed.absent.map(\.memberID) == ["c", "b"])
        #expect(listed.absent.map(\.status) == [.paused, .pending])
    }

    /// The compiled problem agrees with the spec reference on every pair.
    @Test(arguments: 0..<40)
    func agreesWithSpecReference(seed: Int) throws {
        var sessions = RandomSessions(seed: UInt64(seed))
        let session = sessions.session(participants: 9, groupSize: 2, remainder: .merge)
        let problem = Problem(session)
        let reference = SpecReference(session)
        for i in 0..<problem.count {
            for j in 0..<problem.count where i != j {
                let a = problem.participantIDs[i], b = problem.participantIDs[j]
                #expect(problem.isAllowed(i, j) == (reference.whyNotAllowed(a, b) == nil))
                #expect(abs(problem.weight(i, j) - reference.weight(a, b)) < 1e-9)
                if let w = problem.allowedWeight(i, j) { #expect(abs(w - reference.weight(a, b)) < 1e-9) }
            }
        }
    }

    @Test func overlapWithManyDistinctValues() throws {
        // More than 64 distinct atoms uses sorted sets instead of bit masks.
        let many = (0..<70).map { #"{"id": "m\#($0)", "categories": {"t": ["t\#($0)", "t\#($0 + 1)"]}}"# }.joined(separator: ",")
        let p = try problem(#"{"category": "t", "kind": "overlap", "weight": 1}"#, many)
        #expect(p.weight(3, 4) == 1)
        #expect(p.weight(3, 5) == 0)
        #expect(p.weight(69, 68) == 1)
    }
}
