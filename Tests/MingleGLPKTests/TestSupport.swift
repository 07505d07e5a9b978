// TestSupport.swift

import MingleGLPK

func approx(_ a: Double, _ b: Double, tolerance: Double = 1e-6) -> Bool {
    abs(a - b) <= tolerance * (1 + abs(b))
}

func approx(_ a: [Double], _ b: [Double], tolerance: Double = 1e-6) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { approx($0, $1, tolerance: tolerance) }
}

/// A 0-1 knapsack: maximize values.x subject to weights.x <= capacity.
struct Knapsack {
    var values: [Double]
    var weights: [Double]
    var capacity: Double

    /// The classic 5-item example (capacity 15): optimum 15 with items 1...4.
    static let classic = Knapsack(values: [4, 2, 1, 2, 10], weights: [12, 2, 1, 1, 4], capacity: 15)

    /// Strongly correlated instance (value = weight + 10), hard for plain
    /// branch-and-bound. Deterministic.
    static func stronglyCorrelated(items: Int, seed: UInt64) -> Knapsack {
        var state = seed
        var weights: [Double] = []
        for _ in 0..<items {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            weights.append(Double(10 + (state >> 33) % 90))
        }
        let values = weights.map { $0 + 10 }
        return Knapsack(values: values, weights: weights, capacity: (weights.reduce(0, +) / 2).rounded(.down))
    }

    /// Builds the model: one binary column per item, one capacity row.
    func build(_ lp: inout LinearProgram) throws(GLPKError) {
        lp.direction = .maximize
        let items = try lp.addColumns(values.map { Column(objective: $0, kind: .binary) })
        try lp.addRow(Row(columns: Array(items), coefficients: weights, bounds: .upper(capacity)))
    }

    /// Greedy by value/weight ratio: feasible, usually not optimal.
    func greedy() -> (x: [Double], value: Double) {
        let order = values.indices.sorted { values[$0] / weights[$0] > values[$1] / weights[$1] }
        var x = Array(repeating: 0.0, count: values.count)
        var load = 0.0
        for i in order where load + weights[i] <= capacity {
            x[i] = 1
            load += weights[i]
        }
        return (x, zip(values, x).map(*).reduce(0, +))
    }

    func isFeasible(_ x: [Double]) -> Bool {
        x.allSatisfy { abs($0) < 1e-6 || abs($0 - 1) < 1e-6 }
            && zip(weights, x).map(*).reduce(0, +) <= capacity + 1e-6
    }

    func value(_ x: [Double]) -> Double { zip(values, x).map(*).reduce(0, +) }
}
