// CallbackTests.swift

import Testing
import MingleGLPK

@Suite("Branch-and-cut callbacks")
struct CallbackTests {
    /// An incumbent handed to GLPK at the root is accepted, and with a
    /// tiny time limit the result is at least as good as that incumbent.
    @Test func incumbentIsAcceptedUnderTinyTimeLimit() throws {
        // 150 strongly correlated items: far more than 50 ms of branch-and-bound.
        let knapsack = Knapsack.stronglyCorrelated(items: 150, seed: 42)
        let start = knapsack.greedy()
        #expect(knapsack.isFeasible(start.x))
        var rootCalls = 0
        let solution = try GLPK.withProblem { lp in
            try knapsack.build(&lp)
            return try lp.solveMIP(MIPOptions(timeLimit: 0.05)) { node in
                guard node.isRoot else { return nil }
                rootCalls += 1
                #expect(node.relaxationValues.count == 150)
                return start.x
            }
        }
        #expect(rootCalls >= 1)
        #expect(solution.heuristicSolutionsAccepted >= 1)
        #expect(solution.status.hasFeasibleSolution)
        #expect(solution.objective >= start.value - 1e-9)
        #expect(knapsack.isFeasible(solution.columnValues))
        #expect(approx(knapsack.value(solution.columnValues), solution.objective))
        let bound = try #require(solution.bestBound)
        #expect(bound >= solution.objective - 1e-6)
        if solution.termination == .timeLimit {
            #expect(solution.status == .feasible)
        } else {
            #expect(solution.status == .optimal)
        }
    }

    /// GLPK's glp_ios_heur_sol does not check constraints; the wrapper
    /// rejects an infeasible "incumbent" instead of letting it win.
    @Test func infeasibleIncumbentIsRejected() throws {
        let knapsack = Knapsack.classic
        let solution = try GLPK.withProblem { lp in
            try knapsack.build(&lp)
            return try lp.solveMIP { _ in [1, 1, 1, 1, 1] }  // weight 20 > 15, value 19
        }
        #expect(solution.heuristicSolutionsRejected >= 1)
        #expect(solution.heuristicSolutionsAccepted == 0)
        #expect(approx(solution.objective, 15))
    }

    @Test func nearlyIntegralIncumbentIsRounded() throws {
        let solution = try GLPK.withProblem { lp in
            try Knapsack.classic.build(&lp)
            return try lp.solveMIP { node in node.isRoot ? [0, 1, 1, 1, 1 - 1e-9] : nil }
        }
        #expect(solution.heuristicSolutionsAccepted == 1)
        #expect(approx(solution.objective, 15))
    }

    @Test func wrongLengthIncumbentThrows() {
        #expect(throws: GLPKError.self) {
            try GLPK.withProblem { lp in
                try Knapsack.classic.build(&lp)
                _ = try lp.solveMIP { _ in [1, 0] }
            }
        }
    }

    /// A cover-inequality generator: for every cover C (sum of weights >
    /// capacity), sum_{j in C} x_j <= |C| - 1 is valid. Add the violated ones.
    @Test func cutGeneratorAddsValidCuts() throws {
        let knapsack = Knapsack.classic
        let n = knapsack.values.count
        var calls = 0
        var sawRoot = false
        let solution = try GLPK.withProblem { lp in
            try knapsack.build(&lp)
            return try lp.solveMIP(cuts: { node in
                calls += 1
                if node.isRoot { sawRoot = true }
                let x = node.relaxationValues
                var cuts: [Cut] = []
                for mask in 1..<(1 << n) {
                    let members = (0..<n).filter { mask & (1 << $0) != 0 }
                    let weight = members.map { knapsack.weights[$0] }.reduce(0, +)
                    guard weight > knapsack.capacity else { continue }
                    // minimal covers only
                    guard members.allSatisfy({ weight - knapsack.weights[$0] <= knapsack.capacity }) else { continue }
                    let lhs = members.map { x[$0] }.reduce(0, +)
                    if lhs > Double(members.count - 1) + 1e-6 {
                        cuts.append(Cut(columns: members, coefficients: Array(repeating: 1, count: members.count),
                                        sense: .lessOrEqual, rhs: Double(members.count - 1)))
                    }
                }
                return cuts
            })
        }
        #expect(calls >= 1)
        #expect(sawRoot)
        #expect(solution.cutsAdded >= 1)
        #expect(solution.status == .optimal)
        #expect(approx(solution.objective, 15))
        #expect(approx(solution.columnValues, [0, 1, 1, 1, 1]))
        #expect(approx(solution.rowActivities, [8]))   // cut rows are gone again
    }

    @Test func invalidCutThrowsInsteadOfAborting() {
        #expect(throws: GLPKError.self) {
            try GLPK.withProblem { lp in
                try Knapsack.classic.build(&lp)
                _ = try lp.solveMIP(cuts: { _ in
                    [Cut(columns: [0, 0], coefficients: [1, 1], sense: .lessOrEqual, rhs: 1)]
                })
            }
        }
    }

    @Test func callbacksWithPresolveAreRejected() {
        #expect(throws: GLPKError.invalidArgument("incumbent and cut callbacks require MIPOptions.presolve == false")) {
            try GLPK.withProblem { lp in
                try Knapsack.classic.build(&lp)
                _ = try lp.solveMIP(MIPOptions(presolve: true), incumbent: { _ in nil })
            }
        }
    }

    /// A `stop` closure ends branch and cut at the callback call where it
    /// first returns true: it is not asked again, the result says `.stopped`,
    /// and what it carries is consistent (an incumbent, if any, that is
    /// feasible, under a bound that is not below it).
    @Test func stopEndsTheSearchWhereItSays() throws {
        // 150 strongly correlated items: far more than 60 callback calls.
        let knapsack = Knapsack.stronglyCorrelated(items: 150, seed: 42)
        let start = knapsack.greedy()
        var asked = 0
        let solution = try GLPK.withProblem { lp in
            try knapsack.build(&lp)
            return try lp.solveMIP(incumbent: { node in node.isRoot ? start.x : nil }, stop: {
                asked += 1
                return asked > 60
            })
        }
        #expect(asked == 61)
        #expect(solution.termination == .stopped)
        #expect(solution.status == .feasible)
        #expect(knapsack.isFeasible(solution.columnValues))
        #expect(solution.objective >= start.value - 1e-9)
        let bound = try #require(solution.bestBound)
        #expect(bound >= solution.objective - 1e-6)
        #expect(try #require(solution.relativeGap) > 0)
    }

    /// A `stop` that never fires changes nothing: the same optimum as without it.
    @Test func stopThatNeverFiresChangesNothing() throws {
        var asked = 0
        let solution = try GLPK.withProblem { lp in
            try Knapsack.classic.build(&lp)
            return try lp.solveMIP(stop: { asked += 1; return false })
        }
        #expect(asked >= 1)
        #expect(solution.termination == .completed)
        #expect(solution.status == .optimal)
        #expect(approx(solution.objective, 15))
    }
}
