// LinearProgram+Validation.swift
//
// GLPK answers invalid arguments with glp_error -> abort(). Everything a
// caller passes is checked here first and turned into
// GLPKError.invalidArgument.

/// Checks sparse index/value pairs: equal counts, indices in `0..<limit`,
/// no duplicates, finite values. Short vectors are checked pairwise; long
/// ones with a reusable generation-stamped mark array (allocated once,
/// O(limit)), so validating many vectors costs O(total length + limit).
struct SparseValidator {
    let limit: Int
    let indexName: String
    private var marks: [Int] = []
    private var generation = 0

    init(limit: Int, indexName: String) {
        self.limit = limit
        self.indexName = indexName
    }

    mutating func validate(
        indices: [Int], values: [Double], context: @autoclosure () -> String
    ) throws(GLPKError) {
        guard indices.count == values.count else {
            throw .invalidArgument("\(context()): \(indices.count) \(indexName) indices but \(values.count) coefficients")
        }
        guard indices.count <= limit else {
            throw .invalidArgument("\(context()): \(indices.count) entries for \(limit) \(indexName)s")
        }
        for (k, index) in indices.enumerated() {
            guard index >= 0, index < limit else {
                throw .invalidArgument("\(context()): \(indexName) index \(index) out of range 0..<\(limit)")
            }
            guard values[k].isFinite else {
                throw .invalidArgument("\(context()): coefficient \(values[k]) for \(indexName) \(index) is not finite")
            }
        }
        if indices.count <= 16 {
            for a in indices.indices {
                for b in indices.indices where b > a && indices[a] == indices[b] {
                    throw .invalidArgument("\(context()): duplicate \(indexName) index \(indices[a])")
                }
            }
        } else {
            if marks.isEmpty { marks = Array(repeating: 0, count: limit) }
            generation += 1
            for index in indices {
                if marks[index] == generation {
                    throw .invalidArgument("\(context()): duplicate \(indexName) index \(index)")
                }
                marks[index] = generation
            }
        }
    }
}

extension LinearProgram {
    func checkColumn(_ j: Int) throws(GLPKError) {
        let n = numberOfColumns
        guard j >= 0, j < n else {
            throw .invalidArgument("column index \(j) out of range 0..<\(n)")
        }
    }

    func checkRow(_ i: Int) throws(GLPKError) {
        let m = numberOfRows
        guard i >= 0, i < m else {
            throw .invalidArgument("row index \(i) out of range 0..<\(m)")
        }
    }

    static func checkFinite(_ value: Double, _ what: @autoclosure () -> String) throws(GLPKError) {
        guard value.isFinite else {
            throw .invalidArgument("\(what()) must be finite, got \(value)")
        }
    }

    /// Seconds -> GLPK milliseconds (nil = unlimited). Rounds up, at least
    /// 1 ms, below INT_MAX (which GLPK reads as "no limit").
    static func milliseconds(_ seconds: Double?) throws(GLPKError) -> Int32? {
        guard let seconds else { return nil }
        guard seconds.isFinite, seconds > 0 else {
            throw .invalidArgument("time limit must be finite and > 0 seconds, got \(seconds)")
        }
        let ms = (seconds * 1000).rounded(.up)
        return ms >= Double(Int32.max - 1) ? Int32.max - 1 : max(1, Int32(ms))
    }
}
