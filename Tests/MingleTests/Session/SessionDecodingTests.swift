import Testing
@testable import Mingle

@Suite("Session decoding and validation (docs/format.md: the session)")
struct SessionDecodingTests {
    static let minimal = #"{"members": [{"id": "a"}, {"id": "b"}]}"#

    @Test func defaults() throws {
        let s = try decodeSession(Self.minimal)
        #expect(s.version == 1)
        #expect(s.program.groupSize == 2)
        #expect(s.program.remainder == .merge)
        #expect(s.program.rules.isEmpty)
        #expect(s.program.repeats == RepeatPolicy(forbidWithin: 0, penalty: 10, halfLife: 8))
        #expect(s.members.map(\.status) == [.active, .active])
        #expect(s.participants == nil)
        #expect(s.history.isEmpty && s.exclusions.isEmpty)
        #expect(s.options == SolveOptions(solver: .auto, timeLimit: 10, seed: 0))
    }

    @Test func fullSession() throws {
        let s = try decodeSession("""
        {"version": 1,
         "program": {"id": "x", "groupSize": 3, "remainder": "leaveOut",
           "rules": [{"category": "city", "kind": "same", "required": true},
                     {"category": "s", "kind": "within", "distance": 2, "weight": -1.5},
                     {"category": "i", "kind": "overlap"}],
           "repeats": {"forbidWithin": 2, "penalty": 4, "halfLife": null}},
         "members": [{"id": "a", "firstName": "A", "status": "paused", "categories": {"city": "P", "s": 3, "i": ["x", "y"], "b": true}, "extra": 1},
                     {"id": "b", "categories": {"s": 1.5}}],
         "participants": ["a", "b"],
         "history": [{"date": "2026-11-13", "groups": [["a", "b"]]}],
         "exclusions": [["a", "b"]],
         "options": {"solver": "heuristic", "timeLimit": 2.5, "seed": 18446744073709551615}}
        """)
        #expect(s.program.groupSize == 3 && s.program.remainder == .leaveOut)
        #expect(s.program.rules[1] == Rule(category: "s", kind: .within(distance: 2), weight: -1.5))
        #expect(s.program.rules[2].weight == 1)
        #expect(s.program.repeats.halfLife == nil && s.program.repeats.penalty == 4)
        #expect(s.members[0].categories["i"] == .strings(["x", "y"]))
        #expect(s.members[0].categories["b"] == .bool(true))
        #expect(s.members[0].status == .paused)
        #expect(s.options.seed == UInt64.max)
        #expect(s.exclusions == [Exclusion("a", "b")])
    }

