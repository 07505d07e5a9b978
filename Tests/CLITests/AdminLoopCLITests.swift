import Foundation
import Testing
import Mingle

/// The admin's loop run as an admin runs it: `import --update`, `members`,
/// `invitations`, and the README's weekly job (`scripts/weekly`) for three
/// weeks on an export that changes between weeks.
extension CLITests {
    /// datasets/membres.csv with its six bad rows removed, as the README tells the admin to fix it.
    static func cleanExport() throws -> String {
        let text = try String(contentsOfFile: membersCSV, encoding: .utf8)
        let bad = ["mailto:", "gmail.com", "jean dupont@", "paul.girard@;", "claire.bernard@EXEMPLE"]
        let lines = text.components(separatedBy: "\r\n").filter { line in !bad.contains { line.contains($0) } && !line.hasPrefix(";;;") }
        return lines.joined(separator: "\r\n")
    }

    func members(_ path: String) throws -> [Member] {
        try Session.decode([UInt8](Data(contentsOf: URL(fileURLWithPath: path)))).session.members
    }

    /// Runs scripts/weekly with the built binary for one week.
    func weeklyJob(export: String, data: String, date: String) throws -> Run {
        let process = Process()
        process.executableURL = Self.root.appendingPathComponent("scripts/weekly")
        process.currentDirectoryURL = Self.root
        var environment = ProcessInfo.processInfo.environment
        environment["EXPORT"] = export
        environment["DATA"] = data
        environment["DATE"] = date
        environment["MINGLE"] = Self.binary.path
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile(), errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Three weeks of the README's weekly job. Between weeks the export changes
    /// (week 2: a hire and a leaver; week 3: a department change) and the admin
    /// pauses a member until week 3 and activates the hire. Each week: who takes
    /// part is exactly the active members of the audience not paused; the
    /// output is valid for that week's session; nothing is lost (history keeps
    /// every week, members keep their pauses and invitation dates across imports).
    @Test func weeklyJobForThreeWeeks() throws {
        let folder = try temporaryFolder()
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        let data = path("data"), export = path("export.csv")
        var csv = try Self.cleanExport()
        let weeks = ["2026-11-23", "2026-11-30", "2026-12-07"]
        var outputs: [Output] = []
        for (w, date) in weeks.enumerated() {
            if w == 1 {
                // A leaver (a record over two lines) and a hire.
                let start = try #require(csv.range(of: "Thomas;Moreau")).lowerBound
                let end = try #require(csv.range(of: "\r\n", range: csv.range(of: "Île-de-France")!.upperBound..<csv.endIndex)).upperBound
                csv.removeSubrange(start..<end)
                csv += "Zoé;Lucas;zoe.lucas@exemple.fr;Paris;Ventes;2;course;fr;actif;;Commerciale\r\n"
                let pause = try run(["members", "pause", path("data/members.json"), "camille.durand@exemple.fr", "--until", "2026-12-07"])
                #expect(pause.status == 0, "\(pause.stderr)")
            }
            if w == 2 {
                csv = csv.replacingOccurrences(of: "Chloé;Roux;chloe.roux@exemple.fr;Paris;Marketing", with: "Chloé;Roux;chloe.roux@exemple.fr;Paris;Ventes")
                let activate = try run(["members", "activate", path("data/members.json"), "zoe.lucas@exemple.fr"])
                #expect(activate.status == 0, "\(activate.stderr)")
            }
            try csv.write(toFile: export, atomically: true, encoding: .utf8)
            let before = w == 0 ? [] : try members(path("data/members.json"))
            let job = try weeklyJob(export: export, data: data, date: date)
            #expect(job.status == 0, "week \(w + 1): \(job.stderr)")
            let week = path("data/\(date)")
            let all = try members(path("data/members.json"))

            // The week's session, rebuilt from what the job read: the members, the program, the history before.
            let history = try HistoryFile.decode([UInt8](Data(contentsOf: URL(fileURLWithPath: path("data/history.json")))))
            #expect(history.map(\.date) == Array(weeks.prefix(w + 1)))
            var session = try Session.decode(parts: [
                SessionPart(.members, bytes: MembersFile.jsonBytes(all)),
                SessionPart(.program, bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.programJSON)))),
                SessionPart(.history, bytes: HistoryFile.jsonBytes(Array(history.prefix(w)))),
            ]).session
            session.date = date
            let output = try Output.decode(JSONValue.parse(String(contentsOfFile: "\(week)/groups.json", encoding: .utf8)))
            #expect(Validator(session: session).check(output).issues.isEmpty, "week \(w + 1)")
            #expect(history[w].groups == output.groups.map(\.members))
            outputs.append(output)

