import Foundation
import Testing
import Mingle

/// End-to-end runs of the built `mingle` binary: exit codes, stdout, stderr, atomic output.
@Suite("mingle command line", .serialized)
struct CLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let binary: URL = {
        // The test bundle sits in the build products folder, next to `mingle`.
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("mingle").path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("mingle")
    }()

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let example = root.appendingPathComponent("datasets/example-20.json").path
    static let company = root.appendingPathComponent("datasets/company-500.json").path

    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mingle-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func validate(_ json: String, against sessionPath: String) throws -> Output {
        let session = try Session.decode([UInt8](Data(contentsOf: URL(fileURLWithPath: sessionPath)))).session
        let output = try Output.decode(JSONValue.parse(json))
        #expect(Validator(session: session).check(output).issues.isEmpty)
        return output
    }

    @Test func solveWritesOutputToStdoutAndLogsToStderr() throws {
        let r = try run(["solve", Self.company])
        #expect(r.status == 0)
        let output = try validate(r.stdout, against: Self.company)
        #expect(output.stats.placed > 400)
        #expect(r.stderr.contains("placed"))
        #expect(!r.stdout.contains("mingle:"))
    }

    @Test func solveReadsStdin() throws {
        let text = try String(contentsOfFile: Self.example, encoding: .utf8)
        let a = try run(["solve", "--quiet"], stdin: text)
        let b = try run(["solve", "-", "-q"], stdin: text)
        #expect(a.status == 0 && b.status == 0)
        #expect(a.stderr.isEmpty)
        _ = try validate(a.stdout, against: Self.example)
        // Deterministic apart from the timing.
        #expect(a.stdout.replacingOccurrences(of: #""seconds": [0-9.e-]+"#, with: "", options: .regularExpression)
                == b.stdout.replacingOccurrences(of: #""seconds": [0-9.e-]+"#, with: "", options: .regularExpression))
    }

    @Test func solveWritesOutputFile() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("out.json").path
        let r = try run(["solve", Self.example, "-o", path, "--seed", "5", "--solver", "heuristic", "--time-limit", "3"])
        #expect(r.status == 0 && r.stdout.isEmpty)
        _ = try validate(try String(contentsOfFile: path, encoding: .utf8), against: Self.example)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.json"])
    }

    @Test func invalidInputIs65AndLeavesOutputUntouched() throws {
        let folder = try temporaryFolder()
        let input = folder.appendingPathComponent("bad.json")
        try #"{"members": [{"id": "a"}, {"id": "a"}], "program": {"groupSize": 1}}"#.write(to: input, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out.json")
        try "previous".write(to: output, atomically: true, encoding: .utf8)
        let r = try run(["solve", input.path, "-o", output.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("bad.json: $.members[1].id: duplicate member id"))
        #expect(r.stderr.contains("bad.json: $.program.groupSize: groupSize must be an integer from 2 to 64"))
        #expect(r.stdout.isEmpty)
        #expect(try String(contentsOf: output, encoding: .utf8) == "previous")
    }

    @Test func malformedJSONIs65() throws {
        let r = try run(["solve", "-"], stdin: "{\"members\": [")
        #expect(r.status == 65)
        #expect(r.stderr.contains("<stdin>: $.members[0]: malformed JSON at line 1"))
    }

    @Test func missingInputIs66() throws {
        let r = try run(["solve", "/nonexistent/session.json"])
        #expect(r.status == 66)
        #expect(r.stderr.contains("cannot open /nonexistent/session.json"))
    }

    @Test func unwritableOutputIs73() throws {
        let r = try run(["solve", Self.example, "-o", "/nonexistent/folder/out.json"])
        #expect(r.status == 73)
        #expect(r.stdout.isEmpty)
        let folder = try temporaryFolder()
        let r2 = try run(["solve", Self.example, "-o", folder.path])
        #expect(r2.status == 73)
    }

    @Test(arguments: [["solve", "--solver", "fastest"], ["solve", "--time-limit", "0"], ["solve", "--nope"], ["frobnicate"], ["solve", "a", "b"]])
    func usageErrorsAre2(arguments: [String]) throws {
        let r = try run(arguments)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func helpIs0() throws {
        let r = try run(["solve", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("--time-limit"))
    }

    @Test func validateListsEveryProblem() throws {
        let r = try run(["validate", "-"], stdin: #"{"members": [{"id": "a"}, {"id": "a"}, {"id": 3}], "options": {"seed": "x"}}"#)
        #expect(r.status == 65)
        #expect(r.stdout.contains("$.members[1].id"))
        #expect(r.stdout.contains("$.members[2].id"))
        #expect(r.stdout.contains("$.options.seed"))
        let ok = try run(["validate", Self.company])
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("valid session"))
    }

    @Test func scoreRecomputesAnExternalGrouping() throws {
        let folder = try temporaryFolder()
        let groups = folder.appendingPathComponent("groups.json")
        let solved = try run(["solve", Self.example, "-q"])
        let original = try Output.decode(JSONValue.parse(solved.stdout))
        try solved.stdout.write(to: groups, atomically: true, encoding: .utf8)
        let r = try run(["score", Self.example, groups.path])
        #expect(r.status == 0, "\(r.stderr)")
        let rescored = try validate(r.stdout, against: Self.example)
        #expect(rescored.solver == "external" && rescored.status == .feasible)
        #expect(abs(rescored.objective - original.objective) < 1e-9)
        // A plain array of id arrays, with a forbidden pair.
        try #"[["m00", "m05"]]"#.write(to: groups, atomically: true, encoding: .utf8)
        let bad = try run(["score", Self.example, groups.path])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("the pair is excluded"))
    }

    @Test func generateIsDeterministic() throws {
        let a = try run(["generate", "--members", "50", "--seed", "4"])
        let b = try run(["generate", "--members", "50", "--seed", "4"])
        #expect(a.status == 0 && a.stdout == b.stdout)
        let session = try Session.decode(Array(a.stdout.utf8)).session
        #expect(session.members.count == 50)
    }
}