    /// Every error names its JSON path.
    @Test(arguments: [
        (#"{"members": [], "extra": 1}"#, "$.extra", "unknown key"),
        (#"{"members": [], "program": {"groupSise": 3}}"#, "$.program.groupSise", "did you mean \"groupSize\""),
        (#"{"members": [], "program": {"rules": [{"category": "c", "kind": "same", "wieght": 2}]}}"#, "$.program.rules[0].wieght", "unknown key"),
        (#"{"members": [], "program": {"repeats": {"forbid": 1}}}"#, "$.program.repeats.forbid", "unknown key"),
        (#"{"members": [], "options": {"solvr": "exact"}}"#, "$.options.solvr", "unknown key"),
        (#"{"members": [{"id": "a"}, {"id": "a"}]}"#, "$.members[1].id", "duplicate member id"),
        (#"{"members": [{"id": ""}]}"#, "$.members[0].id", "non-empty"),
        (#"{"members": [{"name": "x"}]}"#, "$.members[0]", "needs an \"id\""),
        (#"{"members": [{"id": "a"}], "participants": ["a", "zz"]}"#, "$.participants[1]", "not a member"),
        (#"{"members": [{"id": "a"}], "participants": ["a", "a"]}"#, "$.participants[1]", "duplicate participant"),
        (#"{"members": [{"id": "a", "categories": {"s": "high"}}], "program": {"rules": [{"category": "s", "kind": "within"}]}}"#, "$.members[0].categories.s", "must be a number"),
        (#"{"members": [], "program": {"groupSize": 1}}"#, "$.program.groupSize", "from 2 to 64"),
        (#"{"members": [], "program": {"groupSize": 65}}"#, "$.program.groupSize", "from 2 to 64"),
        (#"{"members": [], "program": {"groupSize": 2.5}}"#, "$.program.groupSize", "integer"),
        (#"{"members": [], "program": {"remainder": "drop"}}"#, "$.program.remainder", "\"merge\", \"leaveOut\""),
        (#"{"members": [], "program": {"rules": [{"category": "c", "kind": "similar"}]}}"#, "$.program.rules[0].kind", "kind must be one of"),
        (#"{"members": [], "program": {"rules": [{"kind": "same"}]}}"#, "$.program.rules[0]", "needs a \"category\""),
        (#"{"members": [], "program": {"rules": [{"category": "c", "kind": "same", "required": "yes"}]}}"#, "$.program.rules[0].required", "true or false"),
        (#"{"members": [], "program": {"rules": [{"category": "c", "kind": "within", "distance": -1}]}}"#, "$.program.rules[0].distance", ">= 0"),
        (#"{"members": [], "program": {"repeats": {"forbidWithin": -1}}}"#, "$.program.repeats.forbidWithin", ">= 0"),
        (#"{"members": [], "program": {"repeats": {"penalty": -2}}}"#, "$.program.repeats.penalty", ">= 0"),
        (#"{"members": [], "program": {"repeats": {"halfLife": 0}}}"#, "$.program.repeats.halfLife", "> 0"),
        (#"{"version": 2, "members": []}"#, "$.version", "unsupported version"),
        (#"{"members": [{"id": "a", "status": "away"}]}"#, "$.members[0].status", "\"active\", \"pending\", \"paused\""),
        (#"{"members": [{"id": "a", "categories": {"c": {"x": 1}}}]}"#, "$.members[0].categories.c", "found an object"),
        (#"{"members": [{"id": "a", "categories": {"c": ["x", 1]}}]}"#, "$.members[0].categories.c[1]", "strings only"),
        (#"{"members": [], "history": [{"date": "13/11/2026", "groups": []}]}"#, "$.history[0].date", "ISO-8601"),
        (#"{"members": [], "history": [{"groups": [["a", 3]]}]}"#, "$.history[0].groups[0][1]", "member id"),
        (#"{"members": [], "history": [{"date": "2026-11-13"}]}"#, "$.history[0]", "needs \"groups\""),
        (#"{"members": [], "exclusions": [["a"]]}"#, "$.exclusions[0]", "pair of member ids"),
        (#"{"members": [{"id": "a"}], "exclusions": [["a", "a"]]}"#, "$.exclusions[0]", "two different members"),
        (#"{"members": [], "options": {"timeLimit": 0}}"#, "$.options.timeLimit", "> 0"),
        (#"{"members": [], "options": {"solver": "fast"}}"#, "$.options.solver", "\"auto\", \"exact\", \"heuristic\""),
        (#"{"members": [], "options": {"seed": 1.5}}"#, "$.options.seed", "integer"),
        (#"{"program": {}}"#, "$", "missing \"members\""),
        (#"[1, 2]"#, "$", "must be an object"),
        (#"{"members": [}"#, "$.members[0]", "malformed JSON at line 1, column 14"),
        ("{\n  \"members\": [\n    {\"id\": \"a\",}\n  ]\n}", "$.members[0]", "line 3, column 16"),
    ])
    func errorNamesPath(json: String, path: String, message: String) {
        let issues = decodeIssues(json)
        #expect(issues.contains { $0.path == path && $0.message.contains(message) }, "\(issues)")
        #expect(issues.allSatisfy { $0.severity == .error })
    }

    @Test func everyProblemIsListed() {
        let issues = decodeIssues("""
        {"members": [{"id": "a"}, {"id": "a"}, {"id": 3}], "program": {"groupSize": 0, "remainder": "x"},
         "options": {"timeLimit": -1}}
        """)
        #expect(issues.count == 5, "\(issues)")
        #expect(issues.map(\.path).sorted() == ["$.members[1].id", "$.members[2].id", "$.options.timeLimit",
                                              "$.program.groupSize", "$.program.remainder"])
    }

    @Test func warnings() throws {
        let json = #"{"members": [{"id": "a"}], "exclusions": [["a", "gone"]], "program": {"rules": [{"category": "c", "kind": "same", "required": true, "weight": 3}]}}"#
        let (session, warnings) = try Session.decode(Array(json.utf8))
        #expect(session.exclusions.count == 1)
        #expect(warnings.map(\.path) == ["$.program.rules[0].weight", "$.exclusions[0][1]"])
        #expect(Session.issues(in: Array(json.utf8)).count == 2)
    }

    @Test func errorDescriptionNamesFile() {
        do {
            _ = try Session.decode(Array(#"{"members": [{"id": 1}]}"#.utf8), file: "in.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "in.json: $.members[0].id: a member id must be a non-empty string, found a number")
        }
    }

    @Test func encodingRoundTrips() throws {
        let session = SessionGenerator(members: 30, groupSize: 3, historySessions: 3, seed: 9).generate()
        let again = try Session.decode(session.jsonBytes()).session
        #expect(again == session)
    }

    @Test func pathsQuoteOddKeys() {
        let issues = decodeIssues(#"{"members": [{"id": "a", "categories": {"my city": {}}}]}"#)
        #expect(issues.first?.path == "$.members[0].categories['my city']")
    }
}
