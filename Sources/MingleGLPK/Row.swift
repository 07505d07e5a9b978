// Row.swift

/// A row (constraint) to add to a ``LinearProgram``.
///
/// The row defines the auxiliary variable `r = sum_k coefficients[k] *
/// x[columns[k]]` and ``bounds`` restrict `r` (GLPK's `r = A x` form). For
/// example `2x + 3y >= 6` is
/// `Row(columns: [x, y], coefficients: [2, 3], bounds: .lower(6))`.
///
/// Column indices are 0-based, must refer to existing columns and must not
/// repeat. Zero coefficients are allowed and not stored by GLPK.
public struct Row: Sendable, Hashable {
    /// 0-based column indices of the non-zero entries.
    public var columns: [Int]
    /// Entries matching ``columns`` (same count).
    public var coefficients: [Double]
    /// Bounds on the row activity `r`.
    public var bounds: Bounds

    public init(columns: [Int], coefficients: [Double], bounds: Bounds) {
        self.columns = columns
        self.coefficients = coefficients
        self.bounds = bounds
    }
}
