// LinearProgram+IncumbentCheck.swift
//
// glp_ios_heur_sol only checks that integer columns hold exactly integral
// values and that the objective improves; it does NOT check bounds or
// constraints, so an infeasible "solution" would silently become the
// incumbent. The wrapper therefore checks solutions from the incumbent
// provider against a snapshot of the model taken before the search (node
// bounds inside the tree are tightened by branching and preprocessing, so
// the tree's problem object cannot be used for this).

/// Snapshot of bounds, kinds and constraint matrix used to check candidate
/// incumbents. Built in O(m + n + nnz).
struct IncumbentChecker {
    /// Absolute/relative feasibility tolerance (scaled by 1 + |bound|).
    static let feasibilityTolerance = 1e-6
    /// Distance to the nearest integer accepted for integer columns
    /// (GLPK's default `tol_int`); such values are rounded exactly.
    static let integralityTolerance = 1e-5

    private let columnBounds: [GLPKBounds]
    private let isInteger: [Bool]
    private let rowBounds: [GLPKBounds]
    private let rowStart: [Int]
    private let entryColumn: [Int]
    private let entryValue: [Double]

    init(snapshotOf P: ProblemHandle) {
        let m = glpk_get_num_rows(P)
        let n = glpk_get_num_cols(P)
        columnBounds = (0..<n).map {
            GLPKBounds(type: glpk_get_col_type(P, $0 + 1),
                       lower: glpk_get_col_lb(P, $0 + 1), upper: glpk_get_col_ub(P, $0 + 1))
        }
        isInteger = (0..<n).map { glpk_col_is_integer(P, $0 + 1) }
        rowBounds = (0..<m).map {
            GLPKBounds(type: glpk_get_row_type(P, $0 + 1),
                       lower: glpk_get_row_lb(P, $0 + 1), upper: glpk_get_row_ub(P, $0 + 1))
        }
        var start = [0]
        var columns: [Int] = []
        var values: [Double] = []
        var ind = [Int32](repeating: 0, count: n + 1)
        var val = [Double](repeating: 0, count: n + 1)
        for i in 0..<m {
            let len = ind.withUnsafeMutableBufferPointer { ip in
                val.withUnsafeMutableBufferPointer { vp in
                    glpk_get_mat_row(P, i + 1, ip.baseAddress!, vp.baseAddress!)
                }
            }
            for t in stride(from: 1, through: len, by: 1) {
                columns.append(Int(ind[t]) - 1)
                values.append(val[t])
            }
            start.append(columns.count)
        }
        rowStart = start
        entryColumn = columns
        entryValue = values
    }

    /// Returns the candidate in GLPK's 1-based layout (slot 0 unused) with
    /// integer columns rounded to exact integers, or nil if it violates a
    /// bound, a row, or integrality. `x` must have one finite value per
    /// column. O(n + nnz).
    func accept(_ x: [Double]) -> [Double]? {
        var candidate = [0.0] + x
        for j in 0..<x.count {
            var value = x[j]
            if isInteger[j] {
                let rounded = value.rounded()
                guard abs(value - rounded) <= Self.integralityTolerance else { return nil }
                value = rounded
                candidate[j + 1] = rounded
            }
            guard Self.satisfies(value, columnBounds[j]) else { return nil }
        }
        for i in 0..<rowBounds.count {
            var activity = 0.0
            for k in rowStart[i]..<rowStart[i + 1] {
                activity += entryValue[k] * candidate[entryColumn[k] + 1]
            }
            guard Self.satisfies(activity, rowBounds[i]) else { return nil }
        }
        return candidate
    }

    private static func satisfies(_ value: Double, _ b: GLPKBounds) -> Bool {
        let tol = feasibilityTolerance
        let lowerOK = value >= b.lower - tol * (1 + abs(b.lower))
        let upperOK = value <= b.upper + tol * (1 + abs(b.upper))
        switch b.type {
        case .free: return true
        case .lower: return lowerOK
        case .upper: return upperOK
        case .doubleBounded, .fixed: return lowerOK && upperOK
        }
    }
}
