/// The rules of a problem as small integer values per participant and, for
/// each rule with few distinct values, a table telling for which pairs of
/// values it holds: the vocabulary of profiles.
///
/// Two participants with the same value on every rule are interchangeable but
/// for their history and exclusions (docs/format.md (what the solver looks for) reads nothing else).
struct RuleTables: Sendable {
    /// A rule's values: `values[i]` in 0..<count for participant i, and
    /// `count` itself for a participant lacking the category.
    struct Tabulated: Sendable {
        let kind: Rule.Kind
        let required: Bool
        let weight: Double
        let values: [Int32]
        /// Distinct values present; `count` is the "lacking" value.
        let count: Int
        /// A participant holding each value.
        let representatives: [Int32]
        /// (count+1)² entries, 1 where the rule holds for (row value, column
        /// value); nil when there are more than `tableLimit` values.
        let holds: [UInt8]?

        /// Whether the rule holds between two values (a table is required).
        @inline(__always)
        func holds(_ a: Int32, _ b: Int32) -> Bool {
            holds![Int(a) * (count + 1) + Int(b)] != 0
        }
    }

    static let tableLimit = 2047

    let rules: [Tabulated]

    /// - Complexity: O(participants × rules) expected, plus O(values²) per
    ///   tabulated rule.
    init(_ problem: Problem) {
        rules = Parallel.map(problem.rules.count) { r in
            RuleTables.tabulate(problem.rules[r], participants: problem.count)
        }
    }

    private static func tabulate(_ rule: CompiledRule, participants n: Int) -> Tabulated {
        var values = [Int32](repeating: 0, count: n)
        var representatives: [Int32] = []
        var lacking: [Int] = []
        /// Numbers distinct values by a hashable key, in order of first appearance.
        func number<Key: Hashable>(_ key: (Int) -> Key?) {
            var id: [Key: Int32] = [:]
            for i in 0..<n {
                guard let k = key(i) else {
                    lacking.append(i)
                    continue
                }
                if let v = id[k] {
                    values[i] = v
                } else {
                    let v = Int32(representatives.count)
                    id[k] = v
                    representatives.append(Int32(i))
                    values[i] = v
                }
            }
        }
        switch rule.storage {
        case .codes(let codes): number { codes[$0] >= 0 ? codes[$0] : nil }
        case .numbers(let numbers, _): number { numbers[$0].isNaN ? nil : (numbers[$0] == 0 ? 0 : numbers[$0]).bitPattern }
        case .masks(let masks): number { masks[$0] != 0 ? masks[$0] : nil }
        case .sets(let offsets, let atoms): number { offsets[$0 + 1] > offsets[$0] ? Array(atoms[Int(offsets[$0])..<Int(offsets[$0 + 1])]) : nil }
        }
        let count = representatives.count
        for i in lacking { values[i] = Int32(count) }
        var holds: [UInt8]? = nil
        if count <= tableLimit {
            var table = [UInt8](repeating: 0, count: (count + 1) * (count + 1))
            for a in 0..<count {
                for b in 0..<count where rule.holds(Int(representatives[a]), Int(representatives[b])) {
                    table[a * (count + 1) + b] = 1
                }
            }
            holds = table
        }
        return Tabulated(kind: rule.kind, required: rule.required, weight: rule.weight, values: values, count: count,
                    representatives: representatives, holds: holds)
    }
}
