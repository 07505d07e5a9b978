import Foundation
import Testing
@testable import Mingle

/// Input that must not crash Mingle or fool it (issue 11): strict JSON, limits
/// on weights, `Session.validate()` for sessions built in code.
@Suite("Strict input and Session.validate")
struct StrictInputTests {
    func issues(_ bytes: [UInt8]) -> [SessionIssue] {
        do {
            _ = try Session.decode(bytes)
            return []
        } catch {
            return error.issues
        }
    }

    /// A duplicate key is an error with its path, wherever it is, on both paths of the reader.
    @Test(arguments: [
        (#"{"members": [{"id": "a", "id": "z"}]}"#, "$.members[0].id"),
        (#"{"members": [{"id": "a", "categories": {"c": 1, "c": 2}}]}"#, "$.members[0].categories.c"),
        (#"{"members": [{"id": "a", "categories": {"c": null, "c": 2}}]}"#, "$.members[0].categories.c"),
        (#"{"members": [{"id": "a", "x": 1, "x": 2}]}"#, "$.members[0].x"),
        (#"{"members": [], "members": []}"#, "$.members"),
        (#"{"members": [], "program": {"rules": [{"category": "c", "kind": "same", "kind": "within"}]}}"#, "$.program.rules[0].kind"),
        (#"{"members": [], "history": [{"groups": [], "groups": []}]}"#, "$.history[0].groups"),
        // Keys the reader matches by their bytes: the same key written with an escape, or after a dropped value.
        (#"{"members": [{"id": "a", "\u0069d": "z"}]}"#, "$.members[0].id"),
        (#"{"members": [{"id": "a", "categories": {"c": {}, "c": 2}}]}"#, "$.members[0].categories.c"),
        (#"{"members": [{"id": "a", "categories": {"c": ["x", 1], "c": 2}}]}"#, "$.members[0].categories.c"),
        (#"{"members": [], "history": [{"groups": [], "x": 1, "x": 2}]}"#, "$.history[0].x"),
        (#"{"members": [], "history": [{"groups": [], "d\u0061te": "2026-11-02", "date": "2026-11-09"}]}"#, "$.history[0].date"),
    ])
    func duplicateKeysAreErrors(json: String, path: String) {
        let found = issues(Array(json.utf8))
        #expect(found.count == 1 && found[0].path == path && found[0].message.contains("duplicate key"), "\(found)")
    }

    /// Invalid UTF-8 is an error with its byte offset, never U+FFFD.
    @Test func invalidUTF8IsAnErrorWithItsOffset() {
        var bytes = Array(#"{"members": [{"id": "a"}, {"id": "b"#.utf8)
        let offset = bytes.count
        bytes += [0xFF] + Array(#""}]}"#.utf8)
        let found = issues(bytes)
        #expect(found.count == 1 && found[0].path == "$.members[1].id", "\(found)")
        #expect(found.first?.message.contains("invalid UTF-8 at byte \(offset)") == true, "\(found)")
        // Overlong, surrogate and truncated sequences too; valid multi-byte text is accepted.
        for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80]] {
            #expect(!issues(Array(#"{"members": [{"id": ""#.utf8) + bad + Array(#""}]}"#.utf8)).isEmpty)
        }
        #expect(issues(Array(#"{"members": [{"id": "é€😀"}]}"#.utf8)).isEmpty)
    }

    /// Keys and statuses written with escapes read as their text; a key or a
    /// status that is not valid UTF-8 is an error, as any string.
    @Test func escapedKeysAndStatusesReadAsTheirText() throws {
        let session = try Session.decode(Array(#"{"members": [{"\u0069d": "a", "st\u0061tus": "p\u0061used", "c\u0061tegories": {"c": 1}}]}"#.utf8)).session
        #expect(session.members == [Member(id: "a", status: .paused, categories: ["c": .number(1)])])
        let bad = issues(Array(#"{"members": [{"id": "a", "status": "p"#.utf8) + [0xFF] + Array(#"", "#.utf8) + [0xFE] + Array(#"": 1}]}"#.utf8))
        #expect(bad.count == 1 && bad[0].path == "$.members[0].status" && bad[0].message.contains("invalid UTF-8"), "\(bad)")
        let badKey = issues(Array(#"{"members": [{"id": "a", ""#.utf8) + [0xFE] + Array(#"": 1}]}"#.utf8))
        #expect(badKey.count == 1 && badKey[0].message.contains("invalid UTF-8"), "\(badKey)")
    }

    @Test func numbersBeyondDoubleAreErrors() {
        let found = issues(Array(#"{"members": [{"id": "a", "categories": {"age": 1e400}}]}"#.utf8))
        #expect(found.first?.path == "$.members[0].categories.age" && found.first?.message.contains("out of range") == true, "\(found)")
    }

    /// Two weights of 1.7e308 summed to infinity and crashed the exact solver.
    @Test func weightsBeyondTheLimitAreErrors() {
        let rule = #"{"category": "c", "kind": "same", "weight": 1.7e308}"#
        let members = (0..<17).map { #"{"id": "m\#($0)", "categories": {"c": "x"}}"# }.joined(separator: ", ")
        let json = #"{"members": [\#(members)], "program": {"rules": [\#(rule), \#(rule)], "repeats": {"penalty": 2e9}}}"#
        let found = issues(Array(json.utf8))
        #expect(found.map(\.path) == ["$.program.rules[0].weight", "$.program.rules[1].weight", "$.program.repeats.penalty"], "\(found)")
        #expect(found.allSatisfy { $0.message.contains("1e9") })
        // At the limit it solves, with an exact score.
        let ok = #"{"members": [\#(members)], "program": {"rules": [{"category": "c", "kind": "same", "weight": 1e9}]}, "options": {"solver": "exact"}}"#
        let output = solveAndValidate(try! Session.decode(Array(ok.utf8)).session, solver: .exact)
        #expect(output.objective == 1e10) // 17 members: seven pairs and a trio, ten pairs of 1e9
    }

    @Test func historyGroupListingAnIdTwiceWarnsAndCountsOnce() throws {
        let json = #"{"members": [{"id": "a"}, {"id": "b"}], "program": {"repeats": {"penalty": 5, "halfLife": null}}, "history": [{"groups": [["a", "a", "b"]]}]}"#
        let (session, warnings) = try Session.decode(Array(json.utf8))
        #expect(warnings.map(\.path) == ["$.history[0].groups[0][1]"])
        #expect(warnings.first?.message.contains("counts once") == true)
        let problem = Problem(session)
        #expect(problem.weight(0, 1) == -5) // one meeting, not two
        #expect(SpecReference(session).weight("a", "b") == -5)
    }

    /// `version` is read the same in every file: 1 or 1.0.
    @Test func versionIsTheSameEverywhere() throws {
        _ = try Session.decode(Array(#"{"version": 1.0, "members": []}"#.utf8))
        _ = try HistoryFile.decode(Array(#"{"version": 1.0, "history": []}"#.utf8))
        _ = try Program.decode(Array(#"{"version": 1.0, "program": {"groupSize": 3}}"#.utf8))
        _ = try Session.decode(parts: [SessionPart(.members, bytes: Array(#"{"version": 1.0, "members": [{"id": "a"}]}"#.utf8), file: "m.json")])
        for bytes in [#"{"version": 2, "members": []}"#, #"{"version": "1", "members": []}"#] {
            #expect(throws: SessionError.self) { try Session.decode(Array(bytes.utf8)) }
        }
        #expect(throws: SessionError.self) { try Program.decode(Array(#"{"version": 2, "program": {}}"#.utf8)) }
    }

    /// An output read back by `mingle score`: its version like every file's, counts that cannot crash.
    @Test func outputsAreReadStrictlyToo() throws {
        let base = #"{"version": VERSION, "status": "feasible", "solver": "x", "objective": 0, "groups": [], "unmatched": [], "stats": {"participants": COUNT}}"#
        func read(_ version: String, _ count: String) throws(OutputDecodingError) -> Output {
            try Output.decode(try! JSONValue.parse(base.replacingOccurrences(of: "VERSION", with: version).replacingOccurrences(of: "COUNT", with: count)))
        }
        #expect(try read("1.0", "3").stats.participants == 3)
        #expect(throws: OutputDecodingError.self) { try read("2", "3") }
        for count in ["1e300", "-1", "2.5"] {
            #expect(throws: OutputDecodingError.self, "\(count)") { try read("1", count) }
        }
    }

    /// A program file may be the bare program object or the wrapped form, for `solve --program` and `compare --rules`.
    @Test func programFilesInBothShapes() throws {
        let bare = #"{"groupSize": 3, "rules": [{"category": "c", "kind": "same"}]}"#
        let wrapped = #"{"version": 1, "program": \#(bare)}"#
        let members = SessionPart(.members, bytes: Array(#"{"members": [{"id": "a"}, {"id": "b"}, {"id": "c"}]}"#.utf8), file: "m.json")
        for text in [bare, wrapped] {
            #expect(try Program.decode(Array(text.utf8)).program.groupSize == 3)
            let (session, _) = try Session.decode(parts: [members, SessionPart(.program, bytes: Array(text.utf8), file: "p.json")])
            #expect(session.program.groupSize == 3 && session.program.rules.count == 1)
        }
        // Paths point into the file as written.
        do {
            _ = try Session.decode(parts: [members, SessionPart(.program, bytes: Array(#"{"groupSize": 1}"#.utf8), file: "p.json")])
            Issue.record("groupSize 1 was accepted")
        } catch {
            #expect(error.description == "p.json: $.groupSize: groupSize must be an integer from 2 to 64, found 1")
        }
        do {
            _ = try Program.decode(Array(#"{"program": {"groupSize": 0}}"#.utf8))
            Issue.record("groupSize 0 was accepted")
        } catch {
            #expect(error.issues.map(\.path) == ["$.program.groupSize"])
        }
    }

    // MARK: - Sessions built in code

    static func coded(_ change: (inout Session) -> Void) -> Session {
        var session = Session(members: (0..<6).map { Member(id: "m\($0)", categories: ["age": .number(Double(30 + $0)), "city": .string("Paris")]) })
        change(&session)
        return session
    }

    @Test(arguments: [
        ("groupSize 0", "$.program.groupSize", coded { $0.program.groupSize = 0 }),
        ("groupSize 1", "$.program.groupSize", coded { $0.program.groupSize = 1 }),
        ("groupSize -3", "$.program.groupSize", coded { $0.program.groupSize = -3 }),
        ("duplicate id", "$.members[6].id", coded { $0.members.append(Member(id: "m0")) }),
        ("empty id", "$.members[6].id", coded { $0.members.append(Member(id: "")) }),
        ("within over strings", "$.members[0].categories.city", coded { $0.program.rules = [Rule(category: "city", kind: .within(distance: 1))] }),
        ("NaN weight", "$.program.rules[0].weight", coded { $0.program.rules = [Rule(category: "age", kind: .same, weight: .nan)] }),
        ("time limit 0", "$.options.timeLimit", coded { $0.options.timeLimit = 0 }),
        ("time limit -5", "$.options.timeLimit", coded { $0.options.timeLimit = -5 }),
        ("self-exclusion", "$.exclusions[0]", coded { $0.exclusions = [Exclusion("m1", "m1")] }),
        ("history date", "$.history[0].date", coded { $0.history = [PastSession(date: "last week", groups: [["m0", "m1"]])] }),
        ("participant not a member", "$.participants[0]", coded { $0.participants = ["zz"] }),
        ("negative distance", "$.program.rules[0].distance", coded { $0.program.rules = [Rule(category: "age", kind: .within(distance: -1))] }),
    ])
    func codedSessionsGetTheErrorsAFileWould(what: String, path: String, session: Session) {
        let errors = session.validate().filter { $0.severity == .error }
        #expect(errors.first?.path == path && Set(errors.map(\.path)).count == (what == "within over strings" ? 6 : 1), "\(what): \(errors)")
        // The library validates before solving: an error, never a NaN score or a crash.
        #expect(throws: SessionError.self, "\(what)") { try SessionSolver(solver: .heuristic).solve(session) }
        // The validator reads it without crashing.
        _ = Validator(session: session).check(groups: [])
    }

    @Test func aValidCodedSessionHasNoIssues() throws {
        let session = Self.coded { $0.program.rules = [Rule(category: "age", kind: .within(distance: 2))] }
        #expect(session.validate().isEmpty)
        #expect(try SessionSolver(solver: .heuristic).solve(session).stats.placed == 6)
    }

    /// The solver's overrides are validated too.
    @Test func overridesAreValidated() {
        #expect(throws: SessionError.self) { try SessionSolver(timeLimit: -1).solve(Self.coded { _ in }) }
    }
}
