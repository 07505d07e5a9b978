import Foundation
import Testing
import Mingle

/// `mingle simulate`, `mingle compare` and `mingle pairs`, end to end.
extension CLITests {
    static let realisticRules = root.appendingPathComponent("datasets/rules/realistic.json").path
    static let fairRules = root.appendingPathComponent("datasets/rules/fair.json").path

    @Test func simulateWritesCSVPlotAndTable() throws {
        let folder = try temporaryFolder()
        let csv = folder.appendingPathComponent("weeks.csv").path, svg = folder.appendingPathComponent("weeks.svg").path
        let r = try run(["simulate", Self.example, "--sessions", "6", "--seed", "3", "-o", csv, "--plot", svg])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("repeat rate") && r.stdout.contains("coffee-example"))
        let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1 + 6 + 1)
        #expect(lines[0].hasPrefix("ruleSet,session,date,participants,placed,unmatched"))
        #expect(lines.last!.hasPrefix("coffee-example,total,"))
        #expect(try String(contentsOfFile: svg, encoding: .utf8).hasPrefix("<svg"))
        #expect(r.stderr.contains("simulated 1 rule set(s) × 6 sessions"))
    }

    /// JSON on standard output, the table on standard error; the same seed gives the same bytes.
    @Test func simulateJSONToStandardOutputIsDeterministic() throws {
        let arguments = ["simulate", Self.example, "--sessions", "5", "--participation", "0.7", "--join", "0.1", "--leave", "0.1",
                         "--format", "json", "--solver", "heuristic", "-q"]
        let a = try run(arguments), b = try run(arguments)
        #expect(a.status == 0 && b.status == 0)
        let strip = { (s: String) in s.replacingOccurrences(of: #""(seconds|maxSeconds)": [0-9.e-]+"#, with: "", options: .regularExpression) }
        #expect(strip(a.stdout) == strip(b.stdout))
        let json = try JSONValue.parse(Array(a.stdout.utf8))
        #expect(json["plan"]?["participation"] == .number(JSONNumber(0.7)))
        #expect(a.stderr.contains("repeat rate") && !a.stdout.contains("repeat rate"))
    }

    @Test func compareShowsRuleSetsSideBySide() throws {
        let folder = try temporaryFolder()
        let svg = folder.appendingPathComponent("compare.svg").path
        let r = try run(["compare", Self.example, "--rules", Self.realisticRules, "--rules", "fairer=\(Self.fairRules)",
                         "--sessions", "4", "--plot", svg, "-q"])
        #expect(r.status == 0, "\(r.stderr)")
        let header = r.stdout.split(separator: "\n").first ?? ""
        #expect(header.contains("realistic") && header.contains("fairer"))
        #expect(r.stdout.contains("unlucky again"))
        let plot = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(plot.components(separatedBy: "<polyline").count - 1 == 2 * 3)
    }

    @Test func compareRejectsAnInvalidRuleSet() throws {
        let folder = try temporaryFolder()
        let bad = folder.appendingPathComponent("bad.json")
        try #"{"rules": [{"category": "city", "kind": "sames"}], "fairness": {"lookback": 0}}"#.write(to: bad, atomically: true, encoding: .utf8)
        let r = try run(["compare", Self.example, "--rules", bad.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("bad.json: $.rules[0].kind"))
        #expect(r.stderr.contains("bad.json: $.fairness.lookback"))
        let missing = try run(["compare", Self.example, "--rules", folder.appendingPathComponent("none.json").path])
        #expect(missing.status == 66)
    }

    @Test(arguments: [["simulate", "x.json", "--participation", "1.5"], ["simulate", "x.json", "--sessions", "0"],
                      ["simulate", "x.json", "--format", "xml"], ["simulate", "x.json", "--leave", "-1"],
                      ["compare", "x.json"], ["simulate"], ["pairs", "a", "b"]])
    func simulationUsageErrorsAre2(arguments: [String]) throws {
        let r = try run(arguments)
        #expect(r.status == 2, "\(r.stderr)")
    }

    /// The edge list: a header, then the allowed pairs with the weights of the spec.
    @Test func pairsWritesTheEdgeList() throws {
        let r = try run(["pairs", Self.example, "--ids"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        let edges = lines.filter { !$0.hasPrefix("#") }.map { $0.split(separator: " ") }
        #expect(lines.contains("# pairs \(edges.count)"))
        let session = try Session.decode([UInt8](Data(contentsOf: URL(fileURLWithPath: Self.example)))).session
        let reference = SpecReference(session)
        let ids = lines.filter { $0.hasPrefix("# ") && $0.split(separator: " ").count == 3 && Int($0.split(separator: " ")[1]) != nil }
            .map { String($0.split(separator: " ")[2]) }
        #expect(lines.contains("# participants \(ids.count)"))
        #expect(!edges.isEmpty)
        for e in edges {
            let a = ids[Int(e[0])!], b = ids[Int(e[1])!]
            #expect(reference.whyNotAllowed(a, b) == nil)
            #expect(abs(Double(e[2])! - reference.weight(a, b)) < 1e-12)
        }
    }
}

extension CLITests {
    /// Each saved session is valid, its saved output passes the validator, and
    /// the next session's newest past session holds its groups.
    @Test func simulateSavesEverySessionAndItsOutput() throws {
        let folder = try temporaryFolder()
        let r = try run(["simulate", Self.example, "--sessions", "3", "--save-sessions", folder.path, "-q"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
            "session-01.json", "session-01.result.json", "session-02.json", "session-02.result.json",
            "session-03.json", "session-03.result.json",
        ])
        var previous: Output?
        for s in 1...3 {
            let path = folder.appendingPathComponent("session-0\(s).json").path
            let session = try Session.decode([UInt8](Data(contentsOf: URL(fileURLWithPath: path)))).session
            let output = try validate(try String(contentsOfFile: folder.appendingPathComponent("session-0\(s).result.json").path, encoding: .utf8),
                                      against: path)
            if let previous { #expect(session.history.last?.groups == previous.groups.map(\.members)) }
            previous = output
        }
    }
}

extension CLITests {
    /// A weekly run records who was left out (not the pending or paused), so
    /// that `fairness` can place them first the next week.
    @Test func appendHistoryRecordsTheLeftOut() throws {
        let folder = try temporaryFolder()
        let history = folder.appendingPathComponent("history.json").path
        let r = try run(["solve", Self.example, "--append-history", history, "--date", "2026-12-07", "-q"])
        #expect(r.status == 0, "\(r.stderr)")
        let output = try validate(r.stdout, against: Self.example)
        let past = try HistoryFile.decode([UInt8](Data(contentsOf: URL(fileURLWithPath: history))))
        let session = try Session.decode([UInt8](Data(contentsOf: URL(fileURLWithPath: Self.example)))).session
        let active = Set(session.members.filter { $0.status == .active }.map(\.id))
        let placeable = output.unmatched.map(\.member).filter { active.contains($0) }
        #expect(!placeable.isEmpty)
        #expect(past.last?.unmatched == placeable)
        #expect(!(past.last?.unmatched.contains { ["m02", "m09"].contains($0) } ?? true), "pending and paused are not left out")
    }
}
