import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Mingle
import Synchronization
import Testing

/// End to end: the built `mingle serve` on a free loopback port, over real HTTP.
@Suite("mingle serve end to end", .serialized)
struct ServeCLITests {
    /// A running `mingle serve`, its port read from its first stderr line.
    final class Server: Sendable {
        let process: Process
        let port: Int
        /// Everything the server wrote on stderr so far.
        let stderr: Text

        final class Text: Sendable {
            let value = Mutex("")
            func withLock<T>(_ body: (inout String) -> T) -> T { value.withLock { body(&$0) } }
        }

        init(_ arguments: [String]) throws {
            process = Process()
            process.executableURL = CLITests.binary
            process.arguments = ["serve", "--port", "0"] + arguments
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            let text = Text()
            let listening = DispatchSemaphore(value: 0)
            err.fileHandleForReading.readabilityHandler = { handle in
                let data = handle.availableData
                if data.isEmpty { handle.readabilityHandler = nil; listening.signal(); return }
                let wasListening = text.withLock { t in
                    let before = t.contains("listening on")
                    t += String(decoding: data, as: UTF8.self)
                    return before || !t.contains("listening on")
                }
                if !wasListening { listening.signal() }
            }
            try process.run()
            _ = listening.wait(timeout: .now() + 60)
            let log = text.withLock { $0 }
            guard let range = log.range(of: #"listening on http://127\.0\.0\.1:\d+"#, options: .regularExpression),
                  let port = Int(log[range].split(separator: ":").last ?? "") else {
                process.terminate()
                throw ServeFailure(message: "no port in: \(log)")
            }
            self.port = port
            self.stderr = text
        }

        func request(_ path: String, method: String = "GET", token: String? = nil, body: Data? = nil) async throws -> (status: Int, body: Data) {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
            request.httpMethod = method
            request.httpBody = body
            request.timeoutInterval = 60
            if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
            let (data, response) = try await URLSession.shared.data(for: request)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
        }

        func stop() -> Int32 {
            process.terminate()  // SIGTERM
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    struct ServeFailure: Error { var message: String }

    static let token = "e2e-token-\(UInt64.random(in: 0...UInt64.max))"

    func tokenFile() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mingle-token-\(UUID().uuidString)").path
        try Data((Self.token + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func servesOverHTTPAndStopsOnSIGTERM() async throws {
        let server = try Server(["--token-file", try tokenFile()])
        let example = try Data(contentsOf: URL(fileURLWithPath: CLITests.example))
        let health = try await server.request("/v1/health")
        #expect(health.status == 200)
        #expect(try await server.request("/v1/solve", method: "POST", body: example).status == 401)
        let solved = try await server.request("/v1/solve", method: "POST", token: Self.token, body: example)
        #expect(solved.status == 200)
        let output = try JSONDecoder().decode(Output.self, from: solved.body)
        #expect(try output == solvedInline(try Session.decode([UInt8](example)).session))
        // A solve in flight when SIGTERM comes still gets its answer, then the server exits 0.
        let company = try Data(contentsOf: URL(fileURLWithPath: CLITests.company))
        async let inFlight = server.request("/v1/solve", method: "POST", token: Self.token, body: company)
        var running = false
        for _ in 0..<500 where !running {
            let h = try await server.request("/v1/health")
            running = (try? JSONValue.parse([UInt8](h.body)))?["running"] == .number(JSONNumber(1))
            if !running { try await Task.sleep(for: .milliseconds(10)) }
        }
        #expect(running)
        let status = server.stop()
        let inFlightStatus = try await inFlight.status
        #expect(inFlightStatus == 200)
        #expect(status == 0)
        let log = server.stderr.withLock { $0 }
        #expect(log.contains("POST /v1/solve 200"))
        // Request lines carry no member data: no id, name or email of the dataset.
        #expect(!log.contains("\"m1\"") && !log.contains("@example"))
    }

    @Test func noAuthIsRefusedOffLoopback() throws {
        let r = try CLITests().run(["serve", "--host", "0.0.0.0", "--no-auth"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("loopback"))
    }
}

/// The synchronous solve (in an async context, `solve(_:)` is the async one).
func solvedInline(_ session: Session) throws -> Output { try SessionSolver().solve(session) }
