import Foundation
import Testing
@testable import Mingle

/// The one session reader: members and history read straight from the bytes in
/// parallel chunks, every problem with its JSON path, the first syntax error as
/// the tree parser finds it.
@Suite("One session reader")
struct SessionReadingTests {
    func expectRoundTrip(_ session: Session, indent: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let bytes = session.jsonBytes(indent: indent)
        let read = SessionReader.read(bytes)
        #expect(read.session == session, sourceLocation: sourceLocation)
        #expect(!read.issues.contains { $0.severity == .error }, "\(read.issues)", sourceLocation: sourceLocation)
        // The tree written back reads the same.
        #expect(try Session.decode(JSONValue.parse(bytes)).session == session, sourceLocation: sourceLocation)
    }

    @Test func generatedAndRandomSessions() throws {
        for k in 2...4 {
            let session = SessionGenerator(members: 120, groupSize: k, historySessions: 5, seed: UInt64(k)).generate()
            for indent in [0, 1, 3] { try expectRoundTrip(session, indent: indent) }
        }
        for seed in 0..<40 {
            var sessions = RandomSessions(seed: UInt64(seed))
            let session = sessions.session(participants: 3 + seed % 10, groupSize: 2 + seed % 3, remainder: seed % 2 == 0 ? .merge : .leaveOut)
            try expectRoundTrip(session, indent: seed % 3)
        }
    }

    /// Members are read in chunks on all cores, split by a scan that skips
    /// strings: quotes and backslashes inside ids must not fool it, and issues
    /// from every chunk come out in document order.
    @Test func largeSessionsInChunks() throws {
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
        try expectRoundTrip(session, indent: 0)
        try expectRoundTrip(session, indent: 2)
        var duplicate = session
        duplicate.members[8500].id = duplicate.members[10].id
        duplicate.members[100].firstName = "MARKER"
        duplicate.members[8999].firstName = "MARKER"
        // Errors in the first and the last chunk, around the duplicate.
        let text = String(decoding: duplicate.jsonBytes(indent: 0), as: UTF8.self).replacingOccurrences(of: "\"MARKER\"", with: "7")
        let read = SessionReader.read(Array(text.utf8))
        #expect(read.issues.map(\.path) == ["$.members[100].firstName", "$.members[8500].id", "$.members[8999].firstName"])
        #expect(read.issues.map(\.message) == ["firstName must be a string, found a number",
                                                "duplicate member id \"\(session.members[10].id)\" (first at $.members[10]); ids must be unique",
                                                "firstName must be a string, found a number"])
    }

    /// A syntax error inside a member read in a later chunk, and another after
    /// the members: the first in the text is reported, where the tree finds it.
    @Test func firstSyntaxErrorAcrossChunks() throws {
        let session = SessionGenerator(members: 9000, groupSize: 2, historySessions: 1, seed: 3).generate()
        let text = String(decoding: session.jsonBytes(indent: 1), as: UTF8.self)
        let id = "\"\(session.members[7000].id)\""
        #expect(text.contains(id))
        for broken in [
            text.replacingOccurrences(of: id, with: id + " \"x\""),
            text.replacingOccurrences(of: id, with: id + ", \"id\": \"y\""),
            text.replacingOccurrences(of: id, with: "[1, 2}"),
            text.replacingOccurrences(of: id, with: String(id.dropLast())) + "\"",
            String(text.dropLast(3)),
        ] {
            let bytes = Array(broken.utf8)
            var expected: JSONSyntaxError?
            do { _ = try JSONValue.parse(bytes) } catch { expected = error }
            let syntax = try #require(expected)
            #expect(Session.issues(in: bytes) == [SessionIssue(syntax)])
        }
    }

    @Test func fixtures() throws {
        for name in ConformanceTests.names {
            let bytes = try Fixtures.data("conformance/\(name).json")
            let read = SessionReader.read(bytes)
            #expect(read.session != nil)
            var writer = JSONWriter(indent: 2)
            writer.value(try JSONValue.parse(bytes))
            let again = SessionReader.read(writer.bytes)
            #expect(again.session == read.session)
            #expect(again.issues == read.issues)
        }
    }

    /// Seeds above Int64.max survive the tree written back (parts, Codable).
    @Test func largeSeedThroughTheTree() throws {
        let json = #"{"members": [], "options": {"seed": 18446744073709551615}}"#
        #expect(try Session.decode(JSONValue.parse(json)).session.options.seed == UInt64.max)
        #expect(try Session.decode(Array(json.utf8)).session.options.seed == UInt64.max)
    }

    /// What the reader reads in its own way: ignored keys, nulls, escapes, a
    /// byte-order mark, warnings from the small parts.
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
    func validDocuments(json: String) throws {
        let read = SessionReader.read(Array(json.utf8))
        let session = try #require(read.session)
        #expect(!read.issues.contains { $0.severity == .error })
        #expect(try Session.decode(JSONValue.parse(json)).session == session)
    }

    /// Every issue, as the tree reader that the one reader replaced gave them
    /// (recorded from it): paths, messages, order, warnings.
    @Test(arguments: GoldenIssues.cases)
    func issuesAsTheTreeReaderGaveThem(json: String, expected: [String]) {
        let issues = Session.issues(in: Array(json.utf8)).map { ($0.severity == .warning ? "warning: " : "") + $0.description }
        #expect(issues == expected)
    }
}
