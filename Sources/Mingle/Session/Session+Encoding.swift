extension Session {
    /// The session as JSON text in the format of SPEC section 1 (keys in spec
    /// order, categories sorted by name), ending with a newline.
    ///
    /// - Parameter indent: spaces per level; 0 writes one line (JSON Lines).
    public func jsonBytes(indent: Int = 1) -> [UInt8] {
        var w = JSONWriter(indent: indent)
        w.beginObject()
        w.key("version"); w.integer(version)
        w.key("program"); w.beginObject()
        if let id = program.id { w.key("id"); w.string(id) }
        w.key("groupSize"); w.integer(program.groupSize)
        w.key("remainder"); w.string(program.remainder.rawValue)
        w.key("rules"); w.beginArray()
        for rule in program.rules {
            w.beginObject()
            w.key("category"); w.string(rule.category)
            w.key("kind"); w.string(rule.kind.name)
            if case .within(let d) = rule.kind { w.key("distance"); w.number(d) }
            if rule.required { w.key("required"); w.bool(true) } else { w.key("weight"); w.number(rule.weight) }
            w.endObject()
        }
        w.endArray()
        w.key("repeats"); w.beginObject()
        w.key("forbidWithin"); w.integer(program.repeats.forbidWithin)
        w.key("penalty"); w.number(program.repeats.penalty)
        w.key("halfLife")
        if let h = program.repeats.halfLife { w.number(h) } else { w.null() }
        w.endObject()
        if let fairness = program.fairness {
            w.key("fairness"); w.beginObject()
            w.key("lookback"); w.integer(fairness.lookback)
            w.endObject()
        }
        w.endObject()
        w.key("members"); w.beginArray()
        for m in members {
            w.beginObject()
            w.key("id"); w.string(m.id)
            if let v = m.firstName { w.key("firstName"); w.string(v) }
            if let v = m.lastName { w.key("lastName"); w.string(v) }
            if let v = m.email { w.key("email"); w.string(v) }
            w.key("status"); w.string(m.status.rawValue)
            w.key("categories"); w.beginObject()
            for key in m.categories.keys.sorted() {
                w.key(key)
                switch m.categories[key]! {
                case .string(let s): w.string(s)
                case .number(let x): if x.rounded() == x && abs(x) < 1e15 { w.integer(Int(x)) } else { w.number(x) }
                case .bool(let b): w.bool(b)
                case .strings(let ss): w.inlineStrings(ss)
                }
            }
            w.endObject()
            w.endObject()
        }
        w.endArray()
        if let participants {
            w.key("participants"); w.inlineStrings(participants)
        }
        w.key("history"); w.beginArray()
        for h in history {
            w.beginObject()
            if let d = h.date { w.key("date"); w.string(d) }
            w.key("groups"); w.beginArray()
            for g in h.groups { w.inlineStrings(g) }
            w.endArray()
            if !h.unmatched.isEmpty { w.key("unmatched"); w.inlineStrings(h.unmatched) }
            w.endObject()
        }
        w.endArray()
        w.key("exclusions"); w.beginArray()
        for e in exclusions {
            w.inlineStrings([e.first, e.second])
        }
        w.endArray()
        w.key("options"); w.beginObject()
        w.key("solver"); w.string(options.solver.rawValue)
        w.key("timeLimit"); w.number(options.timeLimit)
        w.key("seed"); w.integer(Int(truncatingIfNeeded: options.seed))
        w.endObject()
        w.endObject()
        var bytes = w.bytes
        bytes.append(0x0A)
        return bytes
    }
}
