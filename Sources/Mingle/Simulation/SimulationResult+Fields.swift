/// One value of a simulation table, for CSV and JSON alike.
enum SimulationCell: Equatable {
    case integer(Int)
    case number(Double)
    case text(String)
    case none

    /// Ratios, means and scores keep 6 decimals: enough to read, and stable text.
    static func ratio(_ x: Double?) -> SimulationCell {
        guard let x else { return .none }
        return .number((x * 1e6).rounded() / 1e6)
    }

    static func seconds(_ x: Double) -> SimulationCell { .number((x * 1000).rounded() / 1000) }
}

extension SimulationResult {
    /// The columns of a session row (CSV) or the keys of a session (JSON), in order.
    var sessionColumns: [String] {
        ["session", "date", "participants", "placed", "unmatched", "groups", "oversizedGroups", "pairs", "repeats",
         "repeatRate", "meanRepeatAge", "minRepeatAge", "distinctPartnersMean", "distinctPartnersP10"]
            + measuredRules.map { "share:" + $0.label }
            + ["unlucky", "unluckyAgain", "status", "objective", "bound", "gap", "seconds"]
    }

    /// The values of one session, in the order of `sessionColumns`.
    func cells(_ m: SessionMetrics) -> [SimulationCell] {
        let shares = m.ruleHolds.map { SimulationCell.ratio(m.pairs > 0 ? Double($0) / Double(m.pairs) : nil) }
        return [.integer(m.session), m.date.map { .text($0) } ?? .none, .integer(m.participants), .integer(m.placed),
                .integer(m.unmatched), .integer(m.groups), .integer(m.oversizedGroups), .integer(m.pairs), .integer(m.repeats),
                .ratio(m.repeatRate), .ratio(m.meanRepeatAge), m.minRepeatAge.map { .integer($0) } ?? .none,
                .ratio(m.distinctPartnersMean), .integer(m.distinctPartnersP10)]
            + shares
            + [.integer(m.unlucky), .integer(m.unluckyAgain), .text(m.status.rawValue), .ratio(m.objective),
               m.bound.map { .ratio($0) } ?? .none, .ratio(m.gap), .seconds(m.seconds)]
    }

    /// The totals in the columns of a session row: `session` is "total",
    /// `participants` the participations, `minRepeatAge` over all repeats,
    /// distinct partners at the end, `gap` the mean gap, `seconds` the sum.
    var totalCells: [SimulationCell] {
        let t = totals
        let shares = t.ruleHolds.map { SimulationCell.ratio(t.pairs > 0 ? Double($0) / Double(t.pairs) : nil) }
        let minAge = t.repeatAges.firstIndex { $0 > 0 }.map { SimulationCell.integer($0 + 1) } ?? .none
        return [.text("total"), .none, .integer(t.participations), .integer(t.placed), .integer(t.unmatched),
                .integer(sessions.reduce(0) { $0 + $1.groups }), .integer(t.oversizedGroups), .integer(t.pairs),
                .integer(t.repeats), .ratio(t.repeatRate), .ratio(t.meanRepeatAge), minAge,
                .ratio(t.distinctPartnersMean), .integer(t.distinctPartnersP10)]
            + shares
            + [.integer(t.unlucky), .integer(t.unluckyAgain), .none, .ratio(t.objective), .none, .ratio(t.meanGap),
               .seconds(t.seconds)]
    }
}
