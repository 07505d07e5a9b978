import ArgumentParser
import Dispatch
import Foundation
import MingleServer
import Synchronization

/// `mingle serve`: the HTTP service (see the README's "Mingle as a service").
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the solver over HTTP (JSON in and out, as the CLI).",
        discussion: """
            Routes: POST /v1/solve, /v1/validate, /v1/score, /v1/batch; GET /v1/health, /metrics,
            /openapi.yaml. Every route but health and the OpenAPI document needs
            `Authorization: Bearer TOKEN`, the token being the first line of --token-file.
            SIGTERM or SIGINT stops accepting, lets the requests in flight finish, and exits 0.
            """
    )

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port, printed on stderr).")
    var port = 8080

    @Option(help: "A file whose first line is the bearer token clients must send.")
    var tokenFile: String?

    @Flag(help: "Serve without a token (only on a loopback address).")
    var noAuth = false

    @Option(help: "The largest request body, in bytes (413 above it).")
    var maxBody = ServerConfiguration.defaultMaxBody

    @Option(help: "Solves at once (default: the number of cores).")
    var maxConcurrent = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Requests waiting for a solve slot before 503 (default: 4 x --max-concurrent).")
    var maxQueue: Int?

    @Option(help: "Caps each session's options.timeLimit, in seconds.")
    var maxTimeLimit = 60.0

    @Option(help: "Seconds SIGTERM waits for the requests in flight (default: --max-time-limit + 5).")
    var gracePeriod: Double?

    func validate() throws {
        if tokenFile != nil && noAuth { throw ValidationError("--token-file and --no-auth exclude each other") }
        let problems = settings(token: noAuth ? nil : "checked in run").problems
        if let first = problems.first { throw ValidationError(first) }
    }

    func settings(token: String?) -> ServerConfiguration {
        ServerConfiguration(host: host, port: port, token: token, noAuth: noAuth, maxBody: maxBody, maxConcurrent: maxConcurrent,
                            maxQueue: maxQueue, maxTimeLimit: maxTimeLimit, gracePeriod: gracePeriod)
    }

    func run() throws {
        var token: String?
        if let tokenFile {
            let (bytes, _) = try InputFile.read(tokenFile)
            token = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).first
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if (token ?? "").isEmpty { throw CLIFailure(code: .dataError, message: "\(tokenFile): the first line must hold the token") }
        }
        let service = MingleService(configuration: settings(token: token))
        // The command line is synchronous: wait here while the server runs on the cooperative pool.
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { try await service.run() } catch { outcome.failure.withLock { $0 = "\(error)" } }
            done.signal()
        }
        done.wait()
        if let message = outcome.failure.withLock({ $0 }) { throw CLIFailure(code: .internalError, message: "serve: \(message)") }
    }
}

/// How the server ended, handed from its task to the waiting command.
private final class Outcome: Sendable {
    let failure = Mutex<String?>(nil)
}
