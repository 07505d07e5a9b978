import Foundation
import Testing
import Mingle

/// `mingle import` and the weekly loop of `mingle solve` (parts, --append-history,
/// --messages), run as a user runs them.
extension CLITests {
    static let membersCSV = root.appendingPathComponent("datasets/membres.csv").path
    static let programJSON = root.appendingPathComponent("datasets/programme-cafe.json").path
    static let importOptions = ["--allowed-domain", "exemple.fr", "--map", "Ville=city", "--map", "Département=department",
                                "--map", "Ancienneté=seniority", "--map", "Centres d'intérêt=interests", "--multi", "interests", "--ignore", "Poste"]

    @Test func importListsEveryBadRowAndWritesNothing() throws {
        let folder = try temporaryFolder()
        let out = folder.appendingPathComponent("members.json").path
        let r = try run(["import", Self.membersCSV, "-o", out] + Self.importOptions)
        #expect(r.status == 65)
        #expect(r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n").filter { $0.contains("membres.csv: line ") }
        #expect(lines.map { $0.components(separatedBy: "membres.csv: ")[1].prefix(7) } == ["line 5,", "line 6,", "line 10", "line 16", "line 17", "line 22"])
        #expect(r.stderr.contains("line 5, column 3 (Email): \"mailto:lea.martin@exemple.fr\" is a mailto: link"))
        #expect(r.stderr.contains("line 22, column 3 (Email): duplicate email claire.bernard@EXEMPLE.fr (first on line 13)"))
        #expect(r.stderr.contains("6 invalid row(s) of 36; nothing was written (--skip-invalid writes the valid rows)"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func importSkipInvalidWritesTheValidRows() throws {
        let csv = try String(contentsOfFile: Self.membersCSV, encoding: .utf8)
        let r = try run(["import", "--skip-invalid"] + Self.importOptions, stdin: csv)
        #expect(r.status == 0, "\(r.stderr)")
        let members = try Session.decode(Array(r.stdout.utf8)).session.members
        #expect(members.count == 30)
        #expect(r.stderr.contains("skipped 6 invalid row(s)"))
        #expect(r.stderr.contains("imported 30 members from <stdin> (36 rows, 6 invalid; delimiter ';')"))
    }

    @Test(arguments: [["import", "--map", "Ville"], ["import", "--delimiter", "pipe"], ["import", "--allowed-domain", "a@b.org"],
                      ["solve", "--date", "23/11/2026", "--append-history", "h.json"], ["solve", "--templates", "t"],
                      ["import", "--keep-leavers"], ["import", "--new-status", "paused"], ["members", "pause", "m.json"],
                      ["invitations", "m.json", "--messages", "m.jsonl", "--remind-after", "0"]])
    func weeklyUsageErrorsAre2(arguments: [String]) throws {
        let r = try run(arguments)
        #expect(r.status == 2, "\(r.stderr)")
    }

    @Test func headerErrorsAreFatalEvenWhenSkipping() throws {
        let r = try run(["import", "--skip-invalid"], stdin: "Name;Mail\nAda;ada@example.org\n")
        #expect(r.status == 65)
        #expect(r.stderr.contains("<stdin>: line 1: no first name column"))
        #expect(r.stdout.isEmpty)
    }

