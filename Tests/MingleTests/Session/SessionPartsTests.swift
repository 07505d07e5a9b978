import Foundation
import Testing
@testable import Mingle

@Suite("Sessions from parts, history files, two weekly runs")
struct SessionPartsTests {
    static let members = #"{"version": 1, "members": [{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "d"}]}"#
    static let program = #"{"program": {"repeats": {"forbidWithin": 1}}, "options": {"seed": 3}, "exclusions": [["a", "d"]]}"#
    static let history = #"{"version": 1, "history": [{"date": "2026-11-16", "groups": [["a", "b"], ["c", "d"]]}]}"#

    func part(_ role: SessionPart.Role, _ text: String, _ file: String) -> SessionPart {
        SessionPart(role, bytes: Array(text.utf8), file: file)
    }

    func partsIssues(_ parts: [SessionPart]) -> (SessionError?, String) {
        do {
            _ = try Session.decode(parts: parts)
            return (nil, "")
        } catch {
            return (error, error.description)
        }
    }

    @Test func partsGiveTheSameSessionAsOneFile() throws {
        let whole = try decodeSession("""
        {"members": [{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "d"}],
         "program": {"repeats": {"forbidWithin": 1}}, "options": {"seed": 3}, "exclusions": [["a", "d"]],
         "history": [{"date": "2026-11-16", "groups": [["a", "b"], ["c", "d"]]}]}
        """)
        let (session, warnings) = try Session.decode(parts: [
            part(.members, Self.members, "members.json"), part(.program, Self.program, "program.json"), part(.history, Self.history, "history.json"),
        ])
        #expect(session == whole)
        #expect(warnings.isEmpty)
        // Forbidden: last week's pairs and the exclusion; left: a-c and b-d.
        let output = solveAndValidate(session)
        #expect(output.groups.map(\.members).sorted { $0[0] < $1[0] } == [["a", "c"], ["b", "d"]])
    }

    @Test func historyFromSeveralPartsIsConcatenated() throws {
        let older = #"{"history": [{"date": "2026-11-09", "groups": [["a", "c"]]}]}"#
        let (session, _) = try Session.decode(parts: [
            part(.members, Self.members, "m.json"), part(.history, older, "archive.json"), part(.history, Self.history, "recent.json"),
        ])
        #expect(session.history.map(\.date) == ["2026-11-09", "2026-11-16"])
    }

