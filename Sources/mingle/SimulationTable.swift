import Foundation
import Mingle

/// The summary of simulations as a terminal table: one row per measure, one
/// column per rule set.
struct SimulationTable {
    let results: [SimulationResult]

    init(_ results: [SimulationResult]) {
        self.results = results
    }

    var rows: [(String, [String])] {
        func row(_ label: String, _ value: (SimulationResult) -> String) -> (String, [String]) { (label, results.map(value)) }
        func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }
        func decimal(_ x: Double?) -> String { x.map { String(format: "%.1f", $0) } ?? "-" }
        var rows = [
            row("sessions") { String($0.totals.sessions) },
            row("participants per session (mean)") { decimal(Double($0.totals.participations) / Double(max(1, $0.totals.sessions))) },
            row("placed (total)") { "\($0.totals.placed) (\(percent(Double($0.totals.placed) / Double(max(1, $0.totals.participations)))))" },
            row("left out (total)") { String($0.totals.unmatched) },
            row("groups of k+1 (total)") { String($0.totals.oversizedGroups) },
            row("repeats: pairs who met before") { String($0.totals.repeats) },
            row("repeat rate") { percent($0.totals.repeatRate) },
            row("mean age of repeats (sessions)") { decimal($0.totals.meanRepeatAge) },
            row("first session with a repeat") { $0.totals.firstRepeatSession.map(String.init) ?? "none" },
            row("distinct partners per member (mean)") { decimal($0.totals.distinctPartnersMean) },
            row("distinct partners per member (p10)") { String($0.totals.distinctPartnersP10) },
        ]
        for (r, rule) in (results.first?.measuredRules ?? []).enumerated() {
            rows.append(row("pairs with \(rule.label)") { percent(Double($0.totals.ruleHolds[r]) / Double(max(1, $0.totals.pairs))) })
        }
        rows += [
            row("unlucky: left out or in k+1 (total)") { String($0.totals.unlucky) },
            row("unlucky again, as the time before") { String($0.totals.unluckyAgain) },
            row("members left out more than once") { String($0.totals.leftOutMoreThanOnce.count) },
            row("members in k+1 more than once") { String($0.totals.oversizedMoreThanOnce.count) },
            row("objective (mean per session)") { decimal($0.totals.objective / Double(max(1, $0.totals.sessions))) },
            row("gap (mean)") { $0.totals.meanGap.map { percent($0) } ?? "-" },
            row("solve time (total)") { String(format: "%.2fs", $0.totals.seconds) },
            row("solve time (slowest session)") { String(format: "%.3fs", $0.totals.maxSeconds) },
        ]
        return rows
    }

    /// The table, labels left-aligned and values right-aligned.
    var text: String {
        let rows = [("", results.map(\.name))] + self.rows
        let labelWidth = rows.map(\.0.count).max() ?? 0
        let widths = results.indices.map { c in rows.map { $0.1[c].count }.max() ?? 0 }
        return rows.map { label, values in
            label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
                + zip(values, widths).map { "  " + String(repeating: " ", count: $1 - $0.count) + $0 }.joined()
        }.joined(separator: "\n") + "\n"
    }
}
