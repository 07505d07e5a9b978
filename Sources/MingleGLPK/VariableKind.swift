// VariableKind.swift

/// Kind of a structural variable (`glp_set_col_kind`).
public enum VariableKind: Sendable, Hashable, CaseIterable {
    /// `GLP_CV`: continuous.
    case continuous
    /// `GLP_IV`: integer. Its bounds must be integral when solving a MIP
    /// (otherwise ``GLPKError/bounds``).
    case integer
    /// `GLP_BV`: integer with bounds `[0, 1]`. Setting this kind replaces
    /// the column's bounds by `[0, 1]`; use
    /// ``LinearProgram/setColumnBounds(_:column:)`` afterwards to fix it.
    case binary
}