    /// Each key comes from one part; an issue names the file it is in and its path there.
    @Test func issuesNameTheirFile() {
        let (conflict, text) = partsIssues([part(.members, Self.members, "m.json"), part(.session, Self.members, "s.json")])
        #expect(conflict?.issues.count == 1)
        #expect(text == "s.json: $.members: \"members\" is also given by m.json; each key may come from one part only (history excepted)")

        let badMembers = #"{"members": [{"id": "a"}, {"id": "a"}]}"#
        let badHistory = #"{"history": [{"date": "2026-11-02", "groups": []}, {"date": "16/11/2026", "groups": []}]}"#
        let (_, located) = partsIssues([
            part(.members, badMembers, "m.json"), part(.program, #"{"program": {"groupSize": 1}}"#, "p.json"),
            part(.history, Self.history, "h1.json"), part(.history, badHistory, "h2.json"),
        ])
        #expect(located == """
        m.json: $.members[1].id: duplicate member id "a" (first at $.members[0]); ids must be unique
        h2.json: $.history[1].date: date must be an ISO-8601 date such as "2026-11-13" or "2026-11-13T09:00:00Z", found "16/11/2026"
        p.json: $.program.groupSize: groupSize must be an integer from 2 to 64, found 1
        """)

        let (_, missing) = partsIssues([part(.members, Self.program, "program.json"), part(.program, Self.members, "members.json")])
        #expect(missing.contains("program.json: $: this members file has no \"members\" key"))
        #expect(missing.contains("members.json: $: this program file has no \"program\" key"))

        let (_, malformed) = partsIssues([part(.members, "{\"members\": [", "m.json")])
        #expect(malformed.hasPrefix("m.json: $.members[0]: malformed JSON at line 1"))
        let (_, root) = partsIssues([part(.program, #"{"program": {}}"#, "p.json")])
        #expect(root == "p.json: $: missing \"members\": a session needs an array of members")
    }

    /// Each part is read once, from its own bytes: what its reading finds
    /// (a key, a version, a member, a past session) is in its file with its
    /// own paths, and what the checks of the merged session find is mapped back.
    @Test func partsAreReadFromTheirBytes() throws {
        let (_, text) = partsIssues([
            part(.members, #"{"version": 2, "members": [{"id": "a", "status": "away"}], "extra": 1}"#, "m.json"),
            part(.history, #"{"history": [{"groups": [["a", 3]]}]}"#, "h1.json"),
            part(.history, #"{"history": [{"groups": []}, {"groups": [[""]]}]}"#, "h2.json"),
        ])
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 5, "\(text)")
        #expect(lines.first?.hasPrefix(#"m.json: $.extra: unknown key "extra""#) == true, "\(text)")
        #expect(Array(lines.dropFirst()) == [
            "m.json: $.version: unsupported version 2; this Mingle reads version 1",
            #"m.json: $.members[0].status: status must be one of "active", "pending", "paused", "expired", "left", found "away""#,
            "h1.json: $.history[0].groups[0][1]: a member id must be a non-empty string, found a number",
            "h2.json: $.history[1].groups[0][0]: a member id must be a non-empty string",
        ], "\(text)")

        let (session, warnings) = try Session.decode(parts: [
            part(.members, Self.members, "m.json"), part(.history, Self.history, "h1.json"),
            part(.history, #"{"history": [{"groups": [["a", "a", "b"]]}]}"#, "h2.json"),
        ])
        #expect(session.history.count == 2)
        #expect(warnings.map { "\($0.file ?? "-"): \($0)" } == [#"h2.json: $.history[0].groups[0][1]: "a" is listed twice in this group; it counts once"#])
    }

    @Test func historyFileRoundTripsAndAppends() throws {
        let past = try HistoryFile.decode(Array(Self.history.utf8), file: "h.json")
        #expect(past == [PastSession(date: "2026-11-16", groups: [["a", "b"], ["c", "d"]])])
        #expect(try HistoryFile.decode(HistoryFile.jsonBytes(past)) == past)
        let output = Output(status: .optimal, solver: "test", objective: 0, bound: nil,
                            groups: [.init(members: ["a", "c"], score: 0), .init(members: ["b", "d"], score: 0)], unmatched: [],
                            stats: .init(participants: 4, placed: 4, oversizedGroups: 0, repeats: 0, seconds: 0))
        let next = try HistoryFile.appending(PastSession(date: "2026-11-23", output: output), to: past)
        #expect(next.last == PastSession(date: "2026-11-23", groups: [["a", "c"], ["b", "d"]]))
        // The same week again, an earlier week, or no date: refused.
        #expect(throws: HistoryAppendError.self) { try HistoryFile.appending(PastSession(date: "2026-11-16T18:00", groups: []), to: past) }
        #expect(throws: HistoryAppendError.self) { try HistoryFile.appending(PastSession(date: "2026-11-01", groups: []), to: past) }
        #expect(throws: HistoryAppendError.self) { try HistoryFile.appending(PastSession(groups: []), to: past) }
        #expect(throws: SessionError.self) { try HistoryFile.decode(Array(#"{"history": [], "members": []}"#.utf8)) }
    }

    /// Two consecutive weekly runs from parts, as a batch job does them: the
    /// second week avoids every pair of the first.
    @Test func secondWeekAvoidsTheFirstWeeksPairs() throws {
        let csv = try [UInt8](Data(contentsOf: repositoryRoot.appendingPathComponent("datasets/membres.csv")))
        let imported = try MemberImport(renames: [.init(column: "Ville", name: "city"), .init(column: "Département", name: "department"),
                                              .init(column: "Ancienneté", name: "seniority"), .init(column: "Centres d'intérêt", name: "interests")],
                                    ignored: ["Poste"], multiValued: ["interests"], allowedDomains: ["exemple.fr"]).read(csv)
        let members = MembersFile.jsonBytes(imported.members)
        let program = try [UInt8](Data(contentsOf: repositoryRoot.appendingPathComponent("datasets/programme-cafe.json")))
        var historyFile: [UInt8]? = nil
        var weeks: [Set<Set<String>>] = []
        for date in ["2026-11-23", "2026-11-30"] {
            var parts = [SessionPart(.members, bytes: members, file: "members.json"), SessionPart(.program, bytes: program, file: "program.json")]
            if let historyFile { parts.append(SessionPart(.history, bytes: historyFile, file: "history.json")) }
            let session = try Session.decode(parts: parts).session
            let output = solveAndValidate(session, solver: .auto)
            #expect(output.stats.placed == 26 && output.stats.repeats == 0)
            weeks.append(Set(output.groups.flatMap { g in g.members.flatMap { a in g.members.filter { a < $0 }.map { Set([a, $0]) } } }))
            let past = try historyFile.map { try HistoryFile.decode($0) } ?? []
            historyFile = HistoryFile.jsonBytes(try HistoryFile.appending(PastSession(date: date, output: output), to: past))
        }
        #expect(weeks[0].count == 13 && weeks[1].count == 13)
        #expect(weeks[0].isDisjoint(with: weeks[1]))
        #expect(try HistoryFile.decode(historyFile!).map(\.date) == ["2026-11-23", "2026-11-30"])
    }
}
