// ErrorTests.swift

import Testing
import MingleGLPK

@Suite("Errors and validation")
struct ErrorTests {
    @Test func inconsistentColumnBoundsThrowBounds() {
        #expect(throws: GLPKError.bounds) {
            try GLPK.withProblem { lp in
                try lp.addColumn(Column(bounds: .range(lower: 2, upper: 1), objective: 1))
                try lp.addRow(Row(columns: [0], coefficients: [1], bounds: .upper(10)))
                _ = try lp.solveLP()
            }
        }
    }

    @Test func inconsistentRowBoundsThrowBounds() {
        #expect(throws: GLPKError.bounds) {
            try GLPK.withProblem { lp in
                try lp.addColumn(Column(objective: 1))
                try lp.addRow(Row(columns: [0], coefficients: [1], bounds: .range(lower: 5, upper: 4)))
                _ = try lp.solveMIP()
            }
        }
    }

    @Test func fractionalBoundOnIntegerColumnThrowsBounds() {
        #expect(throws: GLPKError.bounds) {
            try GLPK.withProblem { lp in
                try lp.addColumn(Column(bounds: .range(lower: 0.5, upper: 3), objective: 1, kind: .integer))
                try lp.addRow(Row(columns: [0], coefficients: [1], bounds: .upper(10)))
                _ = try lp.solveMIP()
            }
        }
    }

    @Test func everyGLPKReturnCodeHasACase() {
        #expect(GLPKError(code: 0) == nil)
        let expected: [GLPKError] = [
            .badBasis, .singular, .conditioning, .bounds, .fault, .objectiveLowerLimit,
            .objectiveUpperLimit, .iterationLimit, .timeLimit, .noPrimalFeasible, .noDualFeasible,
            .rootLPNotOptimal, .stopped, .mipGap, .noFeasible, .noConvergence, .instability,
            .invalidData, .outOfRange,
        ]
        for (offset, error) in expected.enumerated() {
            let code = Int32(offset + 1)           // GLP_EBADB = 0x01 ... GLP_ERANGE = 0x13
            #expect(GLPKError(code: code) == error)
            #expect(error.code == code)
        }
        #expect(GLPKError(code: 99) == .unknown(code: 99))
        #expect(GLPKError.invalidArgument("x").code == nil)
    }

    /// Inputs GLPK would answer with abort() are rejected in Swift, and the
    /// problem is left unchanged.
    @Test func invalidArgumentsAreRejectedBeforeGLPK() throws {
        try GLPK.withProblem { lp in
            try lp.addColumns([Column(), Column()])
            func rejects(_ body: (inout LinearProgram) throws -> Void) -> Bool {
                do { try body(&lp); return false } catch {
                    if case .invalidArgument? = error as? GLPKError { return true }
                    return false
                }
            }
            #expect(rejects { try $0.addRow(Row(columns: [2], coefficients: [1], bounds: .free)) })
            #expect(rejects { try $0.addRow(Row(columns: [-1], coefficients: [1], bounds: .free)) })
            #expect(rejects { try $0.addRow(Row(columns: [0, 0], coefficients: [1, 1], bounds: .free)) })
            #expect(rejects { try $0.addRow(Row(columns: [0, 1], coefficients: [1], bounds: .free)) })
            #expect(rejects { try $0.addRow(Row(columns: [0], coefficients: [.nan], bounds: .free)) })
            #expect(rejects { try $0.addRow(Row(columns: [0], coefficients: [1], bounds: .lower(.nan))) })
            #expect(rejects { try $0.addRow(Row(columns: [0], coefficients: [1], bounds: .lower(.infinity))) })
            #expect(rejects { try $0.addColumn(Column(objective: .infinity)) })
            #expect(rejects { try $0.addColumn(Column(rows: [0], coefficients: [1])) })  // no rows yet
            #expect(rejects { try $0.setObjectiveCoefficient(1, column: 2) })
            #expect(rejects { try $0.setColumnBounds(.fixed(1), column: 5) })
            #expect(rejects { try $0.setRowBounds(.fixed(1), row: 0) })
            #expect(rejects { try $0.deleteColumns([0, 0]) })
            #expect(rejects { try $0.deleteRows([0]) })
            #expect(rejects { _ = try $0.solveLP(LPOptions(timeLimit: 0)) })
            #expect(rejects { _ = try $0.solveLP(LPOptions(iterationLimit: -1)) })
            #expect(rejects { _ = try $0.solveMIP(MIPOptions(relativeGap: -1)) })
            // A long row goes through the mark-array duplicate check.
            let many = Array(0..<20).map { $0 % 2 }
            #expect(rejects { try $0.addRow(Row(columns: many, coefficients: many.map(Double.init), bounds: .free)) })

            #expect(lp.numberOfRows == 0)
            #expect(lp.numberOfColumns == 2)
            // A bulk add with one bad row adds nothing.
            #expect(rejects {
                try $0.addRows([
                    Row(columns: [0], coefficients: [1], bounds: .upper(1)),
                    Row(columns: [7], coefficients: [1], bounds: .upper(1)),
                ])
            })
            #expect(lp.numberOfRows == 0)
        }
    }
}
