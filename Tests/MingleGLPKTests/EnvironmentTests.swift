// EnvironmentTests.swift

import Testing
import MingleGLPK
import Synchronization
import Dispatch

private struct Boom: Error {}

@Suite("Environment, lifetime and threads")
struct EnvironmentTests {
    @Test func version() {
        #expect(GLPK.version.hasPrefix("5."))
    }

    @Test func debianGLPKIsThreadLocal() {
        #expect(GLPK.threadLocalStorage != nil)
    }

    /// The problem is deleted when the body throws.
    @Test func problemIsFreedWhenBodyThrows() {
        #expect(GLPK.allocatedBlocksOnCurrentThread == 0)
        #expect(throws: Boom.self) {
            try GLPK.withProblem { lp in
                try lp.addColumns(Array(repeating: Column(objective: 1), count: 50))
                #expect(GLPK.allocatedBlocksOnCurrentThread > 0)
                #expect(GLPK.releaseThreadEnvironment() == false)   // refuses: problem alive
                throw Boom()
            }
        }
        #expect(GLPK.allocatedBlocksOnCurrentThread == 0)
        #expect(GLPK.releaseThreadEnvironment())
    }

    @Test func environmentCanBeReleasedAndReused() throws {
        for _ in 0..<3 {
            let solution = try GLPK.withProblem { lp in
                try Knapsack.classic.build(&lp)
                return try lp.solveMIP()
            }
            #expect(approx(solution.objective, 15))
            #expect(GLPK.releaseThreadEnvironment())
        }
    }

    /// GLPK 5 keeps one environment per thread: independent problems on
    /// different threads at the same time are fine.
    @Test func concurrentSolvesOnSeparateThreads() {
        let results = Mutex<[Double]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            let knapsack = Knapsack.stronglyCorrelated(items: 15, seed: UInt64(index % 2))
            let value = try? GLPK.withProblem { lp in
                try knapsack.build(&lp)
                return try lp.solveMIP().objective
            }
            results.withLock { $0.append(value ?? -1) }
        }
        let values = results.withLock { $0 }
        #expect(values.count == 8)
        #expect(!values.contains(-1))
        // Same instance -> same optimum, whichever thread solved it.
        let expected0 = try? GLPK.withProblem { lp in
            try Knapsack.stronglyCorrelated(items: 15, seed: 0).build(&lp)
            return try lp.solveMIP().objective
        }
        let expected1 = try? GLPK.withProblem { lp in
            try Knapsack.stronglyCorrelated(items: 15, seed: 1).build(&lp)
            return try lp.solveMIP().objective
        }
        #expect(values.allSatisfy { $0 == expected0 || $0 == expected1 })
        #expect(values.filter { $0 == expected0 }.count >= 4)
    }
}
