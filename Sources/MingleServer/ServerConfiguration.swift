import Foundation

/// The settings of `mingle serve`, checked before the server starts.
public struct ServerConfiguration: Sendable {
    public var host: String
    /// 0 asks the system for a free port (tests).
    public var port: Int
    /// The bearer token clients must send; nil only with `noAuth`.
    public var token: String?
    /// Serve without a token: refused on any address but loopback.
    public var noAuth: Bool
    /// The largest request body, in bytes (413 above it).
    public var maxBody: Int
    /// Solves run at once; the rest wait in a queue.
    public var maxConcurrent: Int
    /// Requests that may wait for a solve slot; past it, 503 with Retry-After.
    public var maxQueue: Int
    /// Caps each session's `options.timeLimit`, in seconds.
    public var maxTimeLimit: Double
    /// Seconds SIGTERM waits for the requests in flight before giving up.
    public var gracePeriod: Double

    /// Sized for a 1,000,000-member session (about 500 bytes a member with history).
    public static let defaultMaxBody = 1 << 30

    public init(host: String = "127.0.0.1", port: Int = 8080, token: String? = nil, noAuth: Bool = false,
                maxBody: Int = ServerConfiguration.defaultMaxBody,
                maxConcurrent: Int = ProcessInfo.processInfo.activeProcessorCount,
                maxQueue: Int? = nil, maxTimeLimit: Double = 60, gracePeriod: Double? = nil) {
        self.host = host
        self.port = port
        self.token = token
        self.noAuth = noAuth
        self.maxBody = maxBody
        self.maxConcurrent = maxConcurrent
        self.maxQueue = maxQueue ?? 4 * maxConcurrent
        self.maxTimeLimit = maxTimeLimit
        self.gracePeriod = gracePeriod ?? maxTimeLimit + 5
    }

    /// Every problem with these settings, for a person to fix; empty when fine.
    public var problems: [String] {
        var problems: [String] = []
        if noAuth && !ServerConfiguration.isLoopback(host) {
            problems.append("--no-auth is only allowed on a loopback address (127.0.0.1, ::1, localhost), not \(host)")
        }
        if !noAuth && (token ?? "").isEmpty { problems.append("a token is required: --token-file FILE (or --no-auth on loopback)") }
        if !(0...65535).contains(port) { problems.append("--port must be 0...65535, found \(port)") }
        if maxBody < 1 { problems.append("--max-body must be > 0 bytes") }
        if maxConcurrent < 1 { problems.append("--max-concurrent must be >= 1") }
        if maxQueue < 0 { problems.append("--max-queue must be >= 0") }
        if !(maxTimeLimit > 0 && maxTimeLimit.isFinite) { problems.append("--max-time-limit must be > 0 seconds") }
        if !(gracePeriod >= 0 && gracePeriod.isFinite) { problems.append("--grace-period must be >= 0 seconds") }
        return problems
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