            // Who takes part: active members in Paris or Lyon, not guests, not paused.
            let expected = Set(all.filter { m in
                m.status == .active && m.pausedUntil.map { date >= $0 } ?? true && !m.guest
                    && [CategoryValue.string("Paris"), .string("Lyon")].contains(m.categories["city"])
            }.map(\.id))
            #expect(Set(output.groups.flatMap(\.members)) == expected, "week \(w + 1)")
            let placed = Set(output.groups.flatMap(\.members))
            let camille = "camille.durand@exemple.fr", zoe = "zoe.lucas@exemple.fr", thomas = "thomas.moreau@exemple.fr"
            let messages = try String(contentsOfFile: "\(week)/messages.jsonl", encoding: .utf8).split(separator: "\n")
            #expect(messages.count == output.stats.participants)
            let invitations = try String(contentsOfFile: "\(week)/invitations.jsonl", encoding: .utf8).split(separator: "\n")
            let kevin = all.first { $0.id == "kevin.mercier@exemple.fr" }
            switch w {
            case 0:
                #expect(placed.contains(camille) && placed.contains(thomas))
                #expect(invitations.count == 1 && invitations[0].contains(#""kind":"invitation""#) && invitations[0].contains("kevin.mercier"))
                #expect(kevin?.invitedAt == "2026-11-23")
            case 1:
                #expect(!placed.contains(camille) && !placed.contains(zoe))
                #expect(output.unmatched.contains { $0.member == camille && $0.reason == "paused until 2026-12-07" })
                #expect(!all.contains { $0.id == thomas })
                #expect(all.first { $0.id == zoe }?.status == .pending && all.first { $0.id == zoe }?.invitedAt == date)
                let report = try String(contentsOfFile: "\(week)/import.json", encoding: .utf8)
                #expect(report.contains(#""added": ["zoe.lucas@exemple.fr"]"#) && report.contains(#""left": ["thomas.moreau@exemple.fr"]"#))
                #expect(invitations.count == 2 && invitations.contains { $0.contains(#""kind":"reminder""#) && $0.contains("kevin.mercier") })
                #expect(kevin?.remindedAt == date)
            default:
                #expect(placed.contains(camille) && placed.contains(zoe))
                #expect(all.first { $0.id == "chloe.roux@exemple.fr" }?.categories["department"] == .string("Ventes"))
                #expect(job.stderr.contains("1 updated (chloe.roux@exemple.fr: categories.department)"))
                #expect(invitations.isEmpty)
            }
            // Nothing lost: every member of last week is still here with what the export does not carry, but the leaver.
            for old in before where old.id != thomas {
                let now = try #require(all.first { $0.id == old.id }, "\(old.id) lost in week \(w + 1)")
                #expect(now.pausedUntil == old.pausedUntil)
                if old.status != .pending && old.id != zoe { #expect(now.status == old.status, "\(old.id)") }
                #expect(old.invitedAt == nil || now.invitedAt == old.invitedAt)
            }
        }
        // The history still holds week 1's groups, the leaver's among them.
        let history = try HistoryFile.decode([UInt8](Data(contentsOf: URL(fileURLWithPath: path("data/history.json")))))
        #expect(history.map(\.groups) == outputs.map { $0.groups.map(\.members) })
        #expect(history[0].groups.joined().contains("thomas.moreau@exemple.fr"))
        // No pair of a week meets again the next week (forbidWithin 2).
        let pairs = outputs.map { o in Set(o.groups.flatMap { g in g.members.flatMap { a in g.members.filter { a < $0 }.map { [a, $0] } } }) }
        #expect(pairs[0].isDisjoint(with: pairs[1]) && pairs[1].isDisjoint(with: pairs[2]) && pairs[0].isDisjoint(with: pairs[2]))
    }

    @Test func importUpdateWritesNothingOnError() throws {
        let folder = try temporaryFolder()
        let members = folder.appendingPathComponent("members.json").path
        let report = folder.appendingPathComponent("report.json").path
        let first = try run(["import", "-q", "-o", members], stdin: "Prénom;Nom;Email;Ville\nAda;L;ada@x.org;Paris\nBob;;bob@x.org;Lyon\n")
        #expect(first.status == 0, "\(first.stderr)")
        let before = try String(contentsOfFile: members, encoding: .utf8)
        let bad = try run(["import", "--update", members, "--report", report], stdin: "Prénom;Nom;Email;Ville\nAda;L;ada@;Paris\n")
        #expect(bad.status == 65)
        #expect(try String(contentsOfFile: members, encoding: .utf8) == before && !FileManager.default.fileExists(atPath: report))
        let missing = try run(["import", "--update", folder.appendingPathComponent("none.json").path], stdin: "Prénom;Nom;Email\nAda;L;ada@x.org\n")
        #expect(missing.status == 66)
        let unwritable = try run(["import", "--update", members, "--report", "/nonexistent/dir/report.json"], stdin: "Prénom;Nom;Email;Ville\nAda;L;ada@x.org;Lyon\n")
        #expect(unwritable.status == 73)
        #expect(try String(contentsOfFile: members, encoding: .utf8) == before)
        // Skipped rows may be members: nobody leaves that week.
        let skipped = try run(["import", "--update", members, "--skip-invalid"], stdin: "Prénom;Nom;Email;Ville\nAda;L;ada@x.org;Lyon\nBob;;bob@;Lyon\n")
        #expect(skipped.status == 0, "\(skipped.stderr)")
        #expect(skipped.stderr.contains("1 missing but kept, since rows were skipped (bob@x.org)"))
        #expect(try self.members(members).map(\.id) == ["ada@x.org", "bob@x.org"])
        let good = try run(["import", "--update", members, "--keep-leavers", "--report", report], stdin: "Prénom;Nom;Email;Ville\nAda;L;ada@x.org;Lyon\n")
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stderr.contains("1 left (bob@x.org) kept with status left"))
        #expect(try self.members(members).map(\.status) == [.active, .left])
        #expect(try String(contentsOfFile: report, encoding: .utf8).contains(#""leaversKept": true"#))
    }

    @Test func membersPauseAndResumeInPlace() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("members.json").path
        try String(decoding: MembersFile.jsonBytes([Member(id: "ada"), Member(id: "bob")]), as: UTF8.self).write(toFile: file, atomically: true, encoding: .utf8)
        let before = try String(contentsOfFile: file, encoding: .utf8)
        let unknown = try run(["members", "pause", file, "ada", "adam", "--until", "2026-12-14"])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("no member has the id \"adam\"; closest: ada"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == before)
        let badDate = try run(["members", "pause", file, "ada", "--until", "2026-02-30"])
        #expect(badDate.status == 2)
        #expect(try run(["members", "pause", file, "ada", "--until", "2026-12-14"]).status == 0)
        #expect(try run(["members", "pause", file, "bob"]).status == 0)
        #expect(try members(file).map(\.pausedUntil) == ["2026-12-14", nil] && members(file).map(\.status) == [.active, .paused])
        #expect(try run(["members", "resume", file, "ada", "bob"]).status == 0)
        #expect(try members(file) == [Member(id: "ada"), Member(id: "bob")])
        let session = folder.appendingPathComponent("session.json").path
        try #"{"program": {"groupSize": 3}, "members": [{"id": "ada"}]}"#.write(toFile: session, atomically: true, encoding: .utf8)
        let notMembers = try run(["members", "pause", session, "ada"])
        #expect(notMembers.status == 65 && notMembers.stderr.contains("holds more than members"))
        #expect(try run(["members", "pause", folder.appendingPathComponent("none.json").path, "ada"]).status == 66)
    }

    @Test func invitationsWriteMessagesAndMembersAllOrNone() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("members.json").path
        let messages = folder.appendingPathComponent("invitations.jsonl").path
        try String(decoding: MembersFile.jsonBytes([Member(id: "ada", firstName: "Ada", email: "ada@x.org", status: .pending),
                                                    Member(id: "bob", status: .pending, invitedAt: "2026-10-01")]), as: UTF8.self)
            .write(toFile: file, atomically: true, encoding: .utf8)
        let before = try String(contentsOfFile: file, encoding: .utf8)
        let unwritable = try run(["invitations", file, "--date", "2026-11-23", "--messages", "/nonexistent/dir/m.jsonl"])
        #expect(unwritable.status == 73)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == before)
        let r = try run(["invitations", file, "--date", "2026-11-23", "--messages", messages])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("invited 1 (ada), reminded 0, expired 1 (bob)"))
        let lines = try String(contentsOfFile: messages, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains(#""kind":"invitation""#) && lines[0].contains(#""email":"ada@x.org""#))
        #expect(try members(file).map(\.status) == [.pending, .expired] && members(file)[0].invitedAt == "2026-11-23")
        let reinvite = try run(["invitations", file, "--date", "2026-11-24", "--messages", messages, "--reinvite", "bobb"])
        #expect(reinvite.status == 65 && reinvite.stderr.contains("closest: bob"))
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "Subject: Come\n\nHi {{firstName}}".write(to: templates.appendingPathComponent("invitation.en.mustache"), atomically: true, encoding: .utf8)
        let renewed = try run(["invitations", file, "--date", "2026-11-24", "--messages", messages, "--reinvite", "bob", "--templates", templates.path])
        #expect(renewed.status == 0, "\(renewed.stderr)")
        #expect(try String(contentsOfFile: messages, encoding: .utf8).contains(#""subject":"Come""#))
        #expect(try members(file).map(\.status) == [.pending, .pending])
        #expect(try run(["invitations", file, "--date", "2026-11-31", "--messages", messages]).status == 2)
        // A bad date in the file is exit 65, nothing written.
        try #"{"members": [{"id": "a", "status": "pending", "invitedAt": "2026-13-01"}]}"#.write(toFile: file, atomically: true, encoding: .utf8)
        let bad = try run(["invitations", file, "--date", "2026-11-24", "--messages", messages])
        #expect(bad.status == 65 && bad.stderr.contains("$.members[0].invitedAt: invitedAt must be a date written YYYY-MM-DD"))
    }

    @Test func solveDateAndValidateWarnings() throws {
        let folder = try temporaryFolder()
        let session = folder.appendingPathComponent("s.json").path
        try #"{"date": "2026-11-20", "members": [{"id": "a"}, {"id": "b"}, {"id": "c", "pausedUntil": "2026-11-27"}, {"id": "d", "status": "pending", "invitedAt": "2026-11-23"}]}"#
            .write(toFile: session, atomically: true, encoding: .utf8)
        let v = try run(["validate", session])
        #expect(v.status == 0)
        #expect(v.stdout.contains("$.members[3].invitedAt") || v.stderr.contains("$.members[3].invitedAt"))
        let before = try run(["solve", session])
        #expect(before.status == 0 && before.stdout.contains("paused until 2026-11-27"))
        let conflict = try run(["solve", session, "--date", "2026-11-27"])
        #expect(conflict.status == 65 && conflict.stderr.contains("differs from --date"))
    }
}
