extension SimulationResult {
    /// Simulation results as CSV (RFC 4180, `\n` line ends): a header, then per
    /// rule set one row per session and a row whose `session` is `total`.
    /// Rule shares are columns `share:<category> <kind>`, the shares of pairs
    /// inside groups for which each measured rule holds.
    ///
    /// - Complexity: O(rule sets × sessions × columns).
    public static func csvBytes(_ results: [SimulationResult]) -> [UInt8] {
        guard let first = results.first else { return [] }
        var text = (["ruleSet"] + first.sessionColumns).map(csvField).joined(separator: ",") + "\n"
        for result in results {
            let rows = result.sessions.map(result.cells) + [result.totalCells]
            for row in rows {
                text += ([csvField(result.name)] + row.map(csvText)).joined(separator: ",") + "\n"
            }
        }
        return Array(text.utf8)
    }

    static func csvText(_ cell: SimulationCell) -> String {
        switch cell {
        case .integer(let i): return String(i)
        case .number(let x): return JSONWriter.format(x)
        case .text(let s): return csvField(s)
        case .none: return ""
        }
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
