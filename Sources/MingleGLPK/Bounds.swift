// Bounds.swift

/// Bounds on a structural variable (column) or on a row activity.
///
/// Formulation convention: every row `i` defines an auxiliary variable
/// `r_i = sum_j a_ij * x_j` (`r = A x`), and the bounds restrict `r_i`;
/// there is no separate "right-hand side". A constraint `x + y <= 4` is the
/// row `columns: [x, y], coefficients: [1, 1]` with bounds `.upper(4)`.
///
/// Infinite values are allowed where they make sense and are normalized:
/// `.lower(-.infinity)` is `.free`, `.range(lower: 0, upper: .infinity)` is
/// `.lower(0)`, `.range(lower: v, upper: v)` is `.fixed(v)`. NaN, and
/// infinities on the wrong side, are rejected with
/// ``GLPKError/invalidArgument(_:)``.
///
/// A range with `lower > upper` is accepted when the model is built and
/// reported by the solver as ``GLPKError/bounds`` (GLPK's `GLP_EBOUND`),
/// since bounds may legitimately be changed again before solving.
public enum Bounds: Sendable, Hashable {
    /// `-inf < x < +inf` (`GLP_FR`).
    case free
    /// `lower <= x` (`GLP_LO`).
    case lower(Double)
    /// `x <= upper` (`GLP_UP`).
    case upper(Double)
    /// `lower <= x <= upper` (`GLP_DB`; `GLP_FX` when equal).
    case range(lower: Double, upper: Double)
    /// `x == value` (`GLP_FX`).
    case fixed(Double)

    /// `x >= 0`, the usual default for columns.
    public static let nonNegative = Bounds.lower(0)
}
