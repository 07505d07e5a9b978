import Hummingbird
import Logging
import ServiceLifecycle

/// `mingle serve`: the HTTP service over the Mingle library.
public struct MingleService: Sendable {
    public let configuration: ServerConfiguration
    let logger: Logger
    let metrics = ServerMetrics()
    let gate: SolveGate

    /// - Parameter logger: where the request lines go; stderr when nil.
    public init(configuration: ServerConfiguration, logger: Logger? = nil) {
        self.configuration = configuration
        self.gate = SolveGate(limit: configuration.maxConcurrent, queueLimit: configuration.maxQueue)
        self.logger = logger ?? {
            var logger = Logger(label: "mingle") { StreamLogHandler.standardError(label: $0) }
            logger.logLevel = .info
            return logger
        }()
    }

    /// The router with every route and middleware.
    func makeRouter() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: RequestLogMiddleware(logger: logger, metrics: metrics))
        if !configuration.noAuth, let token = configuration.token {
            router.add(middleware: BearerAuthMiddleware(token: Array(token.utf8), openPaths: MingleAPI.openPaths))
        }
        MingleAPI(configuration: configuration, gate: gate, metrics: metrics).addRoutes(to: router)
        return router
    }

    /// The application, told when it listens (with its port).
    func makeApplication(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        var quiet = logger
        quiet.logLevel = .warning  // Hummingbird's own lines; ours are the request lines
        return Application(
            router: makeRouter(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "mingle"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: quiet)
    }

    /// Serves until SIGTERM or SIGINT: then stops accepting, lets the requests
    /// in flight finish within the grace period, and returns.
    public func run() async throws {
        let application = makeApplication { [logger, configuration] port in
            logger.info("listening on http://\(configuration.host):\(port) (\(configuration.noAuth ? "no auth" : "bearer token"), \(configuration.maxConcurrent) solves at once, queue \(configuration.maxQueue))")
        }
        var group = ServiceGroupConfiguration(services: [application], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        group.maximumGracefulShutdownDuration = .milliseconds(Int64(configuration.gracePeriod * 1000))
        try await ServiceGroup(configuration: group).run()
        logger.info("stopped")
    }
}