    /// The README walkthrough: import, solve week 1 appending the history and
    /// writing messages, solve week 2; week 2 repeats no pair of week 1, and
    /// re-running week 2 is refused without writing anything.
    @Test func twoWeeklyRuns() throws {
        let folder = try temporaryFolder()
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        let imported = try run(["import", Self.membersCSV, "--skip-invalid", "-q", "-o", path("members.json")] + Self.importOptions)
        #expect(imported.status == 0, "\(imported.stderr)")
        var pairs: [Set<Set<String>>] = []
        for (week, date) in [(1, "2026-11-23"), (2, "2026-11-30")] {
            let r = try run(["solve", "--members", path("members.json"), "--program", Self.programJSON, "--append-history", path("history.json"),
                             "--date", date, "--messages", path("week\(week).jsonl"), "-o", path("week\(week).json")])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stderr.contains("to \(path("history.json")), which now holds \(week) session(s)"))
            // Validate against the session of that week (the history before it).
            var parts = [SessionPart(.members, bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path("members.json"))))),
                         SessionPart(.program, bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.programJSON))))]
            let history = try HistoryFile.decode([UInt8](Data(contentsOf: URL(fileURLWithPath: path("history.json")))))
            #expect(history.count == week && history.last?.date == date)
            if week == 2 { parts.append(SessionPart(.history, bytes: HistoryFile.jsonBytes(Array(history.prefix(1))))) }
            let session = try Session.decode(parts: parts).session
            let output = try Output.decode(JSONValue.parse(String(contentsOfFile: path("week\(week).json"), encoding: .utf8)))
            #expect(Validator(session: session).check(output).issues.isEmpty)
            #expect(output.stats.repeats == 0 && output.stats.placed == 26)
            #expect(history.last?.groups == output.groups.map(\.members))
            pairs.append(Set(output.groups.flatMap { g in g.members.flatMap { a in g.members.filter { a < $0 }.map { Set([a, $0]) } } }))
            let messages = try String(contentsOfFile: path("week\(week).jsonl"), encoding: .utf8).split(separator: "\n")
            #expect(messages.count == output.stats.participants)
            #expect(messages.filter { $0.contains(#""kind":"unmatched""#) }.count == 2)
        }
        #expect(pairs[0].isDisjoint(with: pairs[1]))
        let before = try String(contentsOfFile: path("history.json"), encoding: .utf8)
        let again = try run(["solve", "--members", path("members.json"), "--program", Self.programJSON, "--append-history", path("history.json"),
                             "--date", "2026-11-30", "-o", path("again.json")])
        #expect(again.status == 65)
        #expect(again.stderr.contains("already has a session dated 2026-11-30"))
        #expect(try String(contentsOfFile: path("history.json"), encoding: .utf8) == before)
        #expect(!FileManager.default.fileExists(atPath: path("again.json")))
    }

    @Test func partsProblemsNameTheirFile() throws {
        let folder = try temporaryFolder()
        let members = folder.appendingPathComponent("members.json")
        try #"{"members": [{"id": "a"}, {"id": "a"}]}"#.write(to: members, atomically: true, encoding: .utf8)
        let r = try run(["solve", "--members", members.path, "--program", Self.programJSON])
        #expect(r.status == 65)
        #expect(r.stderr.contains("\(members.path): $.members[1].id: duplicate member id"))
        let conflict = try run(["solve", Self.example, "--members", members.path])
        #expect(conflict.stderr.contains("\(members.path): $.members: \"members\" is also given by \(Self.example)"))
        let missing = try run(["solve", "--members", "/nonexistent/members.json"])
        #expect(missing.status == 66)
    }

    /// A history file created empty (with touch) holds no past session; after a run it holds one.
    @Test func emptyHistoryFileStartsTheHistory() throws {
        let folder = try temporaryFolder()
        let history = folder.appendingPathComponent("history.json")
        #expect(FileManager.default.createFile(atPath: history.path, contents: Data()))
        let r = try run(["solve", Self.example, "-q", "-o", folder.appendingPathComponent("out.json").path,
                         "--append-history", history.path, "--date", "2026-11-23"])
        #expect(r.status == 0, "\(r.stderr)")
        let past = try HistoryFile.decode([UInt8](Data(contentsOf: history)))
        let output = try validate(String(contentsOf: folder.appendingPathComponent("out.json"), encoding: .utf8), against: Self.example)
        #expect(past.map(\.date) == ["2026-11-23"] && past.map(\.groups) == [output.groups.map(\.members)])
        #expect(!output.groups.isEmpty)
    }

    @Test func customTemplates() throws {
        let folder = try temporaryFolder()
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "Subject: Café\n\n{{firstName}} + {{matesNames}}".write(to: templates.appendingPathComponent("match.fr.mustache"), atomically: true, encoding: .utf8)
        let messages = folder.appendingPathComponent("m.jsonl").path
        let r = try run(["solve", Self.example, "-q", "--messages", messages, "--templates", templates.path])
        #expect(r.status == 0, "\(r.stderr)")
        _ = try validate(r.stdout, against: Self.example)
        // example-20 has no languages: English, built in.
        let first = try String(contentsOfFile: messages, encoding: .utf8).split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.contains(#""language":"en""#) && first.contains(#""subject":"Your match"#))
        try "{{#mates}}".write(to: templates.appendingPathComponent("unmatched.fr.mustache"), atomically: true, encoding: .utf8)
        let bad = try run(["solve", Self.example, "-q", "--messages", messages, "--templates", templates.path])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("unmatched.fr.mustache: the unmatched template for \"fr\": line 1"))
    }
}
