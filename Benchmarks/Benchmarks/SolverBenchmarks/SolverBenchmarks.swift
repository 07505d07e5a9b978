import Benchmark
import Foundation
import Mingle

/// Heuristic solve (compile + solve + output) on generated company sessions
/// with the realistic rule set and 26 weeks of history.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration.metrics = [.wallClock, .peakMemoryResident, .mallocCountTotal]
    Benchmark.defaultConfiguration.maxDuration = .seconds(10)
    Benchmark.defaultConfiguration.maxIterations = 20

    for (members, k) in [(500, 2), (2_000, 2), (2_000, 3), (10_000, 2)] {
        let session = SessionGenerator(members: members, groupSize: k, historySessions: 26, seed: 1).generate()
        Benchmark("heuristic solve \(members) members, k=\(k)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try SessionSolver(solver: .heuristic).solve(session))
            }
        }
    }

    let bytes = SessionGenerator(members: 10_000, historySessions: 26, seed: 2).generate().jsonBytes()
    Benchmark("decode 10,000-member session") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try Session.decode(bytes))
        }
    }
    Benchmark("decode 10,000-member session, JSON tree then reader") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try Session.decode(JSONValue.parse(bytes)))
        }
    }
    let data = Data(bytes)
    Benchmark("decode 10,000-member session, Foundation JSONDecoder (Codable, no validation)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try JSONDecoder().decode(CodableSession.self, from: data))
        }
    }

    // The large-scale solver alone (compile + solve), pairs and triples.
    for (members, k) in [(100_000, 2), (100_000, 3)] {
        let problem = Problem(SessionGenerator(members: members, groupSize: k, historySessions: 26, activeShare: 1, seed: 1).generate())
        Benchmark("scale solve \(members) participants, k=\(k)", configuration: .init(maxIterations: 5)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(ScaleSolver().solve(problem, limits: SolveLimits(timeLimit: 60)))
            }
        }
    }
}
