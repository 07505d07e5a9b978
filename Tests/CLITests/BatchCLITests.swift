import Foundation
import Testing
import Mingle

/// `mingle solve --batch` (one session per line, in input order, bad lines
/// reported with their number) and `--timings`, run as a user runs them.
extension CLITests {
    /// Sessions on one line each, from the generator.
    func sessionLine(members: Int, groupSize: Int, seed: UInt64) -> String {
        let session = SessionGenerator(members: members, groupSize: groupSize, historySessions: 3, seed: seed).generate()
        return String(decoding: session.jsonBytes(indent: 0).dropLast(), as: UTF8.self)
    }

    @Test func batchSolvesEveryLineInOrderAndReportsBadOnes() throws {
        let folder = try temporaryFolder()
        let sessions = [sessionLine(members: 40, groupSize: 2, seed: 1), sessionLine(members: 60, groupSize: 3, seed: 2),
                        #"{"members": [{"id": "a"}, {"id": "a"}]}"#, "", sessionLine(members: 30, groupSize: 2, seed: 3),
                        #"{"members": ["#]
        let input = folder.appendingPathComponent("sessions.jsonl")
        try (sessions.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("results.jsonl").path
        let r = try run(["solve", "--batch", input.path, "-o", output, "--solver", "heuristic"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("sessions.jsonl:3: $.members[1].id: duplicate member id"))
        #expect(r.stderr.contains("sessions.jsonl:6: $.members[0]: malformed JSON"))
        #expect(r.stderr.contains("2 invalid session(s), on line(s) 3, 6"))
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 5) // the blank line has no result
        for (line, sessionIndex) in [(0, 0), (1, 1), (3, 4)] {
            let session = try Session.decode(Array(sessions[sessionIndex].utf8)).session
            let result = try Output.decode(JSONValue.parse(lines[line]))
            #expect(Validator(session: session).check(result).issues.isEmpty)
            #expect(result.stats.participants == Problem(session).count)
        }
        let bad = try JSONValue.parse(lines[2])
        #expect(bad["line"] == .number(JSONNumber(3)))
        #expect(bad["error"] == .string("invalid session"))
        if case .array(let issues)? = bad["issues"] { #expect(issues.first?["path"] == .string("$.members[1].id")) } else { Issue.record("no issues") }
        #expect(try JSONValue.parse(lines[4])["line"] == .number(JSONNumber(6)))
        // The same file again: the same results (deterministic, whatever the scheduling).
        let again = folder.appendingPathComponent("again.jsonl").path
        _ = try run(["solve", "--batch", input.path, "-o", again, "--solver", "heuristic"])
        let strip = { (text: String) in text.replacingOccurrences(of: #""seconds":[0-9.e-]+"#, with: "", options: .regularExpression) }
        #expect(strip(try String(contentsOfFile: again, encoding: .utf8)) == strip(lines.joined(separator: "\n") + "\n"))
    }

    @Test func batchOfValidSessionsIs0() throws {
        let folder = try temporaryFolder()
        let input = folder.appendingPathComponent("ok.jsonl")
        let generated = try run(["generate", "--members", "25", "--seed", "6", "--compact"])
        #expect(generated.stdout.split(separator: "\n").count == 1)
        try [sessionLine(members: 20, groupSize: 2, seed: 5), generated.stdout].joined(separator: "\r\n")
            .write(to: input, atomically: true, encoding: .utf8)
        let r = try run(["solve", "--batch", input.path, "-q"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n").count == 2)
        #expect(r.stderr.isEmpty)
    }

    @Test(arguments: [["solve", "--batch", "x.jsonl", "y.json"], ["solve", "--batch", "x.jsonl", "--members", "m.json"]])
    func batchUsageErrorsAre2(arguments: [String]) throws {
        let r = try run(arguments)
        #expect(r.status == 2, "\(r.stderr)")
    }

    @Test func timingsListThePhasesOnStandardError() throws {
        let r = try run(["solve", Self.company, "--timings", "-q"])
        #expect(r.status == 0)
        let line = r.stderr.split(separator: "\n").first { $0.hasPrefix("mingle: timings: ") }
        let text = try #require(line.map(String.init))
        for phase in ["reading", "decoding", "compiling", "output", "encoding", "writing", "total"] {
            #expect(text.contains(phase + " "), "\(text)")
        }
        #expect(!r.stdout.contains("timings"))
    }
}
