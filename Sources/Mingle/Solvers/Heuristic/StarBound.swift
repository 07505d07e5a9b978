extension BlockPairs {
    /// An upper bound on the score of every grouping of the block that places
    /// at least `placed` participants in groups of `k` or k+1 with at most
    /// `oversized` groups of k+1 (docs/format.md: the bound of an output).
    ///
    /// The star relaxation: a group's score is half the sum, over its members,
    /// of each member's weights to the others, so a member a in a group of k
    /// contributes at most t(a)/2, t(a) the sum of its k-1 largest allowed
    /// weights, and in a group of k+1 at most (t(a) + e(a))/2, e(a) its k-th
    /// largest. At most `oversized`·(k+1) members are in groups of k+1, so
    ///
    ///     score <= ½ (max over P' >= placed of the P' largest t(a))
    ///              + ½ (the oversized·(k+1) largest max(0, e(a))).
    ///
    /// Members with fewer than k-1 allowed partners are never placed. Returns
    /// nil when fewer than `placed` members could be.
    ///
    /// - Complexity: O(m² + m log m) with a dense table (a partial selection of
    ///   the k largest per member).
    func starBound(k: Int, placed: Int, oversized: Int) -> Double? {
        var totals: [Double] = []
        var extras: [Double] = []
        totals.reserveCapacity(m)
        var largest = [Double](repeating: -.infinity, count: k)
        for a in 0..<m {
            for i in 0..<k { largest[i] = -.infinity }
            for b in 0..<m where b != a {
                let weight = w(a, b)
                guard weight > largest[k - 1] else { continue }
                // Insert the weight into the descending list of the k largest.
                var i = k - 1
                while i > 0 && largest[i - 1] < weight {
                    largest[i] = largest[i - 1]
                    i -= 1
                }
                largest[i] = weight
            }
            guard largest[k - 2] > -.infinity else { continue }
            totals.append(largest[0..<(k - 1)].reduce(0, +))
            if oversized > 0, largest[k - 1] > 0 { extras.append(largest[k - 1]) }
        }
        guard totals.count >= placed else { return nil }
        totals.sort(by: >)
        extras.sort(by: >)
        var sum = 0.0
        for (i, t) in totals.enumerated() where i < placed || t > 0 { sum += t }
        for e in extras.prefix(oversized * (k + 1)) { sum += e }
        return sum / 2
    }
}
