extension SimulationResult {
    /// The plot of `mingle simulate --plot` and `mingle compare --plot`: per rule
    /// set and session, the repeat rate, the mean number of distinct partners
    /// met so far, and the running count of participants unlucky again (left
    /// out or put in a group of k+1 the previous time they took part, too).
    public static func chart(_ results: [SimulationResult], title: String) -> LineChart {
        func series(_ value: (SimulationResult) -> [Double]) -> [LineChart.Series] {
            results.map { LineChart.Series(name: $0.name, x: $0.sessions.map { Double($0.session) }, y: value($0)) }
        }
        return LineChart(title: title, panels: [
            LineChart.Panel(title: "Repeat rate: pairs in groups who met before", xLabel: "session",
                            yLabel: "share of pairs", percent: true,
                            series: series { $0.sessions.map(\.repeatRate) }),
            LineChart.Panel(title: "Distinct partners per member so far (mean)", xLabel: "session",
                            yLabel: "distinct partners", series: series { $0.sessions.map(\.distinctPartnersMean) }),
            LineChart.Panel(title: "Unlucky again, running total (left out or in a group of k+1 twice in a row)",
                            xLabel: "session", yLabel: "participants",
                            series: series { r in
                                var total = 0
                                return r.sessions.map { total += $0.unluckyAgain; return Double(total) }
                            }),
        ])
    }
}
