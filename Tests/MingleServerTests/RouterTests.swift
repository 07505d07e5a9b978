import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Mingle
import Testing
@testable import MingleServer

/// In-process tests of every route, over a live loopback listener on a free port.
@Suite("mingle serve routes")
struct RouterTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let example = try! Data(contentsOf: root.appendingPathComponent("datasets/example-20.json"))
    static let token = "s3cret-token"
    static let auth: HTTPFields = [.authorization: "Bearer \(token)"]

    static func service(_ change: (inout ServerConfiguration) -> Void = { _ in }) -> MingleService {
        var configuration = ServerConfiguration(port: 0, token: token, maxConcurrent: 2)
        change(&configuration)
        return MingleService(configuration: configuration, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    static func json(_ response: Reply) throws -> JSONValue {
        try JSONValue.parse(Array(response.body.readableBytesView))
    }

    static func body(_ data: Data) -> ByteBuffer { ByteBuffer(bytes: data) }
    static func body(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    @Test func solveGivesTheCLIOutput() async throws {
        try await Self.service().makeApplication().test(.live) { client in
            let response = try await client.send("/v1/solve", method: .post, headers: Self.auth, body: Self.body(Self.example))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            let output = try JSONDecoder().decode(Output.self, from: Data(response.body.readableBytesView))
            let session = try Session.decode([UInt8](Self.example)).session
            #expect(try output == solvedInline(session))
        }
    }

    @Test func badSessionIs400WithEveryPath() async throws {
        try await Self.service().makeApplication().test(.live) { client in
            let bad = #"{"members": [{"id": "a"}, {"id": "a"}], "options": {"timeLimit": 0}, "typo": 1}"#
            let response = try await client.send("/v1/solve", method: .post, headers: Self.auth, body: Self.body(bad))
            #expect(response.status == .badRequest)
            let json = try Self.json(response)
            #expect(json["error"] == .string("invalid session"))
            guard case .array(let issues)? = json["issues"] else { Issue.record("no issues"); return }
            let paths = issues.compactMap { if case .string(let p)? = $0["path"] { p } else { nil } }
            #expect(paths.contains("$.options.timeLimit") && paths.contains("$.typo"))
            #expect(issues.allSatisfy { $0["message"] != nil })

            let malformed = try await client.send("/v1/solve", method: .post, headers: Self.auth, body: Self.body("{not json"))
            #expect(malformed.status == .badRequest)
            #expect(try Self.json(malformed)["error"] == .string("invalid session"))
        }
    }

    @Test func validateListsIssuesWithPaths() async throws {
        try await Self.service().makeApplication().test(.live) { client in
            let ok = try await client.send("/v1/validate", method: .post, headers: Self.auth, body: Self.body(Self.example))
            #expect(ok.status == .ok)
            #expect(try Self.json(ok)["valid"] == .bool(true))
            let bad = try await client.send("/v1/validate", method: .post, headers: Self.auth,
                                               body: Self.body(#"{"members": [{"id": ""}]}"#))
            #expect(bad.status == .ok)
            let json = try Self.json(bad)
            #expect(json["valid"] == .bool(false))
            guard case .array(let issues)? = json["issues"] else { Issue.record("no issues"); return }
            #expect(issues.contains { $0["path"] == .string("$.members[0].id") && $0["severity"] == .string("error") })
        }
    }

    @Test func scoreRescoresAGrouping() async throws {
        try await Self.service().makeApplication().test(.live) { client in
            let session = try Session.decode([UInt8](Self.example)).session
            let solved = try solvedInline(session)
            let groups = solved.groups.map { $0.members }
            let request = try JSONSerialization.data(withJSONObject: [
                "session": JSONSerialization.jsonObject(with: Self.example), "groups": groups,
            ])
            let response = try await client.send("/v1/score", method: .post, headers: Self.auth, body: Self.body(request))
            #expect(response.status == .ok)
            let output = try JSONDecoder().decode(Output.self, from: Data(response.body.readableBytesView))
            #expect(output.solver == "external" && output.status == .feasible)
            #expect(abs(output.objective - solved.objective) < 1e-9)

            let wrong = try JSONSerialization.data(withJSONObject: [
                "session": JSONSerialization.jsonObject(with: Self.example), "groups": [["nobody", groups[0][0]]],
            ])
            let invalid = try await client.send("/v1/score", method: .post, headers: Self.auth, body: Self.body(wrong))
            #expect(invalid.status == .badRequest)
            #expect(try Self.json(invalid)["error"] == .string("invalid grouping"))

            let badSession = try await client.send("/v1/score", method: .post, headers: Self.auth,
                                                      body: Self.body(#"{"session": {"members": 3}, "groups": []}"#))
            #expect(badSession.status == .badRequest)
            guard case .array(let issues)? = try Self.json(badSession)["issues"] else { Issue.record("no issues"); return }
            #expect(issues.contains { $0["path"] == .string("$.session.members") })
        }
    }

    @Test func batchAnswersInInputOrder() async throws {
        try await Self.service().makeApplication().test(.live) { client in
            let session = try Session.decode([UInt8](Self.example)).session
            var second = session
            second.options.seed = 7
            let lines = [session.jsonBytes(indent: 0), Array("{\"members\": 1}\n".utf8), Array("\n".utf8), second.jsonBytes(indent: 0)]
            let response = try await client.send("/v1/batch", method: .post, headers: Self.auth, body: ByteBuffer(bytes: lines.joined()))
            #expect(response.status == .ok)
            let out = String(buffer: response.body).split(separator: "\n")
            #expect(out.count == 3)
            guard out.count == 3 else { return }
            let first = try JSONDecoder().decode(Output.self, from: Data(out[0].utf8))
            let last = try JSONDecoder().decode(Output.self, from: Data(out[2].utf8))
            #expect(try first == solvedInline(session))
            #expect(try last == solvedInline(second))
            let error = try JSONValue.parse(String(out[1]))
            #expect(error["line"] == .number(JSONNumber(2)) && error["error"] == .string("invalid session"))
        }
    }

    @Test func healthMetricsAndTheDocument() async throws {
        try await Self.service().makeApplication().test(.live) { client in
            let health = try await client.send("/v1/health", method: .get)
            #expect(health.status == .ok)
            #expect(try Self.json(health)["status"] == .string("ok"))
            _ = try await client.send("/v1/solve", method: .post, headers: Self.auth, body: Self.body(Self.example))
            let metrics = try await client.send("/metrics", method: .get, headers: Self.auth)
            #expect(metrics.status == .ok)
            let text = String(buffer: metrics.body)
            #expect(text.contains(#"mingle_http_requests_total{route="/v1/solve",status="200"} 1"#))
            #expect(text.contains("mingle_solve_seconds_count 1"))
            #expect(text.contains("mingle_solves_in_flight") && text.contains("mingle_requests_queued"))
            let document = try await client.send("/openapi.yaml", method: .get)
            #expect(document.status == .ok)
            let file = try Data(contentsOf: Self.root.appendingPathComponent("docs/openapi.yaml"))
            #expect(Data(document.body.readableBytesView) == file)
        }
    }

    @Test func tokenIsRequired() async throws {
        try await Self.service().makeApplication().test(.live) { client in
            let none = try await client.send("/v1/solve", method: .post, body: Self.body(Self.example))
            #expect(none.status == .unauthorized)
            #expect(none.headers[.wwwAuthenticate] == "Bearer")
            #expect(try Self.json(none)["error"] != nil)
            let wrong = try await client.send("/metrics", method: .get, headers: [.authorization: "Bearer s3cret-tokem"])
            #expect(wrong.status == .unauthorized)
            let longer = try await client.send("/metrics", method: .get, headers: [.authorization: "Bearer \(Self.token)x"])
            #expect(longer.status == .unauthorized)
            let right = try await client.send("/metrics", method: .get, headers: Self.auth)
            #expect(right.status == .ok)
        }
        #expect(BearerAuthMiddleware<BasicRequestContext>.equalInConstantTime(Array("abc".utf8), Array("abc".utf8)))
        #expect(!BearerAuthMiddleware<BasicRequestContext>.equalInConstantTime(Array("ab".utf8), Array("abc".utf8)))
        #expect(!BearerAuthMiddleware<BasicRequestContext>.equalInConstantTime([], Array("abc".utf8)))
    }

    @Test func noAuthOnlyOnLoopback() {
        #expect(ServerConfiguration(host: "127.0.0.1", noAuth: true).problems.isEmpty)
        #expect(ServerConfiguration(host: "::1", noAuth: true).problems.isEmpty)
        #expect(ServerConfiguration(host: "0.0.0.0", noAuth: true).problems.contains { $0.contains("loopback") })
        #expect(ServerConfiguration(host: "10.0.0.2", noAuth: true).problems.contains { $0.contains("loopback") })
        #expect(ServerConfiguration(host: "127.0.0.1").problems.contains { $0.contains("token") })
    }

    @Test func bodyOverTheLimitIs413() async throws {
        try await Self.service { $0.maxBody = 1000 }.makeApplication().test(.live) { client in
            let response = try await client.send("/v1/solve", method: .post, headers: Self.auth, body: Self.body(Self.example))
            #expect(response.status == .contentTooLarge)
            #expect(try Self.json(response)["error"] != nil)
        }
    }

    @Test func unknownRouteIsJSON404() async throws {
        try await Self.service().makeApplication().test(.live) { client in
            let response = try await client.send("/v2/nothing", method: .get, headers: Self.auth)
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "application/json")
        }
    }

    /// Every slot taken and the queue full: 503 with Retry-After, then 200
    /// once a slot is free.
    @Test func fullQueueIs503() async throws {
        let service = Self.service { $0.maxConcurrent = 1; $0.maxQueue = 0 }
        try await service.makeApplication().test(.live) { client in
            try await service.gate.enter()
            let busy = try await client.send("/v1/solve", method: .post, headers: Self.auth, body: Self.body(Self.example))
            #expect(busy.status == .serviceUnavailable)
            #expect(busy.headers[.retryAfter] == "1")
            #expect(try Self.json(busy)["error"] != nil)
            service.gate.leave()
            let ok = try await client.send("/v1/solve", method: .post, headers: Self.auth, body: Self.body(Self.example))
            #expect(ok.status == .ok)
        }
    }

    /// A client that closes its connection while its solve waits for a slot
    /// leaves the queue (its request is cancelled).
    @Test func disconnectCancelsTheRequest() async throws {
        let service = Self.service { $0.maxConcurrent = 1; $0.maxQueue = 4 }
        try await service.makeApplication().test(.live) { client in
            try await service.gate.enter()
            let port = try #require(client.port)
            let leaving = TestClient(host: "127.0.0.1", port: port)
            leaving.connect()
            try await leaving.executeAndDontWaitForResponse(
                .init("/v1/solve", method: .post, headers: Self.auth, body: Self.body(Self.example)))
            #expect(await Self.waitFor { service.gate.load.waiting == 1 })
            try await leaving.close(mode: .all)
            #expect(await Self.waitFor { service.gate.load.waiting == 0 })
            service.gate.leave()
            try? await leaving.shutdown()
        }
    }

    /// A client that closes its connection while its solve runs cancels the
    /// solve: the solver thread stops long before its time limit. The gate's
    /// running count (the `mingle_solves_in_flight` gauge) is held exactly
    /// while a solver thread runs, so its return to 0 shows the thread has
    /// ended; the session (100 members in groups of 5, one block, `exact`,
    /// 60 s) is still being solved a second after it started. The bound is
    /// generous (30 s, half the session's limit): the whole suite runs in
    /// parallel on a debug build, where a run at load 7 to 8 took 13.7 s; how
    /// fast a release server stops is a measurement, not a test.
    @Test func disconnectStopsTheSolver() async throws {
        let service = Self.service { $0.maxConcurrent = 1; $0.maxQueue = 4 }
        var generator = SessionGenerator.Family.oneBlock.generator(members: 100, seed: 1)
        generator.groupSize = 5
        var session = generator.generate()
        session.options.solver = .exact
        session.options.timeLimit = 60
        let body = ByteBuffer(bytes: session.jsonBytes(indent: 0))
        try await service.makeApplication().test(.live) { client in
            let port = try #require(client.port)
            let leaving = TestClient(host: "127.0.0.1", port: port)
            leaving.connect()
            try await leaving.executeAndDontWaitForResponse(
                .init("/v1/solve", method: .post, headers: Self.auth, body: body))
            #expect(await Self.waitFor { service.gate.load.running == 1 })
            try await Task.sleep(for: .seconds(1))
            try #require(service.gate.load.running == 1, "the solve ended before the client left: the test shows nothing")
            let left = ContinuousClock.now
            try await leaving.close(mode: .all)
            #expect(await Self.waitFor(seconds: 30) { service.gate.load.running == 0 })
            #expect(ContinuousClock.now - left < .seconds(30))
            let metrics = try await client.send("/metrics", method: .get, headers: Self.auth)
            let gauge = String(buffer: metrics.body).split(separator: "\n").first { $0.hasPrefix("mingle_solves_in_flight ") }
            #expect(gauge.flatMap { Double($0.split(separator: " ").last ?? "") } == 0)
            try? await leaving.shutdown()
        }
    }

    /// Polls `condition` every 10 ms for up to `seconds` (by the clock, not
    /// by the number of sleeps, which wake late on a busy machine).
    static func waitFor(seconds: Int = 5, _ condition: () -> Bool) async -> Bool {
        let limit = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < limit {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition()
    }
}

/// The synchronous solve (in an async context, `solve(_:)` is the async one).
func solvedInline(_ session: Session) throws -> Output { try SessionSolver().solve(session) }

/// A response, read whole.
struct Reply: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: ByteBuffer
}

extension TestClientProtocol {
    /// One request on a connection of its own, as `/v1/solve` closes its
    /// connection after answering (it watches the connection for a disconnect).
    func send(_ uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil) async throws -> Reply {
        guard let port else { throw TestClient.Error.connectionNotOpen }
        let response = try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
            try await client.execute(.init(uri, method: method, headers: headers, body: body))
        }
        return Reply(status: response.status, headers: response.headers, body: response.body ?? ByteBuffer())
    }
}
