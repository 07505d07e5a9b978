import Foundation
import Testing
@testable import Mingle

/// The fast decoding path (members and history read without a JSON tree) must
/// give exactly what the full path gives: the same session and the same issues,
/// or hand the document to the full path.
@Suite("Fast session decoding")
struct FastDecodingTests {
    func full(_ bytes: [UInt8]) -> (session: Session?, issues: [SessionIssue]) {
        guard let json = try? JSONValue.parse(bytes) else { return (nil, []) }
        var reader = SessionReader()
        let session = reader.readSession(json)
        return (session, reader.issues)
    }

    func expectSame(_ text: String, fast expected: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) {
        let bytes = Array(text.utf8)
        let fast = SessionReader.readFast(bytes)
        #expect((fast != nil) == expected, "fast path taken: \(fast != nil)", sourceLocation: sourceLocation)
        let full = full(bytes)
        if let fast {
            #expect(fast.session == full.session, sourceLocation: sourceLocation)
            #expect(fast.issues == full.issues, sourceLocation: sourceLocation)
        }
        if (try? JSONValue.parse(bytes)) != nil { #expect(Session.issues(in: bytes) == full.issues, sourceLocation: sourceLocation) }
    }

    @Test func generatedAndRandomSessions() throws {
        for k in 2...4 {
            let session = SessionGenerator(members: 120, groupSize: k, historySessions: 5, seed: UInt64(k)).generate()
            for indent in [0, 1, 3] { expectSame(String(decoding: session.jsonBytes(indent: indent), as: UTF8.self)) }
        }
        for seed in 0..<40 {
            var sessions = RandomSessions(seed: UInt64(seed))
            let session = sessions.session(participants: 3 + seed % 10, groupSize: 2 + seed % 3, remainder: seed % 2 == 0 ? .merge : .leaveOut)
            expectSame(String(decoding: session.jsonBytes(indent: seed % 3), as: UTF8.self))
        }
    }

    /// Members are parsed in chunks on all cores, split by a scan that skips
    /// strings: quotes and backslashes inside ids must not fool it.
    @Test func largeSessionsInChunks() {
        var session = SessionGenerator(members: 9000, groupSize: 2, historySessions: 2, seed: 12).generate()
        let odd = ["q\"uote", "back\\", "\\\"", "brace}]", "comma,\"x", "tab\t"]
        for (n, id) in odd.enumerated() {
            let i = 1000 * (n + 1)
            let old = session.members[i].id
            session.members[i].id = id
            for s in session.history.indices {
                session.history[s].groups = session.history[s].groups.map { $0.map { $0 == old ? id : $0 } }
            }
        }
        expectSame(String(decoding: session.jsonBytes(indent: 0), as: UTF8.self))
        expectSame(String(decoding: session.jsonBytes(indent: 2), as: UTF8.self))
        var duplicate = session
        duplicate.members[8500].id = duplicate.members[10].id
        expectSame(String(decoding: duplicate.jsonBytes(indent: 0), as: UTF8.self), fast: false)
    }

    /// A warning from members or history (an unmatched id also in a group)
    /// also comes from the full path.
    @Test func historyWarningsComeFromTheFullPath() {
        let json = #"{"members": [{"id": "a"}, {"id": "b"}], "history": [{"groups": [["a", "b"]], "unmatched": ["a"]}]}"#
        expectSame(json, fast: false)
        #expect(Session.issues(in: Array(json.utf8)).map(\.severity) == [.warning])
    }

    @Test func fixtures() throws {
        for name in ConformanceTests.names {
            expectSame(String(decoding: try Fixtures.data("conformance/\(name).json"), as: UTF8.self))
        }
    }

    /// What the full path reads in its own way: ignored keys, nulls, escapes,
    /// a byte-order mark, warnings from the small parts.
    @Test(arguments: [
        #"{"members": [{"id": "a", "status": "paused", "categories": {"c": 1}}]}"#,
        #"{"members": [{"id": "a", "categories": {"c": ["y", "z"], "d": null, "e": true, "f": -2.5e3}}]}"#,
        #"{"members": [{"x": {"deep": [1, {"y": null}]}, "id": "a\u00e9\n\"q\"", "firstName": null, "email": "e@x"}], "version": 1}"#,
        "\u{FEFF}{ \"members\" : [ ] , \"history\" : [ { \"groups\" : [ [ ] , [\"a\"] ] , \"date\" : \"2026-01-02\" } ] }",
        #"{"members": [{"id": "a"}], "exclusions": [["a", "gone"]], "program": {"rules": [{"category": "c", "kind": "same", "required": true, "weight": 3}]}}"#,
        #"{"options": {"seed": 3}, "participants": ["b"], "members": [{"id": "b"}], "program": {"groupSize": 3}}"#,
        #"{"members": [{"id": "a", "groups": ["t1", "t2"], "guest": true, "language": "fr"}, {"id": "b", "groups": null, "guest": null, "language": ""}]}"#,
        #"{"members": [{"id": "a", "groups": ["t1"], "language": "fr"}], "program": {"audience": {"groups": {"in": ["t9"]}}}}"#,
        #"{"members": [{"id": "a"}, {"id": "b"}, {"id": "c"}], "program": {"fairness": {"lookback": 2}}, "history": [{"unmatched": ["c", "gone"], "groups": [["a", "b"]]}, {"groups": [], "unmatched": []}]}"#,
    ])
    func fastPathReadsLikeTheFullPath(json: String) {
        expectSame(json)
    }

    /// Anything the full path reports goes to it, so messages keep their paths.
    @Test(arguments: [
        #"{"members": [{"id": "a"}, {"id": "a"}]}"#,
        #"{"members": [{"id": ""}]}"#,
        #"{"members": [{"name": "x"}]}"#,
        #"{"members": [{"id": "a", "status": "away"}]}"#,
        #"{"members": [{"id": "a", "categories": {"c": {"x": 1}}}]}"#,
        #"{"members": [{"id": "a", "categories": {"c": ["x", 1]}}]}"#,
        #"{"members": [], "history": [{"date": "13/11/2026", "groups": []}]}"#,
        #"{"members": [], "history": [{"groups": [["a", 3]]}]}"#,
        #"{"members": [], "history": [{"date": "2026-11-13"}]}"#,
        #"{"members": [], "history": [{"groups": [], "groups": []}]}"#,
        #"{"members": [], "members": []}"#,
        #"{"members": [], "extra": 1}"#,
        #"{"members": [}"#,
        #"{"members": [{"id": "a",}]}"#,
        #"[1, 2]"#,
        #"{"members": []} x"#,
        #"{"members": [{"id": "a", "groups": "t1"}], "program": {"audience": {"groups": {"in": ["t1"]}}}}"#,
        #"{"members": [{"id": "a", "guest": "yes"}], "program": {"audience": {"guests": false}}}"#,
        #"{"members": [{"id": "a"}], "history": [{"groups": [], "unmatched": [3]}]}"#,
    ])
    func otherwiseTheFullPathReports(json: String) {
        expectSame(json, fast: false)
        #expect(Session.issues(in: Array(json.utf8)).contains { $0.severity == .error })
    }
}
