// LPTests.swift

import Testing
import MingleGLPK

@Suite("Linear programs")
struct LPTests {
    /// The example from the GLPK reference manual:
    /// max 10x1 + 6x2 + 4x3
    ///   p:   x1 +  x2 +  x3 <= 100
    ///   q: 10x1 + 4x2 + 5x3 <= 600
    ///   r:  2x1 + 2x2 + 6x3 <= 300,  x >= 0
    /// Optimum 2200/3 at (100/3, 200/3, 0); duals (10/3, 2/3, 0); d3 = -8/3.
    @Test func knownOptimumAndDuals() throws {
        let solution = try GLPK.withProblem(direction: .maximize) { lp in
            try lp.addColumns([Column(objective: 10), Column(objective: 6), Column(objective: 4)])
            try lp.addRows([
                Row(columns: [0, 1, 2], coefficients: [1, 1, 1], bounds: .upper(100)),
                Row(columns: [0, 1, 2], coefficients: [10, 4, 5], bounds: .upper(600)),
                Row(columns: [0, 1, 2], coefficients: [2, 2, 6], bounds: .upper(300)),
            ])
            #expect(lp.numberOfRows == 3)
            #expect(lp.numberOfColumns == 3)
            #expect(lp.numberOfNonzeros == 9)
            return try lp.solveLP()
        }
        #expect(solution.status == .optimal)
        #expect(solution.primalStatus == .feasible)
        #expect(solution.dualStatus == .feasible)
        #expect(solution.termination == .completed)
        #expect(approx(solution.objective, 2200.0 / 3))
        #expect(approx(solution.columnValues, [100.0 / 3, 200.0 / 3, 0]))
        #expect(approx(solution.rowActivities, [100, 600, 200]))
        #expect(approx(solution.rowDuals, [10.0 / 3, 2.0 / 3, 0]))
        #expect(approx(solution.reducedCosts, [0, 0, -8.0 / 3]))
        #expect(solution.iterations > 0)
    }

    @Test func presolveGivesSameOptimum() throws {
        let solution = try GLPK.withProblem(direction: .maximize) { lp in
            try lp.addColumns([Column(objective: 10), Column(objective: 6), Column(objective: 4)])
            try lp.addRows([
                Row(columns: [0, 1, 2], coefficients: [1, 1, 1], bounds: .upper(100)),
                Row(columns: [0, 1, 2], coefficients: [10, 4, 5], bounds: .upper(600)),
                Row(columns: [0, 1, 2], coefficients: [2, 2, 6], bounds: .upper(300)),
            ])
            return try lp.solveLP(LPOptions(presolve: true, method: .dual))
        }
        #expect(solution.status == .optimal)
        #expect(approx(solution.objective, 2200.0 / 3))
        #expect(approx(solution.rowDuals, [10.0 / 3, 2.0 / 3, 0]))
    }

    @Test(arguments: [false, true])
    func infeasibleIsAStatusNotAnError(presolve: Bool) throws {
        let solution = try GLPK.withProblem { lp in
            try lp.addColumns([Column(objective: 1), Column(objective: 1)])
            try lp.addRows([
                Row(columns: [0, 1], coefficients: [1, 1], bounds: .lower(5)),
                Row(columns: [0, 1], coefficients: [1, 1], bounds: .upper(3)),
            ])
            return try lp.solveLP(LPOptions(presolve: presolve))
        }
        #expect(solution.status == .noFeasible)
        #expect(solution.termination == .completed)
    }

    @Test(arguments: [false, true])
    func unboundedIsAStatusNotAnError(presolve: Bool) throws {
        let solution = try GLPK.withProblem(direction: .maximize) { lp in
            try lp.addColumns([Column(objective: 1), Column(objective: 1)])
            try lp.addRow(Row(columns: [0, 1], coefficients: [1, -1], bounds: .upper(1)))
            return try lp.solveLP(LPOptions(presolve: presolve))
        }
        #expect(solution.status == .unbounded)
    }

    @Test func boundsNormalization() throws {
        let solution = try GLPK.withProblem { lp in
            try lp.addColumns([
                Column(bounds: .range(lower: -.infinity, upper: 2), objective: -1), // -> upper(2)
                Column(bounds: .range(lower: 3, upper: 3), objective: 1),           // -> fixed(3)
                Column(bounds: .lower(-.infinity), objective: 0),                   // -> free
                Column(bounds: .range(lower: 1, upper: .infinity), objective: 1),   // -> lower(1)
            ])
            try lp.addRow(Row(columns: [2, 0], coefficients: [1, 1], bounds: .fixed(0)))
            return try lp.solveLP()
        }
        #expect(solution.status == .optimal)
        #expect(approx(solution.columnValues, [2, 3, -2, 1]))
        #expect(approx(solution.objective, 2))
    }

