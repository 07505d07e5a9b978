import MingleGLPK

extension SetPartitioning {
    /// Odd-set cuts for the set-packing model: for a set S of participants of odd
    /// size, at most ⌊|S|/2⌋ pairs fit inside it, so
    ///
    ///     Σ_g ⌊|g ∩ S| / 2⌋ x_g  ≤  ⌊|S| / 2⌋
    ///
    /// (a Chvátal–Gomory cut: half the sum of the rows of S, rounded down). For
    /// pairs these are Edmonds' blossom inequalities (Edmonds 1965; Padberg & Rao
    /// 1982 for exact separation). Separation here is the usual heuristic on the
    /// fractional support: each connected component S of the participants covered
    /// by fractional columns, when |S| is odd and the cut is violated. It removes
    /// the half-integral odd cycles that stall branch and bound on pairs.
    ///
    /// - Parameters:
    ///   - values: the LP relaxation's column values (model columns).
    ///   - columns: the group of each model column (model columns past its end,
    ///     such as the group count N, are ignored).
    /// - Complexity: O(nonzeros of the model) per call.
    func oddSetCuts(values: [Double], columns: [Int]) -> [Cut] {
        oddSets(values: values, columns: columns).map { set in
            let (cutColumns, coefficients) = cutCoefficients(set, columns: columns)
            return Cut(columns: cutColumns, coefficients: coefficients, sense: .lessOrEqual, rhs: Double(set.count / 2))
        }
    }

    /// ⌊|g ∩ S| / 2⌋ for a column's group g and a set S given as membership.
    func cutCoefficient(_ inSet: [Bool], group c: Int) -> Int {
        var inside = 0
        for v in groups[c] where inSet[Int(v)] { inside += 1 }
        return inside / 2
    }

    /// The odd set's nonzero coefficients over the model columns.
    func cutCoefficients(_ set: [Int], columns: [Int]) -> ([Int], [Double]) {
        var inSet = [Bool](repeating: false, count: m)
        for v in set { inSet[v] = true }
        var cutColumns: [Int] = [], coefficients: [Double] = []
        for (j, c) in columns.enumerated() {
            let coefficient = cutCoefficient(inSet, group: c)
            if coefficient > 0 {
                cutColumns.append(j)
                coefficients.append(Double(coefficient))
            }
        }
        return (cutColumns, coefficients)
    }

    /// The violated odd sets found on the fractional support (see above), as
    /// lists of participants.
    func oddSets(values: [Double], columns: [Int]) -> [[Int]] {
        var parent = Array(0..<m)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        var touched = [Bool](repeating: false, count: m)
        for (j, c) in columns.enumerated() where j < values.count {
            let x = values[j]
            guard x > 1e-6 && x < 1 - 1e-6 else { continue }
            let members = groups[c]
            let first = find(Int(members.first!))
            for v in members.dropFirst() { parent[find(Int(v))] = first }
        }
        for (j, c) in columns.enumerated() where j < values.count && values[j] > 1e-6 && values[j] < 1 - 1e-6 {
            touched[find(Int(groups[c].first!))] = true
        }
        var components: [Int: [Int]] = [:]
        for v in 0..<m where touched[find(v)] { components[find(v), default: []].append(v) }
        var sets: [[Int]] = []
        for root in components.keys.sorted() {
            let set = components[root]!
            guard set.count >= 3, set.count % 2 == 1 else { continue }
            var inSet = [Bool](repeating: false, count: m)
            for v in set { inSet[v] = true }
            var lhs = 0.0
            for (j, c) in columns.enumerated() where j < values.count && values[j] > 1e-9 {
                lhs += Double(cutCoefficient(inSet, group: c)) * values[j]
            }
            if lhs > Double(set.count / 2) + 1e-6 { sets.append(set) }
        }
        return sets
    }
}
