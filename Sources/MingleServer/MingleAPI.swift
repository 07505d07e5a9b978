import Dispatch
import Hummingbird
import Mingle

/// The routes of `mingle serve`, JSON in and out with the CLI's meaning.
/// Every route that does work (decoding, solving, scoring) takes a slot of
/// the gate first; the work runs on Dispatch threads, never on the
/// cooperative pool.
struct MingleAPI: Sendable {
    let configuration: ServerConfiguration
    let gate: SolveGate
    let metrics: ServerMetrics

    /// Paths that need no token.
    static let openPaths: Set<String> = ["/v1/health", "/openapi.yaml"]

    func addRoutes<Context: RequestContext>(to router: Router<Context>) {
        router.post("/v1/solve") { request, _ in try await solve(request) }
        router.post("/v1/validate") { request, _ in try await validate(request) }
        router.post("/v1/score") { request, _ in try await score(request) }
        router.post("/v1/batch") { request, _ in try await batch(request) }
        router.get("/v1/health") { _, _ in health() }
        router.get("/metrics") { _, _ in
            metrics.record(gate)
            return Self.response(metrics.text(), type: "text/plain; version=0.0.4")
        }
        router.get("/openapi.yaml") { _, _ in
            Self.response(PackageResources.openapi_yaml, type: "application/yaml")
        }
    }

    // MARK: Routes

    /// A session in, its output out (docs/format.md (the output)). The solve is cancelled
    /// when the client closes its connection; the connection is closed after
    /// the answer (Hummingbird's inbound-close watch consumes it).
    func solve(_ request: Request) async throws -> Response {
        try await request.body.consumeWithCancellationOnInboundClose { body in
            let bytes = try await collect(body)
            let output = try await withSlot {
                let session = try await offPool { try decodeSession(bytes) }
                return try await run(session)
            }
            var response = Self.response(output.jsonBytes(indent: 0))
            response.headers[.connection] = "close"  // the connection was watched for a disconnect: it is not reused
            return response
        }
    }

