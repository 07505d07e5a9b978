// LinearProgram+Building.swift

/// GLPK's limits on rows and columns (M_MAX / N_MAX in GLPK's prob.h).
private let maximumDimension = 100_000_000

extension LinearProgram {
    /// Adds columns (structural variables) in bulk and returns their
    /// 0-based indices.
    ///
    /// One `glp_add_cols` call for all of them, then bounds, objective
    /// coefficient, kind and (if given) the entries in existing rows
    /// (`glp_set_mat_col`) per column. Everything is validated first, so on
    /// a throw the problem is unchanged.
    ///
    /// Complexity: O(k + total entries + m) for k columns (the `m` term only
    /// when some column has more than 16 entries).
    ///
    /// Columns may be added after a solve (column generation); the next
    /// ``solveLP(_:)`` warm-starts with the new columns non-basic.
    @discardableResult
    public mutating func addColumns(_ columns: [Column]) throws(GLPKError) -> Range<Int> {
        activateTerminal()
        let P = handle
        let n0 = numberOfColumns
        let m = numberOfRows
        guard !columns.isEmpty else { return n0..<n0 }
        guard columns.count <= maximumDimension - n0 else {
            throw .invalidArgument("too many columns (GLPK allows \(maximumDimension))")
        }
        var bounds: [GLPKBounds] = []
        bounds.reserveCapacity(columns.count)
        var validator = SparseValidator(limit: m, indexName: "row")
        var longest = 0
        for (k, column) in columns.enumerated() {
            bounds.append(try column.bounds.glpk("bounds of column \(n0 + k)"))
            try Self.checkFinite(column.objective, "objective coefficient of column \(n0 + k)")
            try validator.validate(indices: column.rows, values: column.coefficients,
                                   context: "column \(n0 + k)")
            longest = max(longest, column.rows.count)
        }

        let first = glpk_add_cols(P, columns.count)
        var ind = [Int32](repeating: 0, count: longest + 1)
        var val = [Double](repeating: 0, count: longest + 1)
        for (k, column) in columns.enumerated() {
            let j = first + k
            let b = bounds[k]
            glpk_set_col_bnds(P, j, b.type, b.lower, b.upper)
            if column.objective != 0 { glpk_set_obj_coef(P, j, column.objective) }
            if column.kind != .continuous { glpk_set_col_kind(P, j, column.kind) }
            let len = column.rows.count
            if len > 0 {
                for t in 0..<len {
                    ind[t + 1] = Int32(column.rows[t] + 1)
                    val[t + 1] = column.coefficients[t]
                }
                ind.withUnsafeBufferPointer { ip in
                    val.withUnsafeBufferPointer { vp in
                        glpk_set_mat_col(P, j, len, ip.baseAddress!, vp.baseAddress!)
                    }
                }
            }
        }
        return n0..<(n0 + columns.count)
    }

    /// Adds one column and returns its 0-based index. For many columns
    /// prefer ``addColumns(_:)``.
    @discardableResult
    public mutating func addColumn(_ column: Column) throws(GLPKError) -> Int {
        try addColumns([column]).lowerBound
    }

    /// Adds rows (constraints) in bulk and returns their 0-based indices.
    ///
    /// One `glp_add_rows` call for all of them, then `glp_set_row_bnds` and
    /// `glp_set_mat_row` per row. Everything is validated first, so on a
    /// throw the problem is unchanged.
    ///
    /// Complexity: O(k + total entries + n) for k rows (the `n` term only
    /// when some row has more than 16 entries).
    ///
    /// Rows may be added after a solve (cutting planes); the next
    /// ``solveLP(_:)`` warm-starts with the new rows basic, for which
    /// ``SimplexMethod/dual`` is usually the fastest method.
    @discardableResult
    public mutating func addRows(_ rows: [Row]) throws(GLPKError) -> Range<Int> {
        activateTerminal()
        let P = handle
        let m0 = numberOfRows
        let n = numberOfColumns
        guard !rows.isEmpty else { return m0..<m0 }
        guard rows.count <= maximumDimension - m0 else {
            throw .invalidArgument("too many rows (GLPK allows \(maximumDimension))")
        }
        var bounds: [GLPKBounds] = []
        bounds.reserveCapacity(rows.count)
        var validator = SparseValidator(limit: n, indexName: "column")
        var longest = 0
        for (k, row) in rows.enumerated() {
            bounds.append(try row.bounds.glpk("bounds of row \(m0 + k)"))
            try validator.validate(indices: row.columns, values: row.coefficients,
                                   context: "row \(m0 + k)")
            longest = max(longest, row.columns.count)
        }

        let first = glpk_add_rows(P, rows.count)
        var ind = [Int32](repeating: 0, count: longest + 1)
        var val = [Double](repeating: 0, count: longest + 1)
        for (k, row) in rows.enumerated() {
            let i = first + k
            let b = bounds[k]
            glpk_set_row_bnds(P, i, b.type, b.lower, b.upper)
            let len = row.columns.count
            if len > 0 {
                for t in 0..<len {
                    ind[t + 1] = Int32(row.columns[t] + 1)
                    val[t + 1] = row.coefficients[t]
                }
                ind.withUnsafeBufferPointer { ip in
                    val.withUnsafeBufferPointer { vp in
                        glpk_set_mat_row(P, i, len, ip.baseAddress!, vp.baseAddress!)
                    }
                }
            }
        }
        return m0..<(m0 + rows.count)
    }

