// Bounds+GLPK.swift

/// Bounds in GLPK's (type, lb, ub) form.
struct GLPKBounds: Hashable {
    var type: GLPKBoundType
    var lower: Double
    var upper: Double

    static let free = GLPKBounds(type: .free, lower: 0, upper: 0)
}

extension Bounds {
    /// Normalizes to GLPK's representation, mapping infinite sides to the
    /// matching bound type. Throws for NaN and for infinities GLPK cannot
    /// represent (e.g. `.lower(+.infinity)`). `lower > upper` is passed
    /// through on purpose (GLPK reports it as `GLP_EBOUND` when solving).
    func glpk(_ what: @autoclosure () -> String) throws(GLPKError) -> GLPKBounds {
        func invalid(_ detail: String) -> GLPKError {
            .invalidArgument("\(what()): \(detail)")
        }
        switch self {
        case .free:
            return .free
        case .lower(let l):
            if l.isNaN || l == .infinity { throw invalid("lower bound \(l)") }
            return l == -.infinity ? .free : GLPKBounds(type: .lower, lower: l, upper: 0)
        case .upper(let u):
            if u.isNaN || u == -.infinity { throw invalid("upper bound \(u)") }
            return u == .infinity ? .free : GLPKBounds(type: .upper, lower: 0, upper: u)
        case .range(let l, let u):
            if l.isNaN || u.isNaN || l == .infinity || u == -.infinity {
                throw invalid("range \(l)...\(u)")
            }
            switch (l == -.infinity, u == .infinity) {
            case (true, true): return .free
            case (true, false): return GLPKBounds(type: .upper, lower: 0, upper: u)
            case (false, true): return GLPKBounds(type: .lower, lower: l, upper: 0)
            case (false, false):
                return l == u
                    ? GLPKBounds(type: .fixed, lower: l, upper: l)
                    : GLPKBounds(type: .doubleBounded, lower: l, upper: u)
            }
        case .fixed(let v):
            if !v.isFinite { throw invalid("fixed value \(v)") }
            return GLPKBounds(type: .fixed, lower: v, upper: v)
        }
    }
}
