/// A rule of the program turned into per-participant codes, so that testing it
/// on a pair is one or two array reads and a comparison.
struct CompiledRule: Sendable {
    enum Storage: Sendable {
        /// `same` / `different`: a code per participant for its value as a set
        /// of atoms; -1 when the participant lacks the category.
        case codes([Int32])
        /// `within`: the number, NaN when lacking.
        case numbers([Double], distance: Double)
        /// `overlap` with at most 64 distinct atoms: a bit per atom; 0 when lacking.
        case masks([UInt64])
        /// `overlap` in general: sorted atom ids per participant (CSR).
        case sets(offsets: [Int32], atoms: [Int32])
    }

    let kind: Rule.Kind
    let required: Bool
    let weight: Double
    let storage: Storage

    var isSame: Bool {
        if case .same = kind { return true }
        return false
    }

    /// The participant's code under a `same`/`different` rule (-1: lacking).
    func code(_ i: Int) -> Int32 {
        if case .codes(let codes) = storage { return codes[i] }
        return -1
    }

    func hasValue(_ i: Int) -> Bool {
        switch storage {
        case .codes(let codes): return codes[i] >= 0
        case .numbers(let numbers, _): return !numbers[i].isNaN
        case .masks(let masks): return masks[i] != 0
        case .sets(let offsets, _): return offsets[i + 1] > offsets[i]
        }
    }

    /// Whether the rule holds for the pair (docs/format.md (the session), Rules).
    @inline(__always)
    func holds(_ i: Int, _ j: Int) -> Bool {
        switch storage {
        case .codes(let codes):
            let a = codes[i], b = codes[j]
            guard a >= 0, b >= 0 else { return false }
            if case .different = kind { return a != b }
            return a == b
        case .numbers(let numbers, let distance):
            // NaN (lacking) compares false.
            return abs(numbers[i] - numbers[j]) <= distance
        case .masks(let masks):
            return masks[i] & masks[j] != 0
        case .sets(let offsets, let atoms):
            var a = Int(offsets[i]), b = Int(offsets[j])
            let aEnd = Int(offsets[i + 1]), bEnd = Int(offsets[j + 1])
            while a < aEnd && b < bEnd {
                if atoms[a] == atoms[b] { return true }
                if atoms[a] < atoms[b] { a += 1 } else { b += 1 }
            }
            return false
        }
    }
}
