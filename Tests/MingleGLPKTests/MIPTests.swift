// MIPTests.swift

import Testing
import MingleGLPK

@Suite("Mixed-integer programs")
struct MIPTests {
    @Test func knapsackOptimum() throws {
        let knapsack = Knapsack.classic
        let solution = try GLPK.withProblem { lp in
            try knapsack.build(&lp)
            return try lp.solveMIP()
        }
        #expect(solution.status == .optimal)
        #expect(solution.termination == .completed)
        #expect(approx(solution.objective, 15))
        #expect(approx(solution.columnValues, [0, 1, 1, 1, 1]))
        #expect(approx(solution.rowActivities, [8]))
        #expect(solution.bestBound.map { approx($0, 15) } == true)
        #expect(solution.relativeGap == 0)
        // LP relaxation: items 4, 3, 1, 2 fully, 7/12 of item 0.
        #expect(solution.rootRelaxationObjective.map { approx($0, 15 + 4.0 * 7 / 12) } == true)
    }

    @Test func knapsackWithPresolveAndBuiltInCuts() throws {
        let solution = try GLPK.withProblem { lp in
            try Knapsack.classic.build(&lp)
            return try lp.solveMIP(MIPOptions(presolve: true, mirCuts: true, coverCuts: true))
        }
        #expect(solution.status == .optimal)
        #expect(approx(solution.objective, 15))
        #expect(solution.rootRelaxationObjective == nil)
    }

    @Test func generalIntegerMinimization() throws {
        // min x + y  s.t. 2x + 2y >= 3, x, y integer >= 0  ->  2
        let solution = try GLPK.withProblem { lp in
            try lp.addColumns([Column(objective: 1, kind: .integer), Column(objective: 1, kind: .integer)])
            try lp.addRow(Row(columns: [0, 1], coefficients: [2, 2], bounds: .lower(3)))
            return try lp.solveMIP()
        }
        #expect(solution.status == .optimal)
        #expect(approx(solution.objective, 2))
        #expect(solution.bestBound.map { approx($0, 2) } == true)
    }

    @Test(arguments: [false, true])
    func integerInfeasibleIsAStatus(presolve: Bool) throws {
        // 2x == 1 with x integer: LP feasible, no integer solution.
        let solution = try GLPK.withProblem { lp in
            try lp.addColumn(Column(bounds: .range(lower: 0, upper: 10), objective: 1, kind: .integer))
            try lp.addRow(Row(columns: [0], coefficients: [2], bounds: .fixed(1)))
            return try lp.solveMIP(MIPOptions(presolve: presolve))
        }
        #expect(solution.status == .noFeasible)
        #expect(solution.bestBound == nil)
    }

    @Test(arguments: [false, true])
    func infeasibleRelaxationIsAStatus(presolve: Bool) throws {
        let solution = try GLPK.withProblem { lp in
            try lp.addColumns([Column(objective: 1, kind: .integer), Column(objective: 1, kind: .integer)])
            try lp.addRows([
                Row(columns: [0, 1], coefficients: [1, 1], bounds: .lower(5)),
                Row(columns: [0, 1], coefficients: [1, 1], bounds: .upper(3)),
            ])
            return try lp.solveMIP(MIPOptions(presolve: presolve))
        }
        #expect(solution.status == .noFeasible)
    }

    @Test func unboundedRelaxationIsAStatus() throws {
        let solution = try GLPK.withProblem(direction: .maximize) { lp in
            try lp.addColumns([Column(objective: 1, kind: .integer), Column(objective: 1)])
            try lp.addRow(Row(columns: [0, 1], coefficients: [1, -1], bounds: .upper(1)))
            return try lp.solveMIP()
        }
        #expect(solution.status == .unbounded)
    }

    @Test func gapToleranceAndBound() throws {
        let knapsack = Knapsack.stronglyCorrelated(items: 40, seed: 7)
        let solution = try GLPK.withProblem { lp in
            try knapsack.build(&lp)
            return try lp.solveMIP(MIPOptions(timeLimit: 5, relativeGap: 0.05))
        }
        #expect(solution.status.hasFeasibleSolution)
        #expect(knapsack.isFeasible(solution.columnValues))
        let bound = try #require(solution.bestBound)
        #expect(bound >= solution.objective - 1e-6)          // maximization: upper bound
        if solution.termination == .gapTolerance {
            #expect(try #require(solution.relativeGap) <= 0.05 + 1e-9)
        }
    }

    @Test func lpThenMipOnTheSameProblem() throws {
        try GLPK.withProblem { lp in
            try Knapsack.classic.build(&lp)
            let relaxation = try lp.solveLP()
            #expect(approx(relaxation.objective, 15 + 4.0 * 7 / 12))
            let mip = try lp.solveMIP()
            #expect(approx(mip.objective, 15))
            // Branching on a binary after the fact: fix item 4 out.
            try lp.setColumnBounds(.fixed(0), column: 4)
            let restricted = try lp.solveMIP()
            #expect(restricted.status == .optimal)
            #expect(approx(restricted.objective, 8))   // items 0, 1, 3: weight 15
            #expect(approx(restricted.columnValues, [1, 1, 0, 1, 0]))
        }
    }
}