    /// Cutting planes: add a row after a solve and re-solve (warm start).
    @Test func addRowsAfterSolve() throws {
        try GLPK.withProblem(direction: .maximize) { lp in
            try lp.addColumns([Column(objective: 3), Column(objective: 2)])
            try lp.addRow(Row(columns: [0, 1], coefficients: [1, 1], bounds: .upper(4)))
            try lp.addRow(Row(columns: [0, 1], coefficients: [1, 3], bounds: .upper(9)))
            let first = try lp.solveLP()
            #expect(approx(first.objective, 12))          // x = (4, 0)
            let cut = try lp.addRow(Row(columns: [0], coefficients: [1], bounds: .upper(3)))
            #expect(cut == 2)
            let second = try lp.solveLP(LPOptions(method: .dual))
            #expect(second.status == .optimal)
            #expect(approx(second.objective, 11))         // x = (3, 1)
            #expect(approx(second.columnValues, [3, 1]))
            #expect(approx(second.rowDuals, [2, 0, 1]))
        }
    }

    /// Column generation: add a column with entries in existing rows.
    @Test func addColumnsAfterSolve() throws {
        try GLPK.withProblem { lp in
            // Cover demand 10 with item A (cost 3/unit) ...
            try lp.addColumn(Column(objective: 3))
            try lp.addRow(Row(columns: [0], coefficients: [1], bounds: .lower(10)))
            let first = try lp.solveLP()
            #expect(approx(first.objective, 30))
            #expect(approx(first.rowDuals, [3]))
            // ... price a new column B covering 2 units for cost 4: reduced cost 4 - 2*3 < 0.
            let b = try lp.addColumn(Column(objective: 4, rows: [0], coefficients: [2]))
            #expect(b == 1)
            let second = try lp.solveLP()
            #expect(approx(second.objective, 20))
            #expect(approx(second.columnValues, [0, 5]))
            #expect(approx(second.rowDuals, [2]))
        }
    }

    @Test func deletingRowsAndColumnsKeepsSolving() throws {
        try GLPK.withProblem(direction: .maximize) { lp in
            try lp.addColumns([Column(objective: 3), Column(objective: 2), Column(objective: 1)])
            try lp.addRows([
                Row(columns: [0, 1], coefficients: [1, 1], bounds: .upper(4)),
                Row(columns: [0], coefficients: [1], bounds: .upper(3)),
                Row(columns: [2], coefficients: [1], bounds: .upper(1)),
            ])
            #expect(approx(try lp.solveLP().objective, 12))
            try lp.deleteRows([1])            // was binding and non-basic
            try lp.deleteColumns([2])         // was basic
            #expect(lp.numberOfRows == 2)
            #expect(lp.numberOfColumns == 2)
            let again = try lp.solveLP()
            #expect(again.status == .optimal)
            #expect(approx(again.objective, 12))  // x = (4, 0)
        }
    }

    @Test func timeAndIterationLimitsAreTerminationsNotErrors() throws {
        let solution = try GLPK.withProblem(direction: .maximize) { lp in
            try lp.addColumns([Column(objective: 10), Column(objective: 6), Column(objective: 4)])
            try lp.addRows([
                Row(columns: [0, 1, 2], coefficients: [1, 1, 1], bounds: .upper(100)),
                Row(columns: [0, 1, 2], coefficients: [10, 4, 5], bounds: .upper(600)),
            ])
            return try lp.solveLP(LPOptions(timeLimit: 10, iterationLimit: 0))
        }
        #expect(solution.termination == .iterationLimit)
        #expect(solution.status != .optimal)
    }

    @Test func objectiveConstantAndCoefficients() throws {
        try GLPK.withProblem { lp in
            try lp.addColumn(Column(bounds: .range(lower: 1, upper: 5), objective: 2))
            try lp.setObjectiveConstant(7)
            try lp.setObjectiveCoefficient(-1, column: 0)
            #expect(try lp.objectiveCoefficient(column: 0) == -1)
            let solution = try lp.solveLP()
            #expect(approx(solution.objective, 2))   // 7 - 5
            #expect(approx(solution.columnValues, [5]))
        }
    }
}
