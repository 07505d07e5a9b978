// Termination.swift

/// How a solve ended. Independent of ``SolutionStatus``: a search stopped
/// by its time limit may still carry a feasible solution.
public enum Termination: Sendable, Hashable, CaseIterable {
    /// The solver ran to completion.
    case completed
    /// The time limit was reached (`GLP_ETMLIM`).
    case timeLimit
    /// The simplex iteration limit was reached (`GLP_EITLIM`).
    case iterationLimit
    /// The relative MIP gap tolerance was reached (`GLP_EMIPGAP`).
    case gapTolerance
    /// The caller's `stop` closure ended the search (`glp_ios_terminate`,
    /// `GLP_ESTOP`).
    case stopped
}
