import Foundation
import Testing
import Mingle

/// Output that cannot hurt (issue 11): a full disk is exit 73, a device or a
/// FIFO is written into and never renamed over, a weekly run writes all its
/// files or none; and arguments and sessions that used to crash or be refused.
extension CLITests {
    /// Runs with standard output on `path` (such as /dev/full).
    func run(_ arguments: [String], stdoutTo path: String) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        let sink = try #require(FileHandle(forWritingAtPath: path))
        let err = Pipe()
        process.standardOutput = sink
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try sink.close()
        return (process.terminationStatus, String(decoding: errData, as: UTF8.self))
    }

    @Test(arguments: [["solve", "EXAMPLE"], ["validate", "EXAMPLE"], ["generate", "--members", "50"], ["import", "CSV", "--skip-invalid"]])
    func aFullDiskIs73(arguments: [String]) throws {
        let args = arguments.map { $0 == "EXAMPLE" ? Self.example : $0 == "CSV" ? Self.membersCSV : $0 }
        let r = try run(args, stdoutTo: "/dev/full")
        #expect(r.status == 73, "\(r.stderr)")
        #expect(r.stderr.contains("cannot write to standard output: No space left on device"))
    }

    @Test func outputOntoADeviceWritesIntoIt() throws {
        let r = try run(["solve", Self.example, "-q", "-o", "/dev/null"])
        #expect(r.status == 0, "\(r.stderr)")
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR, "/dev/null is still the device")
        let out = try run(["solve", Self.example, "-q", "-o", "/dev/stdout"])
        #expect(out.status == 0)
        _ = try validate(out.stdout, against: Self.example)
    }

    @Test func outputOntoAFIFOWritesIntoIt() async throws {
        let folder = try temporaryFolder()
        let fifo = folder.appendingPathComponent("out.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = Task.detached { () -> Data in
            let handle = FileHandle(forReadingAtPath: fifo)! // blocks until the writer opens it
            return handle.readDataToEndOfFile()
        }
        let r = try run(["solve", Self.example, "-q", "-o", fifo])
        #expect(r.status == 0, "\(r.stderr)")
        let written = await reader.value
        _ = try validate(String(decoding: written, as: UTF8.self), against: Self.example)
        var info = stat()
        #expect(stat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO, "the FIFO is still a FIFO")
    }

    /// When the messages cannot be written, neither the output nor the history is.
    @Test func aWeeklyRunWritesAllItsFilesOrNone() throws {
        let folder = try temporaryFolder()
        let members = folder.appendingPathComponent("members.json").path
        _ = try run(["import", Self.membersCSV, "-o", members, "--skip-invalid"] + Self.importOptions)
        let output = folder.appendingPathComponent("groups.json")
        let history = folder.appendingPathComponent("history.json")
        try "previous".write(to: output, atomically: true, encoding: .utf8)
        let messages = folder.appendingPathComponent("no/such/folder/messages.jsonl").path
        let r = try run(["solve", "--members", members, "--program", Self.programJSON, "--append-history", history.path,
                         "--date", "2026-11-23", "--messages", messages, "-o", output.path, "-q"])
        #expect(r.status == 73, "\(r.stderr)")
        #expect(r.stderr.contains("nothing was written"))
        #expect(try String(contentsOf: output, encoding: .utf8) == "previous")
        #expect(!FileManager.default.fileExists(atPath: history.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["groups.json", "members.json"], "no temporary file left")
        // The same run with a writable messages file writes the three.
        let ok = try run(["solve", "--members", members, "--program", Self.programJSON, "--append-history", history.path,
                          "--date", "2026-11-23", "--messages", folder.appendingPathComponent("messages.jsonl").path, "-o", output.path, "-q"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(FileManager.default.fileExists(atPath: history.path))
    }

    /// Negative numbers are values, not option names.
    @Test func negativeSeedAndTimeLimit() throws {
        let fromOption = try run(["solve", Self.example, "-q", "--seed", "-1"])
        #expect(fromOption.status == 0, "\(fromOption.stderr)")
        var session = try String(contentsOfFile: Self.example, encoding: .utf8)
        session = session.replacingOccurrences(of: "\"seed\": 42", with: "\"seed\": -1")
        let fromFile = try run(["solve", "-", "-q", "--seed", "18446744073709551615"], stdin: session)
        #expect(try Output.decode(JSONValue.parse(fromOption.stdout)).groups == Output.decode(JSONValue.parse(fromFile.stdout)).groups)
        let limit = try run(["solve", Self.example, "--time-limit", "-1"])
        #expect(limit.status == 2)
        #expect(limit.stderr.contains("--time-limit must be a number of seconds > 0, not -1"))
    }

    /// Two weights of 1.7e308 crashed `solve` (SIGILL): now exit 65 with the path.
    @Test func hugeWeightsAre65NotACrash() throws {
        let members = (0..<17).map { #"{"id": "m\#($0)", "categories": {"c": "x"}}"# }.joined(separator: ", ")
        let rule = #"{"category": "c", "kind": "same", "weight": 1.7e308}"#
        let r = try run(["solve", "-"], stdin: #"{"members": [\#(members)], "program": {"rules": [\#(rule), \#(rule)]}}"#)
        #expect(r.status == 65)
        #expect(r.stderr.contains("$.program.rules[1].weight"))
    }
}