    /// A session in; every issue with its JSON path out, 200 whether or not it is valid.
    func validate(_ request: Request) async throws -> Response {
        let bytes = try await collect(request.body)
        let issues = try await withSlot { await offPool { Session.issues(in: bytes.readableBytesView) } }
        var w = JSONWriter(indent: 0)
        w.beginObject()
        w.key("valid"); w.bool(!issues.contains { $0.severity == .error })
        w.key("issues"); w.beginArray()
        for issue in issues {
            w.beginObject()
            w.key("severity"); w.string(issue.severity.rawValue)
            w.key("path"); w.string(issue.path)
            w.key("message"); w.string(issue.message)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return Self.response(w.bytes + [0x0A])
    }

    /// `{"session": ..., "groups": [[ids]] or an output}` in; the output of
    /// that grouping out, as `mingle score` writes it.
    func score(_ request: Request) async throws -> Response {
        let bytes = try await collect(request.body)
        let output = try await withSlot {
            try await offPool { () throws(APIError) -> Output in
                let json: JSONValue
                do throws(JSONSyntaxError) { json = try JSONValue.parse(bytes.readableBytesView) } catch { throw APIError.malformed(error) }
                guard case .object = json, let sessionJSON = json["session"], let groupsJSON = json["groups"] else {
                    throw APIError(status: .badRequest, message: "expected {\"session\": ..., \"groups\": ...}",
                                   issues: [("$", "an object with the keys \"session\" and \"groups\"")])
                }
                let session: Session
                do throws(SessionError) { session = try Session.decode(sessionJSON).session } catch {
                    throw APIError.invalidSession(error, under: "$.session")
                }
                let grouping: [[String]]
                do throws(OutputDecodingError) { grouping = try groupsJSON.grouping() } catch {
                    throw APIError(status: .badRequest, message: "invalid grouping", issues: [(APIError.path(error.path, under: "$.groups"), error.message)])
                }
                let (scored, problems) = Validator(session: session).score(grouping)
                guard let scored else {
                    throw APIError(status: .badRequest, message: "invalid grouping", issues: problems.map { ("$.groups", $0) })
                }
                return scored
            }
        }
        return Self.response(output.jsonBytes(indent: 0))
    }

    /// JSON Lines in (one session a line), JSON Lines out in input order,
    /// each line written when solved: an output, or for a bad line the
    /// error of `mingle solve --batch`. A batch takes one slot and solves its
    /// lines one after another.
    func batch(_ request: Request) async throws -> Response {
        let bytes = Array(buffer: try await collect(request.body))
        let lines = JSONLines.lines(bytes)
        let slot = try await admit()
        let body = ResponseBody { [self] writer in
            defer { slot.release() }
            for line in lines {
                try Task.checkCancellation()
                let result: [UInt8]
                do {
                    let session = try await offPool { try decodeSession(bytes[line.bytes]) }
                    result = try await run(session).jsonBytes(indent: 0)
                } catch let error as APIError {
                    result = JSONWriter.errorLine(error.message, issues: error.issues, line: line.number)
                }
                try await writer.write(ByteBuffer(bytes: result))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "application/x-ndjson"], body: body)
    }

    func health() -> Response {
        let load = gate.load
        var w = JSONWriter(indent: 0)
        w.beginObject()
        w.key("status"); w.string("ok")
        w.key("running"); w.integer(load.running)
        w.key("queued"); w.integer(load.waiting)
        w.endObject()
        return Self.response(w.bytes + [0x0A])
    }

    // MARK: Helpers

    /// Solves with the session's own options, its time limit capped by
    /// `--max-time-limit`, by the library's async `solve`. When the task is
    /// cancelled (the client closed its connection:
    /// `consumeWithCancellationOnInboundClose`), the solver is told and stops
    /// at its next safe point; `waitsForThread` makes the solve wait for that
    /// before it throws `CancellationError`, so that the caller's slot of the
    /// gate (and the in-flight gauge) is held exactly while a solver thread runs.
    func run(_ session: Session) async throws -> Output {
        let solver = SessionSolver(timeLimit: min(session.options.timeLimit, configuration.maxTimeLimit))
        let output = try await solver.solve(session, validated: true, waitsForThread: true)
        metrics.solveSeconds.record(output.stats.seconds)
        return output
    }

    func collect(_ body: RequestBody) async throws -> ByteBuffer {
        try await body.collect(upTo: configuration.maxBody)
    }

    /// Waits for a slot of the gate; 503 with Retry-After when the queue is full.
    func admit() async throws -> GateSlot {
        metrics.record(gate)
        defer { metrics.record(gate) }
        do {
            try await gate.enter()
        } catch is SolveGate.Full {
            throw APIError(status: .serviceUnavailable, message: "busy: \(gate.limit) solves running and \(gate.queueLimit) waiting; retry later",
                           retryAfter: 1)
        }
        return GateSlot(gate: gate)
    }

    /// Runs `work` on a slot of the gate.
    func withSlot<T: Sendable>(_ work: () async throws -> T) async throws -> T {
        let slot = try await admit()
        defer { slot.release(); metrics.record(gate) }
        return try await work()
    }

    static func response(_ bytes: some Sequence<UInt8>, type: String = "application/json") -> Response {
        Response(status: .ok, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

/// Decodes a session; 400 with every issue when it is not valid.
func decodeSession(_ bytes: some Collection<UInt8>) throws(APIError) -> Session {
    do { return try Session.decode(bytes).session } catch { throw APIError.invalidSession(error) }
}

func decodeSession(_ buffer: ByteBuffer) throws(APIError) -> Session {
    try decodeSession(buffer.readableBytesView)
}

/// Runs synchronous work on a Dispatch thread, so it never holds one of the
/// cooperative pool's threads.
func offPool<T: Sendable, E: Error>(_ work: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
    let result: Result<T, E> = await withCheckedContinuation { continuation in
        DispatchQueue.global(qos: .userInitiated).async {
            continuation.resume(returning: Result { () throws(E) -> T in try work() })
        }
    }
    return try result.get()
}
