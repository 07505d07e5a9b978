// Column.swift

/// A structural variable (column) to add to a ``LinearProgram``.
///
/// Indices are 0-based everywhere in this API (GLPK's 1-based numbering is
/// hidden). `rows`/`coefficients` optionally give the column's entries in
/// rows that already exist, which is what column generation needs; leave
/// them empty when the rows are added later with their own coefficients.
public struct Column: Sendable, Hashable {
    /// Bounds of the variable. Default `x >= 0`. Ignored for
    /// ``VariableKind/binary`` (always `[0, 1]`).
    public var bounds: Bounds
    /// Objective coefficient `c_j`.
    public var objective: Double
    /// Continuous, integer or binary.
    public var kind: VariableKind
    /// 0-based indices of existing rows with a non-zero entry in this
    /// column. No duplicates.
    public var rows: [Int]
    /// Entries matching ``rows`` (same count). Zeros are allowed and not
    /// stored by GLPK.
    public var coefficients: [Double]

    public init(
        bounds: Bounds = .nonNegative,
        objective: Double = 0,
        kind: VariableKind = .continuous,
        rows: [Int] = [],
        coefficients: [Double] = []
    ) {
        self.bounds = bounds
        self.objective = objective
        self.kind = kind
        self.rows = rows
        self.coefficients = coefficients
    }
}