    /// Adds one row and returns its 0-based index. For many rows prefer
    /// ``addRows(_:)``.
    @discardableResult
    public mutating func addRow(_ row: Row) throws(GLPKError) -> Int {
        try addRows([row]).lowerBound
    }

    /// Replaces all coefficients of a row (`glp_set_mat_row`). O(old +
    /// new length), plus O(n) for rows longer than 16 entries.
    public mutating func setRowCoefficients(
        row: Int, columns: [Int], coefficients: [Double]
    ) throws(GLPKError) {
        activateTerminal()
        try checkRow(row)
        var validator = SparseValidator(limit: numberOfColumns, indexName: "column")
        try validator.validate(indices: columns, values: coefficients, context: "row \(row)")
        let P = handle
        let ind = [0] + columns.map { Int32($0 + 1) }
        let val = [0] + coefficients
        ind.withUnsafeBufferPointer { ip in
            val.withUnsafeBufferPointer { vp in
                glpk_set_mat_row(P, row + 1, columns.count, ip.baseAddress!, vp.baseAddress!)
            }
        }
    }

    /// Sets the objective coefficient `c_j` (`glp_set_obj_coef`). O(1).
    public mutating func setObjectiveCoefficient(_ value: Double, column: Int) throws(GLPKError) {
        activateTerminal()
        try checkColumn(column)
        try Self.checkFinite(value, "objective coefficient")
        glpk_set_obj_coef(handle, column + 1, value)
    }

    /// Objective coefficient `c_j` (`glp_get_obj_coef`). O(1).
    public func objectiveCoefficient(column: Int) throws(GLPKError) -> Double {
        try checkColumn(column)
        return glpk_get_obj_coef(handle, column + 1)
    }

    /// Sets the constant term `c_0` of the objective
    /// (`glp_set_obj_coef(P, 0, c0)`). O(1).
    public mutating func setObjectiveConstant(_ value: Double) throws(GLPKError) {
        activateTerminal()
        try Self.checkFinite(value, "objective constant")
        glpk_set_obj_coef(handle, 0, value)
    }

    /// Changes the bounds of a column (`glp_set_col_bnds`). The column's
    /// kind is kept (a binary column with new bounds stays integer). O(1).
    public mutating func setColumnBounds(_ bounds: Bounds, column: Int) throws(GLPKError) {
        activateTerminal()
        try checkColumn(column)
        let b = try bounds.glpk("bounds of column \(column)")
        glpk_set_col_bnds(handle, column + 1, b.type, b.lower, b.upper)
    }

    /// Changes the bounds of a row activity (`glp_set_row_bnds`). O(1).
    public mutating func setRowBounds(_ bounds: Bounds, row: Int) throws(GLPKError) {
        activateTerminal()
        try checkRow(row)
        let b = try bounds.glpk("bounds of row \(row)")
        glpk_set_row_bnds(handle, row + 1, b.type, b.lower, b.upper)
    }

    /// Changes the kind of a column (`glp_set_col_kind`). ``VariableKind/binary``
    /// also sets the bounds to `[0, 1]`. O(1).
    public mutating func setColumnKind(_ kind: VariableKind, column: Int) throws(GLPKError) {
        activateTerminal()
        try checkColumn(column)
        glpk_set_col_kind(handle, column + 1, kind)
    }

    /// Deletes rows (`glp_del_rows`). Rows after a deleted one move down,
    /// i.e. the remaining rows keep their relative order and are renumbered
    /// 0..<(m - k). O(m + entries of the deleted rows).
    ///
    /// If a deleted row was non-basic the stored basis becomes invalid;
    /// the next solve then restarts from the standard basis.
    public mutating func deleteRows(_ rows: [Int]) throws(GLPKError) {
        activateTerminal()
        guard !rows.isEmpty else { return }
        var validator = SparseValidator(limit: numberOfRows, indexName: "row")
        try validator.validate(indices: rows, values: Array(repeating: 0, count: rows.count),
                               context: "deleteRows")
        let P = handle
        let num = [0] + rows.map { Int32($0 + 1) }
        num.withUnsafeBufferPointer { glpk_del_rows(P, rows.count, $0.baseAddress!) }
    }

    /// Deletes columns (`glp_del_cols`). Columns after a deleted one move
    /// down. O(n + entries of the deleted columns).
    ///
    /// If a deleted column was basic the stored basis becomes invalid; the
    /// next solve then restarts from the standard basis.
    public mutating func deleteColumns(_ columns: [Int]) throws(GLPKError) {
        activateTerminal()
        guard !columns.isEmpty else { return }
        var validator = SparseValidator(limit: numberOfColumns, indexName: "column")
        try validator.validate(indices: columns, values: Array(repeating: 0, count: columns.count),
                               context: "deleteColumns")
        let P = handle
        let num = [0] + columns.map { Int32($0 + 1) }
        num.withUnsafeBufferPointer { glpk_del_cols(P, columns.count, $0.baseAddress!) }
    }
}
