import Foundation
import Synchronization
import Testing
@testable import Mingle

/// The library as a backend uses it: Codable, literals, typed phases and
/// solver names, equality without timings, and the async solve.
@Suite("Library API for backends")
struct BackendAPITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func dataset(_ name: String) throws -> (bytes: Data, session: Session) {
        let bytes = try Data(contentsOf: root.appendingPathComponent("datasets/\(name)"))
        return (bytes, try Session.decode([UInt8](bytes)).session)
    }

    /// A JSON value with object keys sorted and numbers as doubles, to compare
    /// documents whatever their key order and number spelling (`10.0` or `10`),
    /// which are the encoder's choice.
    static func sortedKeys(_ v: JSONValue) -> JSONValue {
        switch v {
        case .object(let members): return .object(members.map { JSONMember(key: $0.key, value: sortedKeys($0.value)) }.sorted { $0.key < $1.key })
        case .array(let values): return .array(values.map(sortedKeys))
        case .number(let n): return .number(JSONNumber(n.double))
        default: return v
        }
    }

    /// The synchronous solve (in an async context, `solve(_:)` is the async one).
    static func solvedInline(_ session: Session, _ solver: SessionSolver = SessionSolver()) throws -> Output {
        try solver.solve(session)
    }

    @Test func sessionEncodesAsTheCLIWritesIt() throws {
        let (_, session) = try Self.dataset("example-20.json")
        let encoded = try JSONEncoder().encode(session)
        let cli = try JSONValue.parse(session.jsonBytes())
        #expect(Self.sortedKeys(try JSONValue.parse([UInt8](encoded))) == Self.sortedKeys(cli))
        #expect(try JSONDecoder().decode(Session.self, from: encoded) == session)
    }

    @Test func sessionDecodesThroughTheValidatingReader() throws {
        let (bytes, session) = try Self.dataset("company-500.json")
        #expect(try JSONDecoder().decode(Session.self, from: bytes) == session)
        let bad = Data(#"{"members": [{"id": "a"}, {"id": "a"}], "options": {"timeLimit": -1}}"#.utf8)
        #expect {
            try JSONDecoder().decode(Session.self, from: bad)
        } throws: { error in
            let paths = (error as? SessionError)?.issues.map(\.path) ?? []
            return paths.contains("$.options.timeLimit") && paths.contains { $0.hasPrefix("$.members[1]") }
        }
    }

    @Test func outputEncodesAsTheCLIWritesIt() throws {
        let (_, session) = try Self.dataset("example-20.json")
        var output = try SessionSolver(timeLimit: 2).solve(session)
        output.warnings = ["a note"]
        let encoded = try JSONEncoder().encode(output)
        #expect(Self.sortedKeys(try JSONValue.parse([UInt8](encoded))) == Self.sortedKeys(try JSONValue.parse(output.jsonBytes())))
        let back = try JSONDecoder().decode(Output.self, from: encoded)
        #expect(back == output)
        #expect(back.warnings == ["a note"])
    }

    @Test func outputEqualityIgnoresTimings() throws {
        let (_, session) = try Self.dataset("example-20.json")
        let a = try SessionSolver(timeLimit: 2).solve(session)
        var b = a
        b.stats.seconds += 3
        #expect(a == b)
        b.stats.repeats += 1
        #expect(a != b)
        #expect(a.solverName != nil && a.solverName?.rawValue == a.solver)
    }

    @Test func categoryLiteralsAndHashableMembers() {
        let m = Member(id: "m1", categories: ["city": "Paris", "seniority": 3, "score": 1.5, "remote": true, "interests": ["chess", "go"]])
        #expect(m.categories["city"] == .string("Paris"))
        #expect(m.categories["seniority"] == .number(3))
        #expect(m.categories["score"] == .number(1.5))
        #expect(m.categories["remote"] == .bool(true))
        #expect(m.categories["interests"] == .strings(["chess", "go"]))
        #expect(m.id == "m1")
        #expect(Set([m, m, Member(id: "m2")]).count == 2)
    }

    @Test func asyncSolveEqualsTheSynchronousOne() async throws {
        let (_, session) = try Self.dataset("example-20.json")  // solved to optimality well within its limit, however loaded the machine
        let phases = Phases()
        let solver = SessionSolver(timeLimit: 30)
        let output = try await solver.solve(session) { phases.add($0.phase) }
        #expect(try output == Self.solvedInline(session, solver))
        #expect(phases.seen.contains(.compiling) && phases.seen.contains(.output))
    }

    /// Cancelled while the solve is still compiling (held there until the
    /// cancellation is done): the task must throw, not wait for the output.
    @Test func cancellationThrowsWithoutWaitingForTheSolver() async throws {
        let (_, session) = try Self.dataset("company-500.json")
        let started = AsyncStream<Void>.makeStream()
        let cancelled = DispatchSemaphore(value: 0)
        let task = Task {
            try await SessionSolver(timeLimit: 30).solve(session) { p in
                guard p.phase == .compiling && p.fraction == 0 else { return }
                started.continuation.yield()
                _ = cancelled.wait(timeout: .now() + 60)  // the solving thread, not the cooperative pool
            }
        }
        for await _ in started.stream { break }
        task.cancel()
        cancelled.signal()
        await #expect(throws: CancellationError.self) { try await task.value }
    }

    @Test func cancelledBeforeStartingThrows() async throws {
        let (_, session) = try Self.dataset("example-20.json")
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await SessionSolver().solve(session)
        }
        await #expect(throws: CancellationError.self) { try await task.value }
    }
}

/// The phases a progress callback heard, from any thread.
private final class Phases: Sendable {
    private let phases = Mutex<Set<SolvePhase>>([])
    func add(_ p: SolvePhase) { phases.withLock { _ = $0.insert(p) } }
    var seen: Set<SolvePhase> { phases.withLock { $0 } }
}
