import Foundation
import Testing
import Mingle

/// The JSON Schemas of schemas/ (docs/format.md) accept every bundled dataset
/// and every kind of file `mingle` writes, and refuse what Mingle refuses.
/// Checked by scripts/check-schemas.py (Python's jsonschema, which
/// scripts/setup installs).
extension CLITests {
    func checkSchemas(_ pairs: [(String, String)]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.root.appendingPathComponent("scripts/check-schemas.py").path] + pairs.map { "\($0.0)=\($0.1)" }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    @Test func bundledDatasetsMatchTheSchemas() throws {
        let datasets = Self.root.appendingPathComponent("datasets")
        let fixtures = Self.root.appendingPathComponent("Tests/MingleTests/Fixtures/conformance")
        var pairs = [("session", Self.example), ("session", Self.company), ("program", Self.programJSON)]
        for name in try FileManager.default.contentsOfDirectory(atPath: datasets.appendingPathComponent("rules").path).sorted() {
            pairs.append(("program", datasets.appendingPathComponent("rules/\(name)").path))
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: fixtures.path).sorted() where name.hasPrefix("0") {
            pairs.append(("session", fixtures.appendingPathComponent(name).path))
        }
        let r = try checkSchemas(pairs)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    }

    /// Every kind of output: optimal, feasible, infeasible, from score, batch
    /// lines; the members file of import; the history file of --append-history.
    @Test func everyOutputKindMatchesTheSchemas() throws {
        let folder = try temporaryFolder()
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        let infeasible = Self.root.appendingPathComponent("Tests/MingleTests/Fixtures/conformance/08-infeasible.json").path
        var pairs: [(String, String)] = []
        // Triples: the heuristic proves most pairs sessions (the matching), not these.
        #expect(try run(["generate", "--group-size", "3", "--members", "300", "-o", path("triples.json")]).status == 0)
        for (name, arguments) in [("optimal.json", [Self.example, "--solver", "exact"]), ("feasible.json", [path("triples.json"), "--solver", "heuristic"]),
                                  ("infeasible.json", [infeasible])] {
            let r = try run(["solve"] + arguments + ["-q", "-o", path(name)])
            #expect(r.status == 0, "\(r.stderr)")
            pairs.append(("output", path(name)))
        }
        let statuses = try ["optimal.json", "feasible.json", "infeasible.json"].map {
            try Output.decode(JSONValue.parse(Array(Data(contentsOf: URL(fileURLWithPath: path($0)))))).status
        }
        #expect(statuses == [.optimal, .feasible, .infeasible])
        #expect(try run(["score", Self.example, path("optimal.json"), "-o", path("scored.json")]).status == 0)
        pairs.append(("output", path("scored.json")))
        let lines = try String(contentsOfFile: Self.example, encoding: .utf8).replacingOccurrences(of: "\n", with: " ")
        try (lines + "\n" + lines + "\n").write(toFile: path("sessions.jsonl"), atomically: true, encoding: .utf8)
        #expect(try run(["solve", "--batch", path("sessions.jsonl"), "-o", path("results.jsonl"), "-q"]).status == 0)
        pairs.append(("output", path("results.jsonl")))
        #expect(try run(["import", Self.membersCSV, "-o", path("members.json"), "--skip-invalid", "-q"] + Self.importOptions).status == 0)
        pairs.append(("members", path("members.json")))
        let weekly = try run(["solve", "--members", path("members.json"), "--program", Self.programJSON, "--append-history", path("history.json"),
                              "--date", "2026-11-23", "-o", path("week.json"), "-q"])
        #expect(weekly.status == 0, "\(weekly.stderr)")
        pairs += [("history", path("history.json")), ("output", path("week.json"))]
        let r = try checkSchemas(pairs)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    }

    /// The schemas can fail: what Mingle refuses, they refuse too.
    @Test func schemasRefuseWhatMingleRefuses() throws {
        let folder = try temporaryFolder()
        let cases = [
            ("session", #"{"members": [{"id": ""}]}"#), ("session", #"{"members": [], "program": {"groupSize": 1}}"#),
            ("session", #"{"members": [], "program": {"rules": [{"category": "c", "kind": "same", "weight": 2e9}]}}"#),
            ("session", #"{"members": [], "extra": 1}"#), ("program", #"{"groupSize": 2, "program": {}}"#),
            ("history", #"{"history": [{"date": "last week", "groups": []}]}"#), ("members", #"{"members": [{"name": "x"}]}"#),
            ("output", #"{"version": 1, "status": "done", "solver": "x", "objective": 0, "groups": [], "unmatched": [], "stats": {}}"#),
        ]
        for (n, (kind, json)) in cases.enumerated() {
            let file = folder.appendingPathComponent("\(n).json")
            try json.write(to: file, atomically: true, encoding: .utf8)
            let r = try checkSchemas([(kind, file.path)])
            #expect(r.status == 1, "\(kind) schema accepted \(json)")
        }
    }
}
