extension SimulationResult {
    /// Simulation results as JSON: the plan, the measured rules, and per rule
    /// set its totals (with the repeat ages and the members who were unlucky
    /// more than once) and its sessions, keyed as the CSV columns.
    ///
    /// - Complexity: O(rule sets × (sessions × columns + members)).
    public static func jsonBytes(_ results: [SimulationResult]) -> [UInt8] {
        var w = JSONWriter(indent: 2)
        w.beginObject()
        w.key("version"); w.integer(1)
        if let plan = results.first?.plan {
            w.key("plan"); w.beginObject()
            w.key("sessions"); w.integer(plan.sessions)
            w.key("participation"); w.number(plan.participation)
            w.key("join"); w.number(plan.join)
            w.key("leave"); w.number(plan.leave)
            w.key("seed"); w.integer(Int(truncatingIfNeeded: plan.seed))
            w.key("solver"); if let s = plan.solver { w.string(s.rawValue) } else { w.null() }
            w.key("timeLimit"); if let t = plan.timeLimit { w.number(t) } else { w.null() }
            w.endObject()
            w.key("rules"); w.inlineStrings(results[0].measuredRules.map(\.label))
        }
        w.key("ruleSets"); w.beginArray()
        for result in results {
            w.beginObject()
            w.key("name"); w.string(result.name)
            w.key("totals"); w.beginObject()
            let columns = result.sessionColumns
            for (key, cell) in zip(columns, result.totalCells) where key != "session" && key != "date" && key != "status" && key != "bound" {
                w.key(key == "participants" ? "participations" : key == "gap" ? "meanGap" : key)
                write(cell, to: &w)
            }
            let t = result.totals
            w.key("sessions"); w.integer(t.sessions)
            w.key("members"); w.integer(t.members)
            w.key("firstRepeatSession"); if let f = t.firstRepeatSession { w.integer(f) } else { w.null() }
            w.key("maxSeconds"); w.number((t.maxSeconds * 1000).rounded() / 1000)
            w.key("repeatAges"); w.beginArray()
            for (a, count) in t.repeatAges.enumerated() where count > 0 {
                w.beginObject(); w.key("age"); w.integer(a + 1); w.key("count"); w.integer(count); w.endObject()
            }
            w.endArray()
            for (key, list) in [("leftOutMoreThanOnce", t.leftOutMoreThanOnce), ("oversizedMoreThanOnce", t.oversizedMoreThanOnce),
                                ("unluckyMoreThanOnce", t.unluckyMoreThanOnce)] {
                w.key(key); w.beginArray()
                for entry in list {
                    w.beginObject(); w.key("member"); w.string(entry.member); w.key("times"); w.integer(entry.times); w.endObject()
                }
                w.endArray()
            }
            w.endObject()
            w.key("sessions"); w.beginArray()
            for m in result.sessions {
                w.beginObject()
                for (key, cell) in zip(columns, result.cells(m)) {
                    w.key(key)
                    write(cell, to: &w)
                }
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        var bytes = w.bytes
        bytes.append(0x0A)
        return bytes
    }

    static func write(_ cell: SimulationCell, to w: inout JSONWriter) {
        switch cell {
        case .integer(let i): w.integer(i)
        case .number(let x): w.number(x)
        case .text(let s): w.string(s)
        case .none: w.null()
        }
    }
}
