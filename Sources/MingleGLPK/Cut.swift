// Cut.swift

/// A cutting plane returned by a cut generator passed to
/// ``LinearProgram/solveMIP(_:incumbent:cuts:)``.
///
/// `sum_k coefficients[k] * x[columns[k]]  (sense)  rhs`, with 0-based
/// column indices (no duplicates). The cut is added to GLPK's local cut
/// pool with `glp_ios_add_row`; GLPK then decides which pool cuts to add
/// to the current subproblem (it skips cuts that are not violated enough).
/// A cut must be valid for every integer feasible solution of the model;
/// GLPK cannot check that.
public struct Cut: Sendable, Hashable {
    /// The relation between the row activity and ``rhs``.
    public enum Sense: Sendable, Hashable, CaseIterable {
        /// `activity <= rhs` (`GLP_UP`).
        case lessOrEqual
        /// `activity >= rhs` (`GLP_LO`).
        case greaterOrEqual
        /// `activity == rhs` (`GLP_FX`).
        case equal
    }

    public var columns: [Int]
    public var coefficients: [Double]
    public var sense: Sense
    public var rhs: Double

    public init(columns: [Int], coefficients: [Double], sense: Sense, rhs: Double) {
        self.columns = columns
        self.coefficients = coefficients
        self.sense = sense
        self.rhs = rhs
    }
}
